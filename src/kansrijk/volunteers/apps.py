from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "kansrijk.volunteers"
    verbose_name = _("Volunteers")

    def ready(self) -> None:
        from kansrijk.clients import extensions
        from kansrijk.core.worklist import register_section
        from kansrijk.volunteers import integration, services

        # When her retention period ends, what volunteers noted about her goes too.
        extensions.register_pseudonymiser(services.family_requests_pseudonymise)

        # A volunteer's worry comes first: it may be about a child's safety.
        register_section(
            "volunteers.worries",
            "volunteers/_worklist_worries.html",
            integration.worries_section,
            order=15,
        )
        register_section(
            "volunteers.check_ins",
            "volunteers/_worklist_check_ins.html",
            integration.check_ins_section,
            order=40,
        )
        register_section(
            "volunteers.waiting",
            "volunteers/_worklist_waiting.html",
            integration.waiting_section,
            order=45,
        )
