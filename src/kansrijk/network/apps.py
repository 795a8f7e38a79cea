from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "kansrijk.network"
    verbose_name = _("Coalition network")

    def ready(self) -> None:
        from kansrijk.actions.contexts import register_context
        from kansrijk.core.calendar import register_personal_source
        from kansrijk.core.worklist import register_section
        from kansrijk.network import integration
        from kansrijk.network.constants import ACTION_CONTEXT_KIND

        register_personal_source("network", integration.calendar_items)
        register_section(
            "network.invitations",
            "network/_worklist_section.html",
            integration.work_list_section,
            order=40,
        )
        register_context(
            ACTION_CONTEXT_KIND,
            may_dispose=integration.action_item_may_dispose,
            path=integration.action_item_path,
        )
