"""Her right of access: everything about her, nothing about anyone else, no identity values."""

import json

import pytest
from django.urls import reverse

from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.clients import services
from kansrijk.clients.constants import AUDIT_CLIENT_EXPORTED
from kansrijk.clients.tests.factories import make_client, make_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def export_response(login_as, professional, other_organisation, demo_client):
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    services.consent_withdraw(consent=consent, withdrawn_by=professional, note="Wil stoppen")
    services.identity_set(
        client=demo_client,
        set_by=professional,
        name="Demo Samira Voorbeeld",
        phone="06-11112222",
    )
    other = make_client(user=professional)
    make_consent(
        client=other,
        user=professional,
        organisations=[other_organisation],
        words="Andere woorden van een andere cliënt.",
    )
    browser = login_as(professional)
    browser.get(reverse("clients:detail", kwargs={"client_id": other.uuid}))
    response = browser.get(reverse("clients:export", kwargs={"client_id": demo_client.uuid}))
    return response, other


def test_the_download_is_a_json_file_named_by_her_code(export_response, demo_client):
    response, _other = export_response
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert f"kansrijk-{demo_client.pseudonym}.json" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_it_holds_her_facts_consents_and_who_did_what(
    export_response, demo_client, other_organisation, organisation
):
    response, _other = export_response
    data = json.loads(response.content)
    assert data["client"]["pseudonym"] == demo_client.pseudonym
    assert data["client"]["municipality"] == {"code": "GM0479", "name": "Zaanstad"}
    assert data["client"]["care_team"] == organisation.name
    [consent] = data["consents"]
    assert consent["recipients"] == [other_organisation.name]
    assert consent["words"] == "Ik vind het goed dat mijn gegevens naar het wijkteam gaan."
    assert consent["withdrawn_at"] is not None
    actions = [event["action"] for event in data["audit_events"]]
    assert actions[:3] == [
        "clients.registered",
        "clients.consent_recorded",
        "clients.consent_withdrawn",
    ]
    assert "clients.identity_set" in actions
    assert all(e["organisation"] == organisation.name for e in data["audit_events"])


def test_it_holds_nothing_about_other_clients(export_response):
    response, other = export_response
    text = response.content.decode()
    assert other.pseudonym not in text
    assert str(other.uuid) not in text
    assert "Andere woorden" not in text


def test_it_says_which_contact_details_are_held_but_never_their_values(export_response):
    response, _other = export_response
    data = json.loads(response.content)
    assert data["identity"]["held"] == ["name", "phone"]
    assert "Samira" not in response.content.decode()
    assert "06-11112222" not in response.content.decode()


def test_the_export_itself_is_audited(export_response, demo_client, professional):
    latest = audit_events_for_client(client_id=str(demo_client.uuid)).first()
    assert latest.action == AUDIT_CLIENT_EXPORTED
    assert latest.actor_id == str(professional.uuid)
