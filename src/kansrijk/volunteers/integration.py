"""What this app adds to the work list (core.worklist): for the coordinators of a volunteer
organisation, the families waiting for a volunteer (by need), the check-ins due (missed ones
first) and the worries volunteers logged. Nothing for anyone else."""

from __future__ import annotations

import datetime
from typing import Any

from kansrijk.accounts.selectors import audit_actor
from kansrijk.audit.services import audit_record
from kansrijk.volunteers import selectors
from kansrijk.volunteers.constants import AUDIT_WORK_LIST_VIEWED, NEED_LABELS

# The work list shows the first few; the full lists are one click away.
SHOWN = 10


def _coordinates_volunteers(user: Any) -> bool:
    """A coordinator of an organisation that works with volunteers (has volunteers or families
    asking for one); other coordinators get no empty sections."""
    return selectors.works_with_volunteers(user)


def _audit_listed(user: Any, section: str, client_ids: list[str]) -> None:
    """Client codes on a work list are client data: the read is audited."""
    if not client_ids:
        return
    audit_record(
        action=AUDIT_WORK_LIST_VIEWED,
        object_type="volunteer_request",
        detail={"section": section, "clients": sorted(set(client_ids))},
        source="system",
        **audit_actor(user),
    )


def waiting_section(user: Any, today: datetime.date) -> dict | None:
    if not _coordinates_volunteers(user):
        return None
    requests = list(selectors.family_requests_waiting_for(user))
    families = [
        {
            "request": request,
            "needs": [NEED_LABELS.get(code, code) for code in request.needs],
            "waiting_days": (today - request.created_at.date()).days,
        }
        for request in requests[:SHOWN]
    ]
    _audit_listed(user, "waiting", [str(f["request"].client.uuid) for f in families])
    return {"families": families, "total": len(requests), "count": len(requests)}


def check_ins_section(user: Any, today: datetime.date) -> dict | None:
    if not _coordinates_volunteers(user):
        return None
    check_ins = list(selectors.check_ins_due_for(user, today=today))
    for check_in in check_ins:
        check_in.missed = check_in.due_on < today
    shown = check_ins[:SHOWN]
    _audit_listed(user, "check_ins", [str(c.match.request.client.uuid) for c in shown])
    return {
        "check_ins": shown,
        "total": len(check_ins),
        "count": sum(check_in.missed for check_in in check_ins),
    }


def worries_section(user: Any, today: datetime.date) -> dict | None:
    if not _coordinates_volunteers(user):
        return None
    worries = list(selectors.worries_open_for(user))
    if not worries:
        return None
    _audit_listed(user, "worries", [str(w.match.request.client.uuid) for w in worries])
    return {"worries": worries, "count": len(worries)}
