from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "kansrijk.referrals"
    verbose_name = _("Referrals")

    def ready(self) -> None:
        from kansrijk.clients import extensions
        from kansrijk.referrals import selectors

        extensions.register_visibility(selectors.referral_party_client_ids)
        extensions.register_export_section("referrals", selectors.referrals_for_client_export)
        extensions.register_page_section(
            "referrals/_client_referrals.html",
            lambda request, client: {
                "referrals": selectors.referrals_for_client(request.user, client_id=client.pk)
            },
            order=20,
        )

        from kansrijk.indicators.extract import register_source
        from kansrijk.referrals import selectors as referrals_selectors

        # Its facts for the monitoring extract (dates, area and yes/no only).
        register_source("referral", referrals_selectors.monitoring_referral_facts)
