"""Write to the audit log. Events are only ever added, never changed or deleted."""

from typing import Any

from kansrijk.audit.models import AuditEvent


def audit_record(
    *,
    action: str,
    actor_id: str = "",
    actor_organisation_id: str = "",
    object_type: str = "",
    object_id: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        action=action,
        actor_id=actor_id,
        actor_organisation_id=actor_organisation_id,
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
    )
