"""What the group programmes add elsewhere: work-list sections (follow-up calls after an
absence, waiting-list candidates whose start deadline is near, groups starting with free
places) and the facilitator's sessions in the personal calendar feed."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import audit_actor
from kansrijk.audit.services import audit_record
from kansrijk.core.calendar import AUDIENCE_PARENTS, CalendarItem
from kansrijk.programmes import selectors
from kansrijk.programmes.constants import (
    AUDIT_FOLLOW_UP_LISTED,
    AUDIT_OBJECT_ENROLMENT,
    GroupStatus,
)


def facilitator_section(user: Any, today: datetime.date) -> dict | None:
    """Calls to make after an absence and waiting-list candidates near their deadline, for
    those who lead a group. Shows client codes, so each one shown is audited."""
    calls = list(selectors.follow_up_calls_open_for(user))
    candidates = selectors.waiting_candidates_near_deadline(user, today)
    if not calls and not candidates:
        return None
    enrolments = [call.attendance.enrolment for call in calls] + [
        candidate.enrolment for candidate in candidates
    ]
    for enrolment in enrolments:
        audit_record(
            action=AUDIT_FOLLOW_UP_LISTED,
            client_id=str(enrolment.client.uuid),
            object_type=AUDIT_OBJECT_ENROLMENT,
            object_id=str(enrolment.uuid),
            detail={"group": str(enrolment.group.uuid)},
            **audit_actor(user),
        )
    for call in calls:
        call.overdue = call.due_on < today
    return {"calls": calls, "candidates": candidates, "count": len(calls) + len(candidates)}


def starting_groups_section(user: Any, today: datetime.date) -> dict | None:
    """Planned groups starting soon with free places (no client data)."""
    if not selectors.user_sees_starting_groups(user):
        return None
    return {
        "groups": list(selectors.groups_starting_with_free_places(user, today)),
        # The group page is for professionals; a coordinator only sees the list.
        "linked": user.has_role(Role.PROFESSIONAL),
    }


def _session_item(session, **fields: Any) -> CalendarItem:
    group = session.group
    return CalendarItem(
        # The group's name and the session number only: the feed leaves Kansrijk.
        title=_("%(group)s: session %(number)s of %(count)s")
        % {
            "group": group.name,
            "number": session.number,
            "count": group.programme.session_count,
        },
        starts=session.starts_at,
        ends=session.ends_at,
        cancelled=group.status == GroupStatus.CANCELLED,
        **fields,
    )


def public_calendar_items(coalition: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    """The coalition's groups for parents on its public agenda (and the parent site): each
    session of a planned or running group, with its place. No participant, ever."""
    for session in selectors.public_sessions(coalition=coalition, since=since):
        group = session.group
        yield _session_item(
            session,
            uid=f"programme-public-session-{session.uuid}@kansrijk.nl",
            location=session.place or group.place or (_("online") if group.online_link else ""),
            description=group.programme.name,
            audience=AUDIENCE_PARENTS,
        )


def calendar_items(user: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    for session in selectors.sessions_led_by(user, since=since):
        yield _session_item(
            session,
            uid=f"programme-session-{session.uuid}@kansrijk.nl",
            location=session.place or session.online_link,
            path=reverse("programmes:session_detail", args=[session.uuid]),
        )
