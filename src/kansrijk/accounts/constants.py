from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    COORDINATOR = "coordinator", _("Coordinator")
    POLICY_ADVISER = "policy_adviser", _("Policy adviser")
    DIRECTORY_EDITOR = "directory_editor", _("Directory editor")
    ADMIN = "admin", _("Administrator")


# Roles that will see client data (referrals, casework): they must log in with a second factor.
ROLES_REQUIRING_2FA = frozenset({Role.PROFESSIONAL, Role.COORDINATOR, Role.ADMIN})
