from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kansrijk.accounts"
    verbose_name = _("Accounts")


class KansrijkAdminConfig(admin_apps.AdminConfig):
    """Put in INSTALLED_APPS instead of "django.contrib.admin": the management site then asks
    for the two-step log-in (see admin_site.py)."""

    default = False  # AccountsConfig stays this module's config for "kansrijk.accounts"
    default_site = "kansrijk.accounts.admin_site.KansrijkAdminSite"
