"""HSDS's JSON form: nested service objects, as the API answers with full=true."""

import copy
import json
import uuid

import pytest
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from kansrijk.directory import models as hsds
from kansrijk.directory import search
from kansrijk.directory.constants import LINK_TYPE_PHASE, LINK_TYPE_THEME
from kansrijk.directory.hsds_io import (
    HSDSImportError,
    hsds_export,
    hsds_import,
    hsds_import_json_objects,
)
from kansrijk.directory.kansrijke_start_taxonomy import term_id
from kansrijk.directory.tests.test_hsds_io import directory_empty, directory_fill, zaanstad_areas

pytestmark = pytest.mark.django_db

ORG = "6a0c0b52-8f0e-4c8e-9d55-0c2b7f1a0001"
LOCATION = "6a0c0b52-8f0e-4c8e-9d55-0c2b7f1a0002"


def _id(n: int) -> str:
    return str(uuid.UUID(int=0x7E57_0000_0000_4000_8000_0000_0000_0000 + n))


def organization() -> dict:
    return {
        "id": ORG,
        "name": "Buurtteam Zaanstad",
        "description": "Hulp bij opvoeden, geld en wonen.",
        "email": "info@buurtteam.example.nl",
        "website": "https://buurtteam.example.nl/",
    }


def location() -> dict:
    zaanstad, _district, hood = zaanstad_areas()
    return {
        "id": LOCATION,
        "location_type": "physical",
        "name": "Buurthuis De Kiem",
        "latitude": 52.4419,
        "longitude": 4.8294,
        "is_confidential": False,
        "municipality": "GM0479",
        "neighbourhood": hood.code,
        "addresses": [
            {
                "id": _id(1),
                "address_1": "Teststraat 1",
                "city": "Zaandam",
                "state_province": "Noord-Holland",
                "postal_code": "1500 AA",
                "country": "NL",
                "address_type": "physical",
            }
        ],
        "accessibility": [{"id": _id(2), "description": "Rolstoeltoegankelijk."}],
        "phones": [{"id": _id(3), "number": "0201234567", "type": "voice"}],
    }


def service(n: int = 10, **changes) -> dict:
    zaanstad, district, _hood = zaanstad_areas()
    data = {
        "id": _id(n),
        "name": f"Opvoedspreekuur {n}",
        "description": "Vragen over opvoeden? Kom langs.",
        "status": "active",
        "minimum_age": 0,
        "maximum_age": 4,
        "last_modified": "2025-03-01T10:00:00Z",
        "capacity_status": "waiting_list",
        "capacity_wait_weeks": 3,
        "self_referral": True,
        "organization": organization(),
        "program": {"id": _id(n + 1), "name": "Opvoeden", "description": "Steun bij opvoeden."},
        "service_at_locations": [
            {
                "id": _id(n + 2),
                "location": location(),
                "schedules": [
                    {
                        "id": _id(n + 3),
                        "freq": "WEEKLY",
                        "byday": "WE",
                        "opens_at": "13:00",
                        "closes_at": "15:00:00",
                        "attending_type": "in_person",
                    }
                ],
            }
        ],
        "service_areas": [
            {"id": _id(n + 4), "name": "Zaanstad", "extent": "GM0479", "extent_type": "cbs_code"},
            # The API's spelling: the code as text.
            {
                "id": _id(n + 5),
                "name": district.name,
                "extent": district.code,
                "extent_type": "text",
            },
        ],
        "phones": [
            {
                "id": _id(n + 6),
                "number": "0201234568",
                "languages": [{"id": _id(n + 7), "name": "Turks", "code": "tr"}],
            }
        ],
        "languages": [{"id": _id(n + 8), "name": "Nederlands", "code": "nl"}],
        "cost_options": [{"id": _id(n + 9), "option": "Gratis", "amount": 0, "currency": "EUR"}],
        "contacts": [
            {
                "id": _id(n + 10),
                "name": "Team Opvoeden",
                "email": "opvoeden@buurtteam.example.nl",
                "phones": [{"id": _id(n + 11), "number": "0201234569"}],
            }
        ],
        "attributes": [
            {
                "id": _id(n + 12),
                "link_type": LINK_TYPE_THEME,
                "taxonomy_term": {"id": str(term_id("parenting-and-development"))},
            },
            {
                "id": _id(n + 13),
                "link_type": LINK_TYPE_PHASE,
                "taxonomy_term_id": str(term_id("pregnancy")),
            },
        ],
        "funding": [{"id": _id(n + 14), "source": "Gemeente"}],
    }
    data.update(changes)
    return data


