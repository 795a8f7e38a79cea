"""Who may open and use the editing pages of the sociale kaart.

Directory editors edit their own organisation's entries; coordinators those of their coalition's
members; administrators everything. Others get 403 (no editor role) or 404 (an entry they may not
edit: its existence does not leak)."""

import pytest
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import *  # noqa: F403  (personas and login_as)
from kansrijk.accounts.testing import make_user
from kansrijk.directory import services
from kansrijk.directory.models import Service

pytestmark = pytest.mark.django_db


def _entry(partner, name: str) -> Service:
    organization = services.organization_create(
        name=f"{partner.name} (sociale kaart)",
        description="Een aanbieder.",
        managed_by=partner,
        updated_by="test",
    )
    services.location_create(organization=organization, name=f"Locatie {name}", updated_by="test")
    return services.service_create(organization=organization, name=name, updated_by="test")


@pytest.fixture
def own_service(organisation):
    return _entry(organisation, "Voorlichting zwangerschap")


@pytest.fixture
def member_service(other_organisation, coalition):
    return _entry(other_organisation, "Kraamzorg extra")


@pytest.fixture
def outsider_service(outsider_organisation):
    return _entry(outsider_organisation, "Buurtteam Heerlen")


def _service_urls(service: Service) -> dict[str, str]:
    location = service.organization.locations.get()
    return {
        "edit": reverse("directory:service_edit", kwargs={"service_id": service.pk}),
        "history": reverse("directory:service_history", kwargs={"service_id": service.pk}),
        "location_edit": reverse("directory:location_edit", kwargs={"location_id": location.pk}),
    }


LIST_URLS = [
    "directory:manage",
    "directory:service_create",
    "directory:verification_overdue",
    "directory:location_create",
]


@pytest.mark.parametrize("name", LIST_URLS)
def test_it_sends_anonymous_visitors_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", LIST_URLS)
def test_it_refuses_a_professional_without_the_editor_role(login_as, professional, name):
    assert login_as(professional).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", LIST_URLS)
def test_it_refuses_a_policy_adviser(login_as, policy_adviser, name):
    assert login_as(policy_adviser).get(reverse(name)).status_code == 403


def test_it_refuses_a_professional_the_edit_page_of_their_own_organisation(
    login_as, professional, own_service
):
    client = login_as(professional)
    for url in _service_urls(own_service).values():
        assert client.get(url).status_code == 403
    verify = reverse("directory:service_verify", kwargs={"service_id": own_service.pk})
    assert client.post(verify).status_code == 403


@pytest.mark.parametrize("name", LIST_URLS)
def test_it_lets_a_directory_editor_in(login_as, directory_editor, name):
    assert login_as(directory_editor).get(reverse(name)).status_code == 200


def test_an_editor_of_the_owning_organisation_can_open_every_page(
    login_as, directory_editor, own_service
):
    client = login_as(directory_editor)
    for url in _service_urls(own_service).values():
        assert client.get(url).status_code == 200


def test_an_editor_of_another_organisation_gets_404(
    login_as, other_organisation, own_service, coalition
):
    # Same coalition, but a directory editor edits only their own organisation's entries.
    editor = make_user(organisation=other_organisation, roles=[Role.DIRECTORY_EDITOR])
    client = login_as(editor)
    for url in _service_urls(own_service).values():
        assert client.get(url).status_code == 404
    verify = reverse("directory:service_verify", kwargs={"service_id": own_service.pk})
    assert client.post(verify).status_code == 404
    own_service.refresh_from_db()
    assert own_service.assured_date is None


def test_an_editor_of_another_organisation_cannot_change_it_by_posting(
    login_as, other_organisation, own_service
):
    editor = make_user(organisation=other_organisation, roles=[Role.DIRECTORY_EDITOR])
    url = reverse("directory:service_edit", kwargs={"service_id": own_service.pk})
    response = login_as(editor).post(url, {"name": "Gekaapt", "version": 1})
    assert response.status_code == 404
    own_service.refresh_from_db()
    assert own_service.name == "Voorlichting zwangerschap"


def test_an_unknown_service_gives_the_same_404(login_as, directory_editor):
    url = reverse(
        "directory:service_edit", kwargs={"service_id": "00000000-0000-4000-8000-000000000000"}
    )
    assert login_as(directory_editor).get(url).status_code == 404


def test_the_list_shows_only_services_the_editor_may_edit(
    login_as, directory_editor, own_service, member_service
):
    response = login_as(directory_editor).get(reverse("directory:manage"))
    assert own_service.name in response.text
    assert member_service.name not in response.text


def test_a_coordinator_can_edit_the_services_of_coalition_members(
    login_as, coordinator, member_service
):
    client = login_as(coordinator)
    for url in _service_urls(member_service).values():
        assert client.get(url).status_code == 200
    response = client.post(
        reverse("directory:service_edit", kwargs={"service_id": member_service.pk}),
        {
            "name": "Kraamzorg extra plus",
            "status": "active",
            "capacity_status": "open",
            "version": 1,
        },
    )
    assert response.status_code == 302
    member_service.refresh_from_db()
    assert member_service.name == "Kraamzorg extra plus"


def test_a_coordinator_gets_404_outside_their_coalition(login_as, coordinator, outsider_service):
    client = login_as(coordinator)
    for url in _service_urls(outsider_service).values():
        assert client.get(url).status_code == 404


def test_an_administrator_can_edit_every_service(login_as, administrator, outsider_service):
    client = login_as(administrator)
    for url in _service_urls(outsider_service).values():
        assert client.get(url).status_code == 200


def test_an_editor_cannot_create_a_service_for_another_organisation(
    login_as, directory_editor, member_service
):
    response = login_as(directory_editor).post(
        reverse("directory:service_create"),
        {
            "organization": member_service.organization.pk,
            "name": "Ondergeschoven dienst",
            "status": "active",
            "capacity_status": "open",
        },
    )
    assert response.status_code == 200
    assert not Service.objects.filter(name="Ondergeschoven dienst").exists()


def test_verifying_needs_a_post(login_as, directory_editor, own_service):
    url = reverse("directory:service_verify", kwargs={"service_id": own_service.pk})
    assert login_as(directory_editor).get(url).status_code == 405
