"""Registering a client and changing her facts."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from kansrijk.clients.constants import (
    AUDIT_CLIENT_REGISTERED,
    AUDIT_CLIENT_UPDATED,
)
from kansrijk.clients.models import Client
from kansrijk.clients.services._common import (
    CLIENT_FIELDS,
    StaleEditError,
    _check_facts,
    _check_not_pseudonymised,
    _new_pseudonym,
    client_audit_record,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation
    from kansrijk.regions.models import Municipality, Neighbourhood


@transaction.atomic
def client_register(
    *,
    organisation: Organisation,
    created_by: User | None,
    year_of_birth: int | None,
    municipality: Municipality,
    neighbourhood: Neighbourhood | None = None,
    due_date: datetime.date | None = None,
    child_birth_date: datetime.date | None = None,
    language: str = "nl",
    interpreter_needed: bool = False,
    complete: bool = True,
    now: datetime.datetime | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Client:
    """Register a client with her care team `organisation`; she gets a fresh pseudonym.
    Raises ValidationError (Dutch messages, per field) on implausible facts. `complete=False`
    (a parent's own request for help) leaves the year of birth and dates to the intake."""
    now = now or timezone.now()
    _check_facts(
        year_of_birth=year_of_birth,
        due_date=due_date,
        child_birth_date=child_birth_date,
        municipality=municipality,
        neighbourhood=neighbourhood,
        language=language,
        today=timezone.localdate(now),
        complete=complete,
    )
    for _attempt in range(10):
        client = Client(
            pseudonym=_new_pseudonym(),
            year_of_birth=year_of_birth,
            due_date=due_date,
            child_birth_date=child_birth_date,
            municipality=municipality,
            neighbourhood=neighbourhood,
            language=language,
            interpreter_needed=interpreter_needed,
            organisation=organisation,
            created_by=created_by,
            created_at=now,
            last_activity_at=now,
        )
        try:
            with transaction.atomic():  # a savepoint: a taken pseudonym only costs a retry
                client.save(force_insert=True)
        except IntegrityError:
            if Client.objects.filter(pseudonym=client.pseudonym).exists():
                continue
            raise
        break
    else:  # pragma: no cover - 29^6 codes; ten collisions in a row means something else broke
        raise RuntimeError("could not find a free pseudonym")
    client_audit_record(
        action=AUDIT_CLIENT_REGISTERED,
        user=created_by,
        client_uuid=str(client.uuid),
        audit_context=audit_context,
    )
    return client


@transaction.atomic
def client_update(
    *,
    client: Client,
    expected_version: int,
    updated_by: User | None,
    audit_context: Mapping[str, Any] | None = None,
    **changes: Any,
) -> Client:
    """Change her facts (CLIENT_FIELDS). Refused with StaleEditError when she is no longer at
    `expected_version`: the check is one UPDATE ... WHERE lock_version = expected, which locks
    the row until commit, so of two concurrent edits exactly one wins. Without a real change
    nothing is written."""
    unknown = set(changes) - CLIENT_FIELDS
    if unknown:
        raise TypeError(f"client_update got unknown fields: {', '.join(sorted(unknown))}")
    claimed = Client.objects.filter(pk=client.pk, lock_version=expected_version).update(
        lock_version=F("lock_version")
    )
    if not claimed:
        current = Client.objects.filter(pk=client.pk).values_list("lock_version", flat=True)
        if not current:
            raise Client.DoesNotExist(client.pk)
        raise StaleEditError(expected_version=expected_version, current_version=current[0])
    fresh = Client.objects.select_related("municipality", "neighbourhood").get(pk=client.pk)
    _check_not_pseudonymised(fresh)
    changed = [name for name, value in changes.items() if getattr(fresh, name) != value]
    if not changed:
        return fresh
    for name in changed:
        setattr(fresh, name, changes[name])
    now = timezone.now()
    _check_facts(
        year_of_birth=fresh.year_of_birth,
        due_date=fresh.due_date,
        child_birth_date=fresh.child_birth_date,
        municipality=fresh.municipality,
        neighbourhood=fresh.neighbourhood,
        language=fresh.language,
        today=timezone.localdate(now),
    )
    fresh.lock_version = expected_version + 1
    fresh.last_activity_at = max(fresh.last_activity_at, now)
    fresh.save()
    client_audit_record(
        action=AUDIT_CLIENT_UPDATED,
        user=updated_by,
        client_uuid=str(fresh.uuid),
        detail={"fields": sorted(changed)},
        audit_context=audit_context,
    )
    for name in ("lock_version", "last_activity_at", *changed):
        setattr(client, name, getattr(fresh, name))
    return fresh


def client_touch(*, client_id: int, when: datetime.datetime | None = None) -> None:
    """Record activity about her elsewhere (a referral moved): the retention period starts
    again from `when`. For kansrijk.referrals; writes no audit event (the caller does)."""
    when = when or timezone.now()
    Client.objects.filter(pk=client_id, last_activity_at__lt=when).update(last_activity_at=when)
