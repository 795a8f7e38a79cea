"""A coalition's sounding board of parents (klankbordgroep): its members, known by a pseudonym;
their real first name and contact details (encrypted, only with consent); the sessions with
attendance and expenses; and the coalition's advice requests with the parents' advice and the
coalition's written answer ("you said, we did").

Members are neither users nor clients: they never appear in a client export."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.soundingboard.constants import (
    AdviceOutcome,
    AdviceRequestState,
    ContactRoute,
    ExpenseKind,
)
from kansrijk.soundingboard.crypto import EncryptedTextField


class SoundingBoard(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        related_name="sounding_boards",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("sounding board")
        verbose_name_plural = _("sounding boards")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    """A parent on the board, shown everywhere by her pseudonym ("Ouder A"). What she needs to
    take part (language, interpreter, childcare) is not identifying and stays when she
    withdraws her consent; her identity does not."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    board = models.ForeignKey(
        SoundingBoard,
        verbose_name=_("sounding board"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=40)
    contact_route = models.CharField(
        _("agreed contact route"), max_length=20, choices=ContactRoute.choices, blank=True
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    childcare_needed = models.BooleanField(_("childcare needed"), default=False)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("sounding board member")
        verbose_name_plural = _("sounding board members")
        ordering = ["pseudonym", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "pseudonym"], name="soundingboard_member_unique_pseudonym"
            )
        ]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def is_active(self) -> bool:
        return self.left_on is None


class MemberConsent(models.Model):
    """Her consent to keep her first name and contact details, for what, since when. A
    withdrawn consent stays as history; a new consent is a new row."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="consents"
    )
    given_on = models.DateField(_("given on"))
    purpose = models.TextField(_("what for"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
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

    class Meta:
        verbose_name = _("member's consent")
        verbose_name_plural = _("members' consents")
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.member.pseudonym}: {self.given_on}"


class MemberIdentity(models.Model):
    """Her real first name and contact details, encrypted; only with an active consent, only
    for the board's coordinators, every read in the audit log. Erased when she withdraws."""

    member = models.OneToOneField(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="identity"
    )
    first_name = EncryptedTextField(_("first name"), blank=True)
    phone = EncryptedTextField(_("phone number"), blank=True)
    email = EncryptedTextField(_("e-mail address"), blank=True)
    contact_note = EncryptedTextField(_("how to reach her"), blank=True)
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
        verbose_name = _("member's identity")
        verbose_name_plural = _("members' identities")

    def __str__(self) -> str:
        return str(_("Identity of %(member)s") % {"member": self.member.pseudonym})


class Session(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    board = models.ForeignKey(
        SoundingBoard,
        verbose_name=_("sounding board"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200)
    childcare_arranged = models.BooleanField(_("childcare arranged"), default=False)
    interpreter_arranged = models.BooleanField(_("interpreter arranged"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("sounding board session")
        verbose_name_plural = _("sounding board sessions")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.theme}"


class Attendance(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendance"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="attendance"
    )
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "member"], name="soundingboard_attendance_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member.pseudonym} @ {self.session}"


class Expense(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="expenses"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="expenses"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ExpenseKind.choices)
    amount = models.DecimalField(_("amount (euros)"), max_digits=8, decimal_places=2)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.member.pseudonym}: € {self.amount}"


class AdviceRequest(models.Model):
    """The coalition's question to the parents, their advice and the coalition's written answer:
    adopted, partly or not, and why. `activity` links the answer to an activity of the
    coalition's action programme; `action_line_reference` is free text beside it."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    board = models.ForeignKey(
        SoundingBoard,
        verbose_name=_("sounding board"),
        on_delete=models.CASCADE,
        related_name="advice_requests",
    )
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    asked_on = models.DateField(_("asked on"), default=timezone.localdate)
    deadline = models.DateField(_("advice wanted by"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    advice = models.TextField(_("the parents' advice"), blank=True)
    advice_given_on = models.DateField(_("advice given on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=AdviceOutcome.choices, blank=True
    )
    answer = models.TextField(_("the coalition's answer: what we did and why"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action_line_reference = models.CharField(_("action programme line"), max_length=200, blank=True)
    # The activity of the coalition's action programme the answer led to.
    activity = models.ForeignKey(
        "actionprogrammes.Activity",
        verbose_name=_("activity in the action programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")
        ordering = ["-asked_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def state(self) -> str:
        if self.outcome:
            return AdviceRequestState.ANSWERED
        if self.advice_given_on is not None:
            return AdviceRequestState.WAITING_FOR_ANSWER
        return AdviceRequestState.WAITING_FOR_ADVICE

    def get_state_display(self) -> str:
        return str(AdviceRequestState(self.state).label)
