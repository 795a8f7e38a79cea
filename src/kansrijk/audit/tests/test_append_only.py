"""The audit log is append-only in the database itself, on SQLite and PostgreSQL alike."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from kansrijk.audit.models import AuditEvent, AuditLogAppendOnlyError
from kansrijk.audit.selectors import audit_chain_verify
from kansrijk.audit.services import audit_record
from kansrijk.audit.tests.tampering import TABLE, raw_execute

pytestmark = pytest.mark.django_db


def test_the_database_refuses_to_change_an_event():
    event = audit_record(action="test.original")

    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        raw_execute(f"UPDATE {TABLE} SET action = 'test.forged' WHERE id = %s", [event.pk])

    assert AuditEvent.objects.get(pk=event.pk).action == "test.original"


def test_the_database_refuses_to_delete_an_event():
    event = audit_record(action="test.keep")

    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        raw_execute(f"DELETE FROM {TABLE} WHERE id = %s", [event.pk])

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_model_refuses_to_save_a_changed_event_or_delete_one():
    event = audit_record(action="test.keep")
    event.action = "test.forged"

    with pytest.raises(AuditLogAppendOnlyError):
        event.save()
    with pytest.raises(AuditLogAppendOnlyError):
        event.delete()
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="test.forged")
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AuditLogAppendOnlyError):
        AuditEvent(action="test.unchained", sequence=10**9, previous_hash="", hash="").save()


def test_flushing_the_whole_database_empties_the_log_and_keeps_it_append_only():
    # Django's transactional tests flush after each test; on SQLite that deletes row by row.
    audit_record(action="test.before_flush")

    call_command(
        "flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0
    )

    assert not AuditEvent.objects.exists()
    event = audit_record(action="test.after_flush")
    assert event.sequence == 1
    assert audit_chain_verify().ok
    with pytest.raises(IntegrityError), transaction.atomic():
        raw_execute(f"DELETE FROM {TABLE} WHERE id = %s", [event.pk])
