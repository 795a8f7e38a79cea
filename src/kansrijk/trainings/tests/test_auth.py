"""Who gets in: coordinators of the coalition manage its trainings; others get 403 (not a
coordinator) or 404 (a coordinator of another coalition, or someone else's certificate).
A professional registers themselves for an open edition."""

import pytest

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.trainings import services
from kansrijk.trainings.constants import Attendance, Profession, Register, RegistrationStatus
from kansrijk.trainings.models import Registration
from kansrijk.trainings.tests.factories import make_edition


def _management_urls(course, edition, registration):
    base = f"/scholing/beheer/editie/{edition.uuid}/"
    return {
        "get": [
            "/scholing/beheer/",
            "/scholing/beheer/nieuw/",
            f"/scholing/beheer/{course.uuid}/",
            f"/scholing/beheer/{course.uuid}/editie/",
            base,
            base + "wijzigen/",
            base + "aanwezigheid/",
            base + "presentielijst-knov.csv",
        ],
        "post": [
            f"/scholing/beheer/{course.uuid}/accreditatie/",
            base + "aanmelden/",
            f"/scholing/beheer/aanmelding/{registration.uuid}/annuleren/",
        ],
    }


@pytest.fixture
def registration(edition):
    return services.registration_create(
        edition=edition, name="Anna de Vries", profession=Profession.MIDWIFE
    )


@pytest.fixture
def other_coordinator(outsider_organisation):
    coalition_create(
        slug="zuid-limburg-test",
        name="Kansrijke Start Zuid-Limburg (test)",
        municipality_codes=["GM0917"],
        member_organisations=[outsider_organisation],
    )
    return make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])


def test_the_coordinator_opens_every_management_page(
    course, edition, registration, coordinator, login_as
):
    client = login_as(coordinator)
    for url in _management_urls(course, edition, registration)["get"]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["professional", "policy_adviser", "directory_editor"])
def test_someone_who_is_not_a_coordinator_gets_403(
    persona, request, course, edition, registration, login_as
):
    client = login_as(request.getfixturevalue(persona))
    urls = _management_urls(course, edition, registration)
    for url in urls["get"]:
        assert client.get(url).status_code == 403, url
    for url in urls["post"]:
        assert client.post(url, {}).status_code == 403, url
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED


def test_a_coordinator_of_another_coalition_gets_404(
    course, edition, registration, other_coordinator, login_as
):
    client = login_as(other_coordinator)
    urls = _management_urls(course, edition, registration)
    assert client.get("/scholing/beheer/").status_code == 200
    for url in urls["get"][2:]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert client.post(url, {}).status_code == 404, url


def test_not_logged_in_is_sent_to_log_in(client, edition):
    response = client.get("/scholing/beheer/")
    assert response.status_code == 302
    assert "/scholing/beheer/" in response["Location"]


def test_a_professional_registers_themselves_with_their_big_number(edition, professional, login_as):
    client = login_as(professional)
    assert str(edition.uuid) in client.get("/scholing/").content.decode()

    refused = client.post(
        f"/scholing/{edition.uuid}/aanmelden/",
        {"profession": Profession.MIDWIFE, "register": Register.KNOV, "register_number": "123"},
    )
    assert refused.status_code == 400
    assert "Een BIG-nummer heeft 11 cijfers." in refused.content.decode()

    response = client.post(
        f"/scholing/{edition.uuid}/aanmelden/",
        {
            "profession": Profession.MIDWIFE,
            "register": Register.KNOV,
            "register_number": "19012345601",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get(edition=edition, user=professional)
    assert (registration.register_number, registration.status) == (
        "19012345601",
        RegistrationStatus.REGISTERED,
    )
    assert "Je bent aangemeld." in client.get(response["Location"]).content.decode()


def test_a_professional_on_a_full_edition_gets_the_waiting_list(course, professional, login_as):
    edition = make_edition(course=course, capacity=1)
    services.registration_create(edition=edition, name="Een", profession=Profession.NURSE)
    response = login_as(professional).post(
        f"/scholing/{edition.uuid}/aanmelden/", {"profession": Profession.NURSE}, follow=True
    )
    assert "Je staat op de wachtlijst, nummer 1." in response.content.decode()


def test_a_professional_outside_the_coalition_sees_no_private_edition(edition, outsider, login_as):
    client = login_as(outsider)
    assert client.get(f"/scholing/{edition.uuid}/").status_code == 404
    assert client.post(f"/scholing/{edition.uuid}/aanmelden/", {}).status_code == 404


def test_only_the_participant_and_the_coordinator_get_the_certificate(
    past_edition, professional, other_professional, login_as
):
    registration = services.registration_create(
        edition=past_edition, user=professional, profession=Profession.NURSE
    )
    services.attendance_record(registration=registration, attendance=Attendance.PRESENT)
    url = f"/scholing/aanmelding/{registration.uuid}/certificaat.pdf"
    assert login_as(other_professional).get(url).status_code == 404
    pytest.importorskip("weasyprint")
    assert login_as(professional).get(url)["Content-Type"] == "application/pdf"
