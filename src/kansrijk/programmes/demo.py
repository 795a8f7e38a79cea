"""Demo content: the programmes' rules, and in Zeist
- a Centering Pregnancy group with its ten sessions planned and three synthetic clients;
- an online pregnancy group whose sessions are behind us, with attendance recorded (one
  absence without notice, so jgz.zeist has a follow-up call on her work list), that continues
  as a live mother group: three participants agreed and moved on, one did not;
- a father group starting in a few weeks with free places.
Idempotent: what exists is left alone."""

from __future__ import annotations

import datetime
import uuid
import zoneinfo
from typing import TYPE_CHECKING

from django.utils import timezone

from kansrijk.clients import services as client_services
from kansrijk.directory import selectors as directory_selectors
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.programmes import services
from kansrijk.programmes.constants import (
    CENTERING_PARENTING,
    CENTERING_PREGNANCY,
    FATHER_GROUP,
    MOTHER_GROUP,
    ONLINE_PREGNANCY_GROUP,
    VOORZORG,
    AttendanceStatus,
    GroupStatus,
    ScheduleAnchor,
)
from kansrijk.programmes.models import Group, Programme
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation

AMSTERDAM = "Europe/Amsterdam"
ZEIST = "GM0355"
DEMO_NAMESPACE = uuid.UUID("6f1c1d2e-5a0b-4c52-9a53-0d1e2f3a4b5c")

PROGRAMMES = (
    {
        "code": CENTERING_PREGNANCY,
        "name": "Centering Pregnancy",
        "session_count": 10,
        "schedule_anchor": ScheduleAnchor.DUE_DATE,
        # Pregnancy weeks 16 to 38, and six weeks after the due date when all are born.
        "session_offsets_weeks": [-24, -20, -16, -12, -10, -8, -6, -4, -2, 6],
        "session_duration_minutes": 120,
        "group_size_min": 8,
        "group_size_max": 12,
        "latest_pregnancy_week_at_start": 20,
        "facilitator_roles": ["verloskundige", "jgz-verpleegkundige"],
        "directory_name": "Centering Pregnancy",
    },
    {
        "code": CENTERING_PARENTING,
        "name": "CenteringParenting",
        "session_count": 8,
        "schedule_anchor": ScheduleAnchor.BIRTH,
        # From 4-8 weeks to 14 months.
        "session_offsets_weeks": [6, 10, 16, 24, 32, 40, 50, 60],
        "session_duration_minutes": 120,
        "group_size_min": 6,
        "group_size_max": 8,
        "facilitator_roles": ["jgz-verpleegkundige", "jeugdarts"],
        "directory_name": "CenteringParenting",
    },
    {
        "code": VOORZORG,
        "name": "VoorZorg",
        "max_age": 25,
        "first_child_only": True,
        "latest_pregnancy_week_at_start": 28,
        "session_count": 10,
        "schedule_anchor": ScheduleAnchor.START,
        "session_offsets_weeks": [0, 2, 4, 6, 8, 10, 12, 14, 16, 18],
        "session_duration_minutes": 60,
        "group_size_min": 1,
        "group_size_max": 1,
        "facilitator_roles": ["jgz-verpleegkundige"],
        "directory_name": "VoorZorg",
    },
    {
        "code": ONLINE_PREGNANCY_GROUP,
        "name": "Online zwangerschapsgroep",
        "session_count": 6,
        "schedule_anchor": ScheduleAnchor.DUE_DATE,
        "session_offsets_weeks": [-16, -14, -12, -10, -8, -6],
        "session_duration_minutes": 90,
        "group_size_min": 4,
        "group_size_max": 10,
        "facilitator_roles": ["verloskundige"],
        "directory_name": "Online zwangerschapsgroep",
    },
    {
        "code": MOTHER_GROUP,
        "name": "Moedergroep",
        "session_count": 6,
        "schedule_anchor": ScheduleAnchor.BIRTH,
        "session_offsets_weeks": [6, 8, 10, 12, 14, 16],
        "session_duration_minutes": 120,
        "group_size_min": 4,
        "group_size_max": 10,
        "facilitator_roles": ["jgz-verpleegkundige"],
        "directory_name": "Moedergroep",
    },
    {
        "code": FATHER_GROUP,
        "name": "Vadergroep",
        "session_count": 4,
        "schedule_anchor": ScheduleAnchor.START,
        "session_offsets_weeks": [0, 2, 4, 6],
        "session_duration_minutes": 120,
        "group_size_min": 4,
        "group_size_max": 10,
        "facilitator_roles": ["jgz-verpleegkundige", "ervaringsdeskundige vader"],
        "directory_name": "Vadergroep",
    },
)


def _programme(spec: dict) -> Programme:
    existing = Programme.objects.filter(code=spec["code"]).first()
    if existing is not None:
        return existing
    fields = {key: value for key, value in spec.items() if key != "directory_name"}
    service = (
        directory_selectors.service_list().filter(name__icontains=spec["directory_name"]).first()
    )
    return services.programme_create(service_id=service.pk if service else None, **fields)


def _weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _fixed_uuid(group: Group, name: str) -> Group:
    Group.objects.filter(pk=group.pk).update(uuid=uuid.uuid5(DEMO_NAMESPACE, name))
    group.refresh_from_db()
    return group


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    programmes = {spec["code"]: _programme(spec) for spec in PROGRAMMES}
    coalition = organisation_selectors.coalition_get(slug="zeist")
    if coalition is None:
        return
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(AMSTERDAM))
    _centering_pregnancy(programmes, coalition, users, today)
    _online_group_and_mother_group(programmes, coalition, users, today)
    _father_group(programmes, coalition, users, today)


