"""Editing services and locations through the pages: Dutch validation, stale edits, history."""

import datetime

import pytest
from django.urls import reverse

from kansrijk.accounts.testing import *  # noqa: F403  (personas and login_as)
from kansrijk.directory import services
from kansrijk.directory.constants import LINK_TYPE_THEME
from kansrijk.directory.models import Location, Metadata, Organization, Schedule, Service
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


# --- phones, opening hours, languages and costs -------------------------------------------------

ROW_KINDS = ("phones", "schedules", "languages", "cost_options")


def _rows(**kinds: list[dict]) -> dict:
    """POST data of the four formsets: the given rows (saved ones carry their "key")."""
    data = {}
    for kind in ROW_KINDS:
        rows = kinds.get(kind, [])
        saved = sum(1 for row in rows if row.get("key"))
        data[f"{kind}-TOTAL_FORMS"] = str(len(rows))
        data[f"{kind}-INITIAL_FORMS"] = str(saved)
        for n, row in enumerate(rows):
            data.update({f"{kind}-{n}-{name}": value for name, value in row.items()})
    return data


def _history(service: Service, field_name: str) -> Metadata:
    return Metadata.objects.filter(resource_id=service.pk, field_name=field_name).latest(
        "last_action_date"
    )


def test_an_editor_adds_a_phone_number_and_opening_hours_which_reach_the_history(
    editor_client, directory_editor, service
):
    response = editor_client.post(
        _edit_url(service),
        _form_data(service)
        | _rows(
            phones=[{"number": "020 123 4567", "description": "Voor afspraken"}],
            schedules=[
                {"days": ["MO", "WE"], "opens_at": "09:00", "closes_at": "12:30"},
            ],
            languages=[{"code": "AR", "name": "Arabisch"}],
            cost_options=[{"option": "Eigen bijdrage", "amount": "12,50"}],
        ),
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.version == 2
    phone = service.phones.get()
    assert (phone.number, phone.description) == ("020 123 4567", "Voor afspraken")
    schedule = service.schedules.get()
    assert (schedule.freq, schedule.byday) == ("WEEKLY", "MO,WE")
    assert (schedule.opens_at, schedule.closes_at) == (datetime.time(9), datetime.time(12, 30))
    assert service.languages.get().code == "ar"
    cost = service.cost_options.get()
    assert (str(cost.amount), cost.currency) == ("12.50", "EUR")
    phone_change = _history(service, "phones")
    assert (phone_change.previous_value, phone_change.updated_by) == ("", directory_editor.email)
    assert "020 123 4567" in phone_change.replacement_value
    assert "MO,WE" in _history(service, "schedules").replacement_value

    history = editor_client.get(
        reverse("directory:service_history", kwargs={"service_id": service.pk})
    ).text
    assert "Telefoonnummers" in history
    assert "Openingstijden" in history


def test_the_edit_page_shows_saved_rows_with_dutch_day_names_and_a_remove_checkbox(
    editor_client, service
):
    services.service_update(
        service=service,
        expected_version=1,
        updated_by="t",
        schedules=[{"freq": "WEEKLY", "byday": "TU", "opens_at": datetime.time(13)}],
    )

    text = editor_client.get(_edit_url(service)).text

    assert 'name="schedules-0-days" value="TU"' in text
    assert "dinsdag" in text
    assert 'value="13:00"' in text
    assert 'name="schedules-0-DELETE"' in text
    assert "Verwijderen" in text
    assert 'name="schedules-1-opens_at"' in text  # an empty row to add hours
    assert 'name="phones-0-number"' in text


def test_ticking_remove_removes_the_row_and_keeps_the_others(editor_client, service):
    services.service_update(
        service=service,
        expected_version=1,
        updated_by="t",
        phones=[
            {"number": "020 123 4567", "type": "cell"},
            {"number": "020 765 4321", "extension": 12},
        ],
    )
    first, second = (
        service.phones.get(number="020 123 4567"),
        service.phones.get(number="020 765 4321"),
    )

    response = editor_client.post(
        _edit_url(service),
        _form_data(service, version=2)
        | _rows(
            phones=[
                {"key": str(first.pk), "number": "020 123 4567"},
                {"key": str(second.pk), "number": "020 765 4321", "DELETE": "on"},
            ]
        ),
    )

    assert response.status_code == 302
    kept = service.phones.get()
    # What the form does not show (the type) is kept.
    assert (kept.number, kept.type) == ("020 123 4567", "cell")
    assert "020 765 4321" in _history(service, "phones").previous_value


def test_saving_unchanged_rows_changes_nothing(editor_client, service):
    services.service_update(
        service=service,
        expected_version=1,
        updated_by="t",
        phones=[{"number": "020 123 4567"}],
        schedules=[{"freq": "WEEKLY", "byday": "MO", "opens_at": datetime.time(9)}],
    )
    phone, schedule = service.phones.get(), service.schedules.get()

    response = editor_client.post(
        _edit_url(service),
        _form_data(service, version=2)
        | _rows(
            phones=[{"key": str(phone.pk), "number": "020 123 4567"}, {"number": ""}],
            schedules=[{"key": str(schedule.pk), "days": ["MO"], "opens_at": "09:00"}],
        ),
    )

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.version == 2


def test_a_wrong_phone_number_or_closing_before_opening_gives_dutch_errors_and_saves_nothing(
    editor_client, service
):
    response = editor_client.post(
        _edit_url(service),
        _form_data(service, name="Nieuwe naam")
        | _rows(
            phones=[{"number": "bel ons maar"}],
            schedules=[{"days": ["FR"], "opens_at": "17:00", "closes_at": "09:00"}],
            languages=[{"code": "nederlands"}],
            cost_options=[{"amount": "-5"}],
        ),
    )

    assert response.status_code == 200
    text = response.text
    assert "Controleer het formulier" in text
    assert 'href="#id_phones-0-number"' in text
    assert "Vul een geldig telefoonnummer in, bijvoorbeeld 020 123 4567." in text
    assert 'href="#id_schedules-0-closes_at"' in text
    assert "De sluitingstijd moet later zijn dan de openingstijd." in text
    assert "Vul een taalcode van twee letters in (ISO 639-1), bijvoorbeeld nl of ar." in text
    assert "Het bedrag kan niet negatief zijn." in text
    assert 'value="bel ons maar"' in text  # the input is kept
    service.refresh_from_db()
    assert (service.name, service.version) == ("Voorlichting zwangerschap", 1)
    assert not service.phones.exists()
    assert not service.schedules.exists()


def test_a_stale_edit_keeps_the_typed_rows_and_shows_the_saved_ones(editor_client, service):
    services.service_update(
        service=service,
        expected_version=1,
        updated_by="collega@example.nl",
        phones=[{"number": "020 111 2222"}, {"number": "020 333 4444"}],
    )

    response = editor_client.post(
        _edit_url(service),
        _form_data(service, version=1)
        | _rows(phones=[{"number": "020 123 4567"}, {"number": "", "description": ""}]),
    )

    assert response.status_code == 409
    text = response.text
    assert 'value="020 123 4567"' in text  # what the editor typed
    assert "020 111 2222" in text  # what is saved now
    assert 'href="#phones_fieldset"' in text
    assert sorted(service.phones.values_list("number", flat=True)) == [
        "020 111 2222",
        "020 333 4444",
    ]


def test_a_new_service_gets_its_opening_hours(editor_client, directory_organization, coalition):
    response = editor_client.post(
        reverse("directory:service_create"),
        {
            "organization": directory_organization.pk,
            "name": "Inloopspreekuur",
            "status": "active",
            "capacity_status": "open",
        }
        | _rows(schedules=[{"days": ["TH"], "opens_at": "10:00", "closes_at": "11:00"}]),
    )

    assert response.status_code == 302
    schedule = Schedule.objects.get(service__name="Inloopspreekuur")
    assert schedule.byday == "TH"


def test_the_search_page_shows_the_saved_opening_hours(client, editor_client, service):
    editor_client.post(
        _edit_url(service),
        _form_data(service, areas=["GM0479"])
        | _rows(
            schedules=[{"days": ["MO", "TU", "WE"], "opens_at": "09:00", "closes_at": "12:00"}],
            phones=[{"number": "020 123 4567"}],
        ),
    )

    text = " ".join(client.get(reverse("directory:search"), {"gemeente": "GM0479"}).text.split())

    assert "Voorlichting zwangerschap" in text
    assert "Maandag tot en met woensdag, 09:00 tot 12:00 uur" in text
    assert 'href="tel:0201234567"' in text
