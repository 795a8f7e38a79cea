"""The public HSDS 3.0 API under /api/hsds/: every response checked against HSDS's schemas."""

import datetime
import json
import uuid

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from kansrijk.directory import models
from kansrijk.directory.api import openapi_document
from kansrijk.directory.kansrijke_start_taxonomy import term_id
from kansrijk.directory.search import search_index_update
from kansrijk.directory.tests.factories import (
    AddressFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from kansrijk.directory.tests.test_hsds_serialise import directory_with_everything, hsds_validate

API = "/api/hsds"
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def _get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def _ok(client, path, **params):
    response = _get(client, path, **params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def _theme(service, code):
    models.Attribute.objects.create(
        link_id=service.id, link_entity="service", link_type="theme", taxonomy_term_id=term_id(code)
    )


@pytest.fixture
def directory(db):
    return directory_with_everything()


# --- the root and the OpenAPI document -----------------------------------------------------------


@pytest.mark.django_db
def test_the_root_says_which_hsds_version_profile_and_openapi_file(client):
    data = _ok(client, "/")

    assert data["version"] == "3.0"
    assert data["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    profile = _ok(client, data["profile"].removeprefix("http://testserver/api/hsds"))
    assert "capacity_status" in profile["extensions"]["service"]


@pytest.mark.django_db
def test_the_served_openapi_document_is_the_committed_one(client):
    served = _ok(client, "/openapi.json")
    committed = settings.PROJECT_DIR / "docs" / "api" / "hsds-openapi.json"

    assert served == openapi_document()
    assert committed.read_text() == json.dumps(served, indent=2, sort_keys=True) + "\n", (
        "docs/api/hsds-openapi.json is out of date: run `make oas`"
    )
    for path in ("/services", "/services/{id}", "/organizations", "/taxonomy_terms/{id}"):
        assert path in served["paths"]


# --- each endpoint validates against HSDS -----------------------------------------------------


def test_services_list_compact_and_full_validate(client, directory):
    for full, schema in (
        (False, "compiled/service_list.json"),
        (True, "compiled/service.json"),
    ):
        data = _ok(client, "/services", full=str(full).lower())

        assert PAGE_KEYS <= data.keys()
        assert data["total_items"] == 1
        [service] = data["contents"]
        hsds_validate(service, schema)
        assert ("service_at_locations" in service) is full


def test_service_detail_is_fully_nested_and_validates(client, directory):
    data = _ok(client, f"/services/{directory['service'].id}")

    hsds_validate(data, "compiled/service.json")
    assert data["service_at_locations"][0]["location"]["addresses"][0]["address_1"] == (
        "Geheimstraat 12"
    )
    assert data["attributes"][0]["taxonomy_term"]["code"] == "domestic-violence-and-safety"


def test_organizations_list_and_detail_validate(client, directory):
    compact = _ok(client, "/organizations")
    full = _ok(client, "/organizations", full="true", full_service="true")
    detail = _ok(client, f"/organizations/{directory['organization'].id}")

    hsds_validate(compact["contents"][0], "compiled/organization_list.json")
    assert "services" not in compact["contents"][0]
    hsds_validate(full["contents"][0], "compiled/organization.json")
    assert "service_at_locations" in full["contents"][0]["services"][0]
    hsds_validate(detail, "compiled/organization.json")
    # Without full_service the organisation's services are compact.
    assert detail["services"][0]["name"] == "Crisisopvang voor moeders met een baby"
    assert "service_at_locations" not in detail["services"][0]


def test_service_at_locations_list_and_detail_validate(client, directory):
    compact = _ok(client, "/service_at_locations")
    full = _ok(client, "/service_at_locations", full="true")
    detail = _ok(client, f"/service_at_locations/{directory['service_at_location'].id}")

    hsds_validate(compact["contents"][0], "compiled/service_at_location_list.json")
    hsds_validate(full["contents"][0], "compiled/service_at_location.json")
    hsds_validate(detail, "compiled/service_at_location.json")
    assert detail["location"]["phones"][0]["number"] == "0201234567"
    assert detail["service"]["id"] == str(directory["service"].id)


@pytest.mark.django_db
def test_taxonomies_and_terms_validate(client):
    taxonomies = _ok(client, "/taxonomies")
    terms = _ok(client, "/taxonomy_terms", per_page=500)

    assert taxonomies["total_items"] == 3
    for taxonomy in taxonomies["contents"]:
        hsds_validate(taxonomy, "taxonomy.json")
        hsds_validate(_ok(client, f"/taxonomies/{taxonomy['id']}"), "taxonomy.json")
    for term in terms["contents"]:
        hsds_validate(term, "taxonomy_term.json")
    housing = _ok(client, f"/taxonomy_terms/{term_id('housing')}")
    hsds_validate(housing, "taxonomy_term.json")
    assert housing["name"] == "Wonen"


@pytest.mark.django_db
def test_taxonomy_terms_filter_by_taxonomy_and_search(client):
    theme = models.TaxonomyTerm.objects.get(id=term_id("housing")).taxonomy

    in_theme = _ok(client, "/taxonomy_terms", taxonomy_id=str(theme.id), per_page=500)
    found = _ok(client, "/taxonomy_terms", search="wonen", taxonomy_id=str(theme.id))

    assert in_theme["total_items"] == theme.terms.count()
    assert {t["taxonomy_id"] for t in in_theme["contents"]} == {str(theme.id)}
    assert [t["name"] for t in found["contents"]] == ["Wonen"]


# --- pagination ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pages_tell_where_they_are(client):
    ServiceFactory.create_batch(5)

    first = _ok(client, "/services", per_page=2)
    last = _ok(client, "/services", per_page=2, page=3)
    beyond = _ok(client, "/services", per_page=2, page=4)

    assert {k: first[k] for k in PAGE_KEYS - {"contents"}} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert (last["size"], last["first_page"], last["last_page"]) == (1, False, True)
    assert (beyond["size"], beyond["empty"], beyond["contents"]) == (0, True, [])
    names = [
        s["name"]
        for page in (1, 2, 3)
        for s in _ok(client, "/services", per_page=2, page=page)["contents"]
    ]
    assert len(set(names)) == 5


@pytest.mark.django_db
def test_an_empty_result_is_one_empty_page(client):
    data = _ok(client, "/organizations")

    assert (data["total_items"], data["empty"], data["contents"]) == (0, True, [])
    assert data["first_page"] and data["last_page"]


@pytest.mark.django_db
@override_settings(HSDS_PER_PAGE_DEFAULT=3, HSDS_PER_PAGE_MAX=4)
def test_per_page_defaults_and_is_capped_by_the_settings(client):
    OrganizationFactory.create_batch(5)

    assert _ok(client, "/organizations")["size"] == 3
    assert _ok(client, "/organizations", per_page=4)["size"] == 4
    response = _get(client, "/organizations", per_page=5)
    assert response.status_code == 400
    assert "4" in response.json()["message"]


# --- filters -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_service_filters_combine_with_and(client):
    ours, theirs = OrganizationFactory(), OrganizationFactory()
    wanted = ServiceFactory(organization=ours, name="Schuldhulp voor jonge ouders")
    _theme(wanted, "debts-and-money")
    _theme(ServiceFactory(organization=theirs, name="Schuldhulp elders"), "debts-and-money")
    ServiceFactory(organization=ours, name="Kraamzorg")

    by_both = _ok(
        client,
        "/services",
        organization_id=str(ours.id),
        taxonomy_term_id=str(term_id("debts-and-money")),
    )
    by_taxonomy = _ok(
        client,
        "/services",
        organization_id=str(ours.id),
        taxonomy_id=str(models.TaxonomyTerm.objects.get(id=term_id("housing")).taxonomy_id),
    )

    assert [s["id"] for s in by_both["contents"]] == [str(wanted.id)]
    assert [s["id"] for s in by_taxonomy["contents"]] == [str(wanted.id)]


@pytest.mark.django_db
def test_services_search_finds_by_name_within_the_other_filters(client):
    ours = OrganizationFactory()
    wanted = ServiceFactory(organization=ours, name="Schuldhulp voor jonge ouders")
    ServiceFactory(name="Schuldhulp elders")
    ServiceFactory(organization=ours, name="Kraamzorg")

    search_index_update()

    data = _ok(client, "/services", search="schuldhulp", organization_id=str(ours.id))

    assert [s["id"] for s in data["contents"]] == [str(wanted.id)]


@pytest.mark.django_db
def test_modified_after_leaves_out_older_services(client):
    old, new = ServiceFactory(), ServiceFactory()
    models.Service.objects.filter(id=old.id).update(
        last_modified=timezone.now() - datetime.timedelta(days=30)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    data = _ok(client, "/services", modified_after=since)

    assert [s["id"] for s in data["contents"]] == [str(new.id)]


@pytest.mark.django_db
def test_service_at_locations_filter_by_the_services_filters(client):
    ours = OrganizationFactory()
    wanted = ServiceAtLocationFactory(service=ServiceFactory(organization=ours))
    _theme(wanted.service, "housing")
    ServiceAtLocationFactory(service=ServiceFactory(organization=ours))
    ServiceAtLocationFactory()

    data = _ok(
        client,
        "/service_at_locations",
        organization_id=str(ours.id),
        taxonomy_term_id=str(term_id("housing")),
    )

    assert [s["id"] for s in data["contents"]] == [str(wanted.id)]


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"],
)
def test_an_unknown_or_malformed_id_is_a_404_with_a_message(client, path):
    for bad_id in (uuid.uuid4(), "niet-een-uuid", "1"):
        response = _get(client, f"/{path}/{bad_id}")

        assert response.status_code == 404
        assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page": "twee"},
        {"per_page": 0},
        {"per_page": 10_000},
        {"modified_after": "gisteren"},
        {"modified_after": "2026-13-45"},
        {"taxonomy_term_id": "wonen"},
        {"organization_id": "12"},
        {"full": "misschien"},
    ],
)
def test_bad_query_parameters_are_a_400_with_a_message(client, params):
    response = _get(client, "/services", **params)

    assert response.status_code == 400
    body = response.json()
    assert body["message"]
    if "errors" in body:
        assert body["errors"][0]["parameter"] == next(iter(params))


# --- confidentiality ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_never_shows_a_confidential_address(client):
    directory = directory_with_everything(confidential=True)
    responses = [
        _ok(client, "/services", full="true"),
        _ok(client, f"/services/{directory['service'].id}"),
        _ok(client, "/service_at_locations", full="true"),
        _ok(client, f"/service_at_locations/{directory['service_at_location'].id}"),
        _ok(client, "/organizations", full="true", full_service="true"),
        _ok(client, f"/organizations/{directory['organization'].id}", full_service="true"),
    ]

    for data in responses:
        text = json.dumps(data)
        assert "Geheimstraat" not in text and "1500 AA" not in text
        assert "52.4385" not in text
        assert "0201234567" in text  # the location's phone: the contact route stays


# --- efficiency ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_of_50_full_services_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    directory_with_everything()
    for n in range(49):
        service = ServiceFactory()
        location = LocationFactory(organization=service.organization)
        AddressFactory(location=location)
        at_location = ServiceAtLocationFactory(service=service, location=location)
        models.Phone.objects.create(service_at_location=at_location, number=f"02012345{n:02}")
        contact = models.Contact.objects.create(service=service, name="Intake")
        models.Phone.objects.create(contact=contact, number="0201234567")
        _theme(service, "housing")

    with django_assert_max_num_queries(30):
        data = _ok(client, "/services", full="true", per_page=50)

    assert data["size"] == 50
    assert all(s["service_at_locations"][0]["location"]["addresses"] for s in data["contents"])
