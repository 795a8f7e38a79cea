from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "kansrijk.programmes"
    verbose_name = _("Group programmes")

    def ready(self) -> None:
        from kansrijk.core.calendar import register_personal_source, register_public_source
        from kansrijk.core.worklist import register_section
        from kansrijk.programmes import integration

        register_section(
            "programmes.facilitator",
            "programmes/_worklist_facilitator.html",
            integration.facilitator_section,
            order=35,
        )
        register_section(
            "programmes.starting_groups",
            "programmes/_worklist_starting_groups.html",
            integration.starting_groups_section,
            order=70,
        )
        register_personal_source("programmes", integration.calendar_items)
        register_public_source("programmes", integration.public_calendar_items)

        from kansrijk.clients import extensions
        from kansrijk.indicators.extract import register_source
        from kansrijk.programmes import selectors as programmes_selectors
        from kansrijk.programmes import services as programmes_services

        # When her retention period ends, the notes about her absences go.
        extensions.register_pseudonymiser(programmes_services.enrolments_pseudonymise)

        # Its facts for the monitoring extract (dates, area and yes/no only).
        register_source("participation", programmes_selectors.monitoring_participation_facts)
