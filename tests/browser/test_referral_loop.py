"""The closed loop of issue 4, driven in Chromium: a midwife in Zaanstad registers a client in
Poelenburg, screens her with the signal list, records her consent in plain Dutch and refers her
to the social team; the social team accepts and starts support; the midwife sees it. A second
referral nobody answers raises an alert on her work list. A professional of an organisation
that is not involved gets a 404 on the client, and the attempt is in the audit log."""

import datetime
import io
import re
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOCIAL_TEAM_SERVICE = "Sociaal wijkteam Zaanstad"
DEBTS_SERVICE = "Schuldhulpverlening Zaanstad"


@pytest.fixture
def zaanstad_casework(regions):
    """The Zaanstad coalition: a midwives' practice, the municipality's social team (which
    manages the directory entries of its services, so it receives their referrals) and the
    GGD, which has nothing to do with this client. A professional with an authenticator app in
    each."""
    from kansrijk.accounts import services as account_services
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user
    from kansrijk.directory import services as directory_services
    from kansrijk.organisations import services as organisation_services
    from kansrijk.organisations.constants import Domain

    def organisation(name, domain):
        return organisation_services.organisation_create(
            name=name, domain=domain, municipality="GM0479"
        )

    midwives = organisation("Verloskundigenpraktijk Zaandam (test)", Domain.MEDICAL)
    social_team = organisation("Sociale wijkteams Zaanstad (test)", Domain.MUNICIPALITY)
    ggd = organisation("GGD Zaanstreek-Waterland (test)", Domain.PUBLIC_HEALTH)
    organisation_services.coalition_create(
        slug="kansrijke-start-zaanstad",
        name="Kansrijke Start Zaanstad",
        municipality_codes=["GM0479"],
        member_organisations=[midwives, social_team, ggd],
    )
    provider = directory_services.organization_create(
        name="Gemeente Zaanstad",
        description="Sociale wijkteams en schuldhulp van de gemeente.",
        managed_by=social_team,
        updated_by="test",
    )
    for name, description, themes in [
        (
            SOCIAL_TEAM_SERVICE,
            "Steun bij geldzorgen, stress, opvoeden en meedoen, dichtbij huis.",
            ["debts-and-money", "mental-health", "parenting-and-development"],
        ),
        (DEBTS_SERVICE, "Hulp bij schulden en geldzorgen voor gezinnen.", ["debts-and-money"]),
    ]:
        directory_services.service_create(
            organization=provider,
            name=name,
            description=description,
            theme_codes=themes,
            area_codes=["GM0479"],
            updated_by="test",
        )

    people = {}
    for username, organisation_ in [
        ("verloskundige", midwives),
        ("wijkteam", social_team),
        ("ggd", ggd),
    ]:
        user = make_user(organisation=organisation_, roles=[Role.PROFESSIONAL], username=username)
        people[username] = (user, account_services.totp_device_create(user=user))
    return {"people": people, "social_team": social_team}


def _authenticator_code(device) -> str:
    """The code her app shows. A code is accepted once: when this device already used the
    current one (a second log-in within the same 30 seconds), the app's next code, which the
    server accepts too (one step of tolerance)."""
    from django_otp.oath import TOTP

    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return str(totp.token()).zfill(device.digits)


def _log_in(page, live_server, world, username: str) -> None:
    """Both steps, with the keyboard: user name and password, then the authenticator code."""
    _user, device = world["people"][username]
    page.goto(live_server.url + "/account/inloggen/")
    page.get_by_label("Gebruikersnaam").focus()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type("Test-wachtwoord-1")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Bevestigen")).to_be_visible()
    page.get_by_role("textbox").focus()
    page.keyboard.type(_authenticator_code(device))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def _log_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)


def _menu(page, name: str) -> None:
    """Follow a link of the main menu."""
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name=name, exact=True).click()


def _register_client(page) -> str:
    """Register a pregnant client in Poelenburg; returns her code (pseudonym)."""
    _menu(page, "Mijn cliënten")
    page.get_by_role("link", name="Cliënt aanmelden").click()
    expect(page.get_by_role("heading", name="Cliënt aanmelden")).to_be_visible()
    page.get_by_label("Geboortejaar").fill("1997")
    due = datetime.date.today() + datetime.timedelta(days=120)
    page.get_by_label("Uitgerekende datum").fill(due.isoformat())
    page.get_by_label("Gemeente", exact=True).select_option(label="Zaanstad")
    page.get_by_label("Buurt").select_option(label="Poelenburg Zuid")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    code = page.locator("h1 .client-code")
    expect(code).to_have_text(re.compile(r"\S+"))
    expect(page.get_by_text("Poelenburg Zuid")).to_be_visible()
    return code.inner_text()


