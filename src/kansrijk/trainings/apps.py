from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingsConfig(AppConfig):
    name = "kansrijk.trainings"
    verbose_name = _("Trainings")

    def ready(self) -> None:
        from kansrijk.core.calendar import register_personal_source, register_public_source
        from kansrijk.core.worklist import register_section
        from kansrijk.trainings import integration

        register_section(
            "trainings.mine",
            "trainings/_worklist_mine.html",
            integration.my_trainings_section,
            order=80,
        )
        register_personal_source("trainings", integration.calendar_items)
        register_public_source("trainings", integration.public_calendar_items)
