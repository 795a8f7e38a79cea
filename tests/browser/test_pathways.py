"""A professional walks a care pathway with the keyboard only, from the place of the client to
the services to refer to and the reason; the pages pass the WCAG 2.2 AA checks."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.fixture
def approved_pathway(zaanstad_services):
    """The test pathway (debts and stress) for a Zaanstad coalition, agreed by both partners;
    a professional with an authenticator app."""
    from kansrijk.accounts import services as account_services
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_organisation, make_user
    from kansrijk.organisations.services import coalition_create
    from kansrijk.pathways.tests.factories import approve_fully, make_pathway

    ggd = make_organisation(name="GGD Zaanstreek-Waterland (test)")
    midwives = make_organisation(name="Verloskundigenpraktijk Zaandam (test)")
    coalition = coalition_create(
        slug="kansrijke-start-zaanstad",
        name="Kansrijke Start Zaanstad",
        municipality_codes=["GM0479"],
        member_organisations=[ggd, midwives],
    )
    pathway = make_pathway(coalition=coalition)
    approve_fully(pathway.versions.get(), [ggd, midwives])
    professional = make_user(organisation=ggd, roles=[Role.PROFESSIONAL], username="jgz")
    device = account_services.totp_device_create(user=professional)
    return {"pathway": pathway, "device": device}


def _log_in_with_the_keyboard(page, live_server, device) -> None:
    from kansrijk.accounts import services as account_services

    page.goto(live_server.url + "/account/inloggen/")
    tab_to(page, "input[name=username]")
    page.keyboard.type("jgz")
    page.keyboard.press("Tab")
    page.keyboard.type("Test-wachtwoord-1")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Bevestigen")).to_be_visible()
    tab_to(page, "input:not([type=hidden])")
    page.keyboard.type(account_services.totp_current_code(device))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_a_professional_walks_a_pathway_with_the_keyboard_only(live_server, page, approved_pathway):
    _log_in_with_the_keyboard(page, live_server, approved_pathway["device"])
    page.goto(live_server.url + f"/zorgpaden/{approved_pathway['pathway'].uuid}/doorlopen/")
    expect(page.get_by_role("heading", name="Schulden en stress")).to_be_visible()
    assert axe_violations(page) == []

    # Zaanstad is the only municipality of the coalition: start for the whole municipality.
    tab_to(page, "button[type=submit].utrecht-button--primary-action")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Heeft de cliënt schulden of geldzorgen?")).to_be_visible()
    assert axe_violations(page) == []
    tab_to(page, "input[name=antwoord]")
    page.keyboard.press("Space")  # Ja
    tab_to(page, "button[type=submit].utrecht-button--primary-action")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Hoeveel stress ervaart de cliënt?")).to_be_visible()
    tab_to(page, "input[name=antwoord]")
    page.keyboard.press("Space")  # Geen
    page.keyboard.press("ArrowDown")  # Wat
    tab_to(page, "button[type=submit].utrecht-button--primary-action")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Uitkomst: Verwijs naar schuldhulp")).to_be_visible()
    expect(page.get_by_role("heading", name="Schuldhulpverlening Zaanstad")).to_be_visible()
    expect(page.get_by_role("heading", name="Woonloket Zaanstad")).to_have_count(0)
    why = page.locator(".walk-path")
    expect(why).to_contain_text("Regel 2 geldt: Schulden: naar het sociaal wijkteam")
    assert axe_violations(page) == []


def test_the_pathway_page_passes_wcag_aa_checks_and_prints_without_navigation(
    live_server, page, approved_pathway
):
    _log_in_with_the_keyboard(page, live_server, approved_pathway["device"])
    page.goto(live_server.url + f"/zorgpaden/{approved_pathway['pathway'].uuid}/")
    expect(page.get_by_role("button", name="Afdrukken / opslaan als pdf")).to_be_visible()
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("heading", name="Stroomschema")).to_be_visible()


def test_on_a_phone_the_pathway_and_the_walk_fit_the_screen(live_server, page, approved_pathway):
    page.set_viewport_size({"width": 360, "height": 740})
    _log_in_with_the_keyboard(page, live_server, approved_pathway["device"])
    pathway_url = live_server.url + f"/zorgpaden/{approved_pathway['pathway'].uuid}/"

    def fits() -> bool:
        return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto(pathway_url)
    chart = page.locator("svg[role=img]").first
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 360
    assert fits()

    page.goto(pathway_url + "doorlopen/")
    page.get_by_role("button", name="Beginnen").click()
    expect(page.get_by_text("Heeft de cliënt schulden of geldzorgen?")).to_be_visible()
    assert fits()
