"""Django settings for Kansrijk. Every variable is listed in docs/configuration.md."""

from pathlib import Path

import dj_database_url
import django.conf.locale
from django.utils.translation import gettext_lazy as _

from kansrijk.conf.env import envbool, envint, envlist, envstr

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
# Specs and open data provided next to the project (../shared), see docs/configuration.md.
SHARED_DIR = Path(envstr("KANSRIJK_SHARED_DIR", str(PROJECT_DIR.parent / "shared")))
VAR_DIR = Path(envstr("KANSRIJK_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY", "insecure-development-key-change-me-in-production")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# Reverse proxies whose X-Forwarded-For the audit log trusts (addresses or CIDR ranges).
KANSRIJK_TRUSTED_PROXIES = envlist("KANSRIJK_TRUSTED_PROXIES", [])
# Encrypts identifying client details at rest (a Fernet key); empty: derived from SECRET_KEY.
KANSRIJK_FIELD_ENCRYPTION_KEY = envstr("KANSRIJK_FIELD_ENCRYPTION_KEY", "")
# Clients are pseudonymised this many days after the last activity about them.
KANSRIJK_RETENTION_DAYS = envint("KANSRIJK_RETENTION_DAYS", 730)

INSTALLED_APPS = [
    "kansrijk.accounts.apps.KansrijkAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "kansrijk.core",
    "kansrijk.audit",
    "kansrijk.regions",
    "kansrijk.organisations",
    "kansrijk.accounts",
    "kansrijk.directory",
    "kansrijk.clients",
    "kansrijk.referrals",
    "kansrijk.pathways",
    "kansrijk.screening",
    "kansrijk.volunteers",
    "kansrijk.programmes",
    "kansrijk.network",
    "kansrijk.actions",
    "kansrijk.agreements",
    "kansrijk.casework",
    "kansrijk.trainings",
    "kansrijk.soundingboard",
    "kansrijk.indicators",
    "kansrijk.actionprogrammes",
    "kansrijk.monitoring",
    "kansrijk.portal",
    "kansrijk.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kansrijk.portal.middleware.ParentSiteHostMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kansrijk.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kansrijk.conf.urls"
WSGI_APPLICATION = "kansrijk.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kansrijk.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kansrijk.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while one writer works; the timeout makes writers wait, not fail.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", False)
OTP_TOTP_ISSUER = envstr("OTP_TOTP_ISSUER", "Kansrijk")
# Wrong codes are limited by Kansrijk's own lock-out (accounts.constants.LOCKOUT_*), which
# explains itself in Dutch; django-otp's silent per-device delay would refuse right codes too.
OTP_TOTP_THROTTLE_FACTOR = 0

# Dutch first, English second. The parent site (kansrijk.portal) speaks seven languages; the
# professionals' pages only Dutch and English (KANSRIJK_STAFF_LANGUAGES).
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ti", _("Tigrinya")),
]
KANSRIJK_STAFF_LANGUAGES = ["nl", "en"]
# Django knows no Tigrinya; its name in itself, for the language switch.
EXTRA_LANG_INFO = {
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    # NL Design System CSS, installed from npm by `make setup` (see package.json).
    ("nlds", PROJECT_DIR / "node_modules" / "@utrecht"),
]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail (overdue referral alerts). Without EMAIL_HOST the messages are written as files in
# var/mail/, so a demo or development install never tries to reach a mail server.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Kansrijk <noreply@kansrijk.invalid>")
# Where this installation is reached, for links in e-mails (e.g. https://kansrijk.example.nl).
KANSRIJK_BASE_URL = envstr("KANSRIJK_BASE_URL", "")

# Directory rules
DIRECTORY_VERIFICATION_MAX_AGE_DAYS = envint("DIRECTORY_VERIFICATION_MAX_AGE_DAYS", 183)
HSDS_PER_PAGE_DEFAULT = envint("HSDS_PER_PAGE_DEFAULT", 50)
HSDS_PER_PAGE_MAX = envint("HSDS_PER_PAGE_MAX", 500)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

# The parent site: where a status link is sent (a dotted path to a class with send(...));
# the default writes the message to the log only, see kansrijk.portal.senders.
KANSRIJK_PORTAL_SENDER = envstr("KANSRIJK_PORTAL_SENDER", "kansrijk.portal.senders.LogSender")
# Where "Leave this site quickly" goes: a neutral page that replaces the site in the history.
KANSRIJK_PORTAL_EXIT_URL = envstr(
    "KANSRIJK_PORTAL_EXIT_URL", "https://www.google.com/search?q=weer"
)
# Requests for help one network address may send per hour before it is asked to wait.
KANSRIJK_PORTAL_REQUESTS_PER_HOUR = envint("KANSRIJK_PORTAL_REQUESTS_PER_HOUR", 5)
