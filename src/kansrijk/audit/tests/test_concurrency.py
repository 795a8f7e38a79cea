"""Concurrent writers on PostgreSQL, on real separate connections: every event gets its own
sequence number and the chain never forks.

The writers must commit for one another to matter, so they cannot run inside the test's own
transaction, and `django_db(transaction=True)` would flush the whole database afterwards,
including the regions loaded once per session. So the test is an ordinary `django_db` test
(which makes pytest-django set up the test database) whose work all happens in threads with
connections of their own, in autocommit: they commit their events, the checks read the committed
chain, and a last thread removes exactly those events and puts the chain head back, leaving the
database as the session had it.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections, transaction

from kansrijk.audit.constants import GENESIS_HASH
from kansrijk.audit.models import AuditChainHead, AuditEvent
from kansrijk.audit.selectors import audit_chain_verify
from kansrijk.audit.services import audit_record

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite lets one writer in at a time (BEGIN IMMEDIATE), so appends cannot race "
        "there, and its in-memory test database is not shared by threads; the chain head's "
        "row lock needs proving on PostgreSQL (make test-postgres).",
    ),
]

THREADS = 4
EVENTS_PER_THREAD = 25


def test_concurrent_writers_never_share_a_number_or_fork_the_chain():
    assert connection.settings_dict["NAME"].startswith("test_")
    head = _in_own_connection(
        lambda: AuditChainHead.objects.filter(pk=1).values_list("sequence", "hash").first()
    )
    start, start_hash = head or (0, GENESIS_HASH)
    try:
        errors = _write_concurrently()
        numbers, check = _in_own_connection(lambda: (_numbers_after(start), audit_chain_verify()))
    finally:
        _in_own_connection(lambda: _restore(start=start, start_hash=start_hash, existed=bool(head)))

    assert errors == []
    assert numbers == list(range(start + 1, start + THREADS * EVENTS_PER_THREAD + 1))
    assert check.ok, check
    assert check.count == start + THREADS * EVENTS_PER_THREAD


def _write_concurrently() -> list[BaseException]:
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def writer(number: int) -> None:
        barrier.wait()
        for step in range(EVENTS_PER_THREAD):
            audit_record(
                action="test.concurrent", actor_id=f"writer-{number}", detail={"step": step}
            )

    threads = [
        threading.Thread(target=_collecting(writer, errors), args=(n,)) for n in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def _in_own_connection(work: Callable[[], Any]) -> Any:
    """Run `work` in a new thread, so on a connection of its own outside the test transaction."""
    results: list[Any] = []
    errors: list[BaseException] = []
    thread = threading.Thread(target=_collecting(lambda: results.append(work()), errors))
    thread.start()
    thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results[0] if results else None


def _collecting(work: Callable[..., None], errors: list[BaseException]) -> Callable[..., None]:
    def run(*args: Any) -> None:
        try:
            work(*args)
        except BaseException as error:  # reported to the test thread
            errors.append(error)
        finally:
            connections.close_all()

    return run


def _numbers_after(start: int) -> list[int]:
    return list(
        AuditEvent.objects.filter(sequence__gt=start)
        .order_by("sequence")
        .values_list("sequence", flat=True)
    )


def _restore(*, start: int, start_hash: str, existed: bool) -> None:
    """Remove the events this test committed (the table's owner may switch its triggers off,
    as an administrator could) and put the chain head back."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence > %s", [start])
        cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
        if existed:
            AuditChainHead.objects.filter(pk=1).update(sequence=start, hash=start_hash)
        else:
            AuditChainHead.objects.all().delete()
