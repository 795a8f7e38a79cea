"""What this app adds to the personal calendar feed and to the shared agreement engine."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.urls import reverse

from kansrijk.core.calendar import CalendarItem
from kansrijk.network import access, ical, selectors


def calendar_items(user: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    """The meetings the user is invited to or said yes or maybe to; a meeting title carries
    no client data."""
    for event in selectors.events_for_user(user=user, since=since):
        yield CalendarItem(
            uid=ical.event_uid(event),
            title=event.title,
            starts=event.starts_at,
            ends=event.ends_at,
            location=event.place or event.online_link,
            path=reverse("network:event_page", args=[event.uuid]),
            description=event.description,
            cancelled=event.cancelled,
        )


def work_list_section(user: Any, today: datetime.date) -> dict | None:
    """Meetings the user is invited to and has not answered; none: no section."""
    invitations = list(selectors.invitations_awaiting_answer(user=user))
    if not invitations:
        return None
    return {"invitations": invitations, "count": len(invitations)}


def action_item_may_dispose(user: Any, item: Any) -> bool:
    """Besides the owner, a coordinator of the coalition records what a meeting decided."""
    return access.may_coordinate(user, item.coalition_id)


def action_item_path(item: Any) -> str:
    return reverse("network:event_page", args=[item.context_uuid])
