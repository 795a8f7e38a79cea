"""Directory records as HSDS 3.0 JSON, checked against HSDS's own schemas in ../shared/spec/hsds.

`hsds_validate` and `directory_with_everything` are also used by test_api.py.
"""

import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from kansrijk.directory import hsds_serialise as hsds
from kansrijk.directory import models
from kansrijk.directory.hsds_schemas import hsds_errors, hsds_validator
from kansrijk.directory.kansrijke_start_taxonomy import term_id
from kansrijk.directory.tests.factories import (
    AddressFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.regions.models import Municipality, Neighbourhood


def hsds_validate(instance: dict, name: str) -> None:
    """Fail with every error when `instance` does not validate against HSDS schema `name`."""
    errors = hsds_errors(instance, name)
    assert not errors, "\n".join(errors[:20])


def directory_with_everything(*, confidential: bool = False):
    """One organisation with a service at a location, every HSDS child filled in."""
    zaanstad = Municipality.objects.get(code="GM0479")
    buurt = Neighbourhood.objects.filter(municipality=zaanstad).exclude(code=None).first()
    owner = OrganisationFactory(name="Stichting Veilig Thuis Zaanstreek")
    organization = OrganizationFactory(
        name="Veilige Haven Zaanstreek",
        email="info@example.nl",
        website="https://veilige-haven.example.nl",
        year_incorporated=1998,
        managed_by=owner,
    )
    program = models.Program.objects.create(
        organization=organization, name="Opvang", description="Opvang en begeleiding."
    )
    service = ServiceFactory(
        organization=organization,
        program=program,
        name="Crisisopvang voor moeders met een baby",
        url="https://veilige-haven.example.nl/opvang",
        email="aanmelden@example.nl",
        minimum_age=Decimal("16.00"),
        maximum_age=Decimal("45.50"),
        assured_date=datetime.date(2026, 1, 15),
        assurer_email="controle@example.nl",
        capacity_status="waiting_list",
        capacity_wait_weeks=3,
        capacity_updated=timezone.now(),
        self_referral=True,
    )
    location = LocationFactory(
        organization=organization,
        name="Opvanghuis Zaandam",
        latitude=Decimal("52.438500"),
        longitude=Decimal("4.826900"),
        transportation="Bus 391 tot de halte bij het huis.",
        is_confidential=confidential,
        municipality=zaanstad,
        neighbourhood=buurt,
    )
    address = AddressFactory(location=location, address_1="Geheimstraat 12")
    models.Accessibility.objects.create(location=location, description="Rolstoeltoegankelijk")
    models.Phone.objects.create(location=location, number="0201234567")
    at_location = ServiceAtLocationFactory(service=service, location=location)
    models.Schedule.objects.create(
        service_at_location=at_location,
        freq="WEEKLY",
        byday="MO,TU",
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
    )
    contact = models.Contact.objects.create(
        service=service, name="Intake", email="intake@example.nl"
    )
    phone = models.Phone.objects.create(service=service, contact=contact, number="0201234568")
    models.Language.objects.create(phone=phone, name="Nederlands", code="nl")
    models.Language.objects.create(service=service, name="Engels", code="en")
    models.Schedule.objects.create(service=service, description="Dag en nacht bereikbaar")
    models.ServiceArea.objects.create(service=service, municipality=zaanstad)
    models.CostOption.objects.create(service=service, option="Gratis", amount=Decimal("0"))
    models.Contact.objects.create(organization=organization, name="Secretariaat")
    models.Phone.objects.create(organization=organization, number="0201234569")
    models.Attribute.objects.create(
        link_id=service.id,
        link_entity="service",
        link_type="theme",
        taxonomy_term_id=term_id("domestic-violence-and-safety"),
    )
    return {
        "owner": owner,
        "organization": organization,
        "service": service,
        "location": location,
        "address": address,
        "service_at_location": at_location,
    }


def _service(service_id, *, full=True, organisation_id=None):
    queryset = hsds.services_with_hsds_related(models.Service.objects.all(), full=full)
    return hsds.service_to_hsds(
        queryset.get(id=service_id), full=full, organisation_id=organisation_id
    )


@pytest.fixture
def directory(db):
    return directory_with_everything()


def test_a_full_service_validates_against_the_hsds_schema(directory):
    data = _service(directory["service"].id)

    hsds_validate(data, "compiled/service.json")
    assert data["service_at_locations"][0]["location"]["addresses"][0]["address_1"] == (
        "Geheimstraat 12"
    )
    assert data["contacts"][0]["phones"][0]["languages"][0]["code"] == "nl"
    assert data["service_areas"][0]["extent"] == "GM0479"


def test_a_compact_service_has_only_its_own_fields_organization_and_program(directory):
    data = _service(directory["service"].id, full=False)

    hsds_validate(data, "compiled/service_list.json")
    assert data["organization"]["name"] == "Veilige Haven Zaanstreek"
    assert data["program"]["name"] == "Opvang"
    assert "phones" not in data and "service_at_locations" not in data


def test_a_service_carries_its_taxonomy_terms_as_hsds_attributes(directory):
    data = _service(directory["service"].id)

    [attribute] = data["attributes"]
    assert attribute["link_type"] == "theme"
    assert attribute["taxonomy_term"]["id"] == str(term_id("domestic-violence-and-safety"))
    assert attribute["taxonomy_term"]["taxonomy_detail"]["name"]


def test_numbers_and_dates_come_out_as_hsds_types(directory):
    data = _service(directory["service"].id, full=False)

    assert data["minimum_age"] == 16 and data["maximum_age"] == 45.5
    assert data["assured_date"] == "2026-01-15"
    assert data["last_modified"].startswith(str(timezone.now().year))


def test_empty_optional_fields_are_left_out_instead_of_sent_empty(directory):
    data = _service(directory["service"].id, full=False)

    assert "alternate_name" not in data and "alert" not in data
    assert "description" not in data["organization"] or data["organization"]["description"]


def test_kansrijk_extensions_are_extra_properties_of_the_service_and_location(directory):
    data = _service(directory["service"].id)
    location = data["service_at_locations"][0]["location"]

    assert data["capacity_status"] == "waiting_list"
    assert data["capacity_wait_weeks"] == 3
    assert data["self_referral"] is True
    assert "capacity_updated" in data
    assert location["municipality"] == "GM0479"
    assert location["is_confidential"] is False
    assert "version" not in data and "managed_by" not in data


@pytest.mark.django_db
def test_a_confidential_address_is_left_out_for_the_public_but_the_contact_route_stays():
    directory = directory_with_everything(confidential=True)

    data = _service(directory["service"].id)
    location = data["service_at_locations"][0]["location"]

    hsds_validate(data, "compiled/service.json")
    assert location["addresses"] == []
    assert location["accessibility"] == []
    for field in ("latitude", "longitude", "transportation", "neighbourhood"):
        assert field not in location
    assert "Geheimstraat" not in json.dumps(data)
    assert location["phones"][0]["number"] == "0201234567"
    assert location["is_confidential"] is True


@pytest.mark.django_db
def test_the_owning_organisation_gets_the_confidential_address():
    directory = directory_with_everything(confidential=True)

    data = _service(directory["service"].id, organisation_id=directory["owner"].id)

    location = data["service_at_locations"][0]["location"]
    assert location["addresses"][0]["address_1"] == "Geheimstraat 12"
    assert location["latitude"] == 52.4385


@pytest.mark.django_db
def test_another_partner_organisation_does_not_get_the_confidential_address():
    directory = directory_with_everything(confidential=True)
    other = OrganisationFactory()

    data = _service(directory["service"].id, organisation_id=other.id)

    assert data["service_at_locations"][0]["location"]["addresses"] == []


def test_a_full_organization_validates_and_nests_its_services(directory):
    queryset = hsds.organizations_with_hsds_related(
        models.Organization.objects.all(), full=True, full_service=True
    )
    data = hsds.organization_to_hsds(
        queryset.get(id=directory["organization"].id), full=True, full_service=True
    )

    hsds_validate(data, "compiled/organization.json")
    assert data["services"][0]["service_at_locations"][0]["location"]["name"] == (
        "Opvanghuis Zaandam"
    )
    assert data["locations"][0]["addresses"][0]["postal_code"] == "1500 AA"
    assert data["phones"][0]["number"] == "0201234569"


def test_a_compact_organization_validates(directory):
    [data] = hsds.organizations_to_hsds([directory["organization"]], full=False)

    hsds_validate(data, "compiled/organization_list.json")
    assert "services" not in data


def test_a_service_at_location_validates_full_and_compact(directory):
    for full, schema in (
        (True, "compiled/service_at_location.json"),
        (False, "compiled/service_at_location_list.json"),
    ):
        queryset = hsds.service_at_locations_with_hsds_related(
            models.ServiceAtLocation.objects.all(), full=full
        )
        [data] = hsds.service_at_locations_to_hsds(queryset, full=full)

        hsds_validate(data, schema)
        assert data["service"]["name"] == "Crisisopvang voor moeders met een baby"
        assert data["location"]["name"] == "Opvanghuis Zaandam"
        if full:
            assert data["schedules"][0]["freq"] == "WEEKLY"
            assert data["location"]["addresses"][0]["city"] == "Zaandam"
        else:
            assert "schedules" not in data and "addresses" not in data["location"]


@pytest.mark.django_db
def test_taxonomies_and_terms_validate():
    term = hsds.taxonomy_terms_with_hsds_related(models.TaxonomyTerm.objects.all()).get(
        id=term_id("housing")
    )

    term_data = hsds.taxonomy_term_to_hsds(term)
    taxonomy_data = hsds.taxonomy_to_hsds(term.taxonomy)

    hsds_validate(term_data, "taxonomy_term.json")
    hsds_validate(taxonomy_data, "taxonomy.json")
    assert term_data["taxonomy_id"] == taxonomy_data["id"]
    assert term_data["name"] == "Wonen"


def test_the_schema_check_itself_rejects_what_hsds_forbids():
    # Guards the guard: a wrong type, format or missing required field must fail.
    bad = {"id": "not-a-uuid", "name": "x", "status": "open", "url": "geen url"}
    errors = list(hsds_validator("compiled/service_list.json").iter_errors(bad))

    assert {tuple(e.absolute_path) for e in errors} == {("id",), ("status",), ("url",)}
    assert list(hsds_validator("taxonomy.json").iter_errors({"id": str(term_id("housing"))}))
