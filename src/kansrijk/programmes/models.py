"""Group programmes (Centering Pregnancy, CenteringParenting, VoorZorg, ...), their cohorts,
sessions and enrolments.

A programme is a directory service (its HSDS service UUID is kept; the directory knows
nothing of clients). Its rules are data: eligibility, the number of sessions and their schedule
relative to the due date or birth, group size and facilitator roles.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.programmes.constants import (
    AttendanceStatus,
    EnrolmentStatus,
    GroupStatus,
    LeaveReason,
    ScheduleAnchor,
)


class Programme(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    service_id = models.UUIDField(
        _("directory service"),
        null=True,
        blank=True,
        help_text=_("The HSDS id of the directory service this programme is."),
    )
    # Eligibility.
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    first_child_only = models.BooleanField(_("first child only"), default=False)
    latest_pregnancy_week_at_start = models.PositiveSmallIntegerField(
        _("latest week of pregnancy at start"), null=True, blank=True
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639-1 codes; empty: any.")
    )
    # Sessions and their schedule.
    session_count = models.PositiveSmallIntegerField(_("number of sessions"))
    schedule_anchor = models.CharField(
        _("schedule counts from"),
        max_length=16,
        choices=ScheduleAnchor.choices,
        default=ScheduleAnchor.DUE_DATE,
    )
    session_offsets_weeks = models.JSONField(
        _("session offsets in weeks"),
        default=list,
        help_text=_("One number per session: weeks from the due date, birth or start date."),
    )
    session_duration_minutes = models.PositiveSmallIntegerField(
        _("session length in minutes"), default=120
    )
    group_size_min = models.PositiveSmallIntegerField(_("minimum group size"), default=1)
    group_size_max = models.PositiveSmallIntegerField(_("maximum group size"), default=12)
    facilitator_roles = models.JSONField(_("facilitator roles"), default=list, blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Group(models.Model):
    """One cohort of a programme."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="groups"
    )
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        related_name="programme_groups",
    )
    name = models.CharField(_("name"), max_length=200)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interpreter_available = models.BooleanField(_("interpreter available"), default=False)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    start_date = models.DateField(_("start date"))
    reference_date = models.DateField(
        _("reference date"),
        null=True,
        blank=True,
        help_text=_("The cohort's middle due date or birth date; the schedule counts from it."),
    )
    session_time = models.TimeField(_("session start time"), default="10:00")
    status = models.CharField(
        _("status"), max_length=16, choices=GroupStatus.choices, default=GroupStatus.PLANNED
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="programme_groups",
        blank=True,
    )
    continues_from = models.ForeignKey(
        "self",
        verbose_name=_("continues from"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="continuations",
        help_text=_("The group this one follows on from, e.g. a pregnancy group."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["start_date", "name", "id"]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="programme_sessions",
        blank=True,
    )
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["group", "number"]
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="programmes_session_number")
        ]

    def __str__(self) -> str:
        return f"{self.group} #{self.number}"


class Enrolment(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.PROTECT, related_name="enrolments"
    )
    client = models.ForeignKey(
        "clients.Client",
        verbose_name=_("client"),
        on_delete=models.CASCADE,
        related_name="programme_enrolments",
    )
    status = models.CharField(_("status"), max_length=16, choices=EnrolmentStatus.choices)
    waiting_position = models.PositiveIntegerField(
        _("position on the waiting list"), null=True, blank=True
    )
    leave_reason = models.CharField(
        _("reason for leaving"), max_length=32, choices=LeaveReason.choices, blank=True
    )
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    # The referral she came from, if any. Its public id only: the referrals app owns it and
    # checks who may see it; no foreign key across the app boundary.
    referral_uuid = models.UUIDField(_("from referral"), null=True, blank=True)
    # When she got a place (at once or from the waiting list); None: only ever waited.
    enrolled_at = models.DateTimeField(_("got a place at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["group", "status", "waiting_position", "created_at", "id"]
        constraints = [
            # One active enrolment (a place or a waiting-list spot) per client and group.
            models.UniqueConstraint(
                fields=["group", "client"],
                condition=~models.Q(status=EnrolmentStatus.LEFT),
                name="programmes_one_active_enrolment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.client} in {self.group}"


class Attendance(models.Model):
    """Whether an enrolled participant came to one session."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendances"
    )
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    status = models.CharField(_("attendance"), max_length=16, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="programmes_one_attendance"
            )
        ]


class FollowUpCall(models.Model):
    """A call to a participant who was absent without notice, for the session's facilitators."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    attendance = models.OneToOneField(
        Attendance,
        verbose_name=_("attendance"),
        on_delete=models.CASCADE,
        related_name="follow_up_call",
    )
    due_on = models.DateField(_("call before"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("follow-up call")
        verbose_name_plural = _("follow-up calls")
        ordering = ["due_on", "id"]


class ContinuationConsent(models.Model):
    """A participant's answer to moving on to the follow-on group (a pregnancy group that
    continues as a CenteringParenting or mother group). Only a yes moves her over."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment in the first group"),
        on_delete=models.CASCADE,
        related_name="continuation_consents",
    )
    continuation = models.ForeignKey(
        Group,
        verbose_name=_("follow-on group"),
        on_delete=models.CASCADE,
        related_name="continuation_consents",
    )
    agreed = models.BooleanField(_("agreed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent to continue")
        verbose_name_plural = _("consents to continue")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "continuation"], name="programmes_one_continuation_answer"
            )
        ]
