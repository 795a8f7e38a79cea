"""Volunteers, requests and matches through the services and selectors (the database)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.clients.services import StaleEditError, consent_withdraw
from kansrijk.clients.tests.factories import make_client
from kansrijk.volunteers import selectors, services
from kansrijk.volunteers.constants import MatchStatus, RequestStatus, VolunteerStatus

pytestmark = pytest.mark.django_db


def _today():
    """Today where Kansrijk runs, asked at test time: a run can pass midnight."""
    return timezone.localdate()


@pytest.fixture
def register(
    zeist_coalition, volunteer_organisation, zeist, zeist_neighbourhoods, zeist_coordinator
):
    recent = object()  # default: a VOG issued 30 days ago (None: no VOG)

    def _register(first_name, *, vog=recent, approve=True, **facts):
        if vog is recent:
            vog = _today() - datetime.timedelta(days=30)
        facts.setdefault("municipality", zeist)
        facts.setdefault("neighbourhood", zeist_neighbourhoods[1])
        volunteer = services.volunteer_register(
            coalition=zeist_coalition,
            organisation=volunteer_organisation,
            first_name=first_name,
            registered_by=zeist_coordinator,
            **facts,
        )
        if vog is not None:
            volunteer = services.vog_record(
                volunteer=volunteer, issued_on=vog, user=zeist_coordinator
            )
        if approve:
            for step in (
                VolunteerStatus.INTAKE,
                VolunteerStatus.TRAINING,
                VolunteerStatus.APPROVED,
            ):
                volunteer = services.volunteer_transition(
                    volunteer=volunteer, to_status=step, user=zeist_coordinator
                )
        return volunteer

    return _register


@pytest.fixture
def family_request(
    family_client, family_consent, zeist_coalition, volunteer_organisation, professional
):
    return services.request_create(
        client=family_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["social-network-and-loneliness"],
        created_by=professional,
        postcode4="3701",
        street="Slotlaan",
    )


def test_suggestions_for_an_arabic_family_in_zeist_put_the_arabic_volunteer_with_a_valid_vog_first(
    register, family_request, zeist_coordinator
):
    register("Demo Anna", languages=["nl"])
    register("Demo Samira", languages=["ar", "nl"])
    expired = register("Demo Fatima", languages=["ar"], approve=False)
    for step in (VolunteerStatus.INTAKE, VolunteerStatus.TRAINING):
        services.volunteer_transition(volunteer=expired, to_status=step, user=zeist_coordinator)
    # Approved while her VOG was valid; it has expired since.
    expired = services.vog_record(
        volunteer=expired, issued_on=_today() - datetime.timedelta(days=3 * 365 - 10), user=None
    )
    services.volunteer_approve(volunteer=expired, user=zeist_coordinator)
    later = _today() + datetime.timedelta(days=30)

    suggestions = selectors.volunteer_suggestions(request=family_request, today=later)

    assert suggestions[0].volunteer.first_name == "Demo Samira"
    fatima = next(s for s in suggestions if s.volunteer.first_name == "Demo Fatima")
    assert not fatima.suggested
    assert "verlopen" in fatima.excluded_reason


def test_it_refuses_to_approve_a_volunteer_whose_vog_has_expired(register, zeist_coordinator):
    issued_on = _today() - datetime.timedelta(days=3 * 366)
    volunteer = register("Demo Fatima", vog=None, approve=False)
    # Recorded while it was still valid.
    volunteer = services.vog_record(
        volunteer=volunteer,
        issued_on=issued_on,
        user=zeist_coordinator,
        today=issued_on + datetime.timedelta(days=10),
    )
    for step in (VolunteerStatus.INTAKE, VolunteerStatus.TRAINING):
        volunteer = services.volunteer_transition(
            volunteer=volunteer, to_status=step, user=zeist_coordinator
        )
    with pytest.raises(ValidationError) as error:
        services.volunteer_approve(volunteer=volunteer, user=zeist_coordinator)
    assert "De verklaring omtrent het gedrag (VOG) is verlopen op" in error.value.messages[0]
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.TRAINING


def test_it_refuses_to_approve_a_volunteer_without_a_vog(register, zeist_coordinator):
    volunteer = register("Demo Lotte", vog=None, approve=False)
    for step in (VolunteerStatus.INTAKE, VolunteerStatus.TRAINING):
        volunteer = services.volunteer_transition(
            volunteer=volunteer, to_status=step, user=zeist_coordinator
        )
    with pytest.raises(ValidationError, match="VOG"):
        services.volunteer_approve(volunteer=volunteer, user=zeist_coordinator)


def test_a_volunteer_cannot_skip_the_training(register, zeist_coordinator):
    volunteer = register("Demo Noor", approve=False)
    with pytest.raises(ValidationError):
        services.volunteer_approve(volunteer=volunteer, user=zeist_coordinator)


def test_it_refuses_a_request_without_consent_for_the_volunteer_organisation(
    family_client, zeist_coalition, volunteer_organisation, professional
):
    with pytest.raises(ValidationError) as error:
        services.request_create(
            client=family_client,
            coalition=zeist_coalition,
            organisation=volunteer_organisation,
            needs=["housing"],
            created_by=professional,
        )
    assert "toestemming" in error.value.messages[0]


def test_the_waiting_list_is_ordered_by_need_not_by_arrival(
    family_request, professional, zeist, zeist_coalition, volunteer_organisation, family_consent
):
    from kansrijk.clients.constants import ConsentPurpose
    from kansrijk.clients.tests.factories import make_consent

    later_client = make_client(user=professional, municipality=zeist)
    make_consent(
        client=later_client,
        user=professional,
        organisations=[volunteer_organisation],
        purpose=ConsentPurpose.INFORMATION_EXCHANGE,
    )
    urgent = services.request_create(
        client=later_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["domestic-violence-and-safety", "mental-health"],
        created_by=professional,
    )
    waiting = list(selectors.family_requests_waiting(coalition_id=zeist_coalition.pk))
    assert waiting == [urgent, family_request]


def test_the_coordinator_proposes_and_the_match_runs_its_course(
    register, family_request, zeist_coordinator, family_client
):
    samira = register("Demo Samira", languages=["ar"])
    match = services.match_propose(request=family_request, volunteer=samira, user=zeist_coordinator)
    family_request.refresh_from_db()
    assert family_request.status == RequestStatus.MATCHED
    assert match.planned_end == family_client.due_date.replace(year=family_client.due_date.year + 2)

    for step in (
        MatchStatus.INTRODUCED,
        MatchStatus.ACTIVE,
        MatchStatus.PAUSED,
        MatchStatus.ACTIVE,
    ):
        match = services.match_transition(match=match, to_status=step, user=zeist_coordinator)
    with pytest.raises(ValidationError):
        services.match_transition(match=match, to_status=MatchStatus.ENDED, user=zeist_coordinator)
    match = services.match_transition(
        match=match, to_status=MatchStatus.ENDED, end_reason="goals_reached", user=zeist_coordinator
    )
    family_request.refresh_from_db()
    assert family_request.status == RequestStatus.CLOSED
    events = AuditEvent.objects.filter(
        client_id=str(family_client.uuid), action__startswith="volunteers."
    )
    assert events.filter(action="volunteers.match_proposed").exists()
    assert events.filter(action="volunteers.match_status_changed").count() == 5


def test_a_match_cannot_jump_from_proposed_to_active(register, family_request, zeist_coordinator):
    match = services.match_propose(
        request=family_request, volunteer=register("Demo Samira"), user=zeist_coordinator
    )
    with pytest.raises(ValidationError):
        services.match_transition(match=match, to_status=MatchStatus.ACTIVE, user=zeist_coordinator)


def test_an_edit_on_an_old_version_of_the_match_is_refused(
    register, family_request, zeist_coordinator
):
    match = services.match_propose(
        request=family_request, volunteer=register("Demo Samira"), user=zeist_coordinator
    )
    services.match_transition(
        match=match, to_status=MatchStatus.INTRODUCED, user=zeist_coordinator, lock_version=1
    )
    with pytest.raises(StaleEditError):
        services.match_transition(
            match=match,
            to_status=MatchStatus.ENDED,
            end_reason="no_click",
            user=zeist_coordinator,
            lock_version=1,
        )


def test_a_match_that_ends_before_it_started_puts_the_family_back_on_the_waiting_list(
    register, family_request, zeist_coordinator
):
    match = services.match_propose(
        request=family_request, volunteer=register("Demo Samira"), user=zeist_coordinator
    )
    services.match_transition(
        match=match, to_status=MatchStatus.ENDED, end_reason="no_click", user=zeist_coordinator
    )
    family_request.refresh_from_db()
    assert family_request.status == RequestStatus.WAITING


def test_it_refuses_to_propose_a_volunteer_who_lives_in_the_same_street(
    register, family_request, zeist_coordinator
):
    neighbour = register("Demo Ilse", postcode4="3701", street="Slotlaan")
    with pytest.raises(ValidationError, match="dezelfde straat"):
        services.match_propose(request=family_request, volunteer=neighbour, user=zeist_coordinator)


def test_it_refuses_to_propose_a_volunteer_at_full_load(
    register, family_request, zeist_coordinator
):
    busy = register("Demo Marieke", max_families=1)
    services.match_propose(request=family_request, volunteer=busy, user=zeist_coordinator)
    suggestions = selectors.volunteer_suggestions(request=family_request, today=_today())
    assert "geen plek vrij" in suggestions[0].excluded_reason


def test_it_refuses_to_propose_after_she_withdrew_her_consent(
    register, family_request, family_consent, zeist_coordinator, professional
):
    consent_withdraw(consent=family_consent, withdrawn_by=professional)
    with pytest.raises(ValidationError, match="toestemming"):
        services.match_propose(
            request=family_request, volunteer=register("Demo Samira"), user=zeist_coordinator
        )
