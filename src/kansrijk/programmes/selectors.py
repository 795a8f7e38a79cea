"""Reads of the group programmes. Access: professionals of the member organisations of the
group's coalition see its page; a participant's client code only when they may see her (her
care team, a consented referral party) or when they lead the group."""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.clients import selectors as client_selectors
from kansrijk.programmes.constants import (
    COMPLETED_SHARE,
    DEADLINE_WARNING_DAYS,
    STARTING_SOON_DAYS,
    AttendanceStatus,
    EnrolmentStatus,
    GroupStatus,
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
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition

    AnyUser = User | AnonymousUser


def programme_get(*, code: str) -> Programme | None:
    return Programme.objects.filter(code=code).first()


def groups_visible_to(user: AnyUser) -> QuerySet[Group]:
    """The groups of the coalitions the user's organisation is a member of (professionals)."""
    if (
        not user.is_authenticated
        or not user.is_active
        or not user.organisation_id
        or not user.has_role(Role.PROFESSIONAL)
    ):
        return Group.objects.none()
    return (
        Group.objects.filter(coalition__members=user.organisation_id)
        .select_related("programme", "coalition")
        .distinct()
    )


def group_get_for_user(user: AnyUser, uuid: Any) -> Group | None:
    """One group the user may see, or None (also for a malformed id): the view answers 404."""
    try:
        group_uuid = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return groups_visible_to(user).filter(uuid=group_uuid).first()


def group_sessions(*, group: Group) -> QuerySet[Session]:
    return group.sessions.prefetch_related("facilitators").order_by("number")


@dataclass
class Participant:
    enrolment: Enrolment
    code: str | None  # the client code, or None when the user may not see her


def group_participants(*, group: Group, user: AnyUser) -> list[Participant]:
    """Enrolled and waiting participants, in order (places first, then the waiting list)."""
    enrolments = list(
        group.enrolments.exclude(status=EnrolmentStatus.LEFT)
        .select_related("client")
        .order_by("-status", "waiting_position", "created_at", "id")
    )
    leads = group.facilitators.filter(pk=getattr(user, "pk", None)).exists()
    visible = set(
        client_selectors.clients_visible_to(user)
        .filter(pk__in=[e.client_id for e in enrolments])
        .values_list("pk", flat=True)
    )
    return [
        Participant(
            enrolment=enrolment,
            code=enrolment.client.pseudonym if leads or enrolment.client_id in visible else None,
        )
        for enrolment in sorted(
            enrolments,
            key=lambda e: (e.status != EnrolmentStatus.ENROLLED, e.waiting_position or 0),
        )
    ]


def group_free_places(*, group: Group) -> int:
    enrolled = group.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()
    return max(group.capacity - enrolled, 0)


def group_waiting_count(*, group: Group) -> int:
    return group.enrolments.filter(status=EnrolmentStatus.WAITING_LIST).count()


def programme_list() -> QuerySet[Programme]:
    return Programme.objects.order_by("name")


# --- who may do what -------------------------------------------------------------------------


def user_leads_group(user: AnyUser, group: Group) -> bool:
    """A facilitator of the group or of one of its sessions: she records attendance and
    answers, and sees every participant's code."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        group.facilitators.filter(pk=user.pk).exists()
        or Session.objects.filter(group=group, facilitators=user.pk).exists()
    )


def user_plans_group(user: AnyUser, group: Group) -> bool:
    """Facilitators, and coordinators (who are professionals of a member organisation), plan
    and move sessions and start a follow-on group; that shows no client data."""
    if user_leads_group(user, group):
        return True
    return groups_visible_to(user).filter(pk=group.pk).exists() and user.has_role(Role.COORDINATOR)


def user_enrols_in_group(user: AnyUser, group: Group) -> bool:
    """Who may enrol a client in the group: those who plan it (its facilitators, and
    coordinators who are professionals of a member organisation). Only clients they may see
    themselves, and only while the group still takes participants."""
    return user_plans_group(user, group) and client_selectors.user_works_with_clients(user)


def group_takes_enrolments(*, group: Group) -> bool:
    return group.status not in (GroupStatus.FINISHED, GroupStatus.CANCELLED)


def enrolment_client_choices(*, group: Group, user: AnyUser) -> list[tuple[str, str]]:
    """(public id, client code) of the clients the user may see who are not in the group or
    on its waiting list yet, by code."""
    active = group.enrolments.exclude(status=EnrolmentStatus.LEFT).values("client_id")
    return [
        (str(client_uuid), pseudonym)
        for client_uuid, pseudonym in client_selectors.clients_visible_to(user)
        .exclude(pk__in=active)
        .order_by("pseudonym")
        .values_list("uuid", "pseudonym")
    ]


# --- sessions and attendance -----------------------------------------------------------------


def session_get_for_user(user: AnyUser, uuid: Any) -> Session | None:
    """One session of a group the user may see, or None (404)."""
    try:
        session_uuid = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return (
        Session.objects.filter(uuid=session_uuid, group__in=groups_visible_to(user))
        .select_related("group", "group__programme", "group__coalition")
        .first()
    )


@dataclass
class AttendanceRow:
    enrolment: Enrolment
    status: str  # "" while not recorded
    call: FollowUpCall | None


def session_attendance(*, session: Session) -> list[AttendanceRow]:
    """Everyone with a place in the group (also those who left later, for earlier sessions),
    with what was recorded for this session. Only for those who lead the group."""
    recorded = {
        attendance.enrolment_id: attendance
        for attendance in session.attendances.select_related("follow_up_call")
    }
    rows = []
    enrolments = (
        Enrolment.objects.filter(group_id=session.group_id, enrolled_at__isnull=False)
        .filter(Q(left_at__isnull=True) | Q(left_at__gte=session.starts_at))
        .select_related("client")
        .order_by("created_at", "id")
    )
    for enrolment in enrolments:
        attendance = recorded.get(enrolment.pk)
        call = getattr(attendance, "follow_up_call", None) if attendance else None
        rows.append(
            AttendanceRow(
                enrolment=enrolment, status=attendance.status if attendance else "", call=call
            )
        )
    return rows


def follow_up_calls_open_for(user: AnyUser) -> QuerySet[FollowUpCall]:
    """Calls nobody made yet after an absence, in the sessions (or groups) the user leads."""
    if not getattr(user, "is_authenticated", False):
        return FollowUpCall.objects.none()
    session = "attendance__session"
    return (
        FollowUpCall.objects.filter(done_at__isnull=True)
        .filter(
            Q(**{f"{session}__facilitators": user.pk})
            | Q(**{f"{session}__group__facilitators": user.pk})
        )
        .select_related(f"{session}__group", "attendance__enrolment__client")
        .distinct()
        .order_by("due_on", "id")
    )


def follow_up_call_get_for_user(user: AnyUser, uuid: Any) -> FollowUpCall | None:
    try:
        call_uuid = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return follow_up_calls_open_for(user).filter(uuid=call_uuid).first()


# --- deadlines and free places ---------------------------------------------------------------


def start_deadline(*, programme: Programme, due_date: datetime.date | None) -> datetime.date | None:
    """The last day she can start (the day before her latest pregnancy week), or None."""
    latest = programme.latest_pregnancy_week_at_start
    if latest is None or due_date is None:
        return None
    # Week `latest` starts (40 - latest) weeks before the due date.
    return due_date - datetime.timedelta(weeks=40 - latest)


@dataclass
class DeadlineCandidate:
    enrolment: Enrolment
    deadline: datetime.date
    days_left: int


def waiting_candidates_near_deadline(
    user: AnyUser, today: datetime.date
) -> list[DeadlineCandidate]:
    """Women on the waiting list of a group the user leads whose programme must start before
    a pregnancy week that is near (within DEADLINE_WARNING_DAYS): find her a place in time."""
    if not getattr(user, "is_authenticated", False):
        return []
    waiting = (
        Enrolment.objects.filter(
            status=EnrolmentStatus.WAITING_LIST,
            group__programme__latest_pregnancy_week_at_start__isnull=False,
        )
        .filter(Q(group__facilitators=user.pk) | Q(group__sessions__facilitators=user.pk))
        .select_related("client", "group", "group__programme")
        .distinct()
    )
    candidates = []
    for enrolment in waiting:
        deadline = start_deadline(
            programme=enrolment.group.programme, due_date=enrolment.client.due_date
        )
        if deadline is None:
            continue
        days_left = (deadline - today).days
        if 0 <= days_left <= DEADLINE_WARNING_DAYS:
            candidates.append(DeadlineCandidate(enrolment, deadline, days_left))
    return sorted(candidates, key=lambda c: (c.deadline, c.enrolment.pk))


def user_sees_starting_groups(user: AnyUser) -> bool:
    """Coordinators of a member organisation, and anyone who leads a group."""
    if not getattr(user, "is_authenticated", False) or not user.organisation_id:
        return False
    return user.has_role(Role.COORDINATOR) or Group.objects.filter(facilitators=user.pk).exists()


def groups_starting_with_free_places(user: AnyUser, today: datetime.date) -> QuerySet[Group]:
    """Planned groups of the user's coalitions that start within STARTING_SOON_DAYS and still
    have places: worth telling referrers about."""
    if not user_sees_starting_groups(user):
        return Group.objects.none()
    return (
        Group.objects.filter(
            coalition__members=user.organisation_id,
            status=GroupStatus.PLANNED,
            start_date__gte=today,
            start_date__lte=today + datetime.timedelta(days=STARTING_SOON_DAYS),
        )
        .annotate(
            enrolled=Count(
                "enrolments",
                filter=Q(enrolments__status=EnrolmentStatus.ENROLLED),
                distinct=True,
            )
        )
        .filter(enrolled__lt=F("capacity"))
        .annotate(free=F("capacity") - F("enrolled"))
        .select_related("programme")
        .distinct()
        .order_by("start_date", "name")
    )


# --- continuation ----------------------------------------------------------------------------


@dataclass
class ContinuationRow:
    enrolment: Enrolment
    code: str | None
    answer: bool | None  # None: not asked yet


def continuation_rows(*, continuation: Group, user: AnyUser) -> list[ContinuationRow]:
    """The participants with a place in the first group, and their answer so far."""
    if continuation.continues_from_id is None:
        return []
    answers = dict(
        ContinuationConsent.objects.filter(continuation=continuation).values_list(
            "enrolment_id", "agreed"
        )
    )
    participants = group_participants(group=continuation.continues_from, user=user)
    return [
        ContinuationRow(
            enrolment=participant.enrolment,
            code=participant.code,
            answer=answers.get(participant.enrolment.pk),
        )
        for participant in participants
        if participant.enrolment.status == EnrolmentStatus.ENROLLED
    ]


# --- the personal calendar -------------------------------------------------------------------


def sessions_led_by(user: AnyUser, *, since: datetime.datetime) -> QuerySet[Session]:
    """The sessions the user facilitates that end after `since`."""
    if not getattr(user, "is_authenticated", False):
        return Session.objects.none()
    return (
        Session.objects.filter(facilitators=user.pk, ends_at__gte=since)
        .select_related("group", "group__programme")
        .order_by("starts_at")
    )


# --- numbers for monitoring ------------------------------------------------------------------


@dataclass
class ParticipationCounts:
    """Counts only, no client data. `enrolled`: got a place; `started`: present at least
    once; `completed`: present at COMPLETED_SHARE (80%) of the group's sessions or more;
    `left`: left after getting a place, per reason."""

    enrolled: int = 0
    started: int = 0
    completed: int = 0
    waiting: int = 0
    left: dict[str, int] = field(default_factory=dict)


def _sessions_needed(groups: QuerySet[Group]) -> dict[int, int]:
    """Per group: how many sessions a participant must attend to have completed it."""
    groups = groups.annotate(planned=Count("sessions")).select_related("programme")
    return {
        group.pk: max(1, round(COMPLETED_SHARE * (group.planned or group.programme.session_count)))
        for group in groups
    }


def participation_counts(
    *,
    coalition: Coalition,
    start: datetime.date,
    end: datetime.date,
    programme: Programme | None = None,
) -> ParticipationCounts:
    """The participation in the coalition's groups that start between start and end
    (inclusive), optionally of one programme. Cancelled groups do not count."""
    groups = Group.objects.filter(
        coalition=coalition, start_date__gte=start, start_date__lte=end
    ).exclude(status=GroupStatus.CANCELLED)
    if programme is not None:
        groups = groups.filter(programme=programme)
    needed = _sessions_needed(groups)
    enrolments = Enrolment.objects.filter(group__in=groups)
    counts = ParticipationCounts(
        waiting=enrolments.filter(status=EnrolmentStatus.WAITING_LIST).count()
    )
    present = dict(
        Attendance.objects.filter(enrolment__in=enrolments, status=AttendanceStatus.PRESENT)
        .values("enrolment_id")
        .annotate(times=Count("id"))
        .values_list("enrolment_id", "times")
    )
    left: Counter[str] = Counter()
    for enrolment in enrolments.filter(enrolled_at__isnull=False).values(
        "pk", "group_id", "status", "leave_reason"
    ):
        counts.enrolled += 1
        times = present.get(enrolment["pk"], 0)
        counts.started += times > 0
        counts.completed += times >= needed[enrolment["group_id"]]
        if enrolment["status"] == EnrolmentStatus.LEFT:
            left[enrolment["leave_reason"]] += 1
    counts.left = dict(left)
    return counts


def monitoring_participation_facts():
    """One monitoring fact per participant who got a place in a group that has started
    (kansrijk.indicators): the start date, the programme and whether she completed it."""
    from kansrijk.indicators.extract import target_group

    groups = Group.objects.filter(start_date__lte=timezone.localdate()).exclude(
        status=GroupStatus.CANCELLED
    )
    needed = _sessions_needed(groups)
    enrolments = Enrolment.objects.filter(group__in=groups, enrolled_at__isnull=False)
    present = dict(
        Attendance.objects.filter(enrolment__in=enrolments, status=AttendanceStatus.PRESENT)
        .values("enrolment_id")
        .annotate(times=Count("id"))
        .values_list("enrolment_id", "times")
    )
    for row in enrolments.values(
        "pk",
        "uuid",
        "group_id",
        "group__start_date",
        "group__programme__name",
        "client__municipality_id",
        "client__neighbourhood_id",
        "client__year_of_birth",
        "client__language",
    ):
        start = row["group__start_date"]
        yield {
            "source_uuid": row["uuid"],
            "municipality_id": row["client__municipality_id"],
            "neighbourhood_id": row["client__neighbourhood_id"],
            "target_group": target_group(
                year_of_birth=row["client__year_of_birth"],
                on_year=start.year,
                language=row["client__language"],
            ),
            "programme": row["group__programme__name"][:100],
            "started_on": start,
            "completed": present.get(row["pk"], 0) >= needed[row["group_id"]],
        }


def public_sessions(*, coalition, since: datetime.datetime) -> QuerySet[Session]:
    """Sessions still to come of the coalition's planned and running groups (and cancelled
    ones, so subscribed calendars remove them), for its public agenda."""
    return (
        Session.objects.filter(group__coalition=coalition, ends_at__gte=since)
        .exclude(group__status=GroupStatus.FINISHED)
        # One-to-one programmes (VoorZorg) meet at her home: never on a public agenda.
        .filter(group__programme__group_size_max__gt=1)
        .select_related("group", "group__programme")
        .order_by("starts_at", "id")
    )
