"""Staff accounts: a user belongs to one organisation and holds one or more roles."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import ROLES_REQUIRING_2FA, Role


class User(AbstractUser):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def role_codes(self) -> frozenset[str]:
        # Cached per instance: checked on nearly every request.
        if not hasattr(self, "_role_codes"):
            self._role_codes = frozenset(self.roles.values_list("role", flat=True))
        return self._role_codes

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_codes & set(roles))

    @property
    def requires_2fa(self) -> bool:
        return bool(self.role_codes & ROLES_REQUIRING_2FA)


class UserRole(models.Model):
    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_user_role")]

    def __str__(self) -> str:
        return self.get_role_display()


class LoginThrottle(models.Model):
    """Failed log-in attempts (wrong password or code) per username, for the lock-out."""

    username = models.CharField(_("username"), max_length=150, unique=True)
    failures = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_failure = models.DateTimeField(_("last failed attempt"), null=True, blank=True)
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)

    class Meta:
        verbose_name = _("log-in lock-out")
        verbose_name_plural = _("log-in lock-outs")

    def __str__(self) -> str:
        return self.username

    @staticmethod
    def key_for(username: str) -> str:
        # Case and spaces do not give an attacker a fresh counter.
        return username.strip().lower()[:150]
