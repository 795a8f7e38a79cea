from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "kansrijk.actions"
    verbose_name = _("Agreements and action items")

    def ready(self) -> None:
        from kansrijk.actions import integration
        from kansrijk.core.calendar import register_personal_source
        from kansrijk.core.worklist import register_section

        register_section(
            "actions.mine",
            "actions/_worklist_section.html",
            integration.work_list_section,
            order=20,
        )
        register_personal_source("actions", integration.calendar_items)
