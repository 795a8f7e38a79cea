"""Reads from the audit log: events for an audit viewer, and the check of the hash chain."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, QuerySet

from kansrijk.audit import chain
from kansrijk.audit.constants import CHAIN_HEAD_ID, GENESIS_HASH, ChainProblem
from kansrijk.audit.models import AuditChainHead, AuditEvent


def audit_events_for_object(*, object_type: str, object_id: str) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id)


def audit_events_for_client(*, client_id: str) -> QuerySet[AuditEvent]:
    """Everything done with one client's data, newest first (for the client's right of access
    and for a privacy officer)."""
    if not client_id:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(client_id=client_id)


def audit_events(
    *,
    actor_id: str | None = None,
    actor_organisation_id: str | None = None,
    client_id: str | None = None,
    action: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    outcome: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[AuditEvent]:
    """Events matching every given filter, newest first. `until` is exclusive."""
    filters = {
        "actor_id": actor_id,
        "actor_organisation_id": actor_organisation_id,
        "client_id": client_id,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "outcome": outcome,
        "timestamp__gte": since,
        "timestamp__lt": until,
    }
    return AuditEvent.objects.filter(
        **{name: value for name, value in filters.items() if value is not None}
    )


@dataclass(frozen=True)
class ChainCheck:
    """The result of `audit_chain_verify`. When the chain is broken, `sequence` is the first
    event where it breaks and `problem` says how."""

    count: int
    sequence: int | None = None
    problem: ChainProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def audit_chain_verify(*, batch_size: int = 2000) -> ChainCheck:
    """Walk the chain in sequence order, a batch at a time, and recompute every hash.

    Problems: `missing` (a sequence number is absent: an event was deleted), `altered` (an
    event's hash does not match its contents), `reordered` (an event is intact but does not link
    to the event before it: events were renumbered, or one before it was replaced), `inserted`
    (events beyond the chain head: not written through `audit_record`).

    Events appended while the check runs are left for the next check: the walk stops at the
    chain head as read at the start.
    """
    head = AuditChainHead.objects.filter(pk=CHAIN_HEAD_ID).values_list("sequence", "hash").first()
    limit = head[0] if head else None
    expected, previous_hash, count = 1, GENESIS_HASH, 0
    for event in _events_in_order(limit=limit, batch_size=batch_size):
        sequence = event["sequence"]
        if sequence != expected:
            return ChainCheck(count=count, sequence=expected, problem=ChainProblem.MISSING)
        if chain.event_hash(previous_hash=event["previous_hash"], fields=event) != event["hash"]:
            return ChainCheck(count=count, sequence=sequence, problem=ChainProblem.ALTERED)
        if event["previous_hash"] != previous_hash:
            return ChainCheck(count=count, sequence=sequence, problem=ChainProblem.REORDERED)
        expected, previous_hash, count = sequence + 1, event["hash"], count + 1
    if head is None:
        return ChainCheck(count=count)
    if count < head[0]:
        # The newest events are gone; the head still remembers how many there were.
        return ChainCheck(count=count, sequence=expected, problem=ChainProblem.MISSING)
    if previous_hash != head[1]:
        return ChainCheck(count=count, sequence=count, problem=ChainProblem.ALTERED)
    return _beyond_head(count=count)


def _events_in_order(*, limit: int | None, batch_size: int) -> Iterator[dict]:
    names = ("sequence", "previous_hash", "hash", *chain.HASHED_FIELDS)
    events = AuditEvent.objects.order_by("sequence")
    if limit is not None:
        events = events.filter(sequence__lte=limit)
    last = 0
    while True:
        batch = list(events.filter(sequence__gt=last).values(*names)[:batch_size])
        yield from batch
        if len(batch) < batch_size:
            return
        last = batch[-1]["sequence"]


def _beyond_head(*, count: int) -> ChainCheck:
    """Events numbered past the head are fine when a writer appended them meanwhile (it moves
    the head in the same transaction); otherwise they were put in behind the log's back."""
    newest = AuditEvent.objects.filter(sequence__gt=count).aggregate(newest=Max("sequence"))
    if newest["newest"] is None:
        return ChainCheck(count=count)
    head_now = (
        AuditChainHead.objects.filter(pk=CHAIN_HEAD_ID).values_list("sequence", flat=True).first()
    )
    if head_now is not None and head_now >= newest["newest"]:
        return ChainCheck(count=count)
    first = (
        AuditEvent.objects.filter(sequence__gt=head_now or 0)
        .order_by("sequence")
        .values_list("sequence", flat=True)
        .first()
    )
    return ChainCheck(count=count, sequence=first, problem=ChainProblem.INSERTED)
