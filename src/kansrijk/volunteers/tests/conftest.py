"""Fixtures for the volunteer tests: the Zeist coalition with the volunteer organisation
"Samen Oplopen (test)", its `zeist_coordinator`, and `family`: a client in Zeist who speaks
Arabic, registered by `professional` (of `organisation`), with consent to share her details with
the volunteer organisation."""

import datetime

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.tests.factories import make_client, make_consent
from kansrijk.organisations.constants import Domain
from kansrijk.organisations.services import coalition_create
from kansrijk.regions import selectors as region_selectors
from kansrijk.volunteers import services
from kansrijk.volunteers.constants import MatchStatus, VolunteerStatus

ZEIST = "GM0355"


@pytest.fixture
def zeist():
    return region_selectors.municipality_get(code=ZEIST)


@pytest.fixture
def zeist_neighbourhoods(zeist):
    return list(
        region_selectors.neighbourhood_list(municipality=zeist).exclude(code=None).order_by("code")
    )


@pytest.fixture
def volunteer_organisation(db):
    return make_organisation(name="Samen Oplopen (test)", domain=Domain.SOCIAL)


@pytest.fixture
def zeist_coalition(organisation, volunteer_organisation):
    return coalition_create(
        slug="kansrijke-start-zeist-test",
        name="Kansrijke Start Zeist (test)",
        municipality_codes=[ZEIST],
        member_organisations=[organisation, volunteer_organisation],
    )


@pytest.fixture
def zeist_coordinator(volunteer_organisation, zeist_coalition):
    return make_user(organisation=volunteer_organisation, roles=[Role.COORDINATOR])


@pytest.fixture
def family_client(professional, zeist, zeist_neighbourhoods, zeist_coalition):
    return make_client(
        user=professional,
        municipality=zeist,
        neighbourhood=zeist_neighbourhoods[0],
        language="ar",
    )


@pytest.fixture
def family_consent(family_client, professional, volunteer_organisation):
    return make_consent(
        client=family_client,
        user=professional,
        organisations=[volunteer_organisation],
        purpose=ConsentPurpose.INFORMATION_EXCHANGE,
        words="Ik vind het goed dat Samen Oplopen mijn voornaam, wijk en taal krijgt.",
    )


@pytest.fixture
def register_volunteer(
    zeist_coalition, volunteer_organisation, zeist, zeist_neighbourhoods, zeist_coordinator
):
    """register_volunteer(first_name, **facts): an approved volunteer with a VOG of a month."""

    def _register(first_name, **facts):
        facts.setdefault("municipality", zeist)
        facts.setdefault("neighbourhood", zeist_neighbourhoods[1])
        volunteer = services.volunteer_register(
            coalition=zeist_coalition,
            organisation=volunteer_organisation,
            first_name=first_name,
            registered_by=zeist_coordinator,
            **facts,
        )
        services.vog_record(
            volunteer=volunteer,
            issued_on=timezone.localdate() - datetime.timedelta(days=30),
            user=zeist_coordinator,
        )
        for step in (VolunteerStatus.INTAKE, VolunteerStatus.TRAINING, VolunteerStatus.APPROVED):
            volunteer = services.volunteer_transition(
                volunteer=volunteer, to_status=step, user=zeist_coordinator
            )
        return volunteer

    return _register


@pytest.fixture
def waiting_request(
    family_client, family_consent, zeist_coalition, volunteer_organisation, professional
):
    return services.request_create(
        client=family_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["social-network-and-loneliness"],
        created_by=professional,
    )


@pytest.fixture
def activate(zeist_coordinator):
    """activate(match, started_on=...): introduce and start a match."""

    def _activate(match, *, started_on=None):
        match = services.match_transition(
            match=match, to_status=MatchStatus.INTRODUCED, user=zeist_coordinator
        )
        return services.match_transition(
            match=match, to_status=MatchStatus.ACTIVE, user=zeist_coordinator, today=started_on
        )

    return _activate
