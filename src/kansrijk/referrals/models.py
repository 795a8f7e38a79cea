"""Closed-loop referrals: who referred which client to which service, in which state (FHIR
Task.status), and the timeline both sides see.

A referral points to the directory's service by its HSDS id and keeps the service's name as
it was when referring (the directory knows nothing of clients, and a service may be renamed or
removed later). Every change of state is a ReferralEvent; questions back and their answers are
ReferralMessages. Alerts are the work-list entries of overdue referrals.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.referrals.constants import (
    DEFAULT_ANSWER_WORKING_DAYS,
    AlertAudience,
    AlertKind,
    ContactTime,
    MessageKind,
    ReferralStatus,
    SafeContact,
    Side,
)


class Referral(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(
        "clients.Client",
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    # A parent who signs up herself: no referring organisation or professional.
    self_referral = models.BooleanField(_("self-referral"), default=False)
    sender_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("referring organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_sent",
    )
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("referred by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_sent",
    )
    receiver_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("receiving organisation"),
        on_delete=models.PROTECT,
        related_name="referrals_received",
    )
    # The HSDS service (directory.Service.id) and its name when the referral was made.
    service_id = models.UUIDField(_("service (sociale kaart)"), db_index=True)
    service_name = models.CharField(_("service"), max_length=255)
    theme_codes = models.JSONField(_("themes"), default=list, blank=True)
    # SafeContact codes the parent chose (parent site), shown before anything else.
    safe_contact = models.JSONField(_("safe contact"), default=list, blank=True)
    contact_time = models.CharField(
        _("best time to reach her"), max_length=20, choices=ContactTime.choices, blank=True
    )
    reason = models.TextField(
        _("reason for the referral"),
        help_text=_("What is the question for the other organisation? No names."),
    )
    consent = models.ForeignKey(
        "clients.Consent",
        verbose_name=_("consent"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("instead of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text=_("The rejected or failed referral this one replaces."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.REQUESTED,
    )
    # FHIR Task.businessStatus: a finer step, e.g. "family-declined" after a rejection.
    business_status = models.CharField(_("step"), max_length=50, blank=True)
    # FHIR Task.statusReason: why rejected, cancelled, on hold or failed.
    status_reason = models.TextField(_("reason for the status"), blank=True)
    # FHIR Task.output: the outcome when completed.
    outcome = models.TextField(_("outcome"), blank=True)
    support_started_on = models.DateField(_("support started on"), null=True, blank=True)
    answer_due = models.DateField(_("answer due"))
    alerted_at = models.DateTimeField(_("overdue alert sent at"), null=True, blank=True)
    # Optimistic locking: a step based on an older version is refused, so none is lost.
    lock_version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["receiver_organisation", "status"]),
            models.Index(fields=["sender_organisation", "status"]),
            models.Index(fields=["status", "answer_due"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(self_referral=True, sender_organisation__isnull=True)
                | Q(self_referral=False, sender_organisation__isnull=False),
                name="referral_sender_unless_self_referral",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_name} ({self.get_status_display()})"

    @property
    def safe_contact_labels(self) -> list[str]:
        labels = dict(SafeContact.choices)
        return [str(labels.get(code, code)) for code in self.safe_contact]


class ReferralEvent(models.Model):
    """One step on the timeline: the referral was made, or went from one state to another."""

    referral = models.ForeignKey(
        Referral, verbose_name=_("referral"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ReferralStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ReferralStatus.choices)
    business_status = models.CharField(_("step"), max_length=50, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("referral event")
        verbose_name_plural = _("referral events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"


class ReferralMessage(models.Model):
    """A question from the receiving side, or an answer from the referring side."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    referral = models.ForeignKey(
        Referral, verbose_name=_("referral"), on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    question = models.ForeignKey(
        "self",
        verbose_name=_("answer to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question or answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Alert(models.Model):
    """A work-list entry (and e-mail) for one person: a referral was not answered in time."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        on_delete=models.CASCADE,
        related_name="referral_alerts",
    )
    referral = models.ForeignKey(
        Referral, verbose_name=_("referral"), on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AlertKind.choices)
    # A coordinator's alert shows no client details and does not link to the referral.
    audience = models.CharField(_("audience"), max_length=20, choices=AlertAudience.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "referral", "kind"], name="one_alert_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.referral.service_name}"


class ServiceAnswerTime(models.Model):
    """How many working days a directory service takes to answer a referral, when it is not
    the default (referrals.constants.DEFAULT_ANSWER_WORKING_DAYS)."""

    service_id = models.UUIDField(_("service (sociale kaart)"), unique=True)
    working_days = models.PositiveSmallIntegerField(
        _("working days to answer"), default=DEFAULT_ANSWER_WORKING_DAYS
    )

    class Meta:
        verbose_name = _("answer time of a service")
        verbose_name_plural = _("answer times of services")

    def __str__(self) -> str:
        return f"{self.service_id}: {self.working_days}"
