"""Clients (pseudonymous by default), their identifying details (encrypted) and their consents.

A client is known by a pseudonym ("KS-7F3K92"); her name and contact details are only stored
when a referral needs them, encrypted at rest (see crypto.py). Consent says to which
organisations, for what, her data may go; a withdrawn consent covers nothing from that moment.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.clients.constants import LANGUAGE_CHOICES, ConsentPurpose
from kansrijk.clients.crypto import EncryptedTextField


class Client(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    pseudonym = models.CharField(_("client code"), max_length=16, unique=True, editable=False)
    year_of_birth = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    child_birth_date = models.DateField(_("child's date of birth"), null=True, blank=True)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="nl")
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("care team organisation"),
        on_delete=models.PROTECT,
        related_name="clients",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)
    # The retention period runs from here: every write about her (here or in a referral) moves it.
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    pseudonymised_at = models.DateTimeField(_("pseudonymised at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.pseudonym


class ClientIdentity(models.Model):
    """Identifying details, only where a referral needs them. Never in logs, audit details or
    exports; encrypted in the database."""

    client = models.OneToOneField(
        Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="identity"
    )
    name = EncryptedTextField(_("name"), blank=True)
    phone = EncryptedTextField(_("phone number"), blank=True)
    email = EncryptedTextField(_("e-mail address"), blank=True)
    address = EncryptedTextField(_("address"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("client identity")
        verbose_name_plural = _("client identities")

    def __str__(self) -> str:
        return str(_("Identity of %(client)s") % {"client": self.client.pseudonym})


class Consent(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(
        Client, verbose_name=_("client"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=ConsentPurpose.choices)
    organisations = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("recipients"), related_name="+"
    )
    words = models.TextField(_("the client's words of consent"))
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    given_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("given to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    given_to_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("given to organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawal recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawal_note = models.TextField(_("note on the withdrawal"), blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-id"]
        indexes = [models.Index(fields=["client", "purpose", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.client.pseudonym}: {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
