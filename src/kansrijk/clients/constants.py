from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import Role


class ConsentPurpose(models.TextChoices):
    REFERRAL = "referral", _("Referral")
    CASE_CONSULTATION = "case_consultation", _("Case consultation")
    INFORMATION_EXCHANGE = "information_exchange", _("Exchange of information")


# Only professionals work with clients; coordinators and policy advisers see aggregates only.
CLIENT_ROLES = (Role.PROFESSIONAL,)

# Pseudonyms look like "KS-7F3K92": no 0/O, 1/I/L or U/V, so they survive being read out on
# the phone and copied by hand.
PSEUDONYM_PREFIX = "KS-"
PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
PSEUDONYM_LENGTH = 6

# Plausible ages for a parent in the first 1000 days, and how far a due date may lie ahead.
MIN_PARENT_AGE = 10
MAX_PARENT_AGE = 60
MAX_DUE_DATE_DAYS_AHEAD = 300
MAX_DUE_DATE_DAYS_PAST = 60
# The first 1000 days end around the child's third birthday; some margin for late follow-up.
MAX_CHILD_AGE_DAYS = 4 * 366

# Languages a client may speak (ISO 639-1), the most common ones in Dutch practice first.
LANGUAGE_CHOICES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("am", _("Amharic")),
    ("fa", _("Persian (Farsi, Dari)")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish")),
    ("bg", _("Bulgarian")),
    ("ro", _("Romanian")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("de", _("German")),
    ("zh", _("Chinese")),
]

# Audit actions written by this app (with client_id wherever one client is concerned).
AUDIT_CLIENT_LISTED = "clients.listed"
AUDIT_CLIENT_REGISTERED = "clients.registered"
AUDIT_CLIENT_VIEWED = "clients.viewed"
AUDIT_CLIENT_UPDATED = "clients.updated"
AUDIT_CLIENT_DENIED = "clients.access_denied"
AUDIT_IDENTITY_VIEWED = "clients.identity_viewed"
AUDIT_IDENTITY_SET = "clients.identity_set"
AUDIT_IDENTITY_REMOVED = "clients.identity_removed"
AUDIT_CONSENT_RECORDED = "clients.consent_recorded"
AUDIT_CONSENT_WITHDRAWN = "clients.consent_withdrawn"
AUDIT_CLIENT_EXPORTED = "clients.exported"
AUDIT_CLIENT_PSEUDONYMISED = "clients.pseudonymised"

# object_type of this app's audit events.
AUDIT_OBJECT_CLIENT = "client"
AUDIT_OBJECT_CONSENT = "consent"
