from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "kansrijk.agreements"
    verbose_name = _("Coalition agreements")

    def ready(self) -> None:
        from kansrijk.agreements import integration
        from kansrijk.core.worklist import register_section

        register_section(
            "agreements.evaluation_due",
            "agreements/_worklist_evaluation.html",
            integration.evaluation_section,
            order=60,
        )
        register_section(
            "agreements.to_sign",
            "agreements/_worklist_to_sign.html",
            integration.to_sign_section,
            order=61,
        )
