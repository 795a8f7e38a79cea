"""The coordinator's page of families waiting for a volunteer, and the propose button."""

import pytest
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.audit.models import AuditEvent
from kansrijk.organisations.services import coalition_create
from kansrijk.volunteers import services
from kansrijk.volunteers.constants import RequestStatus, VolunteerStatus
from kansrijk.volunteers.models import Match

pytestmark = pytest.mark.django_db
URL = reverse("volunteers:waiting_list")


@pytest.fixture
def samira(zeist_coalition, volunteer_organisation, zeist, zeist_coordinator):
    import datetime

    from django.utils import timezone

    volunteer = services.volunteer_register(
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        first_name="Demo Samira",
        municipality=zeist,
        languages=["ar"],
    )
    services.vog_record(
        volunteer=volunteer,
        issued_on=timezone.localdate() - datetime.timedelta(days=10),
        user=zeist_coordinator,
    )
    for step in (VolunteerStatus.INTAKE, VolunteerStatus.TRAINING, VolunteerStatus.APPROVED):
        volunteer = services.volunteer_transition(
            volunteer=volunteer, to_status=step, user=zeist_coordinator
        )
    return volunteer


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
    )


def test_the_coordinator_sees_the_waiting_family_with_a_suggestion_and_why(
    login_as, zeist_coordinator, family_request, samira
):
    response = login_as(zeist_coordinator).get(URL)
    assert response.status_code == 200
    assert "Gezinnen die wachten op een vrijwilliger" in response.text
    assert family_request.client.pseudonym in response.text
    assert "Spreekt de taal van het gezin (Arabisch)." in response.text
    assert AuditEvent.objects.filter(action="volunteers.waiting_list_viewed").exists()


def test_the_coordinator_proposes_a_volunteer(login_as, zeist_coordinator, family_request, samira):
    client = login_as(zeist_coordinator)
    response = client.post(
        reverse("volunteers:propose", args=[family_request.uuid]),
        {"volunteer": str(samira.uuid)},
        follow=True,
    )
    assert response.status_code == 200
    assert "Demo Samira is voorgesteld" in response.text
    family_request.refresh_from_db()
    assert family_request.status == RequestStatus.MATCHED
    assert Match.objects.filter(volunteer=samira).count() == 1


def test_a_professional_may_not_see_the_waiting_list(login_as, professional, zeist_coalition):
    assert login_as(professional).get(URL).status_code == 403


def test_a_coordinator_of_another_coalition_gets_404_on_a_proposal(
    login_as, outsider_organisation, family_request, samira
):
    coalition_create(
        slug="kansrijke-start-heerlen-test",
        name="Kansrijke Start Heerlen (test)",
        municipality_codes=["GM0917"],
        member_organisations=[outsider_organisation],
    )
    stranger = make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])
    response = login_as(stranger).post(
        reverse("volunteers:propose", args=[family_request.uuid]), {"volunteer": str(samira.uuid)}
    )
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="volunteers.access_denied", outcome="denied").exists()


def test_a_coordinator_of_another_partner_does_not_see_the_family(
    login_as, coordinator, family_request, samira
):
    # Her consent names the volunteer organisation, not every partner in the coalition.
    response = login_as(coordinator).get(URL)
    assert response.status_code == 200
    assert family_request.client.pseudonym not in response.text
    assert "Er wacht geen gezin op een vrijwilliger." in response.text
