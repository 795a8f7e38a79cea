"""WCAG 2.2 AA checks with axe-core (from npm) on the pages professionals use."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


@pytest.mark.parametrize(
    "path",
    ["/", "/sociale-kaart/", "/sociale-kaart/?q=schulden&gemeente=GM0479", "/account/inloggen/"],
)
def test_public_pages_pass_wcag_aa_checks(live_server, page, zaanstad_services, path):
    page.goto(live_server.url + path)
    assert axe_violations(page) == []


def test_the_service_edit_page_passes_wcag_aa_checks(live_server, page, zaanstad_services):
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("Test-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + f"/sociale-kaart/beheer/diensten/{zaanstad_services['debts'].id}/")
    assert axe_violations(page) == []
