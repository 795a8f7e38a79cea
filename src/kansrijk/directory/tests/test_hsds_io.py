"""HSDS tabular export and import: round trip, confidentiality, and refusing bad input."""

import csv
import datetime
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from kansrijk.directory import models as hsds
from kansrijk.directory.constants import (
    LINK_TYPE_THEME,
    CapacityStatus,
    ServiceStatus,
)
from kansrijk.directory.hsds_io import HSDSImportError, hsds_export, hsds_import
from kansrijk.directory.hsds_io.schema import hsds_spec
from kansrijk.directory.kansrijke_start_taxonomy import term_id
from kansrijk.directory.tests import factories
from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.regions import selectors as region_selectors

pytestmark = pytest.mark.django_db

DIRECTORY_TABLES = [
    hsds.Metadata,
    hsds.Attribute,
    hsds.Accessibility,
    hsds.CostOption,
    hsds.Language,
    hsds.Schedule,
    hsds.Phone,
    hsds.Contact,
    hsds.ServiceArea,
    hsds.ServiceAtLocation,
    hsds.Address,
    hsds.Location,
    hsds.Service,
    hsds.Program,
    hsds.Organization,
    hsds.TaxonomyTerm,
    hsds.Taxonomy,
]


def directory_empty() -> None:
    for model in DIRECTORY_TABLES:
        model.objects.all().delete()


def zaanstad_areas():
    zaanstad = region_selectors.municipality_get(code="GM0479")
    district = region_selectors.district_list(municipality=zaanstad).exclude(code=None).first()
    hood = (
        region_selectors.neighbourhood_list(municipality=zaanstad)
        .filter(district=district)
        .exclude(code=None)
        .first()
    )
    return zaanstad, district, hood


