"""Recording events: every event is numbered, chained to the one before, and reads back from
the database with exactly the hash it was written with."""

import uuid
from datetime import UTC, datetime

import pytest

from kansrijk.audit import chain
from kansrijk.audit.constants import GENESIS_HASH, Outcome
from kansrijk.audit.models import AuditChainHead, AuditEvent
from kansrijk.audit.selectors import (
    audit_chain_verify,
    audit_events,
    audit_events_for_client,
    audit_events_for_object,
)
from kansrijk.audit.services import audit_record

pytestmark = pytest.mark.django_db


def _head() -> AuditChainHead:
    # After a `flush` the head row is gone until the next event; the chain then starts afresh.
    return AuditChainHead.objects.filter(pk=1).first() or AuditChainHead(hash=GENESIS_HASH)


def test_events_are_numbered_without_gaps_and_each_links_to_the_one_before():
    start = _head()

    events = [audit_record(action=f"test.step{n}") for n in range(3)]

    assert [e.sequence for e in events] == [
        start.sequence + 1,
        start.sequence + 2,
        start.sequence + 3,
    ]
    assert events[0].previous_hash == start.hash
    assert events[1].previous_hash == events[0].hash
    assert events[2].previous_hash == events[1].hash
    assert _head().sequence == events[2].sequence
    assert _head().hash == events[2].hash


def test_callers_that_pass_only_the_old_arguments_keep_working():
    event = audit_record(
        action="accounts.login",
        actor_id="a-user",
        actor_organisation_id="an-organisation",
        object_type="user",
        object_id="a-user",
        detail={"second_factor": True},
    )

    assert event.outcome == Outcome.ALLOWED
    assert event.client_id == event.source == event.actor_role == ""
    assert audit_chain_verify().ok


def test_every_nen7513_field_is_stored_and_covered_by_the_hash():
    client_id = str(uuid.uuid4())
    event = audit_record(
        action="clients.read",
        actor_id="user-uuid",
        actor_display="demo.verloskundige",
        actor_role="professional",
        actor_organisation_id="organisation-uuid",
        client_id=client_id,
        object_type="client",
        object_id=client_id,
        detail={"fields": ["due_date"]},
        source="192.0.2.10",
        outcome=Outcome.DENIED,
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    fields = {name: getattr(stored, name) for name in chain.HASHED_FIELDS}

    assert stored.client_id == client_id
    assert stored.source == "192.0.2.10"
    assert stored.outcome == "denied"
    assert chain.event_hash(previous_hash=stored.previous_hash, fields=fields) == stored.hash
    for name in chain.HASHED_FIELDS:
        changed = {**fields, name: datetime(2000, 1, 1, tzinfo=UTC) if name == "timestamp" else "x"}
        assert chain.event_hash(previous_hash=stored.previous_hash, fields=changed) != stored.hash


def test_an_event_reads_back_from_the_database_with_the_same_hash():
    event = audit_record(
        action="test.round_trip",
        detail={
            "ids": [uuid.UUID(int=7), 3, True, None],
            "nested": {"b": 1.5, "a": "één ü 中"},
            "big": 1e20,
            "tiny": 1e-7,
            "zero": -0.0,
            "when": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        },
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    fields = {name: getattr(stored, name) for name in chain.HASHED_FIELDS}

    assert stored.timestamp == event.timestamp
    assert stored.detail["ids"][0] == str(uuid.UUID(int=7))
    assert chain.event_hash(previous_hash=stored.previous_hash, fields=fields) == event.hash


def test_text_longer_than_its_column_is_cut_so_the_hash_still_matches():
    event = audit_record(action="test.long", actor_display="d" * 500, source="s" * 500)

    assert len(event.actor_display) == 150
    assert audit_chain_verify().ok


def test_it_refuses_an_unknown_outcome():
    with pytest.raises(ValueError):
        audit_record(action="test.outcome", outcome="maybe")


def test_the_chain_carries_on_after_the_last_event_when_its_head_was_emptied():
    last = audit_record(action="test.before")
    AuditChainHead.objects.all().delete()

    event = audit_record(action="test.after")

    assert event.sequence == last.sequence + 1
    assert event.previous_hash == last.hash
    assert audit_chain_verify().ok


def test_the_selectors_find_events_by_client_object_and_filters():
    client_id = str(uuid.uuid4())
    audit_record(action="clients.read", client_id=client_id, actor_id="a")
    audit_record(action="clients.update", client_id=client_id, actor_id="b", outcome="denied")
    audit_record(action="clients.read", client_id="someone-else", object_type="client")

    assert [e.action for e in audit_events_for_client(client_id=client_id)] == [
        "clients.update",
        "clients.read",
    ]
    assert not audit_events_for_client(client_id="").exists()
    assert audit_events(client_id=client_id, outcome="denied").get().actor_id == "b"
    assert audit_events(client_id=client_id, actor_id="a").count() == 1
    assert audit_events_for_object(object_type="client", object_id="").count() == 1
    assert audit_events(since=datetime(2999, 1, 1, tzinfo=UTC)).count() == 0
