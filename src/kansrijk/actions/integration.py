"""What this app adds to the work list and to the personal calendar feed."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from kansrijk.actions import selectors
from kansrijk.core.calendar import CalendarItem


def work_list_section(user: Any, today: datetime.date) -> dict | None:
    items = list(selectors.open_action_items_for_owner(user))
    if not items:
        return None
    for item in items:
        item.overdue = selectors.action_item_is_overdue(item, today)
    return {"items": items, "count": sum(item.overdue for item in items)}


def calendar_items(user: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    for item in selectors.open_action_items_for_owner(user).filter(due_on__gte=since.date()):
        yield CalendarItem(
            uid=f"agreement-{item.uuid}@kansrijk.nl",
            # The description may name a family: the feed leaves Kansrijk, so only the meeting.
            title=_("Agreement due (%(meeting)s)") % {"meeting": item.context_label},
            starts=item.due_on,
            path=selectors.action_item_path(item),
        )
