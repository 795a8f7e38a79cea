"""The transition table (../shared/spec/fhir-referral.md): every allowed step succeeds for the
side that may take it and is recorded; other steps are refused."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.referrals import services
from kansrijk.referrals.constants import (
    AUDIT_REFERRAL_TRANSITION,
    TRANSITIONS,
    ReferralStatus,
    Side,
    transition_find,
)
from kansrijk.referrals.models import ReferralEvent
from kansrijk.referrals.selectors import referral_timeline, work_list_for_professional
from kansrijk.referrals.tests.factories import bring_to, move

S = ReferralStatus

ALLOWED = [(source, t.target, t) for t in TRANSITIONS for source in sorted(t.sources)]


def test_the_table_is_the_spec():
    assert len(ALLOWED) == 26
    assert transition_find(S.REQUESTED, S.RECEIVED).sides == {Side.RECEIVER}
    assert transition_find(S.ON_HOLD, S.CANCELLED).sides == {Side.SENDER}
    assert transition_find(S.COMPLETED, S.ENTERED_IN_ERROR).sides == {Side.SENDER, Side.RECEIVER}
    assert transition_find(S.REQUESTED, S.REJECTED).reason_required
    assert transition_find(S.IN_PROGRESS, S.COMPLETED).outcome_required
    assert transition_find(S.ENTERED_IN_ERROR, S.ENTERED_IN_ERROR) is None


@pytest.mark.parametrize(
    ("source", "target", "transition"), ALLOWED, ids=[f"{s}->{t}" for s, t, _ in ALLOWED]
)
def test_every_allowed_transition_succeeds_and_is_recorded(
    source, target, transition, referral, sender, receiver
):
    referral = bring_to(referral, source, sender=sender, receiver=receiver)
    user = receiver if Side.RECEIVER in transition.sides else sender
    events_before = ReferralEvent.objects.filter(referral=referral).count()

    moved = move(referral, to=target, user=user)

    assert moved.status == target
    assert moved.lock_version == referral.lock_version + 1
    event = ReferralEvent.objects.filter(referral=referral).latest("id")
    assert (event.from_status, event.to_status, event.user) == (source, target, user)
    assert event.organisation == user.organisation
    assert ReferralEvent.objects.filter(referral=referral).count() == events_before + 1
    audit = AuditEvent.objects.filter(action=AUDIT_REFERRAL_TRANSITION).order_by("-id").first()
    assert audit.client_id == str(referral.client.uuid)
    assert audit.detail == {"from": source, "to": target, "side": event.side}
    if transition.reason_required:
        assert moved.status_reason == "Reden (test)."
    if target == S.COMPLETED:
        assert moved.outcome == "Ondersteuning afgerond (test)."


REFUSED = [
    (S.REQUESTED, S.COMPLETED),
    (S.REQUESTED, S.IN_PROGRESS),
    (S.RECEIVED, S.RECEIVED),
    (S.ACCEPTED, S.REJECTED),
    (S.ACCEPTED, S.RECEIVED),
    (S.REJECTED, S.ACCEPTED),
    (S.COMPLETED, S.IN_PROGRESS),
    (S.CANCELLED, S.REQUESTED),
    (S.FAILED, S.IN_PROGRESS),
    (S.ON_HOLD, S.COMPLETED),
    (S.ENTERED_IN_ERROR, S.REQUESTED),
    (S.IN_PROGRESS, S.CANCELLED),
]


@pytest.mark.parametrize(("source", "target"), REFUSED, ids=[f"{s}->{t}" for s, t in REFUSED])
def test_it_refuses_a_transition_the_table_does_not_have(
    source, target, referral, sender, receiver
):
    referral = bring_to(referral, source, sender=sender, receiver=receiver)
    events_before = ReferralEvent.objects.filter(referral=referral).count()
    for user in (sender, receiver):
        with pytest.raises(services.TransitionNotAllowed) as refused:
            move(referral, to=target, user=user)
        assert refused.value.status_code == 409
    referral.refresh_from_db()
    assert referral.status == source
    assert ReferralEvent.objects.filter(referral=referral).count() == events_before


def test_it_refuses_accept_after_cancel(referral, sender, receiver):
    referral = move(referral, to=S.CANCELLED, user=sender)
    with pytest.raises(services.TransitionNotAllowed, match="kan niet"):
        move(referral, to=S.ACCEPTED, user=receiver)


def test_it_refuses_the_sender_accepting_her_own_referral(referral, sender):
    with pytest.raises(services.TransitionNotAllowed, match="Alleen de ontvangende organisatie"):
        move(referral, to=S.ACCEPTED, user=sender)


def test_it_refuses_the_receiver_cancelling(referral, receiver):
    with pytest.raises(services.TransitionNotAllowed, match="Alleen de verwijzende organisatie"):
        move(referral, to=S.CANCELLED, user=receiver)


def test_it_refuses_someone_of_another_organisation(referral, outsider, coordinator):
    for user in (outsider, coordinator):
        with pytest.raises(services.TransitionNotAllowed, match="geen partij"):
            move(referral, to=S.ACCEPTED, user=user)


@pytest.mark.parametrize("target", [S.REJECTED, S.ON_HOLD, S.CANCELLED, S.FAILED])
def test_it_needs_a_reason_where_the_table_says(target, referral, sender, receiver):
    source = {S.REJECTED: S.REQUESTED, S.CANCELLED: S.REQUESTED}.get(target, S.ACCEPTED)
    referral = bring_to(referral, source, sender=sender, receiver=receiver)
    user = sender if target == S.CANCELLED else receiver
    with pytest.raises(services.ReferralInvalid, match="Geef een reden"):
        move(referral, to=target, user=user, reason="   ")
    referral.refresh_from_db()
    assert referral.status == source


def test_it_needs_an_outcome_to_complete(referral, sender, receiver):
    referral = bring_to(referral, S.IN_PROGRESS, sender=sender, receiver=receiver)
    with pytest.raises(services.ReferralInvalid, match="resultaat van de hulp"):
        move(referral, to=S.COMPLETED, user=receiver, outcome="")


def test_it_refuses_a_step_from_an_old_version(referral, sender, receiver):
    seen = referral.lock_version
    move(referral, to=S.RECEIVED, user=receiver)
    with pytest.raises(services.StaleReferral) as stale:
        move(referral, to=S.CANCELLED, user=sender, expected_lock_version=seen)
    assert "Iemand anders heeft deze verwijzing intussen veranderd" in stale.value.message
    referral.refresh_from_db()
    assert referral.status == S.RECEIVED


def test_support_start_is_recorded_once(referral, sender, receiver):
    referral = bring_to(referral, S.IN_PROGRESS, sender=sender, receiver=receiver)
    started = referral.support_started_on
    assert started is not None
    referral = move(referral, to=S.ON_HOLD, user=receiver)
    referral = move(referral, to=S.IN_PROGRESS, user=receiver)
    assert referral.support_started_on == started
    assert referral.status_reason == ""


def test_a_referral_made_by_mistake_is_kept_but_leaves_the_work_lists(referral, sender, receiver):
    move(referral, to=S.ENTERED_IN_ERROR, user=receiver)
    referral.refresh_from_db()
    assert referral.status == S.ENTERED_IN_ERROR
    assert [e.event.to_status for e in referral_timeline(referral=referral)] == [
        S.REQUESTED,
        S.ENTERED_IN_ERROR,
    ]
    assert work_list_for_professional(sender).outgoing == []
    assert work_list_for_professional(receiver).incoming == []
