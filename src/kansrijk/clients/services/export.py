"""Her right of access: everything Kansrijk holds about her, as one document."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.audit import selectors as audit_selectors
from kansrijk.clients import extensions, selectors
from kansrijk.clients.constants import (
    AUDIT_CLIENT_EXPORTED,
)
from kansrijk.clients.models import Client
from kansrijk.clients.services._common import (
    EXPORT_FORMAT,
    IDENTITY_FIELDS,
    client_audit_record,
)
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _region(region: Any) -> dict[str, str] | None:
    if region is None:
        return None
    return {"code": region.code or "", "name": region.name}


def _export_audit_events(client: Client) -> list[dict[str, Any]]:
    events = list(
        audit_selectors.audit_events_for_client(client_id=str(client.uuid)).order_by("sequence")
    )
    organisation_ids = {e.actor_organisation_id for e in events if e.actor_organisation_id}
    names = {
        str(o.uuid): o.name
        for o in organisation_selectors.organisation_list().filter(uuid__in=organisation_ids)
    }
    return [
        {
            "timestamp": _iso(event.timestamp),
            "action": event.action,
            "organisation": names.get(event.actor_organisation_id, ""),
            "role": event.actor_role,
            "outcome": event.outcome,
        }
        for event in events
    ]


def client_export(
    client_id: int,
    *,
    exported_by: User | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything Kansrijk holds about her, for her (right of access, GDPR art. 15): her
    facts, her consents, who did what with her data (the audit events about her) and, once
    kansrijk.referrals provides them, her referrals. Her name and contact details are not in
    it (they never leave the encrypted store); the export says which of them are held. Check
    access first; the export itself is audited."""
    client = selectors.client_get(client_id=client_id)
    if client is None:
        raise Client.DoesNotExist(client_id)
    identity = selectors.client_identity_get(client=client)
    consents = selectors.consents_for_client(client=client).order_by("given_at", "pk")
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "exported_at": _iso(timezone.now()),
        "client": {
            "id": str(client.uuid),
            "pseudonym": client.pseudonym,
            "year_of_birth": client.year_of_birth,
            "due_date": _iso(client.due_date),
            "child_birth_date": _iso(client.child_birth_date),
            "municipality": _region(client.municipality),
            "neighbourhood": _region(client.neighbourhood),
            "language": client.language,
            "interpreter_needed": client.interpreter_needed,
            "care_team": client.organisation.name,
            "registered_at": _iso(client.created_at),
            "last_activity_at": _iso(client.last_activity_at),
            "pseudonymised_at": _iso(client.pseudonymised_at),
        },
        "identity": {
            "held": [f for f in IDENTITY_FIELDS if identity is not None and getattr(identity, f)],
            "note": _(
                "Your name and contact details are not in this file. Your care team can show "
                "them to you."
            ),
        },
        "consents": [
            {
                "id": str(consent.uuid),
                "purpose": consent.purpose,
                "purpose_label": str(consent.get_purpose_display()),
                "recipients": sorted(o.name for o in consent.organisations.all()),
                "words": consent.words,
                "given_at": _iso(consent.given_at),
                "given_to_organisation": (
                    consent.given_to_organisation.name if consent.given_to_organisation else ""
                ),
                "withdrawn_at": _iso(consent.withdrawn_at),
                "withdrawal_note": consent.withdrawal_note,
            }
            for consent in consents
        ],
        "audit_events": _export_audit_events(client),
    }
    # What other apps hold about her (referrals, screenings), registered in extensions.py.
    for name, lookup in extensions.export_sections().items():
        document[name] = list(lookup(client.pk))
    client_audit_record(
        action=AUDIT_CLIENT_EXPORTED,
        user=exported_by,
        client_uuid=str(client.uuid),
        audit_context=audit_context,
    )
    return document
