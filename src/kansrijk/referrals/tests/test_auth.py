"""Who may not see or change a referral: every read and write answers 403 or 404 (401 / a
log-in redirect when not logged in), changes nothing, and a refused look-up is audited."""

import json

import pytest
from django.test import Client

from kansrijk.audit.models import AuditEvent
from kansrijk.referrals import services
from kansrijk.referrals.constants import AUDIT_REFERRAL_DENIED, ReferralStatus
from kansrijk.referrals.models import Referral, ReferralMessage

NOT_PARTIES = ["outsider", "coordinator", "policy_adviser", "directory_editor"]


@pytest.fixture
def question(referral, receiver):
    return services.referral_question_ask(referral_id=referral.pk, user=receiver, text="Vraag?")


def _page_reads(referral):
    return [f"/verwijzingen/{referral.uuid}/", f"/verwijzingen/{referral.uuid}/fhir.json"]


def _page_writes(referral, question):
    lock = {"lock_version": referral.lock_version}
    return [
        (f"/verwijzingen/{referral.uuid}/status/", {"to_status": "accepted", **lock}),
        (f"/verwijzingen/{referral.uuid}/vraag/", {"text": "Vraag?"}),
        (f"/verwijzingen/{referral.uuid}/vraag/{question.uuid}/antwoord/", {"text": "Antwoord"}),
        (f"/verwijzingen/{referral.uuid}/afsluiten/", {"note": "", **lock}),
    ]


def _api_reads(referral):
    return [f"/api/referrals/{referral.uuid}", f"/api/referrals/{referral.uuid}/fhir"]


def _api_writes(referral, question, demo_client, service):
    return [
        (
            f"/api/referrals/{referral.uuid}/transitions",
            {"to_status": "accepted", "expected_lock_version": referral.lock_version},
        ),
        (f"/api/referrals/{referral.uuid}/questions", {"text": "Vraag?"}),
        (f"/api/referrals/{referral.uuid}/questions/{question.uuid}/answer", {"text": "Ja"}),
        (
            "/api/referrals",
            {"client_id": str(demo_client.uuid), "service_id": str(service.pk), "reason": "x"},
        ),
    ]


def _unchanged(referral):
    fresh = Referral.objects.get(pk=referral.pk)
    assert (fresh.status, fresh.lock_version, fresh.business_status) == (
        ReferralStatus.REQUESTED,
        referral.lock_version,
        "",
    )
    assert ReferralMessage.objects.filter(referral=referral).count() == 1
    assert Referral.objects.count() == 1


@pytest.mark.parametrize("persona", NOT_PARTIES)
def test_pages_answer_404_to_anyone_not_party(persona, request, referral, question, login_as):
    client = login_as(request.getfixturevalue(persona))
    for url in _page_reads(referral):
        assert client.get(url).status_code == 404, url
    for url, data in _page_writes(referral, question):
        assert client.post(url, data).status_code == 404, url
    _unchanged(referral)


@pytest.mark.parametrize("persona", NOT_PARTIES)
def test_the_api_refuses_anyone_not_party(
    persona, request, referral, question, demo_client, service, consent, login_as
):
    user = request.getfixturevalue(persona)
    client = login_as(user)
    # A professional elsewhere gets 404 (existence does not leak); other roles never work
    # with referrals at all: 403.
    expected = 404 if persona == "outsider" else 403
    for url in _api_reads(referral):
        assert client.get(url).status_code == expected, url
    for url, data in _api_writes(referral, question, demo_client, service):
        response = client.post(url, json.dumps(data), content_type="application/json")
        assert response.status_code == expected, url
        assert response.json()["message"]
    listed = client.get("/api/referrals")
    if persona == "outsider":
        assert listed.json()["count"] == 0
    else:
        assert listed.status_code == 403
    _unchanged(referral)


def test_not_logged_in(referral, question, demo_client, service):
    client = Client()
    for url in _page_reads(referral) + ["/verwijzingen/", "/verwijzingen/overzicht/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/account/" in response["Location"], url
    for url, data in _page_writes(referral, question):
        assert client.post(url, data).status_code == 302, url
    for url in _api_reads(referral) + ["/api/referrals"]:
        assert client.get(url).status_code == 401, url
    for url, data in _api_writes(referral, question, demo_client, service):
        response = client.post(url, json.dumps(data), content_type="application/json")
        assert response.status_code == 401, url
    _unchanged(referral)


def test_without_the_second_factor(referral, receiver):
    client = Client()
    client.force_login(receiver)  # password step only
    assert client.get(f"/verwijzingen/{referral.uuid}/").status_code == 302
    assert client.get(f"/api/referrals/{referral.uuid}").status_code == 401


def test_a_refused_look_up_is_in_the_audit_log(referral, outsider, login_as):
    login_as(outsider).get(f"/verwijzingen/{referral.uuid}/")
    event = AuditEvent.objects.filter(action=AUDIT_REFERRAL_DENIED).get()
    assert event.outcome == "denied"
    assert event.client_id == str(referral.client.uuid)
    assert event.actor_id == str(outsider.uuid)


def test_an_unknown_or_malformed_id_is_a_plain_404(sender, login_as):
    client = login_as(sender)
    assert client.get("/verwijzingen/00000000-0000-4000-8000-000000000000/").status_code == 404
    assert client.get("/api/referrals/not-a-uuid").status_code == 404
    assert not AuditEvent.objects.filter(action=AUDIT_REFERRAL_DENIED).exists()


def test_the_work_list_is_for_professionals(policy_adviser, directory_editor, login_as):
    for user in (policy_adviser, directory_editor):
        assert login_as(user).get("/verwijzingen/").status_code == 403


def test_the_coordinator_is_sent_to_the_overview(coordinator, login_as):
    response = login_as(coordinator).get("/verwijzingen/")
    assert response.status_code == 302
    assert response["Location"] == "/verwijzingen/overzicht/"


@pytest.mark.parametrize("persona", ["professional", "policy_adviser", "outsider"])
def test_the_overview_is_for_coordinators(persona, request, login_as):
    response = login_as(request.getfixturevalue(persona)).get("/verwijzingen/overzicht/")
    assert response.status_code == 403


def test_creating_for_a_client_one_may_not_see_is_a_404(outsider, demo_client, login_as):
    response = login_as(outsider).get(f"/verwijzingen/nieuw/?client={demo_client.uuid}")
    assert response.status_code == 404
