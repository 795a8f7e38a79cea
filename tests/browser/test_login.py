"""A professional logs in with a password and then a code from her authenticator app."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_professional_needs_her_authenticator_code_to_get_in(live_server, page, regions):
    from kansrijk.accounts import services as account_services
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user

    midwife = make_user(roles=[Role.PROFESSIONAL], username="verloskundige")
    device = account_services.totp_device_create(user=midwife)

    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("verloskundige")
    page.get_by_label("Wachtwoord").fill("Test-wachtwoord-1")
    page.get_by_role("button", name="Inloggen").click()

    code_field = page.get_by_role("textbox")
    code_field.fill(
        "000000" if account_services.totp_current_code(device) != "000000" else "111111"
    )
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("alert")).to_be_visible()

    page.get_by_role("textbox").fill(account_services.totp_current_code(device))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
