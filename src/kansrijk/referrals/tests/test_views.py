"""The referral pages: referring in three steps, the referral with its timeline and buttons,
questions back, and refused steps explained in Dutch."""

import re

import pytest

from kansrijk.directory.constants import CapacityStatus
from kansrijk.referrals import services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral, ReferralMessage
from kansrijk.referrals.tests.factories import bring_to, make_service, move

S = ReferralStatus


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- referring ---------------------------------------------------------------------------------


def test_referring_shows_the_client_then_services_for_her_municipality(
    sender, demo_client, service, consent, login_as
):
    client = login_as(sender)
    start = client.get("/verwijzingen/nieuw/")
    assert start.status_code == 200
    assert demo_client.pseudonym in _text(start)

    found = client.get(f"/verwijzingen/nieuw/?client={demo_client.uuid}&q=wijkteam")
    assert found.status_code == 200
    assert service.name in _text(found)
    assert f"service={service.pk}" in _text(found)


def test_before_referring_the_professional_sees_the_capacity_and_consent(
    sender, demo_client, other_organisation, consent, login_as
):
    service = make_service(
        receiver=other_organisation,
        capacity_status=CapacityStatus.WAITING_LIST,
        capacity_wait_weeks=4,
    )
    page = login_as(sender).get(
        f"/verwijzingen/nieuw/?client={demo_client.uuid}&service={service.pk}"
    )
    text = _text(page)
    assert "Wachtlijst: ongeveer 4 weken." in text
    assert "gaf op" in text and other_organisation.name in text
    assert "Verwijzing versturen" in text


def test_without_consent_the_page_says_so_and_offers_no_send_button(
    sender, demo_client, service, login_as
):
    page = login_as(sender).get(
        f"/verwijzingen/nieuw/?client={demo_client.uuid}&service={service.pk}"
    )
    assert "heeft geen toestemming gegeven" in _text(page)
    assert "Verwijzing versturen" not in _text(page)


def test_sending_a_referral(sender, demo_client, service, consent, login_as):
    response = login_as(sender).post(
        "/verwijzingen/nieuw/",
        {
            "client": str(demo_client.uuid),
            "service": str(service.pk),
            "reason": "Zorgen over geld en huur (test).",
            "themes": ["debts-and-money"],
        },
    )
    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/verwijzingen/{referral.uuid}/"
    assert referral.theme_codes == ["debts-and-money"]


def test_sending_without_consent_is_refused_in_dutch(sender, demo_client, service, login_as):
    response = login_as(sender).post(
        "/verwijzingen/nieuw/",
        {"client": str(demo_client.uuid), "service": str(service.pk), "reason": "Hulp (test)."},
    )
    assert response.status_code == 409
    assert "heeft geen toestemming gegeven" in _text(response)
    assert not Referral.objects.exists()


def test_sending_without_a_question_asks_for_one(sender, demo_client, service, consent, login_as):
    response = login_as(sender).post(
        "/verwijzingen/nieuw/",
        {"client": str(demo_client.uuid), "service": str(service.pk), "reason": ""},
    )
    assert response.status_code == 400
    assert "Dit veld is verplicht" in _text(response)


# --- one referral ------------------------------------------------------------------------------


def test_the_receiver_sees_the_timeline_and_the_next_steps(referral, receiver, login_as):
    page = login_as(receiver).get(f"/verwijzingen/{referral.uuid}/")
    text = _text(page)
    assert page.status_code == 200
    assert referral.client.pseudonym in text
    assert "Verwijzing gemaakt" in text
    for label in ("Gelezen", "Accepteren", "Afwijzen", "Per vergissing gemaakt"):
        assert label in text, label
    assert "Verwijzing annuleren" not in text


def test_the_sender_sees_only_her_own_steps(referral, sender, login_as):
    text = _text(login_as(sender).get(f"/verwijzingen/{referral.uuid}/"))
    assert "Verwijzing annuleren" in text
    assert "Accepteren" not in text


