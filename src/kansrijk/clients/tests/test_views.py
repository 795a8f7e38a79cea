"""The client pages as a professional uses them: register, look up, consent, withdraw."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.clients import selectors, services
from kansrijk.clients.constants import (
    AUDIT_CLIENT_VIEWED,
    AUDIT_IDENTITY_VIEWED,
    ConsentPurpose,
)
from kansrijk.clients.models import Client
from kansrijk.clients.tests.factories import make_consent, zaanstad_neighbourhood

pytestmark = pytest.mark.django_db


def _url(name, client, **kwargs):
    return reverse(f"clients:{name}", kwargs={"client_id": client.uuid, **kwargs})


def _facts(**changes):
    data = {
        "year_of_birth": timezone.localdate().year - 24,
        "due_date": (timezone.localdate() + datetime.timedelta(days=120)).isoformat(),
        "child_birth_date": "",
        "municipality": "GM0479",
        "neighbourhood": zaanstad_neighbourhood().code,
        "language": "ar",
        "interpreter_needed": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def browser(login_as, professional, coalition):
    return login_as(professional)


def test_a_professional_registers_a_client_and_lands_on_her_page(browser, organisation):
    response = browser.post(reverse("clients:register"), _facts(), follow=True)
    client = Client.objects.get()
    assert response.redirect_chain[-1][0] == _url("detail", client)
    assert client.organisation == organisation
    assert client.language == "ar" and client.interpreter_needed
    assert client.neighbourhood == zaanstad_neighbourhood()
    assert client.pseudonym in response.text
    assert "Arabisch" in response.text
    assert "er is een tolk nodig" in response.text


def test_the_register_form_speaks_dutch_and_offers_her_coalitions_municipalities(browser):
    response = browser.get(reverse("clients:register"))
    assert "Cliënt aanmelden" in response.text
    assert 'type="date"' in response.text
    assert 'inputmode="numeric"' in response.text
    assert '<option value="GM0479">Zaanstad</option>' in response.text
    assert "Heerlen" not in response.text


def test_bad_input_gets_a_dutch_message_not_an_error_page(browser):
    response = browser.post(reverse("clients:register"), _facts(due_date="", year_of_birth="1800"))
    assert response.status_code == 200
    assert "Controleer het formulier" in response.text
    assert "Vul de uitgerekende datum in" in response.text
    assert "Vul een geboortejaar in tussen" in response.text
    missing = browser.post(reverse("clients:register"), _facts(municipality="", due_date="x"))
    assert missing.status_code == 200
    assert "Dit veld is verplicht" in missing.text
    assert "Voer een geldige datum in" in missing.text
    assert not Client.objects.exists()


def test_opening_her_page_is_audited(browser, professional, demo_client):
    response = browser.get(_url("detail", demo_client))
    assert response.status_code == 200
    assert demo_client.pseudonym in response.text
    assert "Screening" in response.text and "Verwijzingen" in response.text
    event = audit_events_for_client(client_id=str(demo_client.uuid)).first()
    assert event.action == AUDIT_CLIENT_VIEWED
    assert event.actor_id == str(professional.uuid)
    assert event.actor_role == "professional"


def test_the_list_is_audited_without_naming_clients(browser, professional, demo_client):
    response = browser.get(reverse("clients:list"))
    assert demo_client.pseudonym in response.text
    from kansrijk.audit.selectors import audit_events

    event = audit_events(action="clients.listed").first()
    assert event.detail == {"count": 1}
    assert event.client_id == ""


def test_changing_her_facts(browser, demo_client):
    response = browser.post(_url("edit", demo_client), _facts(version=1, language="tr"))
    assert response.status_code == 302
    demo_client.refresh_from_db()
    assert demo_client.language == "tr"
    assert demo_client.lock_version == 2


def test_a_change_on_an_old_version_answers_409_and_keeps_what_was_typed(
    browser, professional, demo_client
):
    services.client_update(
        client=demo_client, expected_version=1, updated_by=professional, language="pl"
    )
    response = browser.post(_url("edit", demo_client), _facts(version=1, language="tr"))
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen veranderd" in response.text
    assert 'value="2"' in response.text  # saving again knowingly replaces the other change
    demo_client.refresh_from_db()
    assert demo_client.language == "pl"


def test_her_name_is_only_shown_on_the_identity_page_and_that_read_is_audited(
    browser, professional, demo_client
):
    response = browser.post(
        _url("identity", demo_client),
        {
            "name": "Demo Amina Proef",
            "phone": "06-12345678",
            "email": "",
            "address": "",
            "version": 0,
        },
    )
    assert response.status_code == 302
    detail = browser.get(_url("detail", demo_client))
    assert "Demo Amina Proef" not in detail.text
    assert "Vastgelegd (versleuteld)" in detail.text
    page = browser.get(_url("identity", demo_client))
    assert "Demo Amina Proef" in page.text
    assert "no-store" in page["Cache-Control"]
    event = audit_events_for_client(client_id=str(demo_client.uuid)).first()
    assert event.action == AUDIT_IDENTITY_VIEWED


def test_consent_shows_the_standard_words_then_records_them_as_shown(
    browser, demo_client, other_organisation, organisation
):
    url = _url("consent_record", demo_client)
    page = browser.get(url)
    assert other_organisation.name in page.text
    assert organisation.name not in page.text.split("<form", 1)[1]  # not her own care team
    choice = {"purpose": ConsentPurpose.REFERRAL, "organisations": [other_organisation.pk]}
    shown = browser.post(url, {**choice, "action": "words"})
    assert shown.status_code == 200
    words = selectors.consent_standard_words(
        purpose=ConsentPurpose.REFERRAL,
        recipient_names=[other_organisation.name],
        own_organisation_name=organisation.name,
    )
    assert words in shown.text.replace("&#x27;", "'")
    no_words = browser.post(url, {**choice, "confirmed": "on", "action": "record"})
    assert "Druk op “Toon de woorden”" in no_words.text
    edited = words + " Alleen over de zwangerschap."
    not_confirmed = browser.post(url, {**choice, "words": edited, "action": "record"})
    assert not_confirmed.status_code == 200
    assert "Zet een vinkje" in not_confirmed.text
    recorded = browser.post(url, {**choice, "words": edited, "confirmed": "on", "action": "record"})
    assert recorded.status_code == 302
    consent = selectors.consent_covers(
        demo_client.pk, other_organisation.pk, ConsentPurpose.REFERRAL
    )
    assert consent.words == edited
    assert list(consent.organisations.all()) == [other_organisation]


def test_consent_for_an_organisation_outside_the_coalition_is_refused(
    browser, demo_client, outsider_organisation
):
    response = browser.post(
        _url("consent_record", demo_client),
        {
            "purpose": ConsentPurpose.REFERRAL,
            "organisations": [outsider_organisation.pk],
            "words": "Ik vind het goed.",
            "confirmed": "on",
            "action": "record",
        },
    )
    assert response.status_code == 200
    assert "Controleer het formulier" in response.text
    assert not demo_client.consents.exists()


def test_withdrawal_asks_for_confirmation_first(
    browser, professional, demo_client, other_organisation
):
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    url = _url("consent_withdraw", demo_client, consent_id=consent.uuid)
    confirm = browser.get(url)
    assert "Ja, toestemming intrekken" in confirm.text
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
    response = browser.post(url, {"note": "Zei het bij het huisbezoek."}, follow=True)
    assert "Haar toestemming is ingetrokken" in response.text
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert consent.withdrawal_note == "Zei het bij het huisbezoek."
    again = browser.post(url, {"note": ""}, follow=True)
    assert "al ingetrokken" in again.text


def test_a_consent_of_another_client_gives_404(
    browser, professional, demo_client, other_organisation
):
    from kansrijk.clients.tests.factories import make_client

    other = make_client(user=professional)
    consent = make_consent(client=other, user=professional, organisations=[other_organisation])
    url = _url("consent_withdraw", demo_client, consent_id=consent.uuid)
    assert browser.get(url).status_code == 404
    assert browser.post(url).status_code == 404


def test_every_client_page_writes_an_audit_event_about_her(
    browser, professional, demo_client, other_organisation
):
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    pages = [
        _url(name, demo_client)
        for name in ("detail", "edit", "identity", "consent_record", "export")
    ] + [_url("consent_withdraw", demo_client, consent_id=consent.uuid)]
    events = audit_events_for_client(client_id=str(demo_client.uuid))
    for url in pages:
        before = events.count()
        assert browser.get(url).status_code == 200, url
        assert events.count() == before + 1, url
