"""A professional searches the sociale kaart; a directory editor keeps it current."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_search_for_schulden_in_zaanstad_finds_debt_counselling(
    live_server, page, zaanstad_services
):
    page.goto(live_server.url + "/sociale-kaart/")
    page.get_by_label("Zoekwoorden").fill("schulden")
    page.get_by_label("Gemeente").select_option("GM0479")
    page.get_by_label("Zoekwoorden").press("Enter")

    expect(page.get_by_role("status")).to_contain_text("gevonden")
    expect(page.get_by_role("heading", name="Schuldhulpverlening Zaanstad")).to_be_visible()
    expect(page.get_by_role("heading", name="Woonloket Zaanstad")).to_have_count(0)


def test_every_form_field_on_the_search_page_has_a_label(live_server, page, zaanstad_services):
    page.goto(live_server.url + "/sociale-kaart/")
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
              .map(el => el.name)"""
    )
    assert unlabelled == []


def test_an_editor_puts_a_service_on_the_waiting_list_and_sees_it_in_the_history(
    live_server, page, zaanstad_services
):
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("Test-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()

    page.goto(live_server.url + f"/sociale-kaart/beheer/diensten/{zaanstad_services['debts'].id}/")
    page.get_by_label("Wachtlijst").check()
    page.get_by_label("Verwachte wachttijd in weken").fill("6")
    page.get_by_role("button", name="Wijzigingen opslaan").click()

    expect(page.locator("body")).not_to_contain_text("Controleer")
    page.goto(
        live_server.url
        + f"/sociale-kaart/beheer/diensten/{zaanstad_services['debts'].id}/geschiedenis/"
    )
    history = page.locator("main")
    expect(history).to_contain_text(zaanstad_services["editor"].email)
    expect(history).to_contain_text("Wachtlijst")