def test_it_imports_nested_service_objects_with_everything_in_them():
    zaanstad, district, hood = zaanstad_areas()

    report = hsds_import_json_objects(services=[service(10), service(30)], source="demo")

    assert report.counts["service"].created == 2
    assert report.counts["organization"].created == 1
    assert report.counts["location"].created == 1
    first = hsds.Service.objects.get(pk=_id(10))
    assert first.organization_id == uuid.UUID(ORG)
    assert first.program.organization_id == uuid.UUID(ORG)
    assert first.capacity_wait_weeks == 3
    assert first.self_referral is True
    assert first.last_modified.isoformat() == "2025-03-01T10:00:00+00:00"
    place = hsds.Location.objects.get(pk=LOCATION)
    # Met through the service: the location belongs to the service's organisation.
    assert place.organization_id == uuid.UUID(ORG)
    assert (place.municipality, place.neighbourhood) == (zaanstad, hood)
    assert place.addresses.get().postal_code == "1500 AA"
    assert {a.extent_type for a in first.service_areas.all()} == {"cbs_code"}
    assert {a.municipality_id or a.district_id for a in first.service_areas.all()} == {
        zaanstad.pk,
        district.pk,
    }
    link = first.service_at_locations.get()
    assert link.schedules.get().opens_at.isoformat() == "13:00:00"
    assert hsds.Phone.objects.get(pk=_id(21)).contact_id == uuid.UUID(_id(20))
    assert hsds.Language.objects.get(pk=_id(17)).phone_id == uuid.UUID(_id(16))
    themes = hsds.Attribute.objects.filter(link_id=first.pk, link_entity="service")
    assert {a.taxonomy_term.code for a in themes} == {"parenting-and-development", "pregnancy"}
    assert sorted(report.service_ids) == sorted([first.pk, uuid.UUID(_id(30))])
    assert [w.field for w in report.warnings] == ["service.funding"]
    assert hsds.Metadata.objects.filter(updated_by="import:demo").count() == 4


def test_importing_the_same_objects_again_changes_nothing():
    hsds_import_json_objects(services=[service()], source="demo")

    report = hsds_import_json_objects(services=[service()], source="demo")

    assert all(count.created == count.updated == 0 for count in report.counts.values())
    assert report.service_ids == []
    assert hsds.Service.objects.get(pk=_id(10)).version == 1


def test_it_reads_a_page_a_list_and_a_directory_of_json_files(tmp_path):
    page = {"total_items": 1, "page_number": 1, "contents": [service(10)]}
    (tmp_path / "a.json").write_text(json.dumps(page), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([service(30)]), encoding="utf-8")
    single = tmp_path / "single.json"
    single.write_text(json.dumps(service(50)), encoding="utf-8")

    report = hsds_import(path=tmp_path)

    assert report.counts["service"].created == 3
    assert hsds_import(path=single).counts["service"].unchanged == 1


def test_a_json_import_exports_and_imports_back_the_same(tmp_path):
    hsds_import_json_objects(services=[service(10), service(30)], source="demo")
    hsds_export(directory=tmp_path / "one")
    directory_empty()

    hsds_import(path=tmp_path / "one", record_history=False)

    hsds_export(directory=tmp_path / "two")
    for path in (tmp_path / "one").iterdir():
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes(), path.name


def _errors(services) -> list:
    with pytest.raises(HSDSImportError) as caught:
        hsds_import_json_objects(services=services, source="demo.json")
    return caught.value.errors


def test_an_object_that_disagrees_with_itself_is_refused():
    other = service(30)
    other["service_at_locations"][0]["location"]["name"] = "Ergens anders"

    errors = _errors([service(10), other])

    assert [(e.file, e.row, e.field) for e in errors] == [
        ("demo.json", 2, "service_at_locations[0].location.name")
    ]
    assert hsds.Service.objects.count() == 0


def test_a_reference_to_an_unknown_taxonomy_term_is_refused():
    data = service()
    data["attributes"][0]["taxonomy_term"] = {"id": _id(999)}

    errors = _errors([data])

    assert [(e.row, e.field) for e in errors] == [(1, "attributes[0].taxonomy_term_id")]


