"""Demo content: the programmes' rules, and in Zeist a Centering Pregnancy group with its ten
sessions planned and three synthetic clients enrolled. Idempotent: what exists is left alone."""

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
    VOORZORG,
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


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    programmes = {spec["code"]: _programme(spec) for spec in PROGRAMMES}
    coalition = organisation_selectors.coalition_get(slug="zeist")
    group_uuid = uuid.uuid5(DEMO_NAMESPACE, "zeist-centering-pregnancy")
    if coalition is None or Group.objects.filter(uuid=group_uuid).exists():
        return
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(AMSTERDAM))
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
    Group.objects.filter(pk=group.pk).update(uuid=group_uuid)
    group.refresh_from_db()
    services.group_plan_sessions(group)

    professional = users.get("jgz.zeist")
    municipality = region_selectors.municipality_get(code=ZEIST)
    if professional is None or municipality is None or professional.organisation is None:
        return
    for weeks_offset, language in ((-1, "nl"), (0, "en"), (2, "nl")):
        client = client_services.client_register(
            organisation=professional.organisation,
            created_by=professional,
            year_of_birth=today.year - 29,
            municipality=municipality,
            due_date=due + datetime.timedelta(weeks=weeks_offset),
            language=language,
        )
        services.enrolment_create(group=group, client=client, user=professional, today=today)
