"""The public search page /sociale-kaart/: Dutch labels, results, paging, bad input, and
confidential addresses."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from kansrijk.directory.constants import LINK_TYPE_THEME, CapacityStatus, ServiceStatus
from kansrijk.directory.kansrijke_start_taxonomy import term_id
from kansrijk.directory.models import (
    Attribute,
    CostOption,
    Language,
    Phone,
    Schedule,
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
from kansrijk.regions.models import Municipality, Neighbourhood

pytestmark = pytest.mark.django_db

URL = reverse("directory:search")


@pytest.fixture(autouse=True)
def _fresh_language_list():
    # The page caches the languages services offer; each test brings its own services.
    cache.clear()


def _status(response) -> str:
    """The text of the role=status region (the announced result count)."""
    match = re.search(r'role="status">(.*?)</p>', response.text, re.S)
    return " ".join(match.group(1).split()) if match else ""


def _in_zaanstad(**fields):
    service = ServiceFactory(**fields)
    ServiceArea.objects.create(
        service=service, municipality=Municipality.objects.get(code="GM0479")
    )
    return service


def test_the_page_opens_without_logging_in_and_speaks_dutch(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert 'lang="nl"' in response.text
    for label in ("Zoekwoorden", "Gemeente", "Thema", "Doelgroep", "Fase", "Gesproken taal"):
        assert label in response.text
    assert "Zelf aanmelden mogelijk" in response.text
    assert _status(response) == "Vul een zoekwoord in of kies een filter. Klik daarna op Zoeken."


def test_a_result_shows_where_when_how_to_reach_and_how_to_refer(client):
    service = _in_zaanstad(
        name="Schuldhulpverlening Zaandam",
        email="schuldhulp@example.nl",
        url="https://schuldhulp.example.nl/",
        application_process="Bel het spreekuur.",
        self_referral=True,
        capacity_status=CapacityStatus.WAITING_LIST,
        capacity_wait_weeks=3,
    )
    location = LocationFactory(name="Wijkcentrum De Linde")
    AddressFactory(location=location, address_1="Lindelaan 4", postal_code="1500 AB")
    at = ServiceAtLocationFactory(service=service, location=location)
    Schedule.objects.create(
        service_at_location=at,
        byday="MO,TU,WE",
        opens_at=datetime.time(9),
        closes_at=datetime.time(12),
    )
    Phone.objects.create(service=service, number="020 123 4567")
    Language.objects.create(service=service, code="ar", name="Arabisch")
    CostOption.objects.create(service=service, amount=Decimal("5.00"), option="Per gesprek")
    search_index_update(service_ids=[service.pk])

    response = client.get(URL, {"q": "schulden", "gemeente": "GM0479"})

    assert response.status_code == 200
    assert _status(response) == "1 dienst gevonden."
    text = " ".join(response.text.split())
    assert "Schuldhulpverlening Zaandam" in text
    assert "Lindelaan 4, 1500 AB Zaandam" in text
    assert "Maandag tot en met woensdag, 09:00 tot 12:00 uur" in text
    assert 'href="tel:0201234567"' in text
    assert 'href="mailto:schuldhulp@example.nl"' in text
    assert "Bel het spreekuur." in text
    assert "Gezinnen kunnen zich ook zelf aanmelden." in text
    assert "Wachtlijst: ongeveer 3 weken." in text
    assert "Arabisch" in text
    assert "Per gesprek: € 5,00" in text


def test_the_filters_take_the_parameters_of_shared_links(client):
    free = _in_zaanstad(name="Gratis taalcafé", self_referral=True)
    Attribute.objects.create(
        link_id=free.pk,
        link_entity="service",
        link_type=LINK_TYPE_THEME,
        taxonomy_term_id=term_id("language-and-literacy"),
    )
    Language.objects.create(service=free, code="tr", name="Turks")
    paid = _in_zaanstad(name="Betaald taalcafé", self_referral=True)
    CostOption.objects.create(service=paid, amount=Decimal("2.50"))
    search_index_update()

    response = client.get(
        URL,
        {
            "q": "taalcafe",
            "gemeente": "GM0479",
            "thema": "language-and-literacy",
            "taal": "tr",
            "gratis": "true",
            "zelf_aanmelden": "true",
        },
    )

    assert response.status_code == 200
    assert _status(response) == "1 dienst gevonden."
    assert "Gratis taalcafé" in response.text
    assert "Betaald taalcafé" not in response.text


def test_results_come_in_pages_that_keep_the_search(client):
    for number in range(23):
        _in_zaanstad(name=f"Voedselbank {number:02d}")
    search_index_update()

    first = client.get(URL, {"q": "voedselbank", "gemeente": "GM0479"})
    second = client.get(URL, {"q": "voedselbank", "gemeente": "GM0479", "pagina": "2"})
    beyond = client.get(URL, {"q": "voedselbank", "gemeente": "GM0479", "pagina": "x"})

    assert _status(first) == "23 diensten gevonden. Pagina 1 van 2."
    assert "Voedselbank 19" in first.text and "Voedselbank 20" not in first.text
    assert 'href="?q=voedselbank&amp;gemeente=GM0479&amp;pagina=2"' in first.text
    assert _status(second) == "23 diensten gevonden. Pagina 2 van 2."
    assert "Voedselbank 22" in second.text and "Voedselbank 19" not in second.text
    assert beyond.status_code == 200 and "Voedselbank 00" in beyond.text


def test_no_results_say_so(client):
    _in_zaanstad(name="Voedselbank")
    search_index_update()

    response = client.get(URL, {"q": "tandarts"})

    assert _status(response) == "Geen diensten gevonden. Probeer andere woorden of minder filters."


def test_bad_filter_values_give_a_dutch_message_and_no_search(client):
    response = client.get(
        URL, {"q": "x" * 201, "gemeente": "GM9999", "thema": "nope", "taal": "<script>"}
    )

    assert response.status_code == 400
    text = response.text
    assert "<title>Fout: Hulp zoeken" in text
    assert "Controleer uw zoekopdracht" in text
    assert "Gebruik hoogstens 200 tekens." in text
    assert "Kies een gemeente uit de lijst." in text
    assert "Kies thema&#x27;s uit de lijst." in text
    assert "Kies een taal uit de lijst." in text
    assert 'href="#id_gemeente"' in text and 'href="#id_thema_fieldset"' in text
    assert "<script>" not in text
    assert _status(response) == "Nog niet gezocht: controleer eerst uw zoekopdracht."


def test_codes_typed_in_lower_case_still_work(client):
    _in_zaanstad(name="Voedselbank")

    response = client.get(URL, {"gemeente": "gm0479", "taal": "NL"})

    assert response.status_code == 200
    assert '<option value="GM0479" selected>' in response.text


def test_empty_values_ask_for_a_search_word_or_filter(client):
    response = client.get(URL, {"q": "  ", "gemeente": "", "taal": ""})

    assert response.status_code == 200
    assert _status(response) == "Vul een zoekwoord in of kies een filter. Klik daarna op Zoeken."


def test_the_neighbourhoods_of_the_chosen_municipality_can_be_chosen(client):
    hood = Neighbourhood.objects.filter(municipality__code="GM0479").exclude(code=None)[0]
    service = ServiceFactory(name="Buurtmoeders")
    ServiceArea.objects.create(service=service, neighbourhood=hood)
    other = Neighbourhood.objects.filter(municipality__code="GM0917").exclude(code=None)[0]

    before = client.get(URL)
    chosen = client.get(URL, {"gemeente": "GM0479", "buurt": hood.code})
    elsewhere = client.get(URL, {"gemeente": "GM0479", "buurt": other.code})

    assert 'name="buurt"' not in before.text
    assert "kies eerst een gemeente" in before.text.lower()
    assert f'<option value="{hood.code}" selected>' in chosen.text
    assert "Buurtmoeders" in chosen.text
    assert elsewhere.status_code == 400
    assert "Kies een buurt uit de lijst." in elsewhere.text


def test_inactive_services_are_not_listed(client):
    _in_zaanstad(name="Open inloop")
    _in_zaanstad(name="Gesloten inloop", status=ServiceStatus.DEFUNCT)

    response = client.get(URL, {"gemeente": "GM0479"})

    assert "Open inloop" in response.text
    assert "Gesloten inloop" not in response.text


@pytest.fixture
def shelter(organisation):
    """Vrouwenopvang in Zaanstad at a confidential address, managed by `organisation`."""
    organization = OrganizationFactory(managed_by=organisation)
    location = LocationFactory(organization=organization, is_confidential=True)
    AddressFactory(location=location, address_1="Geheimstraat 12", postal_code="1501 ZZ")
    Phone.objects.create(location=location, number="0201234999")
    service = _in_zaanstad(name="Vrouwenopvang", organization=organization)
    ServiceAtLocationFactory(service=service, location=location)
    return service


def test_a_confidential_address_is_not_shown_to_the_public_or_other_organisations(
    client, login_as, shelter, other_professional
):
    for browser in (client, login_as(other_professional)):
        response = browser.get(URL, {"gemeente": "GM0479"})

        assert "Vrouwenopvang" in response.text
        assert "Geheimstraat" not in response.text
        assert "1501 ZZ" not in response.text
        assert "Het adres is geheim" in response.text
        assert 'href="tel:0201234999"' in response.text  # the contact route


def test_a_confidential_address_is_shown_within_its_own_organisation(
    login_as, shelter, professional
):
    response = login_as(professional).get(URL, {"gemeente": "GM0479"})

    assert "Geheimstraat 12, 1501 ZZ Zaandam" in " ".join(response.text.split())
