"""Demo content for Zaanstad: the monthly "Steunpunt Kwetsbare Zwangeren".

- Members: the wijkteam professional chairs (`wijkteam.zaanstad`), the JGZ nurse keeps the
  minutes (`jgz.zaanstad`), the midwife is a member (`verloskundige.zaanstad`).
- Last month's meeting discussed one named case (with her consent for the case consultation,
  naming the municipality and the GGD); its two agreements are still open, one overdue.
- Two anonymous cases wait for the next meeting, in ten days; the named case is due back.
Only synthetic people: the named case is one of the demo's made-up clients.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from kansrijk.casework import selectors, services
from kansrijk.casework.constants import DiscussionMode, MemberRole
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients import services as client_services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation

COALITION_SLUG = "zaanstad"
NAME = "Steunpunt Kwetsbare Zwangeren Zaanstad"
CHAIR, MINUTE_TAKER, MIDWIFE = "wijkteam.zaanstad", "jgz.zaanstad", "verloskundige.zaanstad"

ANONYMOUS_CASES = [
    {
        "age_band": "18_22",
        "phase": "second_trimester",
        "domains": ["teenage_pregnancy", "social_network", "poverty_debts"],
        "question": "Jonge moeder zonder steun van familie, woont tijdelijk bij een vriendin. "
        "Wie kan helpen met wonen en een netwerk?",
    },
    {
        "age_band": "30_39",
        "phase": "third_trimester",
        "domains": ["residence_status", "low_literacy", "psychosocial"],
        "question": "Statushouder, spreekt nog weinig Nederlands, veel zorgen over de "
        "bevalling. Is er een tolk en een kraamzorgplek te regelen?",
    },
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    coalition = organisation_selectors.coalition_get(slug=COALITION_SLUG)
    if coalition is None or selectors.consultations_for_user(users[CHAIR]).filter(name=NAME):
        return
    chair, minute_taker, midwife = users[CHAIR], users[MINUTE_TAKER], users[MIDWIFE]
    consultation = services.consultation_create(
        coalition=coalition,
        name=NAME,
        code_prefix="SKZ",
        description="Maandelijks multidisciplinair overleg over kwetsbare zwangeren.",
    )
    services.member_set(consultation=consultation, user=chair, role=MemberRole.CHAIR)
    services.member_set(consultation=consultation, user=minute_taker, role=MemberRole.MINUTE_TAKER)
    services.member_set(consultation=consultation, user=midwife, role=MemberRole.MEMBER)

    today = timezone.localdate()
    last_month = today - datetime.timedelta(days=24)
    held = services.meeting_plan(
        consultation=consultation,
        starts_at=_at(last_month, 13),
        ends_at=_at(last_month, 15),
        place="Stadhuis Zaandam",
    )
    upcoming = services.meeting_plan(
        consultation=consultation,
        starts_at=_at(today + datetime.timedelta(days=10), 13),
        ends_at=_at(today + datetime.timedelta(days=10), 15),
        place="Stadhuis Zaandam",
    )
    services.meeting_plan(
        consultation=consultation,
        starts_at=_at(today + datetime.timedelta(days=38), 13),
        ends_at=_at(today + datetime.timedelta(days=38), 15),
        place="Stadhuis Zaandam",
    )

    zaanstad = region_selectors.municipality_get(code="GM0479")
    client = client_selectors.clients_visible_to(midwife).order_by("created_at").first()
    client_services.consent_record(
        client=client,
        purpose=ConsentPurpose.CASE_CONSULTATION,
        organisations=[chair.organisation, minute_taker.organisation],
        words=(
            "Ik vind het goed dat mijn situatie wordt besproken in het Steunpunt Kwetsbare "
            "Zwangeren, met de gemeente (wijkteam) en de GGD (JGZ). Ik mag dit altijd intrekken."
        ),
        given_to=midwife,
    )
    named = services.case_submit(
        consultation=consultation,
        user=midwife,
        mode=DiscussionMode.NAMED_CONSENT,
        client=client,
        municipality=zaanstad,
        age_band="23_29",
        phase="third_trimester",
        domains=["poverty_debts", "psychosocial"],
        question="Veel spanning door schulden en weinig steun; wie pakt wat op voor de bevalling?",
        submitted_at=held.starts_at - datetime.timedelta(days=12),
    )
    services.confidentiality_confirm(meeting=held, user=chair)
    services.confidentiality_confirm(meeting=held, user=minute_taker)
    services.confidentiality_confirm(meeting=held, user=midwife)
    (item,) = services.agenda_add(meeting=held, user=chair, cases=[named])
    services.minutes_record(
        item=item,
        user=minute_taker,
        seen="Schulden stapelen zich op; zij slaapt slecht en ziet op tegen de bevalling.",
        conclusions="Schuldhulp via het wijkteam; JGZ komt na de geboorte vroeg op huisbezoek.",
        lead_user=chair,
        follow_up_on=upcoming.starts_at.date(),
        outcome_summary="Het wijkteam is regiehouder en regelt schuldhulp.",
        expected_version=item.lock_version,
    )
    services.agreement_add(
        item=item,
        user=minute_taker,
        description="Aanmelding bij Schuldhulpverlening Zaanstad doen",
        owner_user=chair,
        due_on=today - datetime.timedelta(days=3),
        today=last_month,
    )
    services.agreement_add(
        item=item,
        user=minute_taker,
        description="Vroeg huisbezoek JGZ plannen na de geboorte",
        owner_user=minute_taker,
        due_on=today + datetime.timedelta(days=12),
        today=last_month,
    )
    held.refresh_from_db()
    services.meeting_finalise(meeting=held, user=chair, expected_version=held.lock_version)

    for details in ANONYMOUS_CASES:
        services.case_submit(
            consultation=consultation,
            user=midwife,
            mode=DiscussionMode.ANONYMOUS,
            municipality=zaanstad,
            recognisable_checked=True,
            **details,
        )
