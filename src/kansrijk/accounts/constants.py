from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    COORDINATOR = "coordinator", _("Coordinator")
    POLICY_ADVISER = "policy_adviser", _("Policy adviser")
    DIRECTORY_EDITOR = "directory_editor", _("Directory editor")
    # Signs the coalition's working agreements (care pathways) on behalf of the organisation.
    PARTNER_SIGNATORY = "partner_signatory", _("Partner signatory")
    ADMIN = "admin", _("Administrator")


# Roles that will see client data (referrals, casework): they must log in with a second factor.
ROLES_REQUIRING_2FA = frozenset({Role.PROFESSIONAL, Role.COORDINATOR, Role.ADMIN})

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
