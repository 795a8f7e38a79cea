from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "kansrijk.screening"
    verbose_name = _("Screening")

    def ready(self) -> None:
        from kansrijk.clients import extensions
        from kansrijk.screening import selectors, services

        extensions.register_export_section("screenings", selectors.screenings_for_client_export)
        extensions.register_pseudonymiser(services.screenings_pseudonymise)
        extensions.register_page_section(
            "screening/_client_section.html",
            lambda request, client: {"screening_profile": selectors.risk_profile(client)},
            order=10,
        )

        from kansrijk.indicators.extract import register_source
        from kansrijk.screening import selectors as screening_selectors

        # Its facts for the monitoring extract (dates, area and yes/no only).
        register_source("screening", screening_selectors.monitoring_screening_facts)
