"""Programmes, groups and clients for tests, made through the services. Synthetic people only."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from kansrijk.clients import services as client_services
from kansrijk.programmes import services
from kansrijk.programmes.constants import CENTERING_PREGNANCY, VOORZORG, ScheduleAnchor
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client
    from kansrijk.organisations.models import Coalition
    from kansrijk.programmes.models import Group, Programme

ZAANSTAD = "GM0479"

# Pregnancy weeks 16, 20, 24, 28, 30, 32, 34, 36 and 38, and six weeks after the due date,
# when every baby is born.
CENTERING_PREGNANCY_OFFSETS = [-24, -20, -16, -12, -10, -8, -6, -4, -2, 6]


def make_centering_pregnancy(**overrides: Any) -> Programme:
    fields: dict[str, Any] = {
        "code": CENTERING_PREGNANCY,
        "name": "Centering Pregnancy",
        "session_count": 10,
        "schedule_anchor": ScheduleAnchor.DUE_DATE,
        "session_offsets_weeks": CENTERING_PREGNANCY_OFFSETS,
        "session_duration_minutes": 120,
        "group_size_min": 8,
        "group_size_max": 12,
        "latest_pregnancy_week_at_start": 20,
        "facilitator_roles": ["verloskundige", "jgz-verpleegkundige"],
    }
    fields.update(overrides)
    return services.programme_create(**fields)


def make_voorzorg(**overrides: Any) -> Programme:
    fields: dict[str, Any] = {
        "code": VOORZORG,
        "name": "VoorZorg",
        "max_age": 25,
        "first_child_only": True,
        "latest_pregnancy_week_at_start": 28,
        "session_count": 10,
        "schedule_anchor": ScheduleAnchor.START,
        "session_offsets_weeks": [0, 2, 4, 6, 8, 10, 12, 14, 16, 18],
        "group_size_min": 1,
        "group_size_max": 1,
        "facilitator_roles": ["jgz-verpleegkundige"],
    }
    fields.update(overrides)
    return services.programme_create(**fields)


def make_group(
    *, programme: Programme, coalition: Coalition, reference_date: datetime.date, **overrides: Any
) -> Group:
    fields: dict[str, Any] = {
        "name": "Centering Pregnancy Zaandam, voorjaar (test)",
        "languages": ["nl"],
        "place": "Gezondheidscentrum Zaandam, zaal 2",
        "reference_date": reference_date,
        "capacity": programme.group_size_max,
    }
    fields.update(overrides)
    if "start_date" not in fields:
        fields["start_date"] = reference_date - datetime.timedelta(weeks=24)
    return services.group_create(programme=programme, coalition=coalition, **fields)


def make_client(*, user: User, **overrides: Any) -> Client:
    facts: dict[str, Any] = {
        "year_of_birth": timezone.localdate().year - 27,
        "municipality": region_selectors.municipality_get(code=ZAANSTAD),
        "due_date": timezone.localdate() + datetime.timedelta(weeks=26),
    }
    facts.update(overrides)
    return client_services.client_register(organisation=user.organisation, created_by=user, **facts)


def make_running_group(
    *, programme: Programme, coalition: Coalition, user: User, participants: int = 3, **overrides
) -> tuple[Group, list]:
    """A group whose first sessions are behind us (babies due in a week), planned, with
    `participants` clients enrolled (on the group's start date). Returns (group, enrolments)."""
    due = timezone.localdate() + datetime.timedelta(weeks=1)
    group = make_group(programme=programme, coalition=coalition, reference_date=due, **overrides)
    services.group_plan_sessions(group)
    enrolments = [
        services.enrolment_create(
            group=group,
            client=make_client(user=user, due_date=due),
            user=user,
            today=group.start_date,
        ).enrolment
        for _ in range(participants)
    ]
    return group, enrolments
