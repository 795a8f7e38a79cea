"""`kansrijk audit verify`: passes on an intact log and names the first event an attacker with
database access changed, removed, renumbered or slipped in."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kansrijk.audit import chain
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.audit.tests.tampering import TABLE, detail_overwrite, guards_drop, raw_execute

pytestmark = pytest.mark.django_db


def _verify(*args: str) -> str:
    out = StringIO()
    call_command("audit", "verify", *args, stdout=out)
    return out.getvalue()


def _broken(*args: str) -> CommandError:
    with pytest.raises(CommandError) as caught:
        _verify(*args)
    assert caught.value.returncode == 1
    return caught.value


def _mixed_writes() -> list[AuditEvent]:
    """Events as the apps write them: log-ins, directory edits, client reads, a refusal."""
    return [
        audit_record(action="accounts.login", actor_id="u1", detail={"second_factor": True}),
        audit_record(action="directory.service_updated", object_type="service", object_id="s1"),
        audit_record(action="clients.read", client_id="c1", actor_role="professional"),
        audit_record(action="clients.read", client_id="c1", outcome="denied", source="192.0.2.1"),
        audit_record(action="accounts.logout", actor_id="u1", source="system"),
    ]


def test_verify_passes_on_an_intact_log():
    events = _mixed_writes()

    with translation.override("en"):
        output = _verify()

    assert output.strip() == f"audit chain OK: {events[-1].sequence} events"


def test_verify_speaks_dutch_by_default():
    events = _mixed_writes()

    assert f"{events[-1].sequence} gebeurtenissen" in _verify()


def test_verify_reads_the_log_in_batches():
    events = _mixed_writes()

    assert str(events[-1].sequence) in _verify("--batch-size", "2")


def test_verify_names_an_event_whose_action_was_altered():
    events = _mixed_writes()
    guards_drop()
    raw_execute(
        f"UPDATE {TABLE} SET action = 'clients.list' WHERE sequence = %s", [events[2].sequence]
    )

    with translation.override("en"):
        error = _broken()

    assert f"at sequence {events[2].sequence}: altered" in str(error)


def test_verify_names_an_event_whose_detail_was_altered():
    events = _mixed_writes()
    guards_drop()
    detail_overwrite(sequence=events[0].sequence, detail_json='{"second_factor": false}')

    with translation.override("en"):
        assert f"at sequence {events[0].sequence}: altered" in str(_broken())


def test_verify_notices_an_event_deleted_from_the_middle_as_a_gap():
    events = _mixed_writes()
    guards_drop()
    raw_execute(f"DELETE FROM {TABLE} WHERE sequence = %s", [events[1].sequence])

    with translation.override("en"):
        assert f"at sequence {events[1].sequence}: missing" in str(_broken())


def test_verify_notices_that_the_newest_events_were_deleted():
    events = _mixed_writes()
    guards_drop()
    raw_execute(f"DELETE FROM {TABLE} WHERE sequence >= %s", [events[3].sequence])

    with translation.override("en"):
        assert f"at sequence {events[3].sequence}: missing" in str(_broken())


def test_verify_notices_renumbered_events():
    events = _mixed_writes()
    guards_drop()
    first, second = events[1].sequence, events[2].sequence
    raw_execute(f"UPDATE {TABLE} SET sequence = 0 WHERE sequence = %s", [first])
    raw_execute(f"UPDATE {TABLE} SET sequence = %s WHERE sequence = %s", [first, second])
    raw_execute(f"UPDATE {TABLE} SET sequence = %s WHERE sequence = 0", [second])

    with translation.override("en"):
        assert f"at sequence {first}: reordered" in str(_broken())


def test_verify_notices_a_forged_event_even_with_a_recomputed_hash():
    # The attacker knows the algorithm: the forged event hashes correctly, but the next event
    # still links to the original.
    events = _mixed_writes()
    guards_drop()
    forged = AuditEvent.objects.get(pk=events[2].pk)
    fields = {name: getattr(forged, name) for name in chain.HASHED_FIELDS}
    fields["client_id"] = "c2"
    digest = chain.event_hash(previous_hash=forged.previous_hash, fields=fields)
    raw_execute(
        f"UPDATE {TABLE} SET client_id = 'c2', hash = %s WHERE id = %s", [digest, forged.pk]
    )

    with translation.override("en"):
        assert f"at sequence {events[3].sequence}: reordered" in str(_broken())


def test_verify_notices_an_event_added_behind_the_logs_back():
    events = _mixed_writes()
    last = events[-1]
    raw_execute(
        f"INSERT INTO {TABLE} (sequence, timestamp, actor_id, actor_display, actor_role, "
        "actor_organisation_id, client_id, action, object_type, object_id, detail, source, "
        "outcome, previous_hash, hash) VALUES (%s, %s, '', '', '', '', '', 'forged', '', '', "
        "%s, '', 'allowed', %s, %s)",
        [last.sequence + 1, last.timestamp, json.dumps({}), last.hash, "f" * 64],
    )

    with translation.override("en"):
        assert f"at sequence {last.sequence + 1}: inserted" in str(_broken())
