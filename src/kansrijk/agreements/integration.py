"""What this app adds to pages it does not own: the work-list sections (core.worklist)."""

from __future__ import annotations

import datetime
from typing import Any

from kansrijk.accounts.constants import Role
from kansrijk.agreements import access, selectors


def evaluation_section(user: Any, today: datetime.date) -> dict | None:
    """For coordinators: adopted agreements of their coalitions to evaluate within 30 days
    (or overdue)."""
    if not user.is_authenticated or not user.has_role(Role.COORDINATOR):
        return None
    coalitions = access.coalitions_visible_to(user=user)
    versions = list(selectors.versions_due_for_evaluation(today=today, coalitions=coalitions))
    items = [{"version": v, "overdue": v.evaluation_due < today} for v in versions]
    return {"items": items, "count": len(items)}


def to_sign_section(user: Any, today: datetime.date) -> dict | None:
    """For partner signatories: versions in consultation their organisation has not signed."""
    if not user.is_authenticated or not user.has_role(Role.PARTNER_SIGNATORY):
        return None
    versions = list(selectors.versions_to_sign_by(user=user))
    return {"versions": versions, "count": len(versions)}
