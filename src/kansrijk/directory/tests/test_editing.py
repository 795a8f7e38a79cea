"""Editing services and locations through the pages: Dutch validation, stale edits, history."""

import pytest
from django.urls import reverse

from kansrijk.accounts.testing import *  # noqa: F403  (personas and login_as)
from kansrijk.directory import services
from kansrijk.directory.constants import LINK_TYPE_THEME
from kansrijk.directory.models import Location, Metadata, Organization, Service
from kansrijk.regions.models import Neighbourhood

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory_organization(organisation):
    return services.organization_create(
        name="GGD Zaanstreek-Waterland",
        description="Jeugdgezondheidszorg.",
        managed_by=organisation,
        updated_by="test",
    )


@pytest.fixture
def service(directory_organization, coalition):
    return services.service_create(
        organization=directory_organization,
        name="Voorlichting zwangerschap",
        description="Groepsvoorlichting.",
        updated_by="import",
    )


@pytest.fixture
def editor_client(login_as, directory_editor):
    return login_as(directory_editor)


def _edit_url(service: Service) -> str:
    return reverse("directory:service_edit", kwargs={"service_id": service.pk})


def _form_data(service: Service, **overrides) -> dict:
    data = {
        "name": service.name,
        "description": service.description,
        "status": service.status,
        "capacity_status": service.capacity_status,
        "version": service.version,
    }
    data.update(overrides)
    return data


def _zaanstad_neighbourhood() -> Neighbourhood:
    return (
        Neighbourhood.objects.filter(municipality__code="GM0479")
        .exclude(code=None)
        .order_by("code")
        .first()
    )


