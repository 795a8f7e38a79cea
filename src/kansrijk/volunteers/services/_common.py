"""What the volunteers services share: the audit event, the version check, code lists."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kansrijk.audit.services import audit_record
from kansrijk.clients.services import StaleEditError

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

logger = logging.getLogger(__name__)


def _audit(
    *,
    action: str,
    user: User | None,
    object_type: str,
    object_id: str,
    client_id: str = "",
    detail: Mapping[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    organisation = getattr(user, "organisation", None) if user is not None else None
    who: dict[str, Any] = {
        "actor_id": str(user.uuid) if user is not None else "",
        "actor_display": user.get_username() if user is not None else "",
        "actor_role": ",".join(sorted(user.role_codes)) if user is not None else "",
        "actor_organisation_id": str(organisation.uuid) if organisation is not None else "",
        "source": "system",
    }
    who.update(audit_context or {})
    audit_record(
        action=action,
        client_id=client_id,
        object_type=object_type,
        object_id=object_id,
        detail=dict(detail or {}),
        **who,
    )


def _check_version(obj: Any, lock_version: int | None) -> None:
    if lock_version is not None and lock_version != obj.lock_version:
        raise StaleEditError(expected_version=lock_version, current_version=obj.lock_version)


def _check_codes(values: Iterable[str], allowed: Iterable[str], field: str) -> list[str]:
    values = list(dict.fromkeys(values))
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValidationError(
            {field: _("Unknown choice: %(values)s.") % {"values": ", ".join(unknown)}}
        )
    return values
