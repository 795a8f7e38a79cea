"""Two people move the same referral at the same moment: one wins, the other is refused
(StaleReferral, 409 in the API) and nothing is lost. On PostgreSQL, with real concurrent
connections (one per thread).

The rows the threads work on must be committed, or the threads' own connections would not see
them. A `transaction=True` test would do that, but flushes the whole database afterwards,
taking the regions the root conftest loads once per session with it. So this is an ordinary
`django_db` test (its own connection stays in the rolled-back test transaction) that does all
its database work on connections of its own, in other threads, in autocommit: it writes a
small world (directly through the models, so no audit event is written: the audit log is
append-only and could not be cleaned up), lets two threads race, checks, and deletes exactly
the rows it made in a `finally`. The referrals' audit call is replaced by a recorder for the
same reason.
"""

import threading
import uuid

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User, UserRole
from kansrijk.audit.models import AuditEvent
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.models import Client, Consent
from kansrijk.organisations.constants import Domain
from kansrijk.organisations.models import Organisation
from kansrijk.referrals import services
from kansrijk.referrals.constants import ReferralStatus, Side
from kansrijk.referrals.models import Referral, ReferralEvent
from kansrijk.referrals.services import _common, transitions
from kansrijk.regions.models import Municipality

S = ReferralStatus

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: SQLite lets one writer in at a time (BEGIN IMMEDIATE), so two "
    "transactions can never hold the same referral at once; run `make test-postgres`",
)

ROUNDS = 5


def _world() -> dict:
    """Two organisations, a professional in each, a client with consent: committed."""
    tag = uuid.uuid4().hex[:6].upper()
    sender_org = Organisation.objects.create(name=f"Demo GGD {tag}", domain=Domain.PUBLIC_HEALTH)
    receiver_org = Organisation.objects.create(name=f"Demo wijkteam {tag}", domain=Domain.SOCIAL)
    users = {}
    for side, organisation in ((Side.SENDER, sender_org), (Side.RECEIVER, receiver_org)):
        user = User.objects.create(username=f"demo-{side}-{tag}", organisation=organisation)
        UserRole.objects.create(user=user, role=Role.PROFESSIONAL)
        users[side] = user
    client = Client.objects.create(
        pseudonym=f"KS-{tag}",
        year_of_birth=timezone.localdate().year - 25,
        municipality=Municipality.objects.get(code="GM0479"),
        organisation=sender_org,
    )
    consent = Consent.objects.create(
        client=client,
        purpose=ConsentPurpose.REFERRAL,
        words="Akkoord (test).",
        given_to=users[Side.SENDER],
    )
    consent.organisations.add(receiver_org)
    return {
        "organisations": [sender_org, receiver_org],
        "users": users,
        "client": client,
        "consent": consent,
    }


def _referral(world: dict) -> Referral:
    sender = world["users"][Side.SENDER]
    referral = Referral.objects.create(
        client=world["client"],
        sender_organisation=sender.organisation,
        sender_user=sender,
        receiver_organisation=world["organisations"][1],
        service_id=uuid.uuid4(),
        service_name="Demo wijkteam (test)",
        reason="Test.",
        consent=world["consent"],
        answer_due=timezone.localdate(),
    )
    ReferralEvent.objects.create(referral=referral, to_status=S.REQUESTED, user=sender)
    return referral


def _own_connection(function, *args):
    """Run `function` in a thread of its own: its own connection, autocommit, committed."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _clean(world: dict) -> None:
    Referral.objects.filter(client=world["client"]).delete()  # with events, messages, alerts
    world["consent"].delete()
    world["client"].delete()
    for user in world["users"].values():
        user.delete()
    for organisation in world["organisations"]:
        organisation.delete()


def _race(referral: Referral, moves: list[tuple[User, str]], monkeypatch) -> list[str]:
    """Run the moves at once, each in its own thread and connection. Both read the referral
    (version 1) before either writes, so the second UPDATE has to wait for the first."""
    read_both = threading.Barrier(len(moves), timeout=20)
    original = transitions._allowed_transition

    def allowed_then_wait(*args, **kwargs):
        transition = original(*args, **kwargs)
        read_both.wait()
        return transition

    monkeypatch.setattr(transitions, "_allowed_transition", allowed_then_wait)
    results: list[str] = [""] * len(moves)

    def run(index: int, user: User, to_status: str) -> None:
        try:
            services.referral_transition(
                referral_id=referral.pk,
                to_status=to_status,
                user=user,
                reason="Gelijktijdig (test).",
                expected_lock_version=1,
            )
            results[index] = "won"
        except services.StaleReferral:
            results[index] = "stale"
        except Exception as error:  # reported in the assertion
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, user, to_status))
        for i, (user, to_status) in enumerate(moves)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _outcome(referral: Referral) -> tuple:
    fresh = Referral.objects.get(pk=referral.pk)
    events = list(
        ReferralEvent.objects.filter(referral=referral)
        .order_by("id")
        .values_list("from_status", "to_status", "user")
    )
    return fresh.status, fresh.lock_version, events


@pytest.mark.django_db
def test_of_two_simultaneous_steps_one_wins_and_nothing_is_lost(monkeypatch):
    audited = []
    monkeypatch.setattr(_common, "audit_record", lambda **fields: audited.append(fields))
    audit_events = _own_connection(AuditEvent.objects.count)
    world = _own_connection(_world)
    try:
        sender, receiver = world["users"][Side.SENDER], world["users"][Side.RECEIVER]
        for round_number in range(ROUNDS):
            referral = _own_connection(_referral, world)
            # The receiver accepts while the sender cancels; in odd rounds two colleagues at
            # the receiving organisation answer at once, one accepting, one rejecting.
            moves = (
                [(receiver, S.ACCEPTED), (sender, S.CANCELLED)]
                if round_number % 2 == 0
                else [(receiver, S.ACCEPTED), (receiver, S.REJECTED)]
            )
            results = _race(referral, moves, monkeypatch)

            assert sorted(results) == ["stale", "won"], results
            winner_user, winner_status = moves[results.index("won")]
            status, lock_version, events = _own_connection(_outcome, referral)
            assert (status, lock_version) == (winner_status, 2)
            assert events == [
                ("", S.REQUESTED, sender.pk),
                (S.REQUESTED, winner_status, winner_user.pk),
            ]
        assert len(audited) == ROUNDS  # one audit record per step that happened
    finally:
        _own_connection(_clean, world)
    assert _own_connection(AuditEvent.objects.count) == audit_events
