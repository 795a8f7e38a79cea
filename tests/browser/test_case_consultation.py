"""The case consultation of issue 7, driven in Chromium. A midwife in Zaanstad submits a named
case (with consent) and an anonymous one for the next "Steunpunt Kwetsbare Zwangeren"; a
submission without a discussion mode is refused. The chair confirms confidentiality, builds
the agenda, records the minutes with a case lead and an agreement with an owner. The agreement
is on the owner's work list, returns on the next meeting's agenda, and the minutes cannot be
made final until it has a disposition. A professional who is not a member gets a 404 on the
case, and that attempt is in the audit log."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_referral_loop import _log_in, _log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION_NAMED = "Veel spanning door schulden; wie helpt voor de bevalling?"
QUESTION_ANONYMOUS = "Zij spreekt weinig Nederlands en heeft geen netwerk. Wat is er mogelijk?"
AGREEMENT = "JGZ plant een huisbezoek na de geboorte"


@pytest.fixture
def steunpunt(regions):
    """Zaanstad: midwives (submit), the social team (its professional chairs), the GGD (its
    JGZ nurse is a member) and a buurtteam that is a partner but not at the table. The midwife
    has a client whose consent for the case consultation names the social team and the GGD.
    Two meetings are planned: in ten days and in forty."""
    from kansrijk.accounts import services as account_services
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user
    from kansrijk.casework import services as casework_services
    from kansrijk.clients import services as client_services
    from kansrijk.clients.constants import ConsentPurpose
    from kansrijk.organisations import services as organisation_services
    from kansrijk.organisations.constants import Domain
    from kansrijk.regions import selectors as region_selectors

    def organisation(name, domain):
        return organisation_services.organisation_create(
            name=name, domain=domain, municipality="GM0479"
        )

    midwives = organisation("Verloskundigenpraktijk Zaandam (test)", Domain.MEDICAL)
    social_team = organisation("Sociale wijkteams Zaanstad (test)", Domain.MUNICIPALITY)
    ggd = organisation("GGD Zaanstreek-Waterland (test)", Domain.PUBLIC_HEALTH)
    buurtteam = organisation("Buurtteam Zaandam (test)", Domain.SOCIAL)
    coalition = organisation_services.coalition_create(
        slug="kansrijke-start-zaanstad",
        name="Kansrijke Start Zaanstad",
        municipality_codes=["GM0479"],
        member_organisations=[midwives, social_team, ggd, buurtteam],
    )
    people = {}
    for username, organisation_ in [
        ("verloskundige", midwives),
        ("voorzitter", social_team),
        ("jgz", ggd),
        ("buurtteam", buurtteam),
    ]:
        user = make_user(organisation=organisation_, roles=[Role.PROFESSIONAL], username=username)
        people[username] = (user, account_services.totp_device_create(user=user))

    consultation = casework_services.consultation_create(
        coalition=coalition, name="Steunpunt Kwetsbare Zwangeren", code_prefix="SKZ"
    )
    for username, role in [("voorzitter", "chair"), ("jgz", "member"), ("verloskundige", "member")]:
        casework_services.member_set(consultation=consultation, user=people[username][0], role=role)

    def at(days, hour):
        day = timezone.localdate() + datetime.timedelta(days=days)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    first = casework_services.meeting_plan(
        consultation=consultation, starts_at=at(10, 14), ends_at=at(10, 16), place="Zaandam"
    )
    second = casework_services.meeting_plan(
        consultation=consultation, starts_at=at(40, 14), ends_at=at(40, 16), place="Zaandam"
    )
    midwife = people["verloskundige"][0]
    client = client_services.client_register(
        organisation=midwives,
        created_by=midwife,
        year_of_birth=timezone.localdate().year - 24,
        municipality=region_selectors.municipality_get(code="GM0479"),
        due_date=timezone.localdate() + datetime.timedelta(days=60),
    )
    client_services.consent_record(
        client=client,
        purpose=ConsentPurpose.CASE_CONSULTATION,
        organisations=[social_team, ggd],
        words="Ik vind het goed dat mijn situatie in het Steunpunt wordt besproken.",
        given_to=midwife,
    )
    return {
        "people": people,
        "client": client,
        "first": first,
        "second": second,
        "consultation": consultation,
    }


def _lead_label(world, username: str) -> str:
    user = world["people"][username][0]
    return f"{user.get_full_name()} ({user.organisation.name})"


def _submit(page, *, mode: str | None, question: str, client_code: str = "") -> None:
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Casusoverleg", exact=True
    ).click()
    page.get_by_role("link", name="Casus aanmelden").first.click()
    if mode:
        page.get_by_label(mode).check()
    page.get_by_label("Leeftijd van de moeder").select_option(label="23 tot en met 29")
    page.get_by_label("Fase", exact=True).select_option(label="Zwanger, derde trimester")
    page.get_by_label("Gemeente", exact=True).select_option(label="Zaanstad")
    page.get_by_label("Stress door armoede of schulden").check()
    page.get_by_label("Psychische of sociale problemen").check()
    page.get_by_label("Uw vraag aan het casusoverleg").fill(question)
    if client_code:
        page.get_by_label("Cliënt (alleen bij bespreken met naam)").select_option(label=client_code)
    page.get_by_role("button", name="Casus aanmelden").click()


def _open_meeting(page, live_server, meeting) -> None:
    page.goto(f"{live_server.url}/casusoverleg/overleg/{meeting.uuid}/")
    page.get_by_label("Ik bevestig geheimhouding voor dit overleg.").check()
    page.get_by_role("button", name="Bevestig en open de agenda").click()
    expect(page.get_by_role("heading", name="Agenda", exact=True)).to_be_visible()


def _minutes(page, code: str, lead: str) -> None:
    section = page.locator(f"section#case-{code}")
    section.get_by_label("Wat we zien").fill("Veel spanning; geldzorgen stapelen zich op.")
    section.get_by_label("Conclusies").fill(
        "Schuldhulp via het wijkteam; JGZ volgt na de geboorte."
    )
    section.get_by_label("Regiehouder").select_option(label=lead)
    section.get_by_role("button", name="Verslag opslaan").click()
    expect(page.get_by_text(f"Verslag van {code} opgeslagen.")).to_be_visible()


def test_case_consultation_from_submission_to_the_next_meeting(page, live_server, steunpunt):
    from kansrijk.audit.selectors import audit_events_for_client
    from kansrijk.casework.models import Case

    world = steunpunt
    client = world["client"]

    # The midwife: a case without a discussion mode is refused, then a named and an anonymous.
    _log_in(page, live_server, world, "verloskundige")
    _submit(page, mode=None, question=QUESTION_NAMED, client_code=client.pseudonym)
    expect(page.get_by_role("alert")).to_contain_text("Kies hoe de casus wordt besproken")
    assert Case.objects.count() == 0
    _submit(
        page,
        mode="Met naam, met toestemming van de cliënt",
        question=QUESTION_NAMED,
        client_code=client.pseudonym,
    )
    expect(page.get_by_text("is aangemeld")).to_be_visible()
    expect(page.get_by_role("link", name=client.pseudonym)).to_be_visible()
    _submit(page, mode="Anoniem", question=QUESTION_ANONYMOUS)
    expect(page.get_by_text("is aangemeld")).to_be_visible()
    named = Case.objects.get(client=client)
    anonymous = Case.objects.get(client__isnull=True)
    _log_out(page)

    # The chair: confidentiality, the agenda, minutes with a case lead and an agreement.
    _log_in(page, live_server, world, "voorzitter")
    _open_meeting(page, live_server, world["first"])
    page.get_by_label(f"{named.code} (nieuw)").check()
    page.get_by_label(f"{anonymous.code} (nieuw)").check()
    page.get_by_role("button", name="Op de agenda zetten").click()
    expect(page.locator(f"section#case-{named.code}")).to_contain_text(client.pseudonym)
    expect(page.locator(f"section#case-{anonymous.code}")).to_contain_text("Anoniem")
    assert axe_violations(page) == []
    _minutes(page, named.code, _lead_label(world, "voorzitter"))
    section = page.locator(f"section#case-{named.code}")
    # An agreement without an owner is refused in plain Dutch; then with the JGZ nurse.
    section.get_by_label("Afspraak", exact=True).fill(AGREEMENT)
    due = timezone.localdate() + datetime.timedelta(days=21)
    section.get_by_label("Klaar op").fill(due.isoformat())
    section.get_by_role("button", name="Afspraak toevoegen").click()
    expect(page.locator("#error-summary")).to_contain_text("Controleer de afspraak")
    section = page.locator(f"section#case-{named.code}")
    section.get_by_label("Afspraak", exact=True).fill(AGREEMENT)
    section.get_by_label("Eigenaar").select_option(label=_lead_label(world, "jgz"))
    section.get_by_label("Klaar op").fill(due.isoformat())
    section.get_by_role("button", name="Afspraak toevoegen").click()
    expect(page.get_by_text(f"Afspraak vastgelegd voor {named.code}.")).to_be_visible()
    _minutes(page, anonymous.code, _lead_label(world, "verloskundige"))
    page.get_by_role("button", name="Verslag vaststellen").click()
    expect(page.get_by_text("Het verslag is vastgesteld.")).to_be_visible()
    _log_out(page)

    # The owner finds the agreement on her work list.
    _log_in(page, live_server, world, "jgz")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Werklijst", exact=True
    ).click()
    mine = page.get_by_role("region", name="Mijn open afspraken")
    expect(mine).to_contain_text(AGREEMENT)
    _log_out(page)

    # The next meeting: the agreement is back and blocks the minutes until it is decided.
    _log_in(page, live_server, world, "voorzitter")
    _open_meeting(page, live_server, world["second"])
    earlier = page.get_by_role("region", name="Open afspraken uit eerdere overleggen")
    expect(earlier).to_contain_text(AGREEMENT)
    page.get_by_role("button", name="Verslag vaststellen").click()
    expect(page.locator("#error-summary")).to_contain_text("Elke open afspraak")
    earlier = page.get_by_role("region", name="Open afspraken uit eerdere overleggen")
    earlier.get_by_label("Gedaan", exact=True).check()
    earlier.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Vastgelegd wat er met de afspraak is gebeurd.")).to_be_visible()
    page.get_by_role("button", name="Verslag vaststellen").click()
    expect(page.get_by_text("Het verslag is vastgesteld.")).to_be_visible()
    _log_out(page)

    # A partner's professional who is not a member: 404, and the attempt is logged.
    _log_in(page, live_server, world, "buurtteam")
    response = page.goto(f"{live_server.url}/casusoverleg/casus/{named.uuid}/")
    assert response.status == 404
    stranger = world["people"]["buurtteam"][0]
    denied = audit_events_for_client(client_id=str(client.uuid)).filter(
        action="casework.case_denied", outcome="denied", actor_id=str(stranger.uuid)
    )
    assert denied.count() == 1
