"""The referrals API under /api/: the status codes a client program relies on, and the same
permissions as the pages."""

import json
import uuid

import pytest
from django.test import Client

from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.factories import move

S = ReferralStatus


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _step(client, referral, to, lock_version=None, **extra):
    return _post(
        client,
        f"/api/referrals/{referral.uuid}/transitions",
        {"to_status": to, "expected_lock_version": lock_version or referral.lock_version, **extra},
    )


def test_it_lists_what_the_user_may_see(referral, sender, receiver, outsider, login_as):
    for user in (sender, receiver):
        body = login_as(user).get("/api/referrals").json()
        assert body["count"] == 1
        assert body["results"][0]["id"] == str(referral.uuid)
        assert body["results"][0]["client"]["pseudonym"] == referral.client.pseudonym
    assert login_as(outsider).get("/api/referrals").json()["count"] == 0


def test_it_filters_by_side_and_status(referral, sender, receiver, login_as):
    api = login_as(receiver)
    assert api.get("/api/referrals?side=received").json()["count"] == 1
    assert api.get("/api/referrals?side=sent").json()["count"] == 0
    assert api.get("/api/referrals?status=accepted").json()["count"] == 0
    assert api.get("/api/referrals?side=elsewhere").status_code == 422


def test_it_shows_one_referral_with_timeline_and_allowed_steps(referral, receiver, login_as):
    body = login_as(receiver).get(f"/api/referrals/{referral.uuid}").json()
    assert body["status"] == "requested"
    assert body["lock_version"] == 1
    assert body["allowed_transitions"] == ["received", "accepted", "rejected", "entered-in-error"]
    assert [e["to_status"] for e in body["timeline"]] == ["requested"]


def test_it_creates_a_referral(sender, demo_client, service, consent, login_as):
    response = _post(
        login_as(sender),
        "/api/referrals",
        {
            "client_id": str(demo_client.uuid),
            "service_id": str(service.pk),
            "reason": "Geldzorgen (test).",
            "theme_codes": ["debts-and-money"],
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "requested"
    assert Referral.objects.get().uuid == uuid.UUID(response.json()["id"])


def test_creating_without_consent_is_a_409_with_a_message(sender, demo_client, service, login_as):
    response = _post(
        login_as(sender),
        "/api/referrals",
        {"client_id": str(demo_client.uuid), "service_id": str(service.pk), "reason": "Hulp."},
    )
    assert response.status_code == 409
    assert "toestemming" in response.json()["message"]


def test_creating_for_a_client_one_may_not_see_is_a_404(
    other_professional, demo_client, service, consent, login_as
):
    response = _post(
        login_as(other_professional),
        "/api/referrals",
        {"client_id": str(demo_client.uuid), "service_id": str(service.pk), "reason": "Hulp."},
    )
    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"client_id": "not-a-uuid", "service_id": str(uuid.uuid4()), "reason": "x"},
        {"client_id": str(uuid.uuid4()), "service_id": str(uuid.uuid4()), "reason": ""},
    ],
)
def test_bad_input_is_a_422_with_a_message(payload, sender, login_as):
    response = _post(login_as(sender), "/api/referrals", payload)
    assert response.status_code == 422
    assert response.json()["message"]
    assert response.json()["errors"]


def test_an_unknown_service_is_a_422(sender, demo_client, consent, login_as):
    response = _post(
        login_as(sender),
        "/api/referrals",
        {"client_id": str(demo_client.uuid), "service_id": str(uuid.uuid4()), "reason": "Hulp."},
    )
    assert response.status_code == 422
    assert "sociale kaart" in response.json()["message"]


def test_a_transition_moves_it(referral, receiver, login_as):
    response = _step(login_as(receiver), referral, "accepted")
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"
    assert response.json()["lock_version"] == 2


def test_a_refused_transition_is_a_409_with_a_message(referral, sender, login_as):
    response = _step(login_as(sender), referral, "completed", outcome="Klaar.")
    assert response.status_code == 409
    assert "kan niet" in response.json()["message"]


def test_a_stale_transition_is_a_409(referral, sender, receiver, login_as):
    seen = referral.lock_version
    move(referral, to=S.RECEIVED, user=receiver)
    response = _step(login_as(sender), referral, "cancelled", seen, reason="Dubbel.")
    assert response.status_code == 409
    assert "Iemand anders" in response.json()["message"]


def test_a_missing_reason_is_a_422(referral, receiver, login_as):
    response = _step(login_as(receiver), referral, "rejected")
    assert response.status_code == 422
    assert "reden" in response.json()["message"]


def test_an_unknown_status_is_a_422(referral, receiver, login_as):
    assert _step(login_as(receiver), referral, "teleported").status_code == 422


def test_questions_and_answers(referral, sender, receiver, login_as):
    asked = _post(
        login_as(receiver), f"/api/referrals/{referral.uuid}/questions", {"text": "Tolk nodig?"}
    )
    assert asked.status_code == 201
    question = asked.json()["messages"][0]
    answered = _post(
        login_as(sender),
        f"/api/referrals/{referral.uuid}/questions/{question['id']}/answer",
        {"text": "Ja, Arabisch."},
    )
    assert answered.status_code == 201
    assert [m["kind"] for m in answered.json()["messages"]] == ["question", "answer"]
    assert answered.json()["messages"][0]["answered"] is True


def test_the_fhir_bundle(referral, sender, login_as):
    response = login_as(sender).get(f"/api/referrals/{referral.uuid}/fhir")
    assert response.status_code == 200
    assert response.json()["type"] == "collection"


def test_writes_need_the_csrf_token(referral, receiver):
    from kansrijk.accounts.testing import login_verified

    client = Client(enforce_csrf_checks=True)
    login_verified(client, receiver)
    assert client.get("/api/referrals").status_code == 200
    response = _step(client, referral, "accepted")
    assert response.status_code == 403
    client.get(f"/verwijzingen/{referral.uuid}/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        f"/api/referrals/{referral.uuid}/transitions",
        json.dumps({"to_status": "accepted", "expected_lock_version": 1}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200


def test_the_openapi_document_is_served(sender, login_as):
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    assert "/referrals/{referral_id}/transitions" in response.json()["paths"]
