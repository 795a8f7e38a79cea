"""Write to the audit log. Events are only ever added, never changed or deleted.

Pass ids only: `client_id` is the client's pseudonymous id, `actor_id` a user's UUID, and
`detail` holds ids and short facts (a state, a reason code) — never names, addresses, phone
numbers, e-mail addresses or free text about a person.

Each event takes the next sequence number and links to the previous event's hash. Appends are
serialised by locking the one-row chain head (SELECT ... FOR UPDATE) until the caller's
transaction commits, so write the audit event as the last step of a transaction. When that
transaction rolls back, its audit event is rolled back with it and the number is not used.
"""

import ipaddress
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from kansrijk.audit import chain
from kansrijk.audit.constants import CHAIN_HEAD_ID, GENESIS_HASH, Outcome
from kansrijk.audit.models import AuditChainHead, AuditEvent


@transaction.atomic
def audit_record(
    *,
    action: str,
    actor_id: str = "",
    actor_display: str = "",
    actor_role: str = "",
    actor_organisation_id: str = "",
    client_id: str = "",
    object_type: str = "",
    object_id: str = "",
    detail: dict[str, Any] | None = None,
    source: str = "",
    outcome: str = Outcome.ALLOWED,
) -> AuditEvent:
    """Append one event. `source` is an IP address, or "system" / a command's name;
    `outcome` is "allowed" or "denied" (an attempt that was refused)."""
    if outcome not in Outcome.values:
        raise ValueError(f"unknown audit outcome {outcome!r}")
    values = {
        "actor_id": actor_id,
        "actor_display": actor_display,
        "actor_role": actor_role,
        "actor_organisation_id": actor_organisation_id,
        "client_id": client_id,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "source": source,
        "outcome": str(outcome),
    }
    # The database must give back exactly what was hashed: text within the column's length
    # (PostgreSQL would refuse longer text), detail as stable JSON.
    values = {
        name: ("" if value is None else str(value))[: AuditEvent._meta.get_field(name).max_length]
        for name, value in values.items()
    }
    values["detail"] = chain.normalise_detail(detail)

    head = _chain_head_locked()
    values["timestamp"] = timezone.now()
    digest = chain.event_hash(previous_hash=head.hash, fields=values)
    event = AuditEvent(sequence=head.sequence + 1, previous_hash=head.hash, hash=digest, **values)
    event.save(force_insert=True)
    AuditChainHead.objects.filter(pk=CHAIN_HEAD_ID).update(sequence=event.sequence, hash=digest)
    return event


def _chain_head_locked() -> AuditChainHead:
    head = AuditChainHead.objects.select_for_update().filter(pk=CHAIN_HEAD_ID).first()
    if head is None:
        # Migration 0002 creates the head; `flush` (tests, a reset demo) empties it. Start
        # again after the last event, if any. ignore_conflicts: a concurrent writer may be
        # creating it too; the lock below then waits for that writer.
        last = AuditEvent.objects.order_by("-sequence").values_list("sequence", "hash").first()
        sequence, digest = last or (0, GENESIS_HASH)
        AuditChainHead.objects.bulk_create(
            [AuditChainHead(id=CHAIN_HEAD_ID, sequence=sequence, hash=digest)],
            ignore_conflicts=True,
        )
        head = AuditChainHead.objects.select_for_update().get(pk=CHAIN_HEAD_ID)
    return head


def audit_request_context(request: HttpRequest) -> dict[str, str]:
    """Who is asking and from where, as keyword arguments for `audit_record`:
    `audit_record(action=..., client_id=..., **audit_request_context(request))`."""
    context = {
        "actor_id": "",
        "actor_display": "",
        "actor_role": "",
        "actor_organisation_id": "",
        "source": request_source(request),
    }
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context
    organisation = getattr(user, "organisation", None)
    context["actor_id"] = str(getattr(user, "uuid", "") or user.pk)
    context["actor_display"] = user.get_username()
    context["actor_role"] = ",".join(sorted(str(code) for code in getattr(user, "role_codes", ())))
    context["actor_organisation_id"] = (
        str(getattr(organisation, "uuid", "")) if organisation else ""
    )
    return context


def request_source(request: HttpRequest) -> str:
    """The client's IP address. X-Forwarded-For counts only when the request comes from a proxy
    listed in the setting KANSRIJK_TRUSTED_PROXIES (addresses or networks); then the last address
    in it that is not a trusted proxy is the client."""
    remote = _ip(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    trusted = _networks(getattr(settings, "KANSRIJK_TRUSTED_PROXIES", ()))
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not forwarded or not _is_trusted(remote, trusted):
        return str(remote)
    for hop in reversed([part.strip() for part in forwarded.split(",")]):
        address = _ip(hop)
        if address is None:
            # Garbage in the header: do not guess, keep the nearest known address.
            return str(remote)
        if not _is_trusted(address, trusted):
            return str(address)
        remote = address
    return str(remote)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _networks(entries) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    if isinstance(entries, str):
        entries = entries.split(",")
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _is_trusted(address, networks) -> bool:
    return any(address.version == network.version and address in network for network in networks)
