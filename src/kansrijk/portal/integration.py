"""The parent site's part of other apps' pages (the coordinator's work list)."""

from __future__ import annotations

import datetime
from typing import Any

from kansrijk.accounts.constants import Role
from kansrijk.portal import selectors


def coordinated_coalitions(user: Any) -> list[int]:
    """The coalitions whose waiting requests this user may see and retry."""
    if not user.is_authenticated or not user.has_role(Role.COORDINATOR) or not user.organisation_id:
        return []
    return list(user.organisation.coalitions.values_list("pk", flat=True))


def waiting_requests_section(user: Any, today: datetime.date) -> dict | None:
    coalition_ids = coordinated_coalitions(user)
    if not coalition_ids:
        return None
    waiting = list(selectors.help_requests_waiting(coalition_ids=coalition_ids)[:50])
    return {"waiting_help_requests": waiting, "count": len(waiting)}
