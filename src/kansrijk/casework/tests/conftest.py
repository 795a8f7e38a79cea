"""The cast of the case consultation tests (on top of kansrijk.accounts.testing's personas):
the Zaanstad `coalition` holds a consultation whose `chair` works at `other_organisation`
(a midwifery practice) and whose member `professional` works at `organisation` (the GGD).
The `midwife` of `other_organisation` submits cases; `stranger` is a professional of a third
partner who is not a member. `next_month` and `month_after` are planned meetings."""

import datetime

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.casework import services
from kansrijk.casework.constants import MemberRole
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.tests.factories import make_client, make_consent
from kansrijk.organisations.constants import Domain
from kansrijk.regions import selectors as region_selectors


@pytest.fixture
def third_organisation(coalition):
    organisation = make_organisation(name="Sociaal Wijkteam Zaandam (test)", domain=Domain.SOCIAL)
    coalition.members.add(organisation)
    return organisation


@pytest.fixture
def chair(other_organisation, coalition):
    return make_user(organisation=other_organisation, roles=[Role.PROFESSIONAL])


@pytest.fixture
def midwife(other_organisation, coalition):
    return make_user(organisation=other_organisation, roles=[Role.PROFESSIONAL])


@pytest.fixture
def stranger(third_organisation):
    return make_user(organisation=third_organisation, roles=[Role.PROFESSIONAL])


@pytest.fixture
def consultation(coalition, chair, professional, midwife):
    consultation = services.consultation_create(
        coalition=coalition, name="Steunpunt Kwetsbare Zwangeren (test)", code_prefix="SKZ"
    )
    services.member_set(consultation=consultation, user=chair, role=MemberRole.CHAIR)
    services.member_set(consultation=consultation, user=professional, role=MemberRole.MEMBER)
    services.member_set(consultation=consultation, user=midwife, role=MemberRole.MEMBER)
    return consultation


def _at(days: int, hour: int = 14) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def next_month(consultation):
    return services.meeting_plan(
        consultation=consultation, starts_at=_at(10), ends_at=_at(10, 16), place="Zaandam"
    )


@pytest.fixture
def month_after(consultation):
    return services.meeting_plan(
        consultation=consultation, starts_at=_at(40), ends_at=_at(40, 16), place="Zaandam"
    )


@pytest.fixture
def zaanstad():
    return region_selectors.municipality_get(code="GM0479")


@pytest.fixture
def named_client(midwife, organisation):
    """Her midwives (her own care team) submit; her consent names the GGD at the table."""
    client = make_client(user=midwife)
    make_consent(
        client=client,
        user=midwife,
        organisations=[organisation],
        purpose=ConsentPurpose.CASE_CONSULTATION,
        words="Ik vind het goed dat mijn situatie in het Steunpunt wordt besproken.",
    )
    return client


@pytest.fixture
def summary(zaanstad):
    """The anonymous summary every case has."""
    return {
        "age_band": "23_29",
        "phase": "second_trimester",
        "municipality": zaanstad,
        "domains": ["poverty_debts", "psychosocial"],
        "question": "Wie kan haar helpen met schulden en spanning voor de bevalling?",
    }
