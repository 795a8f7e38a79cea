"""The demo sociale kaart as generated HSDS objects, before anything is loaded."""

import json
import re
from collections import defaultdict

import jsonschema
import pytest
from django.conf import settings

from kansrijk.demo.data.coalitions import COALITIONS
from kansrijk.demo.data.places import PLACES
from kansrijk.demo.hsds import demo_directory, demo_service_objects
from kansrijk.directory.constants import THEME_TAXONOMY
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES
from kansrijk.regions.selectors import district_list, municipality_get

THEMES = [code for code, _name, _description in TAXONOMIES[THEME_TAXONOMY][2]]
DEMO_MUNICIPALITIES = sorted({code for c in COALITIONS for code in c.municipalities})


@pytest.fixture(scope="module")
def service_objects():
    return demo_service_objects()


def _municipalities_reached(spec) -> set[str]:
    # GMgggg, or a district WKggggww of municipality GMgggg.
    return {code if code.startswith("GM") else "GM" + code[2:6] for code in spec.areas}


def test_every_service_object_is_valid_hsds(service_objects):
    schema_path = settings.SHARED_DIR / "spec/hsds/schema/compiled/service.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [
        f"{service['name']}: {error.message} at {list(error.path)}"
        for service in service_objects
        for error in validator.iter_errors(service)
    ]
    assert errors == []


def test_ids_stay_the_same_between_builds(service_objects):
    again = demo_service_objects()
    assert [s["id"] for s in again] == [s["id"] for s in service_objects]
    assert [s["service_at_locations"] for s in again] == [
        s["service_at_locations"] for s in service_objects
    ]


def test_no_two_records_of_one_kind_share_an_id_unless_they_are_the_same(service_objects):
    # A location shared by several services must be the same location every time.
    locations = {}
    for service in service_objects:
        for at in service["service_at_locations"]:
            location = at["location"]
            assert locations.setdefault(location["id"], location) == location
    service_ids = [s["id"] for s in service_objects]
    assert len(set(service_ids)) == len(service_ids)


def test_every_theme_has_several_services_in_every_demo_municipality():
    counts = defaultdict(lambda: defaultdict(int))
    for spec in demo_directory().services:
        for municipality in _municipalities_reached(spec):
            for theme in spec.themes:
                counts[municipality][theme] += 1
    thin = [
        (municipality, theme, counts[municipality][theme])
        for municipality in DEMO_MUNICIPALITIES
        for theme in THEMES
        if counts[municipality][theme] < 2
    ]
    assert thin == []


def test_zaanstad_has_the_largest_directory():
    reached = defaultdict(int)
    for spec in demo_directory().services:
        for municipality in _municipalities_reached(spec):
            reached[municipality] += 1
    assert reached["GM0479"] >= 40
    assert all(reached[code] >= 15 for code in DEMO_MUNICIPALITIES)


def test_contact_details_are_invented(service_objects):
    # Real area code, then an obviously made-up "123 4..." subscriber number.
    fake_number = re.compile(r"^0\d{2} 123 4\d{3}$|^0\d{3} 12 3\d{3}$")
    for service in service_objects:
        for phone in service["phones"]:
            assert fake_number.match(phone["number"]), phone["number"]
        for email in (service.get("email"), service["organization"].get("email")):
            assert email is None or email.endswith(".example.nl")
        assert (
            service["organization"].get("website", "https://x.example.nl").endswith(".example.nl")
        )


def test_a_shelter_has_a_confidential_location_without_phone_or_directions(service_objects):
    shelters = [
        at["location"]
        for service in service_objects
        for at in service["service_at_locations"]
        if at["location"]["is_confidential"]
    ]
    assert shelters
    assert all(location["phones"] == [] for location in shelters)


@pytest.mark.django_db
def test_every_cbs_code_used_exists():
    for spec in demo_directory().services:
        for code in spec.areas:
            if code.startswith("GM"):
                assert municipality_get(code=code) is not None, code
            else:
                municipality = municipality_get(code="GM" + code[2:6])
                assert district_list(municipality=municipality).filter(code=code).exists(), code
        for location in spec.locations:
            assert municipality_get(code=location.municipality) is not None
    assert set(PLACES) == set(DEMO_MUNICIPALITIES)