def _clients(users: dict[str, User], today: datetime.date, due_dates, languages):
    professional = users.get("jgz.zeist")
    municipality = region_selectors.municipality_get(code=ZEIST)
    if professional is None or municipality is None or professional.organisation is None:
        return []
    return [
        client_services.client_register(
            organisation=professional.organisation,
            created_by=professional,
            year_of_birth=today.year - age,
            municipality=municipality,
            due_date=due,
            language=language,
        )
        for due, language, age in zip(due_dates, languages, (29, 31, 26, 34, 27), strict=False)
    ]


def _centering_pregnancy(programmes, coalition, users, today: datetime.date) -> None:
    group_uuid = uuid.uuid5(DEMO_NAMESPACE, "zeist-centering-pregnancy")
    if Group.objects.filter(uuid=group_uuid).exists():
        return
    due = today + datetime.timedelta(weeks=25)
    # The group meets on Tuesdays, from around week 16 of the pregnancy.
    start = due - datetime.timedelta(weeks=24)
    start += datetime.timedelta(days=(1 - start.weekday()) % 7)
    facilitators = [users[name] for name in ("jgz.zeist",) if name in users]
    group = services.group_create(
        programme=programmes[CENTERING_PREGNANCY],
        coalition=coalition,
        name="Centering Pregnancy Zeist, groep Lente",
        languages=["nl", "en"],
        place="Verloskundigen Zeist, groepsruimte",
        start_date=start,
        reference_date=due,
        session_time=datetime.time(19, 0),
        facilitators=facilitators,
    )
    group = _fixed_uuid(group, "zeist-centering-pregnancy")
    services.group_plan_sessions(group)
    clients = _clients(
        users,
        today,
        [due + datetime.timedelta(weeks=weeks) for weeks in (-1, 0, 2)],
        ["nl", "en", "nl"],
    )
    for client in clients:
        services.enrolment_create(group=group, client=client, user=users["jgz.zeist"], today=today)


def _online_group_and_mother_group(programmes, coalition, users, today: datetime.date) -> None:
    """The online pregnancy group met on Wednesday evenings; its babies are due in about two
    weeks, and it continues as a live mother group on Thursday mornings."""
    if Group.objects.filter(uuid=uuid.uuid5(DEMO_NAMESPACE, "zeist-online-pregnancy")).exists():
        return
    nurse = users.get("jgz.zeist")
    due = today + datetime.timedelta(weeks=2)
    start = _weekday_on_or_after(due - datetime.timedelta(weeks=16, days=3), 2)
    online = services.group_create(
        programme=programmes[ONLINE_PREGNANCY_GROUP],
        coalition=coalition,
        name="Online zwangerschapsgroep Zeist, najaar",
        languages=["nl"],
        online_link="https://video.example.nl/zwangerschapsgroep-zeist",
        start_date=start,
        reference_date=due,
        session_time=datetime.time(20, 0),
        facilitators=[nurse] if nurse else [],
    )
    online = _fixed_uuid(online, "zeist-online-pregnancy")
    plan = services.group_plan_sessions(online)
    clients = _clients(
        users,
        today,
        [due + datetime.timedelta(days=days) for days in (-5, 0, 3, 9)],
        ["nl", "nl", "en", "nl"],
    )
    if nurse is None or not clients:
        return
    enrolments = [
        services.enrolment_create(group=online, client=client, user=nurse, today=start).enrolment
        for client in clients
    ]
    # Everyone came, but for one excused evening and, at the last session, one absence
    # without notice: a follow-up call for the facilitator.
    now = timezone.now()
    for session in plan.sessions:
        if session.starts_at > now:
            continue
        statuses = {enrolment.pk: AttendanceStatus.PRESENT for enrolment in enrolments}
        if session.number == 3:
            statuses[enrolments[1].pk] = AttendanceStatus.EXCUSED
        if session.number == len(plan.sessions):
            statuses[enrolments[3].pk] = AttendanceStatus.ABSENT
        services.session_attendance_record(
            session=session, statuses=statuses, user=nurse, today=today
        )
    Group.objects.filter(pk=online.pk).update(status=GroupStatus.FINISHED)
    online.refresh_from_db()

    mother_group = services.group_continue(
        group=online,
        programme=programmes[MOTHER_GROUP],
        name="Moedergroep Zeist (vervolg van de online zwangerschapsgroep)",
        start_date=_weekday_on_or_after(due + datetime.timedelta(weeks=6), 3),
        place="Jeugdgezondheidszorg Zeist, consultatiebureau, groepsruimte",
        session_time=datetime.time(10, 0),
        user=nurse,
    )
    mother_group = _fixed_uuid(mother_group, "zeist-mother-group")
    services.group_plan_sessions(mother_group)
    # Three agreed to move on; the fourth did not and is not enrolled.
    for enrolment, agreed in zip(enrolments, (True, True, True, False), strict=True):
        services.continuation_answer_record(
            continuation=mother_group, enrolment=enrolment, agreed=agreed, user=nurse, today=today
        )


def _father_group(programmes, coalition, users, today: datetime.date) -> None:
    """Saturday mornings, starting in about three weeks, with every place still free."""
    if Group.objects.filter(uuid=uuid.uuid5(DEMO_NAMESPACE, "zeist-father-group")).exists():
        return
    nurse = users.get("jgz.zeist")
    father_group = services.group_create(
        programme=programmes[FATHER_GROUP],
        coalition=coalition,
        name="Vadergroep Zeist",
        languages=["nl", "en"],
        place="Huis van de Wijk Zeist-West, zaal 1",
        start_date=_weekday_on_or_after(today + datetime.timedelta(weeks=3), 5),
        session_time=datetime.time(10, 0),
        facilitators=[nurse] if nurse else [],
    )
    father_group = _fixed_uuid(father_group, "zeist-father-group")
    services.group_plan_sessions(father_group)
