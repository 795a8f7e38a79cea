"""Retention: pseudonymise clients after the retention period without activity."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kansrijk.clients import extensions, selectors
from kansrijk.clients.constants import (
    AUDIT_CLIENT_PSEUDONYMISED,
)
from kansrijk.clients.models import Client, ClientIdentity, Consent
from kansrijk.clients.services._common import (
    client_audit_record,
)


def _month(value: datetime.date | None) -> datetime.date | None:
    return value.replace(day=1) if value is not None else None


def clients_pseudonymise_expired(now: datetime.datetime | None = None) -> int:
    """Pseudonymise every client without activity for KANSRIJK_RETENTION_DAYS: her identity is
    deleted, her dates are coarsened to the first of the month, her active consents end and
    `pseudonymised_at` is set; from then on nobody sees her. One transaction per client, so
    an interrupted run loses nothing and the next run goes on. Returns how many."""
    now = now or timezone.now()
    done = 0
    for client_id in selectors.clients_expired(now=now).values_list("pk", flat=True):
        with transaction.atomic():
            # Claim her first: a concurrent run, or new activity meanwhile, skips her.
            claimed = (
                selectors.clients_expired(now=now)
                .filter(pk=client_id)
                .update(pseudonymised_at=now, lock_version=F("lock_version") + 1)
            )
            if not claimed:
                continue
            client = Client.objects.get(pk=client_id)
            client.due_date = _month(client.due_date)
            client.child_birth_date = _month(client.child_birth_date)
            client.save(update_fields=["due_date", "child_birth_date"])
            ClientIdentity.objects.filter(client=client).delete()
            for pseudonymise in extensions.pseudonymisers():
                pseudonymise(client_id=client.pk)
            Consent.objects.filter(client=client, withdrawn_at__isnull=True).update(
                withdrawn_at=now, withdrawal_note=""
            )
            client_audit_record(
                action=AUDIT_CLIENT_PSEUDONYMISED, user=None, client_uuid=str(client.uuid)
            )
            done += 1
    return done
