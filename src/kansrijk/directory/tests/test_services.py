"""The directory's writes: complete creates, optimistic locking, history, verification, capacity."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.directory import services
from kansrijk.directory.constants import LINK_TYPE_PHASE, LINK_TYPE_THEME, CapacityStatus
from kansrijk.directory.models import Attribute, Metadata, Service, ServiceArea
from kansrijk.regions.models import District, Neighbourhood

pytestmark = pytest.mark.django_db

EDITOR = "redacteur@example.nl"


def _neighbourhood(municipality_code: str = "GM0479") -> Neighbourhood:
    # Real CBS codes from the test database; never invented ones.
    return (
        Neighbourhood.objects.filter(municipality__code=municipality_code)
        .exclude(code=None)
        .exclude(district=None)
        .order_by("code")
        .first()
    )


def _organization(name: str = "Stichting Voorbeeld"):
    return services.organization_create(
        name=name, description="Een voorbeeldaanbieder.", updated_by=EDITOR
    )


def _service(organization=None, **kwargs) -> Service:
    return services.service_create(
        organization=organization or _organization(),
        name=kwargs.pop("name", "Budgetcoaching voor jonge ouders"),
        updated_by=kwargs.pop("updated_by", EDITOR),
        **kwargs,
    )


def _history(service: Service, field_name: str) -> list[Metadata]:
    return list(
        Metadata.objects.filter(resource_id=service.pk, field_name=field_name).order_by(
            "last_action_date"
        )
    )


def test_service_create_stores_terms_areas_locations_and_children():
    organization = _organization()
    location = services.location_create(
        organization=organization,
        name="Buurthuis De Kroon",
        municipality_code="GM0479",
        address={"address_1": "Voorbeeldstraat 1", "postal_code": "1501 AA", "city": "Zaandam"},
        updated_by=EDITOR,
    )
    neighbourhood = _neighbourhood()
    service = _service(
        organization,
        description="Hulp bij geldzaken.",
        theme_codes=["debts-and-money"],
        target_group_codes=["parents-0-2"],
        phase_codes=["pregnancy", "0-6-months"],
        area_codes=["GM0479", neighbourhood.district.code, neighbourhood.code],
        location_ids=[location.pk],
        phones=[{"number": "0201234567"}],
        schedules=[{"byday": "MO,WE", "description": "Op afspraak"}],
        languages=[{"name": "Nederlands", "code": "nl"}],
        cost_options=[{"option": "Gratis", "amount": 0}],
        capacity_status=CapacityStatus.WAITING_LIST,
        capacity_wait_weeks=3,
    )

    assert services.service_term_codes(service=service, link_type=LINK_TYPE_PHASE) == [
        "0-6-months",
        "pregnancy",
    ]
    areas = {a.extent: a for a in ServiceArea.objects.filter(service=service)}
    assert set(areas) == {"GM0479", neighbourhood.district.code, neighbourhood.code}
    assert areas["GM0479"].municipality.code == "GM0479"
    assert areas[neighbourhood.district.code].district == neighbourhood.district
    assert areas[neighbourhood.code].neighbourhood == neighbourhood
    assert [link.location for link in service.service_at_locations.all()] == [location]
    assert service.phones.get().number == "0201234567"
    assert service.languages.get().code == "nl"
    assert service.capacity_wait_weeks == 3
    assert service.version == 1
    # The address's province follows from the municipality.
    assert location.addresses.get().state_province == "Noord-Holland"


def test_service_create_refuses_an_unknown_cbs_code():
    with pytest.raises(ValidationError) as error:
        _service(area_codes=["GM9999"])
    assert "GM9999" in str(error.value)
    assert not Service.objects.exists()


def test_service_create_refuses_an_unknown_theme():
    with pytest.raises(ValidationError):
        _service(theme_codes=["astrology"])


def test_service_create_requires_wait_weeks_for_a_waiting_list():
    with pytest.raises(ValidationError) as error:
        _service(capacity_status=CapacityStatus.WAITING_LIST)
    assert "capacity_wait_weeks" in error.value.error_dict


def test_service_create_writes_a_creation_history():
    service = _service(theme_codes=["housing"])
    rows = Metadata.objects.filter(resource_id=service.pk, resource_type="service")
    assert {r.last_action_type for r in rows} == {"create"}
    assert {r.updated_by for r in rows} == {EDITOR}
    assert rows.get(field_name="name").replacement_value == "Budgetcoaching voor jonge ouders"
    assert rows.get(field_name="themes").replacement_value == "housing"


def test_service_update_changes_fields_and_records_who_changed_what():
    service = _service(theme_codes=["housing"])
    services.service_update(
        service=service,
        expected_version=1,
        updated_by="collega@example.nl",
        name="Budgetcoaching",
        theme_codes=["debts-and-money", "housing"],
    )

    service.refresh_from_db()
    assert service.name == "Budgetcoaching"
    assert service.version == 2
    (name_change,) = _history(service, "name")[1:]
    assert name_change.last_action_type == "update"
    assert name_change.updated_by == "collega@example.nl"
    assert name_change.previous_value == "Budgetcoaching voor jonge ouders"
    assert name_change.replacement_value == "Budgetcoaching"
    theme_change = _history(service, "themes")[-1]
    assert (theme_change.previous_value, theme_change.replacement_value) == (
        "housing",
        "debts-and-money, housing",
    )


def test_service_update_records_nothing_for_unchanged_values():
    service = _service(description="Hulp bij geldzaken.")
    before = Metadata.objects.count()
    services.service_update(
        service=service,
        expected_version=1,
        updated_by=EDITOR,
        description="Hulp bij geldzaken.",
        theme_codes=[],
    )
    assert Metadata.objects.count() == before
    service.refresh_from_db()
    assert service.version == 1


def test_service_update_refuses_a_stale_version_in_dutch_and_keeps_the_other_edit():
    service = _service()
    # Two editors open version 1; the first saves.
    first_copy = Service.objects.get(pk=service.pk)
    second_copy = Service.objects.get(pk=service.pk)
    services.service_update(
        service=first_copy, expected_version=1, updated_by="a@example.nl", name="Nieuwe naam"
    )

    with pytest.raises(services.StaleEditError) as error:
        services.service_update(
            service=second_copy,
            expected_version=1,
            updated_by="b@example.nl",
            description="Andere beschrijving",
        )

    assert "Iemand anders heeft deze dienst veranderd" in str(error.value)
    assert error.value.current_version == 2
    service.refresh_from_db()
    assert service.name == "Nieuwe naam"
    assert service.description == ""
    assert service.version == 2
    assert not Metadata.objects.filter(updated_by="b@example.nl").exists()


def test_the_second_editor_saves_after_reloading_and_both_changes_remain():
    service = _service()
    services.service_update(
        service=service, expected_version=1, updated_by="a@example.nl", name="Nieuwe naam"
    )
    services.service_update(
        service=Service.objects.get(pk=service.pk),
        expected_version=2,
        updated_by="b@example.nl",
        description="Andere beschrijving",
    )
    service.refresh_from_db()
    assert (service.name, service.description, service.version) == (
        "Nieuwe naam",
        "Andere beschrijving",
        3,
    )


def test_service_update_refuses_unknown_fields():
    service = _service()
    with pytest.raises(TypeError):
        services.service_update(
            service=service, expected_version=1, updated_by=EDITOR, colour="blue"
        )


def test_service_update_replaces_areas_and_locations():
    organization = _organization()
    old_location = services.location_create(
        organization=organization, name="Oud", updated_by=EDITOR
    )
    new_location = services.location_create(
        organization=organization, name="Nieuw", updated_by=EDITOR
    )
    service = _service(organization, area_codes=["GM0479"], location_ids=[old_location.pk])
    district = District.objects.filter(municipality__code="GM0917").exclude(code=None).first()

    services.service_update(
        service=service,
        expected_version=1,
        updated_by=EDITOR,
        area_codes=[district.code],
        location_ids=[str(new_location.pk)],
    )

    assert list(ServiceArea.objects.filter(service=service).values_list("extent", flat=True)) == [
        district.code
    ]
    assert [link.location for link in service.service_at_locations.all()] == [new_location]
    location_change = _history(service, "locations")[-1]
    assert (location_change.previous_value, location_change.replacement_value) == ("Oud", "Nieuw")


def test_service_verify_records_who_checked_it_today_without_a_new_version():
    service = _service()
    services.service_verify(service=service, verified_by_email="controle@example.nl")

    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer_email == "controle@example.nl"
    assert service.version == 1
    assert _history(service, "assured_date")[-1].updated_by == "controle@example.nl"


def test_service_capacity_set_moves_the_version_so_an_open_edit_cannot_undo_it():
    service = _service()
    services.service_capacity_set(
        service=service, status=CapacityStatus.WAITING_LIST, wait_weeks=6, updated_by=EDITOR
    )
    service.refresh_from_db()
    assert (service.capacity_status, service.capacity_wait_weeks) == ("waiting_list", 6)
    assert service.capacity_updated is not None
    assert service.version == 2
    with pytest.raises(services.StaleEditError):
        services.service_update(
            service=service,
            expected_version=1,
            updated_by=EDITOR,
            capacity_status=CapacityStatus.OPEN,
        )


def test_service_capacity_set_requires_weeks_for_a_waiting_list_and_drops_them_otherwise():
    service = _service()
    with pytest.raises(ValidationError):
        services.service_capacity_set(service=service, status=CapacityStatus.WAITING_LIST)
    services.service_capacity_set(service=service, status=CapacityStatus.CLOSED, wait_weeks=4)
    service.refresh_from_db()
    assert (service.capacity_status, service.capacity_wait_weeks) == ("closed", None)


def test_location_create_stores_the_confidential_flag_and_regions():
    neighbourhood = _neighbourhood()
    location = services.location_create(
        organization=_organization(),
        name="Opvanghuis",
        is_confidential=True,
        neighbourhood_code=neighbourhood.code,
        updated_by=EDITOR,
    )
    location.refresh_from_db()
    assert location.is_confidential is True
    assert location.neighbourhood == neighbourhood
    assert location.municipality.code == "GM0479"
    assert Metadata.objects.get(
        resource_id=location.pk, field_name="is_confidential"
    ).replacement_value == ("true")


def test_location_update_refuses_a_neighbourhood_outside_the_municipality():
    location = services.location_create(
        organization=_organization(), name="Kantoor", municipality_code="GM0917", updated_by=EDITOR
    )
    with pytest.raises(ValidationError) as error:
        services.location_update(
            location=location, updated_by=EDITOR, neighbourhood_code=_neighbourhood("GM0479").code
        )
    assert "neighbourhood" in error.value.error_dict


def test_location_update_records_the_confidential_flag_change():
    location = services.location_create(
        organization=_organization(), name="Kantoor", updated_by=EDITOR
    )
    services.location_update(location=location, updated_by="b@example.nl", is_confidential=True)
    change = Metadata.objects.filter(resource_id=location.pk, field_name="is_confidential").latest(
        "last_action_date"
    )
    assert (change.previous_value, change.replacement_value, change.updated_by) == (
        "false",
        "true",
        "b@example.nl",
    )


def test_writes_update_the_search_index_of_the_service(monkeypatch):
    calls = []
    monkeypatch.setattr(
        services.search, "search_index_update", lambda *, service_ids: calls.append(service_ids)
    )
    service = _service()
    services.service_update(service=service, expected_version=1, updated_by=EDITOR, name="X")
    assert calls == [[service.pk], [service.pk]]


def test_organization_update_records_the_change():
    organization = _organization()
    services.organization_update(
        organization=organization, updated_by=EDITOR, email="info@example.nl"
    )
    change = Metadata.objects.get(resource_id=organization.pk, field_name="email")
    assert (change.resource_type, change.replacement_value) == ("organization", "info@example.nl")


def test_attributes_link_the_service_with_its_theme_terms():
    service = _service(theme_codes=["housing"])
    attribute = Attribute.objects.get(link_id=service.pk, link_type=LINK_TYPE_THEME)
    assert attribute.link_entity == "service"
    assert attribute.taxonomy_term.code == "housing"


def test_assured_date_given_on_create_is_kept():
    service = _service(assured_date=datetime.date(2025, 1, 2), assurer_email="x@example.nl")
    assert service.assured_date == datetime.date(2025, 1, 2)
