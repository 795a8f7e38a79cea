"""Agreements with an owner and a due date (afspraken), made at a case consultation or a
network meeting, and what each later meeting decided about them."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.actions.constants import ActionStatus, Disposition


class ActionItem(models.Model):
    """One agreement: who does what by when. The meeting it came from is named by kind and
    UUID (context), so this app knows no meeting model; its label carries no client data."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    context_kind = models.CharField(_("made at (kind)"), max_length=40)
    context_uuid = models.UUIDField(_("made at (id)"))
    context_label = models.CharField(_("made at"), max_length=200)
    # The meeting it was made at, when the context is not the meeting itself (a case).
    meeting_uuid = models.UUIDField(_("made at meeting"), null=True, blank=True)
    description = models.TextField(_("what was agreed"))
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner's organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due by"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The owner was e-mailed that it is overdue (once per due date).
    overdue_notified_at = models.DateTimeField(_("overdue notice sent at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on", "created_at"]
        indexes = [
            models.Index(fields=["owner_user", "status", "due_on"]),
            models.Index(fields=["context_kind", "context_uuid"]),
            models.Index(fields=["coalition", "context_kind", "status"]),
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN


class ActionItemDisposition(models.Model):
    """What a meeting (or the owner) decided about an agreement; never changed afterwards."""

    item = models.ForeignKey(
        ActionItem,
        verbose_name=_("action item"),
        on_delete=models.CASCADE,
        related_name="dispositions",
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Disposition.choices)
    note = models.TextField(_("note"), blank=True)
    previous_due_on = models.DateField(_("previous due date"))
    new_due_on = models.DateField(_("new due date"), null=True, blank=True)
    meeting_kind = models.CharField(_("meeting (kind)"), max_length=40, blank=True)
    meeting_uuid = models.UUIDField(_("meeting (id)"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")
        ordering = ["decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.outcome}"
