"""Writes of the group programmes: planning sessions, checking eligibility, enrolling and
leaving. Enrolling and leaving lock the group row, so two enrolments that race for the last
place never overbook a group: one gets the place, the other the waiting list."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kansrijk.audit.constants import SOURCE_SYSTEM
from kansrijk.audit.services import audit_record
from kansrijk.programmes.constants import (
    AUDIT_ENROLMENT_CREATED,
    AUDIT_ENROLMENT_LEFT,
    AUDIT_ENROLMENT_MOVED_UP,
    AUDIT_OBJECT_ENROLMENT,
    DEADLINE_WARNING_DAYS,
    EnrolmentStatus,
    GroupStatus,
    LeaveReason,
    ScheduleAnchor,
)
from kansrijk.programmes.models import Enrolment, Group, Programme, Session

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client

FULL_TERM_WEEKS = 40


class EnrolmentRefused(Exception):
    """An enrolment or leave was refused; `message` says why, in the user's language."""

    status_code = 409

    def __init__(self, message: str, reasons: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.reasons = reasons or []


# --- planning --------------------------------------------------------------------------------


@dataclass
class SessionPlan:
    sessions: list[Session]
    clashes: list[str] = field(default_factory=list)


def _anchor_date(group: Group) -> datetime.date:
    programme = group.programme
    if programme.schedule_anchor == ScheduleAnchor.START or group.reference_date is None:
        return group.start_date
    return group.reference_date


def _meeting_day(day: datetime.date, weekday: int) -> datetime.date:
    """The group's meeting day (the start date's weekday) in the week around `day`."""
    shift = (weekday - day.weekday()) % 7
    return day + datetime.timedelta(days=shift - 7 if shift > 3 else shift)


def session_dates(group: Group) -> list[datetime.date]:
    """All session dates from the programme's rules, on the group's meeting day."""
    programme = group.programme
    offsets = list(programme.session_offsets_weeks)[: programme.session_count]
    anchor = _anchor_date(group)
    weekday = group.start_date.weekday()
    return [
        _meeting_day(anchor + datetime.timedelta(weeks=float(offset)), weekday)
        for offset in offsets
    ]


def _clashes(session: Session, facilitator_ids: set[int]) -> list[str]:
    """Dutch messages for other groups' sessions at the same time in the same room or with
    the same facilitator."""
    overlapping = (
        Session.objects.filter(starts_at__lt=session.ends_at, ends_at__gt=session.starts_at)
        .exclude(group=session.group)
        .select_related("group")
    )
    when = date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
    messages = []
    if session.place:
        for other in overlapping.filter(place__iexact=session.place):
            messages.append(
                _(
                    "Session %(number)s on %(when)s overlaps with %(other)s in the same room "
                    "(%(place)s)."
                )
                % {"number": session.number, "when": when, "other": other, "place": session.place}
            )
    if facilitator_ids:
        shared = overlapping.filter(facilitators__in=facilitator_ids).distinct()
        for other in shared:
            names = ", ".join(
                sorted(
                    user.get_full_name() or user.get_username()
                    for user in other.facilitators.filter(pk__in=facilitator_ids)
                )
            )
            messages.append(
                _(
                    "Session %(number)s on %(when)s overlaps with %(other)s: %(names)s cannot "
                    "lead both."
                )
                % {"number": session.number, "when": when, "other": other, "names": names}
            )
    return messages


def group_plan_sessions(group: Group) -> SessionPlan:
    """Make all sessions of the group at once from the programme's rules (replacing any
    earlier plan), with the group's place, online link and facilitators. Clashes with other
    groups' sessions (same room or facilitator at the same time) are returned as Dutch
    messages; the plan is kept so the planner can move a session."""
    with transaction.atomic():
        group = Group.objects.select_for_update().select_related("programme").get(pk=group.pk)
        group.sessions.all().delete()
        facilitators = list(group.facilitators.all())
        facilitator_ids = {user.pk for user in facilitators}
        length = datetime.timedelta(minutes=group.programme.session_duration_minutes)
        tz = timezone.get_current_timezone()
        plan = SessionPlan(sessions=[])
        for number, day in enumerate(session_dates(group), start=1):
            starts_at = datetime.datetime.combine(day, _as_time(group.session_time), tzinfo=tz)
            session = Session.objects.create(
                group=group,
                number=number,
                starts_at=starts_at,
                ends_at=starts_at + length,
                place=group.place,
                online_link=group.online_link,
            )
            session.facilitators.set(facilitators)
            plan.sessions.append(session)
            plan.clashes.extend(_clashes(session, facilitator_ids))
        group.lock_version += 1
        group.save(update_fields=["lock_version"])
    return plan


def _as_time(value: Any) -> datetime.time:
    if isinstance(value, datetime.time):
        return value
    return datetime.time.fromisoformat(str(value))


# --- eligibility -----------------------------------------------------------------------------


def pregnancy_week(*, due_date: datetime.date, on: datetime.date) -> int:
    """The completed week of pregnancy on a day (week 40 on the due date)."""
    return FULL_TERM_WEEKS - (due_date - on).days // 7 - (1 if (due_date - on).days % 7 else 0)


def eligibility_check(
    programme: Programme,
    client: Client,
    *,
    today: datetime.date,
    first_child: bool | None = None,
    start_date: datetime.date | None = None,
) -> tuple[bool, list[str]]:
    """Check a candidate against the programme's rules. Returns (ok, reasons): when not ok,
    why not; when ok, warnings the professional should act on (a deadline about to pass, a
    fact to ask about). All in the user's language. `start_date` is the group's start
    (default today); `first_child` is asked, not stored (None: not known)."""
    start = max(start_date or today, today)
    refusals: list[str] = []
    warnings: list[str] = []
    age = today.year - client.year_of_birth
    if programme.min_age is not None and age < programme.min_age:
        refusals.append(
            _("%(programme)s is for parents aged %(min)s or older; she is about %(age)s.")
            % {"programme": programme.name, "min": programme.min_age, "age": age}
        )
    if programme.max_age is not None and age > programme.max_age:
        refusals.append(
            _("%(programme)s is for parents up to %(max)s years old; she is about %(age)s.")
            % {"programme": programme.name, "max": programme.max_age, "age": age}
        )
    if programme.first_child_only:
        if first_child is False:
            refusals.append(
                _("%(programme)s is only for parents expecting their first child.")
                % {"programme": programme.name}
            )
        elif first_child is None:
            warnings.append(
                _("Ask whether this is her first child: %(programme)s is only for a first child.")
                % {"programme": programme.name}
            )
    if programme.languages and client.language not in programme.languages:
        refusals.append(
            _("%(programme)s is not offered in her language (%(language)s).")
            % {"programme": programme.name, "language": client.get_language_display()}
        )
    latest_week = programme.latest_pregnancy_week_at_start
    if latest_week is not None:
        if client.due_date is None:
            refusals.append(
                _("%(programme)s needs her due date: it must start before week %(week)s.")
                % {"programme": programme.name, "week": latest_week}
            )
        else:
            week = pregnancy_week(due_date=client.due_date, on=start)
            deadline = client.due_date - datetime.timedelta(weeks=FULL_TERM_WEEKS - latest_week)
            if week >= latest_week:
                refusals.append(
                    _(
                        "%(programme)s must start before week %(latest)s of the pregnancy; "
                        "at the start she is in week %(week)s."
                    )
                    % {"programme": programme.name, "latest": latest_week, "week": week}
                )
            elif (deadline - today).days <= DEADLINE_WARNING_DAYS:
                warnings.append(
                    _(
                        "Hurry: %(programme)s must start before week %(latest)s, that is before "
                        "%(deadline)s (in %(days)s days)."
                    )
                    % {
                        "programme": programme.name,
                        "latest": latest_week,
                        "deadline": date_format(deadline, "DATE_FORMAT"),
                        "days": (deadline - today).days,
                    }
                )
    if refusals:
        return False, refusals
    return True, warnings


# --- enrolment -------------------------------------------------------------------------------


@dataclass
class EnrolmentOutcome:
    enrolment: Enrolment
    message: str
    warnings: list[str] = field(default_factory=list)


def _audit(*, action: str, enrolment: Enrolment, user: User | None, detail: dict) -> None:
    """One audit event about the enrolment's client; ids and codes only."""
    audit_record(
        action=action,
        actor_id=str(user.uuid) if user else "",
        actor_display=user.get_username() if user else "",
        actor_organisation_id=(
            str(user.organisation.uuid) if user and user.organisation_id else ""
        ),
        actor_role=",".join(sorted(user.role_codes)) if user else "system",
        client_id=str(enrolment.client.uuid),
        object_type=AUDIT_OBJECT_ENROLMENT,
        object_id=str(enrolment.uuid),
        detail={"group": str(enrolment.group.uuid), **detail},
        source=SOURCE_SYSTEM,
    )


def _next_waiting_position(group: Group) -> int:
    last = group.enrolments.filter(status=EnrolmentStatus.WAITING_LIST).aggregate(
        last=Max("waiting_position")
    )["last"]
    return (last or 0) + 1


def enrolment_create(
    *,
    group: Group,
    client: Client,
    user: User | None,
    first_child: bool | None = None,
    today: datetime.date | None = None,
) -> EnrolmentOutcome:
    """Check the client against the programme's rules, then take a place: enrolled while the
    group has room, else on the waiting list. The group row is locked while counting, so two
    enrolments at once never overbook it. Raises EnrolmentRefused with the reasons."""
    today = today or timezone.localdate()
    programme = group.programme
    ok, reasons = eligibility_check(
        programme, client, today=today, first_child=first_child, start_date=group.start_date
    )
    if not ok:
        raise EnrolmentRefused(
            _("She cannot join %(programme)s.") % {"programme": programme.name}, reasons
        )
    with transaction.atomic():
        locked = Group.objects.select_for_update().get(pk=group.pk)
        if locked.status in (GroupStatus.FINISHED, GroupStatus.CANCELLED):
            raise EnrolmentRefused(
                _("The group %(group)s no longer takes new participants.") % {"group": locked}
            )
        if locked.enrolments.filter(client=client).exclude(status=EnrolmentStatus.LEFT).exists():
            raise EnrolmentRefused(
                _("%(client)s is already in this group or on its waiting list.")
                % {"client": client}
            )
        enrolled = locked.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()
        if enrolled < locked.capacity:
            enrolment = Enrolment.objects.create(
                group=locked, client=client, status=EnrolmentStatus.ENROLLED, created_by=user
            )
            message = _("%(client)s has a place in %(group)s.") % {
                "client": client,
                "group": locked,
            }
        else:
            position = _next_waiting_position(locked)
            enrolment = Enrolment.objects.create(
                group=locked,
                client=client,
                status=EnrolmentStatus.WAITING_LIST,
                waiting_position=position,
                created_by=user,
            )
            message = _(
                "The group %(group)s is full (%(capacity)s places). %(client)s is on the waiting "
                "list, number %(position)s. She moves up when a place comes free."
            ) % {
                "group": locked,
                "capacity": locked.capacity,
                "client": client,
                "position": position,
            }
        _audit(
            action=AUDIT_ENROLMENT_CREATED,
            enrolment=enrolment,
            user=user,
            detail={"status": enrolment.status},
        )
    return EnrolmentOutcome(enrolment=enrolment, message=message, warnings=reasons)


def enrolment_leave(
    *, enrolment: Enrolment, user: User | None, reason: str, note: str = ""
) -> Enrolment | None:
    """Record that a client leaves a group (or its waiting list) with a reason. A place that
    comes free goes to the first on the waiting list; returns her enrolment, or None."""
    if reason not in LeaveReason.values:
        raise EnrolmentRefused(_("Choose a reason for leaving."))
    with transaction.atomic():
        group = Group.objects.select_for_update().get(pk=enrolment.group_id)
        current = Enrolment.objects.select_related("client", "group").get(pk=enrolment.pk)
        if current.status == EnrolmentStatus.LEFT:
            raise EnrolmentRefused(_("%(client)s has already left.") % {"client": current.client})
        had_place = current.status == EnrolmentStatus.ENROLLED
        current.status = EnrolmentStatus.LEFT
        current.waiting_position = None
        current.leave_reason = reason
        current.left_at = timezone.now()
        current.lock_version += 1
        current.save()
        _audit(
            action=AUDIT_ENROLMENT_LEFT,
            enrolment=current,
            user=user,
            detail={"reason": reason, "had_place": had_place},
        )
        moved_up = None
        enrolled = group.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()
        if had_place and enrolled < group.capacity:
            moved_up = (
                group.enrolments.filter(status=EnrolmentStatus.WAITING_LIST)
                .select_related("client", "group")
                .order_by("waiting_position", "created_at", "id")
                .first()
            )
            if moved_up is not None:
                moved_up.status = EnrolmentStatus.ENROLLED
                moved_up.waiting_position = None
                moved_up.lock_version += 1
                moved_up.save()
                _audit(
                    action=AUDIT_ENROLMENT_MOVED_UP,
                    enrolment=moved_up,
                    user=user,
                    detail={"status": moved_up.status},
                )
        _renumber_waiting_list(group)
        enrolment.refresh_from_db()
    return moved_up


def _renumber_waiting_list(group: Group) -> None:
    """Number the waiting list 1, 2, 3, ... again in its order (inside the group's lock)."""
    waiting = group.enrolments.filter(status=EnrolmentStatus.WAITING_LIST).order_by(
        "waiting_position", "created_at", "id"
    )
    for position, waiting_enrolment in enumerate(waiting, start=1):
        if waiting_enrolment.waiting_position != position:
            waiting_enrolment.waiting_position = position
            waiting_enrolment.save(update_fields=["waiting_position"])


def programme_create(**fields: Any) -> Programme:
    """A programme with its rules (demo data and tests; the admin edits them later)."""
    with transaction.atomic():
        return Programme.objects.create(**fields)


def group_create(*, facilitators: list[User] | None = None, **fields: Any) -> Group:
    fields.setdefault("capacity", fields["programme"].group_size_max)
    with transaction.atomic():
        group = Group.objects.create(**fields)
        if facilitators:
            group.facilitators.set(facilitators)
    return group


__all__ = [
    "EnrolmentOutcome",
    "EnrolmentRefused",
    "SessionPlan",
    "eligibility_check",
    "enrolment_create",
    "enrolment_leave",
    "group_create",
    "group_plan_sessions",
    "pregnancy_week",
    "programme_create",
    "session_dates",
]
