"""WCAG 2.2 AA checks with axe-core on the demo's pages of the network issue: the case
consultation, agreements, coalition agreements, trainings, the sounding board, network meetings,
the personal calendar link, the volunteer's own families and the work list that gathers them."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from kansrijk.demo.services import demo_load, demo_regions_load
    from kansrijk.directory.kansrijke_start_taxonomy import install
    from kansrijk.directory.models import Taxonomy, TaxonomyTerm

    install(Taxonomy, TaxonomyTerm)
    demo_regions_load()
    demo_load()


def _log_in(page, live_server, username: str) -> None:
    from kansrijk.demo.services import demo_current_code

    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("kansrijk-demo")
    page.get_by_role("button", name="Inloggen").click()
    code = demo_current_code(username=username)
    if code:
        page.get_by_role("textbox").fill(code)
        page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def _check(page, live_server, path: str, heading: str) -> None:
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert axe_violations(page) == [], path


def test_the_network_pages_pass_wcag_aa_checks(live_server, page, demo):
    from kansrijk.casework.models import Case, Meeting

    _check(
        page,
        live_server,
        "/klankbord/gelderland-midden/jullie-zeiden-wij-deden/",
        "Jullie zeiden",
    )

    _log_in(page, live_server, "wijkteam.zaanstad")
    _check(page, live_server, "/verwijzingen/", "Mijn werklijst")
    expect(page.get_by_role("region", name="Mijn open afspraken")).to_be_visible()
    _check(page, live_server, "/casusoverleg/", "Casusoverleg")
    case = Case.objects.filter(client__isnull=False).first()
    _check(page, live_server, f"/casusoverleg/casus/{case.uuid}/", case.code)
    meeting = Meeting.objects.filter(status="planned").order_by("starts_at").first()
    page.goto(f"{live_server.url}/casusoverleg/overleg/{meeting.uuid}/")
    page.get_by_label("Ik bevestig geheimhouding voor dit overleg.").check()
    page.get_by_role("button", name="Bevestig en open de agenda").click()
    expect(page.get_by_role("heading", name="Agenda samenstellen")).to_be_visible()
    assert axe_violations(page) == []
    _check(page, live_server, "/afspraken/", "Mijn open afspraken")
    _check(page, live_server, "/agenda/mijn-koppeling/", "agenda")
    page.get_by_role("button", name="Uitloggen").click()

    _log_in(page, live_server, "coordinator.zaanstad")
    _check(page, live_server, "/samenwerkingsafspraken/", "Samenwerkingsafspraken")
    page.get_by_role("button", name="Uitloggen").click()

    _log_in(page, live_server, "coordinator.zuidlimburg")
    _check(page, live_server, "/agenda/netwerk/", "bijeenkomsten")
    _check(page, live_server, "/scholing/beheer/", "Scholing")
    page.get_by_role("button", name="Uitloggen").click()

    _log_in(page, live_server, "coordinator.gelderland")
    _check(page, live_server, "/klankbord/", "Klankbord")
    page.get_by_role("button", name="Uitloggen").click()

    _log_in(page, live_server, "vrijwilliger.samenoplopen")
    _check(page, live_server, "/vrijwilligers/mijn-gezinnen/", "gezinnen")
