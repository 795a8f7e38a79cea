from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    COORDINATOR = "coordinator", _("Coordinator")
    POLICY_ADVISER = "policy_adviser", _("Policy adviser")
    DIRECTORY_EDITOR = "directory_editor", _("Directory editor")
    # Signs the coalition's working agreements (care pathways) on behalf of the organisation.
    PARTNER_SIGNATORY = "partner_signatory", _("Partner signatory")
    # A 1000-day volunteer: sees only the first name, neighbourhood and contact route of her own
    # families (kansrijk.volunteers), nothing else.
    VOLUNTEER = "volunteer", _("Volunteer")
    ADMIN = "admin", _("Administrator")


# Roles that will see client data (referrals, casework; a volunteer her families' first names):
# they must log in with a second factor.
ROLES_REQUIRING_2FA = frozenset({Role.PROFESSIONAL, Role.COORDINATOR, Role.VOLUNTEER, Role.ADMIN})

# Brute-force protection: after this many wrong passwords or codes in a row, log-in is refused
# for a while. The counter is per (lower-cased) username, whether or not the account exists, so
# the lock-out message does not tell which usernames exist.
LOCKOUT_FAILURES = 5
LOCKOUT_MINUTES = 15

# Audit actions written by this app.
AUDIT_LOGIN = "accounts.login"
AUDIT_LOGIN_FAILED = "accounts.login_failed"
AUDIT_LOGIN_LOCKED = "accounts.login_locked"
AUDIT_LOGOUT = "accounts.logout"
AUDIT_TOTP_ENROLLED = "accounts.totp_enrolled"
AUDIT_TOTP_RESET = "accounts.totp_reset"