def test_an_editor_saves_themes_areas_capacity_and_referral_route(
    editor_client, directory_editor, service
):
    neighbourhood = _zaanstad_neighbourhood()
    response = editor_client.post(
        _edit_url(service),
        _form_data(
            service,
            name="Voorlichting zwangerschap en bevalling",
            themes=["pregnancy-and-birth-care", "lifestyle-and-smoking"],
            target_groups=["pregnant-women"],
            phases=["pregnancy"],
            areas=[neighbourhood.code],
            capacity_status="waiting_list",
            capacity_wait_weeks="4",
            self_referral="on",
            application_process="Bel de GGD of meld aan via de verloskundige.",
        ),
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Voorlichting zwangerschap en bevalling"
    assert (service.capacity_status, service.capacity_wait_weeks) == ("waiting_list", 4)
    assert service.self_referral is True
    assert service.application_process.startswith("Bel de GGD")
    assert service.version == 2
    assert services.service_term_codes(service=service, link_type=LINK_TYPE_THEME) == [
        "lifestyle-and-smoking",
        "pregnancy-and-birth-care",
    ]
    assert [a.neighbourhood for a in service.service_areas.all()] == [neighbourhood]
    change = Metadata.objects.get(
        resource_id=service.pk, field_name="name", last_action_type="update"
    )
    assert change.updated_by == directory_editor.email
    assert change.previous_value == "Voorlichting zwangerschap"


def test_the_form_shows_dutch_validation_messages_in_an_error_summary(editor_client, service):
    response = editor_client.post(
        _edit_url(service),
        _form_data(service, name="", capacity_status="waiting_list", email="geen-adres"),
    )

    assert response.status_code == 200
    text = response.text
    assert "Controleer het formulier" in text
    assert 'href="#id_name"' in text
    assert "Dit veld is verplicht." in text
    assert 'href="#id_capacity_wait_weeks"' in text
    assert "Vul de verwachte wachttijd in weken in, want er is een wachtlijst." in text
    assert "Voer een geldig e-mailadres in." in text
    assert 'aria-invalid="true"' in text
    service.refresh_from_db()
    assert service.name == "Voorlichting zwangerschap"


def test_a_stale_edit_is_refused_in_dutch_and_keeps_what_the_editor_typed(editor_client, service):
    editor_client.get(_edit_url(service))  # the editor opens version 1 ...
    services.service_update(  # ... while a colleague saves a change
        service=service, expected_version=1, updated_by="collega@example.nl", name="Nieuwe naam"
    )

    response = editor_client.post(
        _edit_url(service),
        _form_data(service, name="Mijn naam", description="Mijn beschrijving", version=1),
    )

    assert response.status_code == 409
    text = response.text
    assert "Iemand anders heeft deze dienst veranderd" in text
    assert 'value="Mijn naam"' in text
    assert "Mijn beschrijving" in text
    assert "Nieuwe naam" in text  # shown as what is saved now
    assert 'name="version" value="2"' in text
    service.refresh_from_db()
    assert (service.name, service.description) == ("Nieuwe naam", "Groepsvoorlichting.")

    # Saving again, now knowingly on version 2, keeps the editor's input.
    response = editor_client.post(
        _edit_url(service),
        _form_data(service, name="Mijn naam", description="Mijn beschrijving", version=2),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.name, service.version) == ("Mijn naam", 3)


def test_an_editor_adds_a_service_for_their_organisation(
    editor_client, directory_organization, coalition
):
    location = services.location_create(
        organization=directory_organization, name="Consultatiebureau Zaandam", updated_by="test"
    )
    response = editor_client.post(
        reverse("directory:service_create"),
        {
            "organization": directory_organization.pk,
            "name": "Stoppen met roken in de zwangerschap",
            "status": "active",
            "capacity_status": "open",
            "themes": ["lifestyle-and-smoking"],
            "areas": ["GM0479"],
            "locations": [str(location.pk)],
        },
    )

    service = Service.objects.get(name="Stoppen met roken in de zwangerschap")
    assert response.status_code == 302
    assert response["Location"] == _edit_url(service)
    assert service.organization == directory_organization
    assert [a.municipality.code for a in service.service_areas.all()] == ["GM0479"]
    assert [link.location for link in service.service_at_locations.all()] == [location]


def test_the_area_pick_list_offers_the_coalition_municipality_and_not_others(
    editor_client, service
):
    text = editor_client.get(_edit_url(service)).text
    neighbourhood = _zaanstad_neighbourhood()
    assert 'value="GM0479"' in text
    assert f'value="{neighbourhood.code}"' in text
    assert 'value="GM0917"' not in text  # Heerlen: not in this coalition


def test_the_form_offers_only_locations_of_the_services_organisation(
    editor_client, service, other_organisation
):
    other = services.organization_create(
        name="Andere aanbieder", description="-", managed_by=other_organisation, updated_by="t"
    )
    foreign = services.location_create(organization=other, name="Vreemde locatie", updated_by="t")
    own = services.location_create(
        organization=service.organization, name="Eigen locatie", updated_by="t"
    )
    text = editor_client.get(_edit_url(service)).text
    assert str(own.pk) in text
    assert str(foreign.pk) not in text


def test_an_editor_adds_a_location_with_a_confidential_address(
    editor_client, directory_organization
):
    neighbourhood = _zaanstad_neighbourhood()
    response = editor_client.post(
        reverse("directory:location_create"),
        {
            "organization": directory_organization.pk,
            "name": "Opvang Zaanstreek",
            "address_1": "Voorbeeldweg 12",
            "postal_code": "1501ab",
            "city": "Zaandam",
            "municipality": "GM0479",
            "neighbourhood": neighbourhood.code,
            "is_confidential": "on",
        },
    )

    assert response.status_code == 302
    location = Location.objects.get(name="Opvang Zaanstreek")
    assert location.is_confidential is True
    assert location.neighbourhood == neighbourhood
    address = location.addresses.get()
    assert (address.postal_code, address.state_province) == ("1501 AB", "Noord-Holland")


def test_an_editor_makes_an_existing_location_confidential(editor_client, directory_organization):
    location = services.location_create(
        organization=directory_organization,
        name="Inloophuis",
        municipality_code="GM0479",
        updated_by="t",
    )
    url = reverse("directory:location_edit", kwargs={"location_id": location.pk})
    response = editor_client.post(
        url, {"name": "Inloophuis", "municipality": "GM0479", "is_confidential": "on"}
    )
    assert response.status_code == 302
    location.refresh_from_db()
    assert location.is_confidential is True


def test_the_location_form_speaks_dutch_about_a_wrong_postcode(
    editor_client, directory_organization
):
    response = editor_client.post(
        reverse("directory:location_create"),
        {
            "organization": directory_organization.pk,
            "name": "Kantoor",
            "address_1": "Voorbeeldweg 1",
            "postal_code": "ABCD",
            "city": "",
            "municipality": "GM0479",
        },
    )
    assert response.status_code == 200
    assert "Vul een postcode in zoals 1234 AB." in response.text
    assert "Vul het hele adres in, of laat het leeg." in response.text
    assert not Location.objects.filter(name="Kantoor").exists()


def test_the_history_page_shows_who_changed_which_field_from_what_to_what(
    editor_client, directory_editor, service
):
    services.service_update(
        service=service,
        expected_version=1,
        updated_by="collega@example.nl",
        name="Voorlichting",
        self_referral=True,
    )
    text = editor_client.get(
        reverse("directory:service_history", kwargs={"service_id": service.pk})
    ).text
    assert "collega@example.nl" in text
    assert "Voorlichting zwangerschap" in text  # old value
    assert "Zelf aanmelden mogelijk" in text  # the field, in Dutch
    assert "Gewijzigd" in text
    assert "import" in text  # who created it


def test_the_page_is_dutch_and_labels_every_field(editor_client, service):
    text = editor_client.get(_edit_url(service)).text
    assert "Neemt nu aanmeldingen aan?" in text
    assert "Verwachte wachttijd in weken" in text
    assert '<label class="utrecht-form-label" for="id_name">' in text
    assert "Vandaag gecontroleerd" in text


def test_an_administrator_adds_a_directory_organisation_with_history(
    login_as, administrator, organisation
):
    response = login_as(administrator).post(
        "/beheer/directory/organization/add/",
        {"name": "Stichting Voorbeeld", "description": "Hulp.", "managed_by": organisation.pk},
    )
    assert response.status_code == 302
    organization = Organization.objects.get(name="Stichting Voorbeeld")
    assert organization.managed_by == organisation
    change = Metadata.objects.get(resource_id=organization.pk, field_name="name")
    assert (change.last_action_type, change.updated_by) == ("create", administrator.email)


def test_services_cannot_be_changed_in_the_management_site(login_as, administrator, service):
    url = f"/beheer/directory/service/{service.pk}/change/"
    response = login_as(administrator).post(url, {"name": "Buiten het formulier om"})
    service.refresh_from_db()
    assert service.name == "Voorlichting zwangerschap"
    assert response.status_code in (200, 403)