def directory_fill(*, managed_by=None) -> dict:
    """A small directory with a row in every table and a value in every column."""
    zaanstad, district, hood = zaanstad_areas()
    parent = factories.OrganizationFactory(name="Stichting Kansrijk Zaanstreek")
    organization = factories.OrganizationFactory(
        name="Jeugdgezondheidszorg Zaanstad",
        alternate_name="JGZ",
        description="Consultatiebureau en jeugdverpleegkundigen.",
        email="info@jgz.example.nl",
        website="https://jgz.example.nl/",
        tax_status="ANBI",
        tax_id="NL001234567B01",
        year_incorporated=1998,
        legal_status="Stichting",
        logo="https://jgz.example.nl/logo.png",
        uri="https://jgz.example.nl/over-ons",
        parent_organization=parent,
        managed_by=managed_by,
    )
    program = hsds.Program.objects.create(
        organization=organization,
        name="Kansrijke Start Zaanstad",
        alternate_name="KS",
        description="Extra steun in de eerste 1000 dagen.",
    )
    service = factories.ServiceFactory(
        organization=organization,
        program=program,
        name="Stevig Ouderschap",
        alternate_name="SO",
        description='Huisbezoeken voor ouders, met "extra" steun;\nook in het Engels.',
        url="https://jgz.example.nl/stevig-ouderschap",
        email="so@jgz.example.nl",
        status=ServiceStatus.ACTIVE,
        interpretation_services="Tolk via de telefoon.",
        application_process="Verwijzing door de verloskundige.",
        fees_description="Gratis.",
        wait_time="2 weken",
        fees="Geen",
        accreditations="Erkend door het NJi",
        eligibility_description="Zwangeren en ouders met een baby.",
        minimum_age=Decimal("0"),
        maximum_age=Decimal("1.5"),
        assured_date=datetime.date(2025, 3, 1),
        assurer_email="redactie@example.nl",
        licenses="Geen",
        alert="Let op: tijdelijk minder plek.",
        capacity_status=CapacityStatus.WAITING_LIST,
        capacity_wait_weeks=4,
        capacity_updated=datetime.datetime(2025, 3, 2, 9, 30, tzinfo=datetime.UTC),
        self_referral=True,
    )
    second = factories.ServiceFactory(organization=organization, name="Inloopspreekuur")
    location = factories.LocationFactory(
        organization=organization,
        name="Consultatiebureau Poelenburg",
        alternate_name="CB Poelenburg",
        description="Op de eerste verdieping.",
        url="https://jgz.example.nl/poelenburg",
        transportation="Bus 61, halte Poelenburg.",
        latitude=Decimal("52.449512"),
        longitude=Decimal("4.836245"),
        external_identifier="0479010000012345",
        external_identifier_type="BAG",
        municipality=zaanstad,
        neighbourhood=hood,
    )
    address = factories.AddressFactory(
        location=location,
        attention="Balie",
        address_1="Teststraat 1",
        address_2="Eerste verdieping",
        city="Zaandam",
        region="Zaanstreek",
        state_province="Noord-Holland",
        postal_code="1500 AA",
        country="NL",
    )
    link = factories.ServiceAtLocationFactory(
        service=service, location=location, description="Op dinsdag."
    )
    areas = [
        hsds.ServiceArea.objects.create(service=service, name=zaanstad.name, municipality=zaanstad),
        hsds.ServiceArea.objects.create(service=service, name=district.name, district=district),
        hsds.ServiceArea.objects.create(service=second, name=hood.name, neighbourhood=hood),
        hsds.ServiceArea.objects.create(
            service=second,
            name="Rond het station",
            description="Binnen 2 km.",
            extent='{"type": "Point", "coordinates": [4.8, 52.4]}',
            extent_type="geojson",
            uri="https://example.nl/gebied",
        ),
    ]
    contact = hsds.Contact.objects.create(
        organization=organization,
        service=service,
        service_at_location=link,
        location=location,
        name="Team Stevig Ouderschap",
        title="Jeugdverpleegkundige",
        department="JGZ",
        email="team@jgz.example.nl",
    )
    phone = hsds.Phone.objects.create(
        location=location,
        service=service,
        organization=organization,
        contact=contact,
        service_at_location=link,
        number="0201234567",
        extension=12,
        type="voice",
        description="Op werkdagen.",
    )
    hsds.Schedule.objects.create(
        service=service,
        location=location,
        service_at_location=link,
        valid_from=datetime.date(2025, 1, 1),
        valid_to=datetime.date(2025, 12, 31),
        dtstart=datetime.date(2025, 1, 7),
        timezone=1,
        until=datetime.date(2025, 12, 30),
        count=50,
        wkst="MO",
        freq="WEEKLY",
        interval=1,
        byday="TU",
        byweekno="1,2",
        bymonthday="1",
        byyearday="7",
        description="Dinsdagochtend.",
        opens_at=datetime.time(9, 0),
        closes_at=datetime.time(12, 30),
        schedule_link="https://jgz.example.nl/rooster",
        attending_type="in_person",
        notes="Niet in de schoolvakanties.",
    )
    hsds.Language.objects.create(
        service=service, location=location, phone=phone, name="Engels", code="en", note="Ook."
    )
    hsds.CostOption.objects.create(
        service=service,
        valid_from=datetime.date(2025, 1, 1),
        valid_to=datetime.date(2025, 12, 31),
        option="Per bezoek",
        currency="EUR",
        amount=Decimal("12.50"),
        amount_description="Alleen zonder verwijzing.",
    )
    hsds.Accessibility.objects.create(
        location=location,
        description="Lift aanwezig.",
        details="Ingang aan de achterkant.",
        url="https://jgz.example.nl/toegankelijk",
    )
    taxonomy = factories.TaxonomyFactory(
        name="Eigen lijst", uri="https://example.nl/lijst", version="1"
    )
    top = factories.TaxonomyTermFactory(taxonomy=taxonomy, code="top", language="nl")
    factories.TaxonomyTermFactory(
        taxonomy=taxonomy, code="child", parent=top, term_uri="https://example.nl/lijst/child"
    )
    hsds.Attribute.objects.create(
        link_id=service.pk,
        link_type=LINK_TYPE_THEME,
        link_entity="service",
        taxonomy_term_id=term_id("mental-health"),
        value="",
    )
    hsds.Attribute.objects.create(
        link_id=location.pk, link_entity="location", taxonomy_term=top, value="ja"
    )
    hsds.Metadata.objects.create(
        resource_id=service.pk,
        resource_type="service",
        last_action_date=datetime.datetime(2025, 2, 1, 10, 0, tzinfo=datetime.UTC),
        last_action_type="update",
        field_name="name",
        previous_value="Stevig ouderschap",
        replacement_value="Stevig Ouderschap",
        updated_by="redactie@example.nl",
    )
    # last_modified is auto_now: give it a known moment afterwards.
    hsds.Service.objects.filter(pk=service.pk).update(
        last_modified=datetime.datetime(2025, 3, 3, 8, 0, tzinfo=datetime.UTC)
    )
    return {
        "organization": organization,
        "service": service,
        "location": location,
        "address": address,
        "areas": areas,
        "phone": phone,
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def exported(tmp_path) -> Path:
    directory_fill()
    hsds_export(directory=tmp_path / "export")
    return tmp_path / "export"


# --- export ----------------------------------------------------------------------------------


def test_it_writes_every_stored_hsds_table_with_hsds_columns_first(exported):
    spec = hsds_spec()
    for name in ("organization", "service", "service_at_location", "taxonomy_term", "metadata"):
        path = exported / spec[name]["path"]
        with open(path, newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        hsds_columns = [c for c, p in spec[name]["properties"].items() if p.get("type") != "array"]
        assert header[: len(hsds_columns)] == hsds_columns
    service_header = list(read_csv(exported / "services.csv")[0])
    assert service_header[-4:] == [
        "capacity_status",
        "capacity_wait_weeks",
        "capacity_updated",
        "self_referral",
    ]


def test_datapackage_lists_every_file_with_its_columns(exported):
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    paths = {r["path"] for r in package["resources"]}
    assert paths == {p.name for p in exported.glob("*.csv")}
    assert len(paths) == 17
    for resource in package["resources"]:
        with open(exported / resource["path"], newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert [f["name"] for f in resource["schema"]["fields"]] == header
    locations = next(r for r in package["resources"] if r["name"] == "location")
    extension = next(f for f in locations["schema"]["fields"] if f["name"] == "municipality")
    assert "Kansrijk extension" in extension["description"]
    services = next(r for r in package["resources"] if r["name"] == "service")
    assert {
        "fields": "organization_id",
        "reference": {"resource": "organization", "fields": "id"},
    } in services["schema"]["foreignKeys"]


def test_it_writes_cbs_codes_of_locations_and_service_areas(exported):
    zaanstad, district, hood = zaanstad_areas()
    location = read_csv(exported / "locations.csv")[0]
    assert (location["municipality"], location["neighbourhood"]) == ("GM0479", hood.code)
    areas = {(a["extent"], a["extent_type"]) for a in read_csv(exported / "service_areas.csv")}
    assert ("GM0479", "cbs_code") in areas
    assert (district.code, "cbs_code") in areas
    assert (hood.code, "cbs_code") in areas
    assert ('{"type": "Point", "coordinates": [4.8, 52.4]}', "geojson") in areas


def test_it_never_exports_a_confidential_address(tmp_path):
    owner = OrganisationFactory()
    rows = directory_fill(managed_by=owner)
    location = rows["location"]
    location.is_confidential = True
    location.save()
    hsds.Metadata.objects.create(
        resource_id=location.pk,
        resource_type="location",
        last_action_date=timezone.now(),
        last_action_type="update",
        field_name="address.address_1",
        previous_value="Oude Straat 9",
        replacement_value="Teststraat 1",
        updated_by="redactie@example.nl",
    )

    counts = hsds_export(directory=tmp_path / "public")

    public = tmp_path / "public"
    assert counts["addresses.csv"] == 0
    everything = "".join(p.read_text(encoding="utf-8") for p in public.glob("*.csv"))
    assert "Teststraat 1" not in everything
    assert "Oude Straat 9" not in everything
    assert "52.449512" not in everything
    assert "Bus 61" not in everything
    assert "Ingang aan de achterkant" not in everything
    (row,) = read_csv(public / "locations.csv")
    assert row["is_confidential"] == "true"
    assert row["latitude"] == row["longitude"] == row["neighbourhood"] == ""
    assert row["municipality"] == "GM0479"

    hsds_export(directory=tmp_path / "own", organisation_id=owner.pk)
    assert read_csv(tmp_path / "own" / "addresses.csv")[0]["address_1"] == "Teststraat 1"

    hsds_export(directory=tmp_path / "other", organisation_id=OrganisationFactory().pk)
    assert read_csv(tmp_path / "other" / "addresses.csv") == []


# --- round trip ------------------------------------------------------------------------------


def test_export_import_export_gives_the_same_files(tmp_path, exported):
    directory_empty()

    report = hsds_import(path=exported, record_history=False)

    assert report.counts["service"].created == 2
    assert hsds.Service.objects.get(name="Stevig Ouderschap").capacity_wait_weeks == 4
    hsds_export(directory=tmp_path / "again")
    for path in sorted(exported.iterdir()):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_import_records_one_history_row_per_record(tmp_path, exported):
    directory_empty()

    hsds_import(path=exported)

    hsds_export(directory=tmp_path / "again")
    for path in exported.glob("*.csv"):
        if path.name != "metadata.csv":
            assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes()
    before = read_csv(exported / "metadata.csv")
    after = read_csv(tmp_path / "again" / "metadata.csv")
    added = [row for row in after if row not in before]
    assert len(after) == len(before) + len(added)
    # 2 organisations, 2 services, 1 location
    assert len(added) == 5
    assert {row["updated_by"] for row in added} == {"import:export"}
    assert {row["last_action_type"] for row in added} == {"create"}


def test_importing_the_same_export_again_changes_nothing(exported):
    service = hsds.Service.objects.get(name="Stevig Ouderschap")
    version = service.version

    report = hsds_import(path=exported)

    assert report.counts["service"].unchanged == 2
    assert report.counts["service"].created == report.counts["service"].updated == 0
    assert report.service_ids == []
    assert hsds.Service.objects.get(pk=service.pk).version == version


def test_an_import_updates_a_changed_record_by_its_id(exported):
    rows = read_csv(exported / "services.csv")
    for row in rows:
        if row["name"] == "Stevig Ouderschap":
            row["name"] = "Stevig Ouderschap Zaanstad"
            row["capacity_status"] = "open"
    write_csv(exported / "services.csv", rows)
    service = hsds.Service.objects.get(name="Stevig Ouderschap")

    report = hsds_import(path=exported)

    service.refresh_from_db()
    assert service.name == "Stevig Ouderschap Zaanstad"
    assert service.capacity_wait_weeks is None
    assert service.version == 2
    assert report.counts["service"].updated == 1
    assert report.service_ids == [service.pk]
    assert hsds.Metadata.objects.filter(
        resource_id=service.pk, last_action_type="update", updated_by="import:export"
    ).exists()


def test_reimporting_a_public_export_keeps_the_hidden_location_fields(tmp_path):
    rows = directory_fill(managed_by=OrganisationFactory())
    location = rows["location"]
    location.is_confidential = True
    location.save()
    hsds_export(directory=tmp_path / "public")

    hsds_import(path=tmp_path / "public")

    location.refresh_from_db()
    assert location.latitude == Decimal("52.449512")
    assert location.neighbourhood is not None
    assert location.addresses.count() == 1


# --- bad input -------------------------------------------------------------------------------


def _import_errors(path: Path):
    with pytest.raises(HSDSImportError) as caught:
        hsds_import(path=path)
    return caught.value.errors


def test_one_bad_value_imports_nothing_and_names_file_row_and_field(exported):
    directory_empty()
    rows = read_csv(exported / "services.csv")
    rows[1]["status"] = "open voor iedereen"
    write_csv(exported / "services.csv", rows)

    errors = _import_errors(exported)

    assert [(e.file, e.row, e.field) for e in errors] == [("services.csv", 3, "status")]
    assert "active" in errors[0].message
    assert hsds.Organization.objects.count() == 0
    assert hsds.Service.objects.count() == 0
    assert hsds.Taxonomy.objects.count() == 0


def test_it_reports_every_problem_in_dutch(exported):
    directory_empty()
    locations = read_csv(exported / "locations.csv")
    locations[0]["latitude"] = "noord"
    locations[0]["municipality"] = "GM9999"
    write_csv(exported / "locations.csv", locations)
    phones = read_csv(exported / "phones.csv")
    phones[0]["number"] = ""
    write_csv(exported / "phones.csv", phones)
    schedules = read_csv(exported / "schedules.csv")
    schedules[0]["opens_at"] = "9 uur"
    schedules[0]["valid_from"] = "1-1-2025"
    write_csv(exported / "schedules.csv", schedules)
    organizations = read_csv(exported / "organizations.csv")
    organizations[0]["email"] = "geen-adres"
    organizations[0]["id"] = "niet-een-uuid"
    write_csv(exported / "organizations.csv", organizations)

    errors = _import_errors(exported)

    where = {(e.file, e.row, e.field) for e in errors}
    assert {
        ("locations.csv", 2, "latitude"),
        ("locations.csv", 2, "municipality"),
        ("phones.csv", 2, "number"),
        ("schedules.csv", 2, "opens_at"),
        ("schedules.csv", 2, "valid_from"),
        ("organizations.csv", 2, "email"),
        ("organizations.csv", 2, "id"),
    } <= where
    by_field = {e.field: e.message for e in errors}
    assert by_field["number"] == "Dit veld is verplicht."
    assert "GM9999" in by_field["municipality"]
    assert "rij 2" in str(errors[0])
    assert hsds.Location.objects.count() == 0


def test_it_refuses_duplicate_ids(exported):
    directory_empty()
    rows = read_csv(exported / "locations.csv")
    write_csv(exported / "locations.csv", rows + [dict(rows[0], name="Kopie")])

    errors = _import_errors(exported)

    assert [(e.file, e.row, e.field) for e in errors] == [("locations.csv", 3, "id")]
    assert hsds.Location.objects.count() == 0


def test_it_refuses_a_reference_to_a_missing_row(exported):
    directory_empty()
    organizations = read_csv(exported / "organizations.csv")
    services = read_csv(exported / "services.csv")
    used = {s["organization_id"] for s in services}
    write_csv(exported / "organizations.csv", [o for o in organizations if o["id"] not in used])

    errors = _import_errors(exported)

    assert ("services.csv", 2, "organization_id") in {(e.file, e.row, e.field) for e in errors}
    assert hsds.Service.objects.count() == 0


def test_a_reference_may_point_at_a_row_already_in_the_directory(exported):
    # Only the service areas: their services are in the sociale kaart already.
    for path in exported.glob("*.csv"):
        if path.name != "service_areas.csv":
            path.unlink()
    (exported / "datapackage.json").unlink()
    hsds.ServiceArea.objects.all().delete()

    report = hsds_import(path=exported)

    assert report.counts["service_area"].created == 4
    assert hsds.ServiceArea.objects.filter(municipality__code="GM0479").count() == 1


def test_it_refuses_an_unknown_cbs_code_in_a_service_area(exported):
    rows = read_csv(exported / "service_areas.csv")
    rows[0]["extent"] = "BU99999999"
    rows[0]["extent_type"] = "cbs_code"
    write_csv(exported / "service_areas.csv", rows)

    errors = _import_errors(exported)

    assert [(e.file, e.row, e.field) for e in errors] == [("service_areas.csv", 2, "extent")]


def test_it_refuses_a_file_that_is_not_utf8(exported):
    (exported / "languages.csv").write_bytes("id,name\r\n1,Fran\xe7ais\r\n".encode("latin-1"))

    errors = _import_errors(exported)

    assert errors[0].file == "languages.csv"


def test_it_imports_csv_files_without_datapackage_and_warns_about_unknown_columns(exported):
    (exported / "datapackage.json").unlink()
    shutil.move(exported / "service_at_location.csv", exported / "service_at_locations.csv")
    rows = read_csv(exported / "contacts.csv")
    write_csv(exported / "contacts.csv", [dict(r, favourite_colour="blauw") for r in rows])
    directory_empty()

    report = hsds_import(path=exported)

    assert report.counts["service_at_location"].created == 1
    assert [(w.file, w.field) for w in report.warnings] == [("contacts.csv", "favourite_colour")]


def test_it_warns_about_hsds_tables_kansrijk_does_not_store(exported):
    (exported / "datapackage.json").unlink()
    (exported / "funding.csv").write_text("id,source\r\n" + "f" * 8 + ",Gemeente\r\n")

    report = hsds_import(path=exported)

    assert [(w.file, w.row) for w in report.warnings] == [("funding.csv", None)]
    assert "1" in report.warnings[0].message


def test_it_refuses_a_datapackage_path_outside_the_package(exported):
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"][0]["path"] = "../organizations.csv"
    (exported / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")

    errors = _import_errors(exported)

    assert [(e.file, e.field) for e in errors] == [("datapackage.json", "resources[0].path")]


def test_it_refuses_a_missing_required_column(exported):
    directory_empty()
    rows = read_csv(exported / "addresses.csv")
    write_csv(
        exported / "addresses.csv", [{k: v for k, v in r.items() if k != "city"} for r in rows]
    )

    errors = _import_errors(exported)

    assert [(e.file, e.row, e.field) for e in errors] == [("addresses.csv", 1, "city")]
