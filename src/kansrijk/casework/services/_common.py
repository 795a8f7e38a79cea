"""What the casework services share: their errors and their audit events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kansrijk.accounts.selectors import audit_actor
from kansrijk.audit.services import audit_record
from kansrijk.casework import selectors
from kansrijk.casework.constants import (
    AUDIT_CASE_DENIED,
    AUDIT_CASE_VIEWED,
    AUDIT_MINUTES_EXPORTED,
    AUDIT_OBJECT_CASE,
    AUDIT_OBJECT_MEETING,
)
from kansrijk.casework.models import (
    Case,
    Meeting,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


class StaleCaseworkError(Exception):
    """Someone else changed this since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this in the meantime. Reload the page and try again.")
        )


class RecognisableError(ValidationError):
    """An anonymous case whose details could identify her; the submitter must confirm."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__(warnings, code="recognisable")
        self.warnings = warnings


def _audit(
    *,
    action: str,
    user: User | None,
    case: Case | None = None,
    meeting: Meeting | None = None,
    detail: dict[str, Any] | None = None,
    audit_context: dict[str, str] | None = None,
    outcome: str = "allowed",
) -> None:
    """Client data: a named case's events carry her id, so her audit trail shows them."""
    audit_record(
        action=action,
        client_id=str(case.client.uuid) if case is not None and case.client_id else "",
        object_type=AUDIT_OBJECT_CASE if case is not None else AUDIT_OBJECT_MEETING,
        object_id=str(case.uuid if case is not None else meeting.uuid),
        detail=detail or {},
        outcome=outcome,
        **{"source": "system", **audit_actor(user), **(audit_context or {})},
    )


def audit_case_view(*, user: User, case: Case, shown: bool, audit_context=None) -> None:
    _audit(
        action=AUDIT_CASE_VIEWED,
        user=user,
        case=case,
        detail={"client_shown": shown},
        audit_context=audit_context,
    )


def audit_case_denied(*, user: User, case_uuid: Any, audit_context=None) -> None:
    """Someone tried to open a case they may not see: logged with her id, refused."""
    audit_record(
        action=AUDIT_CASE_DENIED,
        client_id=selectors.case_client_uuid(case_uuid),
        object_type=AUDIT_OBJECT_CASE,
        object_id=str(case_uuid),
        outcome="denied",
        **{"source": "system", **audit_actor(user), **(audit_context or {})},
    )


def audit_minutes_export(*, user: User, meeting: Meeting, audit_context=None) -> None:
    _audit(action=AUDIT_MINUTES_EXPORTED, user=user, meeting=meeting, audit_context=audit_context)