def test_it_reports_every_problem_with_its_path():
    data = service()
    data["status"] = "open"
    data["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] = ""
    data["service_areas"][0]["extent"] = "GM0000"
    data["phones"][0]["languages"][0]["id"] = "taal-1"
    del data["contacts"][0]["id"]

    errors = _errors([service(30), data])

    assert {(e.row, e.field) for e in errors} == {
        (2, "status"),
        # The same location as in service 1, where it has a postcode: no conflict.
        (2, "service_areas[0].extent"),
        (2, "phones[0].languages[0].id"),
        (2, "contacts[0].id"),
    }
    errors = _errors([data])
    assert (1, "service_at_locations[0].location.addresses[0].postal_code") in {
        (e.row, e.field) for e in errors
    }
    assert hsds.Organization.objects.count() == 0


def test_the_hsds_example_is_refused_with_each_of_its_problems():
    path = settings.SHARED_DIR / "spec" / "hsds" / "examples" / "service_full.json"
    example = json.loads(path.read_text(encoding="utf-8"))

    errors = _errors([copy.deepcopy(example)])

    fields = {e.field for e in errors}
    # Placeholder values that contradict where the objects are nested.
    assert "attributes[0].link_entity" in fields
    # A latitude of 100, free text where Kansrijk has a choice, unknown parents.
    assert "organization.locations[0].latitude" in fields
    assert "organization.parent_organization_id" in fields
    assert "attributes[0].taxonomy_term.parent_id" in fields
    assert hsds.Service.objects.count() == 0


def test_a_taxonomy_named_without_id_is_created_once():
    term = {
        "id": _id(500),
        "code": "parenting",
        "name": "Parenting",
        "description": "Parenting support.",
        "taxonomy": "Open Eligibility",
    }
    data = service(attributes=[{"id": _id(501), "taxonomy_term": term}])

    hsds_import_json_objects(services=[data], source="demo")
    hsds_import_json_objects(services=[data], source="demo")

    taxonomy = hsds.Taxonomy.objects.get(name="Open Eligibility")
    assert hsds.TaxonomyTerm.objects.get(pk=_id(500)).taxonomy == taxonomy


def test_what_the_api_answers_imports_back_the_same(tmp_path):
    from kansrijk.directory.hsds_serialise import services_to_hsds, services_with_hsds_related

    rows = directory_fill()
    hsds.Organization.objects.update(parent_organization=None)
    hsds_export(directory=tmp_path / "before")
    answer = services_to_hsds(
        services_with_hsds_related(hsds.Service.objects.order_by("name"), full=True), full=True
    )
    answer = json.loads(json.dumps(answer, cls=DjangoJSONEncoder))
    directory_empty()

    hsds_import_json_objects(services=answer, source="api")

    hsds_export(directory=tmp_path / "after")
    # The API shows services with what belongs to them, not the change history or taxonomy
    # terms that no service uses.
    for name in (
        "services.csv",
        "locations.csv",
        "addresses.csv",
        "service_at_location.csv",
        "service_areas.csv",
        "contacts.csv",
        "phones.csv",
        "schedules.csv",
        "languages.csv",
        "cost_options.csv",
        "accessibility.csv",
        "attributes.csv",
        "programs.csv",
    ):
        before = (tmp_path / "before" / name).read_text(encoding="utf-8")
        assert (tmp_path / "after" / name).read_text(encoding="utf-8") == before, name
    assert rows["service"].pk in {s.pk for s in hsds.Service.objects.all()}


def test_it_reindexes_the_services_it_wrote(monkeypatch):
    reindexed = []
    monkeypatch.setattr(
        search, "search_index_update", lambda *, service_ids=None: reindexed.append(service_ids)
    )

    hsds_import_json_objects(services=[service(10)], source="demo")

    assert reindexed == [[uuid.UUID(_id(10))]]


def test_it_reads_the_older_spelling_of_the_cbs_code_properties():
    data = service()
    place = data["service_at_locations"][0]["location"]
    place["municipality_code"] = place.pop("municipality")
    place["neighbourhood_code"] = place.pop("neighbourhood")

    report = hsds_import_json_objects(services=[data], source="demo")

    zaanstad, _district, hood = zaanstad_areas()
    location = hsds.Location.objects.get(pk=LOCATION)
    assert (location.municipality, location.neighbourhood) == (zaanstad, hood)
    assert report.warnings == [w for w in report.warnings if w.field == "service.funding"]
