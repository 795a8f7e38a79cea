from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "kansrijk.indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from kansrijk.indicators.services import catalogue_sync_after_migrate

        # The catalogue file is the source of the indicator definitions: every migrate brings
        # the table in line with it (a new release can add or reword an indicator).
        post_migrate.connect(catalogue_sync_after_migrate, sender=self)
