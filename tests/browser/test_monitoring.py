"""The demo's Zaanstad dashboard in Chromium, as the municipality's policy adviser uses it:
trends, the neighbourhoods compared, the action programme, WCAG 2.2 AA, and the factsheet."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_network_pages import _log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from kansrijk.demo.services import demo_load, demo_regions_load
    from kansrijk.directory.kansrijke_start_taxonomy import install
    from kansrijk.directory.models import Taxonomy, TaxonomyTerm

    install(Taxonomy, TaxonomyTerm)
    demo_regions_load()
    demo_load()


def test_the_zaanstad_dashboard(live_server, page, demo):
    _log_in(page, live_server, "beleid.zaanstad")
    page.get_by_role("link", name="Dashboard", exact=True).click()
    page.get_by_role("link", name="Kansrijke Start Zaanstad").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard Kansrijke Start Zaanstad")

    # Headline figures against the action programme's targets, with the region and country.
    headline = page.get_by_role("table", name="Kerncijfers")
    expect(headline.get_by_role("columnheader", name="GGD Zaanstreek/Waterland")).to_be_visible()
    expect(headline.get_by_role("row", name="Binnen 5 werkdagen beantwoord")).to_contain_text("%")

    # Trends: an SVG chart with a text alternative, and its figures as a table.
    trend = page.locator("figure#trend-elevated-risk").get_by_role("img")
    expect(trend).to_be_visible()
    # Its name says what the lines show, in words.
    expect(trend).to_have_accessible_name(re.compile(r"^Aandeel met verhoogd risico .*hoogste"))
    trend_table = page.get_by_role(
        "table", name="Tabel met de cijfers: Aandeel met verhoogd risico", exact=True
    )
    expect(trend_table.get_by_role("row")).to_have_count(21)  # header and 20 quarters

    # The municipality's neighbourhoods compared; small ones show no figure.
    page.get_by_label("Gebied", exact=True).select_option(label="Zaanstad")
    page.get_by_role("button", name="Toon").click()
    comparison = page.locator("figure#comparison")
    expect(comparison).to_contain_text("Poelenburg")
    expect(comparison.get_by_role("table")).to_contain_text("te weinig gegevens")

    # The action programme's four lines with their progress.
    for number in range(1, 5):
        expect(page.get_by_role("heading", name=f"Actielijn {number}:")).to_be_visible()
    expect(page.get_by_role("table", name="Indicatoren per actielijn")).to_be_visible()

    assert axe_violations(page) == []

    # The factsheet to hand to partners, for the same area and year.
    href = page.get_by_role("link", name="Factsheet voor partners (PDF)").get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # And the table behind it as a spreadsheet.
    href = page.get_by_role("link", name="Alle tabellen in één Excel-bestand").get_attribute("href")
    assert page.request.get(live_server.url + href).status == 200
