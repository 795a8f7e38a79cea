"""service_search's filters (each alone and combined), the reach of services over the CBS
regions, and the details of search results (directory.selectors)."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from kansrijk.directory import selectors
from kansrijk.directory.constants import (
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    THEME_TAXONOMY,
    CapacityStatus,
    ServiceStatus,
)
from kansrijk.directory.kansrijke_start_taxonomy import taxonomy_id, term_id
from kansrijk.directory.models import (
    Attribute,
    CostOption,
    Language,
    Schedule,
    Service,
    ServiceArea,
)
from kansrijk.directory.search import search_index_update
from kansrijk.directory.tests.factories import (
    AddressFactory,
    LocationFactory,
    OrganizationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from kansrijk.organisations.tests.factories import OrganisationFactory
from kansrijk.regions.models import District, Municipality, Neighbourhood

pytestmark = pytest.mark.django_db


def _names(**filters) -> set[str]:
    return {s.name for s in selectors.service_search(**filters)}


def _terms(service: Service, link_type: str, *codes: str) -> None:
    for code in codes:
        Attribute.objects.create(
            link_id=service.pk,
            link_entity="service",
            link_type=link_type,
            taxonomy_term_id=term_id(code),
        )


@pytest.fixture
def zaanstad():
    """Zaanstad (GM0479) with two of its districts, two neighbourhoods in the first and one in
    the second, and Heerlen (GM0917) as another municipality. Real CBS codes from the test
    database."""
    municipality = Municipality.objects.get(code="GM0479")
    first, second = (
        District.objects.filter(municipality=municipality, neighbourhoods__isnull=False)
        .exclude(code=None)
        .distinct()
        .order_by("code")[:2]
    )
    hood, sibling = Neighbourhood.objects.filter(district=first).order_by("code")[:2]
    return SimpleNamespace(
        municipality=municipality,
        district=first,
        other_district=second,
        hood=hood,
        sibling=sibling,
        other_district_hood=Neighbourhood.objects.filter(district=second).order_by("code")[0],
        heerlen=Municipality.objects.get(code="GM0917"),
    )


@pytest.fixture
def reach(zaanstad):
    """A service per way of reaching Zaanstad, and two that do not."""

    def with_area(name: str, **region) -> Service:
        service = ServiceFactory(name=name)
        ServiceArea.objects.create(service=service, **region)
        return service

    with_area("Whole municipality", municipality=zaanstad.municipality)
    with_area("District", district=zaanstad.district)
    with_area("Neighbourhood", neighbourhood=zaanstad.hood)
    with_area("Sibling neighbourhood", neighbourhood=zaanstad.sibling)
    with_area("Other district", district=zaanstad.other_district)
    with_area("Heerlen", municipality=zaanstad.heerlen)
    located = ServiceFactory(name="Location in Zaanstad, no areas")
    ServiceAtLocationFactory(
        service=located, location=LocationFactory(municipality=zaanstad.municipality)
    )
    elsewhere = with_area("Location in Zaanstad, area in Heerlen", municipality=zaanstad.heerlen)
    ServiceAtLocationFactory(
        service=elsewhere, location=LocationFactory(municipality=zaanstad.municipality)
    )


# --- area ---------------------------------------------------------------------------------


def test_a_municipality_finds_its_services_at_every_level(zaanstad, reach):
    assert _names(municipality_code="GM0479") == {
        "Whole municipality",
        "District",
        "Neighbourhood",
        "Sibling neighbourhood",
        "Other district",
        "Location in Zaanstad, no areas",
    }


def test_a_neighbourhood_finds_its_own_its_districts_and_the_whole_municipalitys(zaanstad, reach):
    assert _names(neighbourhood_code=zaanstad.hood.code) == {
        "Whole municipality",
        "District",
        "Neighbourhood",
        "Location in Zaanstad, no areas",
    }


def test_a_service_for_the_whole_municipality_shows_in_each_neighbourhood(zaanstad, reach):
    for hood in (zaanstad.hood, zaanstad.sibling, zaanstad.other_district_hood):
        assert "Whole municipality" in _names(neighbourhood_code=hood.code)
    assert "District" not in _names(neighbourhood_code=zaanstad.other_district_hood.code)


def test_a_neighbourhood_within_its_municipality_narrows_it(zaanstad, reach):
    assert _names(
        municipality_code="GM0479", neighbourhood_code=zaanstad.other_district_hood.code
    ) == {"Whole municipality", "Other district", "Location in Zaanstad, no areas"}


def test_a_neighbourhood_outside_the_chosen_municipality_finds_nothing(zaanstad, reach):
    assert _names(municipality_code="GM0917", neighbourhood_code=zaanstad.hood.code) == set()


@pytest.mark.parametrize(
    "filters",
    [
        {"municipality_code": "GM9999"},
        {"municipality_code": "nonsense"},
        {"neighbourhood_code": "BU99999999"},
        {"neighbourhood_code": "GM0479"},
    ],
)
def test_an_unknown_area_finds_nothing(zaanstad, reach, filters):
    assert _names(**filters) == set()


# --- the other filters --------------------------------------------------------------------


@pytest.fixture
def offer():
    debts = ServiceFactory(name="Debts", self_referral=True)
    _terms(debts, LINK_TYPE_THEME, "debts-and-money")
    _terms(debts, LINK_TYPE_ELIGIBILITY, "pregnant-women")
    _terms(debts, LINK_TYPE_PHASE, "pregnancy")
    Language.objects.create(service=debts, code="ar", name="Arabisch")
    CostOption.objects.create(service=debts, amount=Decimal("0.00"), option="Gratis")

    housing = ServiceFactory(name="Housing")
    _terms(housing, LINK_TYPE_THEME, "housing", "debts-and-money")
    _terms(housing, LINK_TYPE_ELIGIBILITY, "fathers")
    _terms(housing, LINK_TYPE_PHASE, "0-6-months")
    Language.objects.create(service=housing, code="tr", name="Turks")
    CostOption.objects.create(service=housing, amount=Decimal("7.50"), option="Eigen bijdrage")

    insured = ServiceFactory(name="Insured")
    _terms(insured, LINK_TYPE_THEME, "mental-health")
    CostOption.objects.create(service=insured, amount=None, option="Basisverzekering")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"theme_codes": ["housing"]}, {"Housing"}),
        ({"theme_codes": ["debts-and-money"]}, {"Debts", "Housing"}),
        ({"theme_codes": ["housing", "mental-health"]}, {"Housing", "Insured"}),
        ({"target_group_codes": ["pregnant-women"]}, {"Debts"}),
        ({"phase_codes": ["0-6-months"]}, {"Housing"}),
        ({"language_code": "ar"}, {"Debts"}),
        ({"language_code": "TR"}, {"Housing"}),
        ({"language_code": "pl"}, set()),
        ({"free_of_charge": True}, {"Debts", "Insured"}),
        ({"self_referral": True}, {"Debts"}),
        ({"theme_codes": ["no-such-theme"]}, set()),
        ({}, {"Debts", "Housing", "Insured"}),
    ],
)
def test_each_filter_alone(offer, filters, expected):
    assert _names(**filters) == expected


def test_filters_combine_with_and(offer):
    assert _names(theme_codes=["debts-and-money"], free_of_charge=True) == {"Debts"}
    assert _names(theme_codes=["debts-and-money"], language_code="tr") == {"Housing"}
    assert _names(theme_codes=["housing"], self_referral=True) == set()


def test_filters_combine_the_same_within_a_municipality(zaanstad, offer):
    # With an area the filters are checked per service: the same answers.
    for service in Service.objects.all():
        ServiceArea.objects.create(service=service, municipality=zaanstad.municipality)
    base = {"municipality_code": "GM0479"}

    assert _names(**base, theme_codes=["debts-and-money"]) == {"Debts", "Housing"}
    assert _names(**base, theme_codes=["debts-and-money"], free_of_charge=True) == {"Debts"}
    assert _names(**base, target_group_codes=["fathers"], phase_codes=["0-6-months"]) == {"Housing"}
    assert _names(**base, language_code="ar", self_referral=True) == {"Debts"}
    assert _names(**base, theme_codes=["housing"], language_code="ar") == set()


def test_text_and_filters_combine(zaanstad, offer):
    Service.objects.filter(name="Housing").update(description="Hulp bij huurachterstand.")
    search_index_update()

    assert _names(query="huurachterstand") == {"Housing"}
    assert _names(query="huurachterstand", free_of_charge=True) == set()


def test_the_api_filters(offer):
    housing = Service.objects.get(name="Housing")
    other_organisation = OrganizationFactory()
    ServiceFactory(name="Elsewhere", organization=other_organisation)
    themes = taxonomy_id(THEME_TAXONOMY)

    assert _names(taxonomy_term_ids=[term_id("housing")]) == {"Housing"}
    assert _names(taxonomy_ids=[themes]) == {"Debts", "Housing", "Insured"}
    assert _names(organization_id=housing.organization_id) == {"Housing"}
    assert _names(organization_id=other_organisation.pk) == {"Elsewhere"}
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert _names(modified_after=later) == set()


def test_inactive_services_are_hidden_unless_asked_for(offer):
    Service.objects.filter(name="Housing").update(status=ServiceStatus.INACTIVE)
    Service.objects.filter(name="Insured").update(status=ServiceStatus.TEMPORARILY_CLOSED)

    assert _names() == {"Debts"}
    assert _names(include_inactive=True) == {"Debts", "Housing", "Insured"}


def test_results_come_by_name_without_a_query(offer):
    assert [s.name for s in selectors.service_search()] == ["Debts", "Housing", "Insured"]


def test_service_get_answers_none_for_unknown_or_malformed_ids(offer):
    housing = Service.objects.get(name="Housing")

    assert selectors.service_get(service_id=housing.pk) == housing
    assert selectors.service_get(service_id=str(housing.pk)) == housing
    assert selectors.service_get(service_id="not-a-uuid") is None
    assert selectors.service_get(service_id="00000000-0000-0000-0000-000000000000") is None


# --- result details -----------------------------------------------------------------------


@pytest.fixture
def shelter():
    """A service at a confidential location of an organisation managed by `owner`."""
    owner = OrganisationFactory()
    organization = OrganizationFactory(managed_by=owner)
    location = LocationFactory(organization=organization, is_confidential=True)
    AddressFactory(location=location, address_1="Geheimstraat 1")
    service = ServiceFactory(name="Opvang", organization=organization)
    ServiceAtLocationFactory(service=service, location=location)
    return SimpleNamespace(owner=owner, service=service)


def test_a_confidential_address_stays_hidden_from_other_organisations(shelter):
    for organisation_id in (None, OrganisationFactory().pk):
        (card,) = selectors.service_cards(
            services=[shelter.service], organisation_id=organisation_id
        )
        (place,) = card.locations
        assert place.address is None
        assert place.address_confidential


def test_a_confidential_address_shows_within_its_own_organisation(shelter):
    (card,) = selectors.service_cards(services=[shelter.service], organisation_id=shelter.owner.pk)

    assert card.locations[0].address.address_1 == "Geheimstraat 1"
    assert not card.locations[0].address_confidential


def test_a_card_holds_terms_languages_and_costs(offer):
    housing = Service.objects.get(name="Housing")

    (card,) = selectors.service_cards(services=[housing], organisation_id=None)

    with translation.override("nl"):
        assert card.themes == ["Schulden en geld", "Wonen"]
        assert card.target_groups == ["Vaders"]
        assert card.phases == ["0-6 maanden"]
        assert card.language_names == ["Turks"]
    assert not card.free_of_charge


def test_opening_hours_read_in_dutch():
    service = ServiceFactory(capacity_status=CapacityStatus.OPEN)
    weekdays = Schedule.objects.create(
        service=service,
        byday="MO,TU,WE,TH,FR",
        opens_at=datetime.time(9, 0),
        closes_at=datetime.time(12, 0),
        description="Inloopspreekuur",
    )
    some_days = Schedule(byday="MO,WE", opens_at=datetime.time(13, 0))
    monthly = Schedule(byday="1TU,-1FR")

    with translation.override("nl"):
        assert selectors.schedule_text(weekdays) == (
            "Maandag tot en met vrijdag, 09:00 tot 12:00 uur, Inloopspreekuur"
        )
        assert selectors.schedule_text(some_days) == "Maandag en woensdag, vanaf 13:00 uur"
        assert selectors.schedule_text(monthly) == (
            "1e dinsdag van de maand, laatste vrijdag van de maand"
        )


def test_a_page_of_results_is_the_same_however_it_is_cut(zaanstad, monkeypatch):
    for number in range(25):
        service = ServiceFactory(name=f"Voedselbank {number:02d}")
        ServiceArea.objects.create(service=service, municipality=zaanstad.municipality)
    search_index_update()
    filters = {"query": "voedselbank", "municipality_code": "GM0479"}

    def page(number):
        results = selectors.service_search_page(
            filters=filters, page_number=number, organisation_id=None
        )
        return results.page.paginator.count, [c.service.name for c in results.cards]

    from_ids = [page(1), page(2), page("x")]
    monkeypatch.setattr(selectors, "SEARCH_WINDOW", 0)  # count, then a slice of the query
    from_query = [page(1), page(2), page("x")]

    assert from_ids == from_query
    assert from_ids[1] == (25, [f"Voedselbank {n}" for n in range(20, 25)])
