"""Fixtures for the sounding board tests: a `board` of the test `coalition` (Zaanstad) whose
`coordinator` sees everything, a member "Ouder A" with consent and a stored identity, and a
coordinator of another coalition (`other_coordinator`) who may see none of it."""

import datetime

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.soundingboard import services

FIRST_NAME = "Demo Zeynep"
PHONE = "06 0000 0999"


@pytest.fixture
def board(coalition):
    return services.board_create(coalition=coalition, name="Klankbord Zaanstad (test)")


@pytest.fixture
def member(board, coordinator):
    return services.member_register(
        board=board,
        pseudonym="Ouder A",
        languages=["tr", "nl"],
        childcare_needed=True,
        joined_on=timezone.localdate() - datetime.timedelta(days=60),
        registered_by=coordinator,
    )


@pytest.fixture
def member_with_identity(member, coordinator):
    services.member_consent_record(
        member=member,
        given_on=timezone.localdate(),
        purpose="Voornaam en telefoon om uit te nodigen.",
        recorded_by=coordinator,
    )
    services.member_identity_set(
        member=member, set_by=coordinator, first_name=FIRST_NAME, phone=PHONE, expected_version=0
    )
    return member


@pytest.fixture
def other_coordinator(outsider_organisation):
    coalition_create(
        slug="kansrijke-start-heerlen-test",
        name="Kansrijke Start Heerlen (test)",
        municipality_codes=["GM0917"],
        member_organisations=[outsider_organisation],
    )
    return make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])


@pytest.fixture
def session(board, member, coordinator):
    return services.session_create(
        board=board,
        date=timezone.localdate() - datetime.timedelta(days=7),
        place="Wijkcentrum Poelenburg",
        theme="Het consultatiebureau",
        childcare_arranged=True,
        created_by=coordinator,
    )


def make_request(board, *, asked_days_ago=30, deadline_days_ago=10, title="Een vraag"):
    today = timezone.localdate()
    return services.advice_request_create(
        board=board,
        title=title,
        question="Wat vinden jullie?",
        asked_on=today - datetime.timedelta(days=asked_days_ago),
        deadline=today - datetime.timedelta(days=deadline_days_ago),
    )


def advise(request, *, days_ago=5, advice="Doe het zo."):
    return services.advice_record(
        request=request,
        advice=advice,
        given_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        lock_version=request.lock_version,
    )