def test_accepting_moves_the_referral_and_both_sides_see_it(referral, sender, receiver, login_as):
    response = login_as(receiver).post(
        f"/verwijzingen/{referral.uuid}/status/",
        {"to_status": "accepted", "lock_version": referral.lock_version},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == S.ACCEPTED
    for user in (sender, receiver):
        assert "Nu: Geaccepteerd" in _text(login_as(user).get(f"/verwijzingen/{referral.uuid}/"))


def test_a_stale_step_is_refused_with_a_dutch_message(referral, receiver, sender, login_as):
    seen = referral.lock_version
    move(referral, to=S.RECEIVED, user=receiver)
    response = login_as(sender).post(
        f"/verwijzingen/{referral.uuid}/status/",
        {"to_status": "cancelled", "lock_version": seen, "reason": "Dubbel (test)."},
    )
    assert response.status_code == 409
    assert "Iemand anders heeft deze verwijzing intussen veranderd" in _text(response)
    referral.refresh_from_db()
    assert referral.status == S.RECEIVED


def test_a_step_the_table_does_not_have_is_refused(referral, sender, receiver, login_as):
    referral = bring_to(referral, S.COMPLETED, sender=sender, receiver=receiver)
    response = login_as(receiver).post(
        f"/verwijzingen/{referral.uuid}/status/",
        {"to_status": "accepted", "lock_version": referral.lock_version},
    )
    assert response.status_code == 409
    assert "kan niet" in _text(response)


def test_rejecting_needs_a_reason(referral, receiver, login_as):
    response = login_as(receiver).post(
        f"/verwijzingen/{referral.uuid}/status/",
        {"to_status": "rejected", "lock_version": referral.lock_version, "reason": ""},
    )
    assert response.status_code == 400
    assert "Geef een reden" in _text(response)


def test_a_malformed_step_is_a_400_not_a_500(referral, receiver, login_as):
    response = login_as(receiver).post(
        f"/verwijzingen/{referral.uuid}/status/", {"to_status": "bogus", "lock_version": "x"}
    )
    assert response.status_code == 400


def test_a_question_back_and_its_answer_are_on_both_timelines(referral, sender, receiver, login_as):
    asked = login_as(receiver).post(
        f"/verwijzingen/{referral.uuid}/vraag/", {"text": "Spreekt zij Nederlands?"}
    )
    assert asked.status_code == 302
    question = ReferralMessage.objects.get()
    page = _text(login_as(sender).get(f"/verwijzingen/{referral.uuid}/"))
    assert "Spreekt zij Nederlands?" in page
    assert "Antwoord versturen" in page

    answered = login_as(sender).post(
        f"/verwijzingen/{referral.uuid}/vraag/{question.uuid}/antwoord/",
        {"text": "Een beetje; een tolk helpt."},
    )
    assert answered.status_code == 302
    for user in (sender, receiver):
        assert "Een beetje; een tolk helpt." in _text(
            login_as(user).get(f"/verwijzingen/{referral.uuid}/")
        )


def test_the_sender_cannot_ask_and_the_receiver_cannot_answer(referral, sender, receiver, login_as):
    assert (
        login_as(sender)
        .post(f"/verwijzingen/{referral.uuid}/vraag/", {"text": "Vraag?"})
        .status_code
        == 409
    )
    question = services.referral_question_ask(referral_id=referral.pk, user=receiver, text="?")
    response = login_as(receiver).post(
        f"/verwijzingen/{referral.uuid}/vraag/{question.uuid}/antwoord/", {"text": "Antwoord"}
    )
    assert response.status_code == 409


def test_after_a_rejection_the_sender_refers_elsewhere(
    referral, sender, receiver, demo_client, login_as
):
    move(referral, to=S.REJECTED, user=receiver, reason="Geen plek (test).")
    page = _text(login_as(sender).get(f"/verwijzingen/{referral.uuid}/"))
    assert "Naar een andere dienst verwijzen" in page
    follow = login_as(sender).get(
        f"/verwijzingen/nieuw/?client={demo_client.uuid}&follow_up_of={referral.uuid}"
    )
    assert follow.status_code == 200
    assert "In plaats van de verwijzing naar" in _text(follow)


def test_after_a_rejection_the_sender_can_close_the_loop(referral, sender, receiver, login_as):
    referral = move(referral, to=S.REJECTED, user=receiver, reason="Geen plek (test).")
    response = login_as(sender).post(
        f"/verwijzingen/{referral.uuid}/afsluiten/",
        {"lock_version": referral.lock_version, "note": "Gezin wil nu geen hulp."},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.business_status == "family-declined"


@pytest.mark.parametrize("status", [S.REQUESTED, S.IN_PROGRESS, S.COMPLETED, S.REJECTED])
def test_the_referral_page_renders_in_every_state(status, referral, sender, receiver, login_as):
    referral = bring_to(referral, status, sender=sender, receiver=receiver)
    for user in (sender, receiver):
        assert login_as(user).get(f"/verwijzingen/{referral.uuid}/").status_code == 200


def test_the_fhir_download(referral, sender, login_as):
    response = login_as(sender).get(f"/verwijzingen/{referral.uuid}/fhir.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert "attachment" in response["Content-Disposition"]
    assert response.json()["resourceType"] == "Bundle"
