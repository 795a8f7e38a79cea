"""The case consultation (MDO, e.g. Zaanstad's "Steunpunt Kwetsbare Zwangeren"): its members,
meetings, the cases submitted to it, what each meeting saw and concluded, and who leads."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.casework.constants import (
    AgeBand,
    AgendaItemKind,
    CaseStatus,
    DiscussionMode,
    DuePrecision,
    HandoverStatus,
    LegalBasis,
    MeetingKind,
    MeetingStatus,
    MemberRole,
    Phase,
)
from kansrijk.screening.constants import Domain

USER = settings.AUTH_USER_MODEL


class Consultation(models.Model):
    """A recurring case consultation of a coalition, with standing members."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition", verbose_name=_("coalition"), on_delete=models.PROTECT
    )
    name = models.CharField(_("name"), max_length=200)
    code_prefix = models.CharField(
        _("case code prefix"),
        max_length=10,
        help_text=_("For example SKZ: cases get SKZ-2026-001."),
    )
    description = models.TextField(_("description"), blank=True)
    # The agenda closes this many days before a meeting: later submissions go to the next one.
    submission_days_before = models.PositiveSmallIntegerField(
        _("agenda closes (days before)"), default=7
    )

    class Meta:
        verbose_name = _("case consultation")
        verbose_name_plural = _("case consultations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConsultationMember(models.Model):
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("case consultation"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    user = models.ForeignKey(
        USER, verbose_name=_("member"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=MemberRole.choices, default=MemberRole.MEMBER
    )

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="casework_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class Meeting(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("case consultation"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.REGULAR
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes_final_at = models.DateTimeField(_("minutes final at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.consultation} {self.starts_at:%Y-%m-%d}"


class ConfidentialityConfirmation(models.Model):
    """An attendee confirmed confidentiality for this meeting; it doubles as attendance."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="confirmations"
    )
    user = models.ForeignKey(
        USER, verbose_name=_("attendee"), on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), default=timezone.now)

    class Meta:
        verbose_name = _("confidentiality confirmation")
        verbose_name_plural = _("confidentiality confirmations")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="casework_confirm_once")
        ]


class Case(models.Model):
    """A family's situation brought to the consultation. Every case has the anonymous
    summary; a named case also links the client, and shows her only while its basis holds."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("case consultation"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    code = models.CharField(_("case code"), max_length=24, unique=True)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices)
    mode = models.CharField(_("discussion mode"), max_length=20, choices=DiscussionMode.choices)
    submitted_by = models.ForeignKey(
        USER, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitting_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("submitting organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    # The anonymous summary: enough to discuss, too little to recognise her.
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
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
    due_precision = models.CharField(
        _("precision of the due date"), max_length=8, choices=DuePrecision.choices, blank=True
    )
    domains = models.JSONField(_("signalled domains"), default=list)
    question = models.TextField(_("question for the consultation"))
    # Named cases.
    client = models.ForeignKey(
        "clients.Client",
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    consent = models.ForeignKey(
        "clients.Consent",
        verbose_name=_("consent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=24, choices=LegalBasis.choices, blank=True
    )
    justification = models.TextField(_("justification"), blank=True)
    second_approver = models.ForeignKey(
        USER,
        verbose_name=_("second approver"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # The case lead (regiehouder / centrale zorgverlener), once a meeting has named one.
    lead_user = models.ForeignKey(
        USER,
        verbose_name=_("case lead"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("case lead's organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    follow_up_on = models.DateField(_("discuss again from"), null=True, blank=True)
    outcome_summary = models.TextField(_("outcome for the submitter"), blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["submitted_at"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self) -> str:
        return self.code

    @property
    def domain_labels(self) -> list[str]:
        labels = dict(Domain.choices)
        return [str(labels.get(domain, domain)) for domain in self.domains]


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AgendaItemKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    # The minutes of this case at this meeting.
    seen = models.TextField(_("what we see"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    # Whether the client was named at this meeting: false once her consent was withdrawn.
    discussed_named = models.BooleanField(_("discussed by name"), default=False)
    discussed_at = models.DateTimeField(_("minutes recorded at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "case"], name="casework_case_once_per_meeting"
            )
        ]


class CaseLeadHandover(models.Model):
    """A proposed change of case lead (e.g. midwife to JGZ after the birth): it takes effect
    only when the receiver accepts."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="handovers"
    )
    from_user = models.ForeignKey(
        USER, verbose_name=_("from"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    to_user = models.ForeignKey(
        USER, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("to organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=HandoverStatus.choices, default=HandoverStatus.PROPOSED
    )
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        USER, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("case lead handover")
        verbose_name_plural = _("case lead handovers")
        ordering = ["proposed_at"]
