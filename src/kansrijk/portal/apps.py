from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "kansrijk.portal"
    label = "portal"
    verbose_name = _("Parent site")

    def ready(self) -> None:
        from kansrijk.clients import extensions
        from kansrijk.core.worklist import register_section
        from kansrijk.portal import integration, services

        # When her retention period ends, what she wrote in her request goes too.
        extensions.register_pseudonymiser(services.help_requests_pseudonymise)
        # Coordinators see requests that could not be forwarded (nothing is lost).
        register_section(
            "portal.waiting_requests",
            "portal/_worklist_waiting.html",
            integration.waiting_requests_section,
            order=20,
        )
