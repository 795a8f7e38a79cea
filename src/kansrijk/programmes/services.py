"""Writes of the group programmes: planning sessions, checking eligibility, enrolling and
leaving. Enrolling and leaving lock the group row, so two enrolments that race for the last
place never overbook a group: one gets the place, the other the waiting list."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kansrijk.audit.constants import SOURCE_SYSTEM
from kansrijk.audit.services import audit_record
from kansrijk.programmes.constants import (
    AUDIT_ATTENDANCE_RECORDED,
    AUDIT_CONTINUATION_CONSENT,
    AUDIT_ENROLMENT_CREATED,
    AUDIT_ENROLMENT_LEFT,
    AUDIT_ENROLMENT_MOVED_UP,
    AUDIT_ENROLMENT_PSEUDONYMISED,
    AUDIT_FOLLOW_UP_DONE,
    AUDIT_OBJECT_ENROLMENT,
    AUDIT_OBJECT_SESSION,
    DEADLINE_WARNING_DAYS,
    FOLLOW_UP_DUE_DAYS,
    AttendanceStatus,
    EnrolmentStatus,
    GroupStatus,
    LeaveReason,
    ScheduleAnchor,
)
from kansrijk.programmes.models import (
    Attendance,
    ContinuationConsent,
    Enrolment,
    FollowUpCall,
    Group,
    Programme,
    Session,
)

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
        if Attendance.objects.filter(session__group=group).exists():
            # Planning again deletes the sessions, and with them who came: move one instead.
            raise ValidationError(
                _(
                    "Attendance has already been recorded for %(group)s, so its sessions "
                    "cannot be planned again. Move a single session instead."
                )
                % {"group": group}
            )
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
    # A parent who asked for help herself may not have a year of birth yet: age rules wait.
    age = today.year - client.year_of_birth if client.year_of_birth else None
    if programme.min_age is not None and age is not None and age < programme.min_age:
        refusals.append(
            _("%(programme)s is for parents aged %(min)s or older; she is about %(age)s.")
            % {"programme": programme.name, "min": programme.min_age, "age": age}
        )
    if programme.max_age is not None and age is not None and age > programme.max_age:
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


def _audit(
    *,
    action: str,
    enrolment: Enrolment,
    user: User | None,
    detail: dict,
    object_type: str = AUDIT_OBJECT_ENROLMENT,
    object_id: str = "",
    context: dict[str, str] | None = None,
) -> None:
    """One audit event about the enrolment's client; ids and codes only. `context` is the
    request's audit context (who and from where) when a person did it in a page."""
    actor = context or {
        "actor_id": str(user.uuid) if user else "",
        "actor_display": user.get_username() if user else "",
        "actor_organisation_id": (
            str(user.organisation.uuid) if user and user.organisation_id else ""
        ),
        "actor_role": ",".join(sorted(user.role_codes)) if user else "system",
        "source": SOURCE_SYSTEM,
    }
    audit_record(
        action=action,
        client_id=str(enrolment.client.uuid),
        object_type=object_type,
        object_id=object_id or str(enrolment.uuid),
        detail={"group": str(enrolment.group.uuid), **detail},
        **actor,
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
    referral_uuid: uuid.UUID | None = None,
    expected_version: int | None = None,
    audit_context: dict[str, str] | None = None,
) -> EnrolmentOutcome:
    """Check the client against the programme's rules, then take a place: enrolled while the
    group has room, else on the waiting list. The group row is locked while counting, so two
    enrolments at once never overbook it. Raises EnrolmentRefused with the reasons.

    `referral_uuid`: the referral she came from (kept on the enrolment). `expected_version`:
    the group's lock_version the user confirmed against; refused when the group changed since.
    `audit_context`: the request's audit context (see audit_request_context)."""
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
        if expected_version is not None and locked.lock_version != expected_version:
            raise EnrolmentRefused(
                _(
                    "The group %(group)s was changed by someone else in the meantime. Check "
                    "the details again and confirm once more."
                )
                % {"group": locked}
            )
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
                group=locked,
                client=client,
                status=EnrolmentStatus.ENROLLED,
                enrolled_at=timezone.now(),
                created_by=user,
                referral_uuid=referral_uuid,
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
                referral_uuid=referral_uuid,
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
        detail: dict[str, Any] = {"status": enrolment.status}
        if referral_uuid is not None:
            detail["referral"] = str(referral_uuid)
        _audit(
            action=AUDIT_ENROLMENT_CREATED,
            enrolment=enrolment,
            user=user,
            detail=detail,
            context=audit_context,
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
                moved_up.enrolled_at = timezone.now()
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


# --- moving a session ------------------------------------------------------------------------


def _when(moment: datetime.datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def session_move(
    *,
    session: Session,
    starts_at: datetime.datetime,
    place: str,
    online_link: str = "",
    expected_version: int,
    user: User | None,
) -> list[str]:
    """Move one session to another time or room (same length). Refused with a Dutch message
    when it would overlap another session of the same group, or when someone else changed it
    in the meantime. Returns clashes with other groups (same room or facilitator): the move
    is kept, the planner decides."""
    with transaction.atomic():
        current = Session.objects.select_for_update().select_related("group").get(pk=session.pk)
        if current.lock_version != expected_version:
            raise ValidationError(
                _(
                    "Someone else changed session %(number)s in the meantime. Look at the "
                    "new time and place, and move it again if needed."
                )
                % {"number": current.number}
            )
        ends_at = starts_at + (current.ends_at - current.starts_at)
        own = (
            Session.objects.filter(
                group=current.group, starts_at__lt=ends_at, ends_at__gt=starts_at
            )
            .exclude(pk=current.pk)
            .order_by("number")
            .first()
        )
        if own is not None:
            raise ValidationError(
                _(
                    "Session %(number)s would overlap with session %(other)s of this group "
                    "(%(when)s). Choose another time."
                )
                % {"number": current.number, "other": own.number, "when": _when(own.starts_at)}
            )
        current.starts_at = starts_at
        current.ends_at = ends_at
        current.place = place.strip()
        current.online_link = online_link.strip()
        current.lock_version += 1
        current.save()
        session.refresh_from_db()
        return _clashes(current, set(current.facilitators.values_list("pk", flat=True)))


# --- attendance ------------------------------------------------------------------------------


def session_attendance_record(
    *,
    session: Session,
    statuses: dict[int, str],
    user: User | None,
    today: datetime.date | None = None,
) -> list[FollowUpCall]:
    """Record who came to a session: {enrolment id: present / excused / absent}. Absent
    without notice makes a follow-up call for the facilitators; recording her as present or
    excused after all removes a call nobody made yet. Returns the new calls."""
    today = today or timezone.localdate()
    if session.starts_at > timezone.now():
        raise ValidationError(
            _("Session %(number)s has not started yet: record attendance from its start.")
            % {"number": session.number}
        )
    enrolments = {
        enrolment.pk: enrolment
        for enrolment in Enrolment.objects.filter(
            group_id=session.group_id, enrolled_at__isnull=False
        ).select_related("client", "group")
    }
    created: list[FollowUpCall] = []
    with transaction.atomic():
        for enrolment_id, status in statuses.items():
            enrolment = enrolments.get(enrolment_id)
            if enrolment is None:
                raise ValidationError(_("She has no place in this group."))
            if status not in AttendanceStatus.values:
                raise ValidationError(_("Choose present, excused or absent."))
            attendance, _created = Attendance.objects.update_or_create(
                session=session,
                enrolment=enrolment,
                defaults={"status": status, "recorded_by": user, "recorded_at": timezone.now()},
            )
            call = FollowUpCall.objects.filter(attendance=attendance).first()
            if status == AttendanceStatus.ABSENT and call is None:
                call = FollowUpCall.objects.create(
                    attendance=attendance,
                    due_on=today + datetime.timedelta(days=FOLLOW_UP_DUE_DAYS),
                )
                created.append(call)
            elif status != AttendanceStatus.ABSENT and call is not None and not call.done_at:
                call.delete()
            _audit(
                action=AUDIT_ATTENDANCE_RECORDED,
                enrolment=enrolment,
                user=user,
                detail={"session": session.number, "status": status},
                object_type=AUDIT_OBJECT_SESSION,
                object_id=str(session.uuid),
            )
    return created


def follow_up_call_done(*, call: FollowUpCall, user: User | None, note: str = "") -> None:
    """The facilitator called her (or tried): the call leaves the work list."""
    with transaction.atomic():
        current = (
            FollowUpCall.objects.select_for_update()
            .select_related("attendance__enrolment__client", "attendance__enrolment__group")
            .get(pk=call.pk)
        )
        if current.done_at is not None:
            raise ValidationError(_("This call has already been marked as done."))
        current.done_at = timezone.now()
        current.done_by = user
        current.note = note.strip()
        current.save()
        _audit(
            action=AUDIT_FOLLOW_UP_DONE,
            enrolment=current.attendance.enrolment,
            user=user,
            detail={"call": str(current.uuid)},
        )
    call.refresh_from_db()


# --- continuation ----------------------------------------------------------------------------


@transaction.atomic
def enrolments_pseudonymise(*, client_id: int) -> int:
    """For the retention run (clients.services.clients_pseudonymise_expired): the notes of the
    follow-up calls about her absences are emptied. Her enrolments and attendance stay, without
    words about her, for the participation figures. Returns how many enrolments."""
    enrolments = list(
        Enrolment.objects.select_for_update().filter(client_id=client_id).select_related("group")
    )
    FollowUpCall.objects.filter(attendance__enrolment__in=enrolments).update(note="")
    for enrolment in enrolments:
        _audit(action=AUDIT_ENROLMENT_PSEUDONYMISED, enrolment=enrolment, user=None, detail={})
    return len(enrolments)


def group_continue(
    *,
    group: Group,
    programme: Programme,
    name: str,
    start_date: datetime.date,
    user: User | None,
    reference_date: datetime.date | None = None,
    place: str = "",
    online_link: str = "",
    session_time: datetime.time | None = None,
    facilitators: list[User] | None = None,
) -> Group:
    """Make the follow-on group of `group` (a Centering Pregnancy group that continues as
    CenteringParenting, an online pregnancy group as a live mother group). Nobody moves over
    yet: each participant first says yes (continuation_answer_record)."""
    with transaction.atomic():
        locked = Group.objects.select_for_update().get(pk=group.pk)
        if locked.continuations.exists():
            raise ValidationError(
                _("%(group)s already continues as %(other)s.")
                % {"group": locked, "other": locked.continuations.first()}
            )
        if not name.strip():
            raise ValidationError(_("Give the follow-on group a name."))
        continuation = Group.objects.create(
            programme=programme,
            coalition=locked.coalition,
            name=name.strip(),
            languages=list(locked.languages),
            interpreter_available=locked.interpreter_available,
            place=place.strip(),
            online_link=online_link.strip(),
            capacity=programme.group_size_max,
            start_date=start_date,
            reference_date=reference_date or locked.reference_date,
            session_time=session_time or locked.session_time,
            continues_from=locked,
        )
        continuation.facilitators.set(
            facilitators if facilitators is not None else locked.facilitators.all()
        )
    return continuation


def continuation_answer_record(
    *,
    continuation: Group,
    enrolment: Enrolment,
    agreed: bool,
    user: User | None,
    today: datetime.date | None = None,
) -> EnrolmentOutcome | None:
    """Record whether a participant of the first group agreed to move on to the follow-on
    group. A yes enrols her there (or puts her on its waiting list: never an overbooking); a
    no leaves her out. Returns the enrolment outcome for a yes."""
    if continuation.continues_from_id != enrolment.group_id:
        raise ValidationError(_("She is not in the group this one continues from."))
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Only participants with a place can move on."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                ContinuationConsent.objects.create(
                    enrolment=enrolment,
                    continuation=continuation,
                    agreed=agreed,
                    recorded_by=user,
                )
        except IntegrityError:
            raise ValidationError(
                _("Her answer about %(group)s has already been recorded.") % {"group": continuation}
            ) from None
        _audit(
            action=AUDIT_CONTINUATION_CONSENT,
            enrolment=enrolment,
            user=user,
            detail={"continuation": str(continuation.uuid), "agreed": agreed},
        )
        if not agreed:
            return None
        return enrolment_create(group=continuation, client=enrolment.client, user=user, today=today)


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
    "continuation_answer_record",
    "follow_up_call_done",
    "group_continue",
    "session_attendance_record",
    "session_move",
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