def _screen_with_the_signal_list(page) -> None:
    """From her page, screen her with the signal list, with the keyboard: worries about stress
    (item 1) and debts (item 3), nothing else. Her risk profile shows the accumulation."""
    page.get_by_role("link", name="Nu screenen").click()
    page.get_by_role("link", name="Signalenlijst Kansrijke Start").click()
    expect(page.get_by_text("Gespreksinstrument, geen gevalideerde test").first).to_be_visible()
    page.get_by_role("radio").first.focus()
    for item in range(1, 11):
        # In a group of radio buttons, Space picks the first answer (Ja), an arrow the next.
        page.keyboard.press("Space" if item in (1, 3) else "ArrowDown")
        if item < 10:
            page.keyboard.press("Tab")
    expect(page.get_by_role("radio", name="Ja", checked=True)).to_have_count(2)
    expect(page.get_by_role("radio", name="Nee", checked=True)).to_have_count(8)
    page.get_by_role("button", name="Opslaan en uitkomst tonen").click()
    profile = page.locator("section", has=page.get_by_role("heading", name="Risicoprofiel"))
    expect(profile).to_contain_text("Psychische of sociale problemen")
    expect(profile).to_contain_text("Stress door armoede of schulden")
    expect(profile).to_contain_text("Problemen op meer gebieden (stapeling)")
    assert axe_violations(page) == []
    # Back to her page, through the links on the pages.
    page.get_by_role("link", name="Terug naar screening en steun").click()
    page.get_by_role("link", name=re.compile(r"^Terug naar ")).click()
    screening = page.get_by_role("region", name="Screening")
    expect(screening).to_contain_text("Signalenlijst Kansrijke Start: Hoog")
    expect(screening).to_contain_text("Problemen op meer gebieden (stapeling)")


def _record_consent(page, social_team_name: str) -> None:
    page.get_by_role("link", name="Toestemming vastleggen").click()
    expect(
        page.get_by_role("heading", name=re.compile("Toestemming vastleggen voor"))
    ).to_be_visible()
    page.get_by_label("Verwijzing", exact=True).check()
    page.get_by_label(social_team_name).check()
    page.get_by_role("button", name="Toon de woorden").click()
    words = page.get_by_label("Haar woorden van toestemming")
    expect(words).to_have_value(re.compile(r"^Ik vind het goed dat .*Sociale wijkteams Zaanstad"))
    expect(words).to_have_value(re.compile("Ik mag deze toestemming altijd intrekken"))
    page.get_by_label("Zij heeft deze woorden gelezen of gehoord en gaat akkoord").check()
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.get_by_text("Haar toestemming is vastgelegd.")).to_be_visible()
    # Her own words, in plain Dutch, on her page.
    quote = page.locator("blockquote.consent-words")
    expect(quote).to_contain_text("Ik vind het goed dat Verloskundigenpraktijk Zaandam (test)")
    expect(quote).to_contain_text("Vanaf dat moment wordt er niets meer gedeeld.")


def _refer_with_the_form(page, code: str, query: str, service: str) -> str:
    """Refer her from the work list: choose her, search the sociale kaart, send. Returns the
    referral page's URL."""
    _menu(page, "Werklijst")
    page.get_by_role("link", name="Verwijzen", exact=True).click()
    page.get_by_label("Cliënt", exact=True).select_option(label=code)
    page.get_by_role("button", name="Volgende").click()
    search = page.get_by_label("Zoeken in de sociale kaart")
    search.fill(query)
    search.press("Enter")
    page.get_by_role("link", name=f"Naar deze dienst verwijzen {service}").click()
    expect(page.get_by_text("toestemming om haar gegevens te delen met")).to_contain_text(
        "Sociale wijkteams Zaanstad (test)"
    )
    return _send_referral(page, service)


def _refer_from_the_proposals(page, service: str) -> str:
    """From her page, refer her to a service her screening proposes ("Help nearby"). Returns
    the referral page's URL."""
    page.get_by_role("link", name="Screening en steun").click()
    proposals = page.locator(
        "section", has=page.get_by_role("heading", name="Voorstellen voor steun")
    )
    expect(proposals).to_contain_text("Kansrijk stuurt niets vanzelf")
    debts = proposals.get_by_role("region", name="Schulden en geld")
    proposal = debts.get_by_role("article", name=service)
    expect(proposal).to_contain_text("Neemt nu aanmeldingen aan.")
    proposal.get_by_role("link", name=re.compile("^Verwijs")).click()
    expect(page.get_by_role("heading", name="Verwijzen", exact=True)).to_be_visible()
    expect(page.get_by_text("toestemming om haar gegevens te delen met")).to_contain_text(
        "Sociale wijkteams Zaanstad (test)"
    )
    return _send_referral(page, service)


