"""Withdrawn consent stops sharing at once: the receiving side loses the referral and its
client, nothing more is shared, and the referring side can still cancel."""

import pytest

from kansrijk.clients import selectors as client_selectors
from kansrijk.clients import services as client_services
from kansrijk.referrals import services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.selectors import (
    referral_party_client_ids,
    referral_transitions_for_user,
    referrals_visible_to,
    work_list_for_professional,
)
from kansrijk.referrals.tests.factories import move

S = ReferralStatus


@pytest.fixture
def withdrawn(referral, consent, professional):
    client_services.consent_withdraw(consent=consent, withdrawn_by=professional, note="")
    referral.refresh_from_db()
    return referral


def test_the_receiver_sees_the_client_while_consent_is_active(referral, receiver, demo_client):
    assert referral in referrals_visible_to(receiver)
    assert client_selectors.client_get_for_user(receiver, demo_client.uuid) == demo_client
    assert demo_client.pk in set(referral_party_client_ids(receiver.organisation_id))


def test_after_withdrawal_the_receiver_loses_referral_and_client(
    withdrawn, receiver, demo_client, login_as
):
    assert withdrawn not in referrals_visible_to(receiver)
    assert client_selectors.client_get_for_user(receiver, demo_client.uuid) is None
    assert demo_client.pk not in set(referral_party_client_ids(receiver.organisation_id))
    assert work_list_for_professional(receiver).incoming == []
    response = login_as(receiver).get(f"/verwijzingen/{withdrawn.uuid}/")
    assert response.status_code == 404


def test_after_withdrawal_no_step_that_shares_data_is_allowed(withdrawn, receiver):
    with pytest.raises(services.TransitionNotAllowed, match="toestemming ingetrokken"):
        move(withdrawn, to=S.ACCEPTED, user=receiver)
    with pytest.raises(services.TransitionNotAllowed, match="toestemming ingetrokken"):
        services.referral_question_ask(referral_id=withdrawn.pk, user=receiver, text="Vraag?")


def test_after_withdrawal_the_sender_can_still_cancel(withdrawn, sender):
    assert [t.target for t in referral_transitions_for_user(sender, withdrawn)] == [
        S.CANCELLED,
        S.ENTERED_IN_ERROR,
    ]
    cancelled = move(withdrawn, to=S.CANCELLED, user=sender, reason="Toestemming ingetrokken.")
    assert cancelled.status == S.CANCELLED


def test_the_sender_is_told_to_cancel(withdrawn, sender):
    work = work_list_for_professional(sender)
    assert work.withdrawn_consent == [withdrawn]
    assert work.outgoing == []


def test_an_answer_after_withdrawal_is_refused(referral, consent, sender, receiver):
    question = services.referral_question_ask(
        referral_id=referral.pk, user=receiver, text="Is er een tolk nodig?"
    )
    client_services.consent_withdraw(consent=consent, withdrawn_by=sender, note="")
    with pytest.raises(services.TransitionNotAllowed):
        services.referral_question_answer(question_id=question.pk, user=sender, text="Ja.")
