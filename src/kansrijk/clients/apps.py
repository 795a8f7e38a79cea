from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "kansrijk.clients"
    verbose_name = _("Clients")

    def ready(self) -> None:
        checks.register(check_settings)


def check_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Fail at start-up, not at the first client, on a bad key or retention period."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from kansrijk.clients.crypto import fernet

    errors = []
    try:
        fernet()
    except ImproperlyConfigured as exc:
        errors.append(checks.Error(str(exc), id="kansrijk_clients.E001"))
    if settings.KANSRIJK_RETENTION_DAYS < 1:
        errors.append(
            checks.Error("KANSRIJK_RETENTION_DAYS must be at least 1.", id="kansrijk_clients.E002")
        )
    return errors