def _send_referral(page, service: str) -> str:
    page.get_by_label("Wat is de vraag aan de andere organisatie?").fill(
        "Zwanger, schulden en veel stress over geld. Graag een gesprek thuis."
    )
    page.get_by_role("button", name="Verwijzing versturen").click()
    expect(page.get_by_role("heading", name=f"Verwijzing naar {service}")).to_be_visible()
    expect(page.locator(".status-label")).to_have_text("Aangevraagd")
    return page.url


def test_a_referral_goes_round_the_loop_and_outsiders_stay_out(
    live_server, page, zaanstad_casework
):
    from kansrijk.audit.constants import Outcome
    from kansrijk.audit.selectors import audit_events_for_client
    from kansrijk.clients.models import Client
    from kansrijk.referrals.models import Referral

    world = zaanstad_casework

    # The midwife registers her, screens her, records her consent and refers her.
    _log_in(page, live_server, world, "verloskundige")
    code = _register_client(page)
    client_url = page.url
    _screen_with_the_signal_list(page)
    _record_consent(page, world["social_team"].name)
    assert axe_violations(page) == []
    referral_url = _refer_from_the_proposals(page, SOCIAL_TEAM_SERVICE)
    assert axe_violations(page) == []
    _log_out(page)

    # The social team finds it on "incoming", accepts it and starts support.
    _log_in(page, live_server, world, "wijkteam")
    _menu(page, "Werklijst")
    expect(
        page.get_by_role("heading", name="Binnengekomen: accepteren of afwijzen")
    ).to_be_visible()
    incoming = page.get_by_role("table", name="Binnengekomen verwijzingen")
    incoming.get_by_role("row").filter(has_text=code).get_by_role("link").click()
    expect(
        page.get_by_role("heading", name=f"Verwijzing naar {SOCIAL_TEAM_SERVICE}")
    ).to_be_visible()
    page.get_by_role("button", name="Accepteren").click()
    expect(page.get_by_text("De verwijzing is nu: Geaccepteerd.")).to_be_visible()
    page.locator("summary", has_text="Hulp is gestart").click()
    page.get_by_role("button", name="Hulp is gestart").click()
    expect(page.get_by_text("De verwijzing is nu: Hulp gestart.")).to_be_visible()
    assert axe_violations(page) == []
    _log_out(page)

    # The midwife sees that support has started: on her work list and on the timeline.
    _log_in(page, live_server, world, "verloskundige")
    _menu(page, "Werklijst")
    outgoing = page.get_by_role("table", name="Open verwijzingen van uw organisatie")
    row = outgoing.get_by_role("row").filter(has_text=SOCIAL_TEAM_SERVICE)
    expect(row).to_contain_text(code)
    expect(row).to_contain_text("Hulp gestart")
    row.get_by_role("link").click()
    expect(page).to_have_url(referral_url)
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("Verwijzing gemaakt")
    expect(timeline).to_contain_text("Nu: Geaccepteerd")
    expect(timeline).to_contain_text("Nu: Hulp gestart")
    expect(timeline).to_contain_text("Sociale wijkteams Zaanstad (test)")

    # A second referral, to debt help, that nobody answers.
    _refer_with_the_form(page, code, "schulden", DEBTS_SERVICE)
    # The only step outside the browser: the answer deadline passes (moved into the past in
    # the database), and the morning run of `kansrijk referrals alert-overdue` finds it.
    unanswered = Referral.objects.get(service_name=DEBTS_SERVICE)
    Referral.objects.filter(pk=unanswered.pk).update(
        answer_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    output = io.StringIO()
    call_command("referrals", "alert-overdue", stdout=output)
    assert output.getvalue().startswith("1 ")
    _menu(page, "Werklijst")
    expect(page.get_by_role("heading", name="Niet op tijd beantwoord")).to_be_visible()
    expect(
        page.get_by_role(
            "link", name=f"{code}: {DEBTS_SERVICE} heeft uw verwijzing niet op tijd beantwoord."
        )
    ).to_be_visible()
    debts_row = page.get_by_role("table", name="Open verwijzingen van uw organisatie").get_by_role(
        "row"
    )
    expect(debts_row.filter(has_text=DEBTS_SERVICE)).to_contain_text("te laat")
    _log_out(page)

    # A professional of the GGD, in the same coalition but not involved, cannot open her page.
    _log_in(page, live_server, world, "ggd")
    response = page.goto(client_url)
    assert response.status == 404
    expect(page.get_by_text(code)).to_have_count(0)
    client = Client.objects.get(pseudonym=code)
    ggd_user, _device = world["people"]["ggd"]
    denied = audit_events_for_client(client_id=str(client.uuid)).filter(
        actor_id=str(ggd_user.uuid), outcome=Outcome.DENIED
    )
    assert denied.count() == 1
    assert denied.get().detail["path"] == f"/clienten/{client.uuid}/"
