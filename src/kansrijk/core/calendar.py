"""What a staff member's personal calendar feed and a coalition's public agenda hold,
contributed by the apps that own it.

The network app serves the feed (behind a secret, revocable link); casework adds the
consultations someone is a member of, programmes the group sessions they facilitate, actions
the due dates of their open agreements. Each registers a source in its AppConfig.ready(), so
the network app imports none of them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable across feed refreshes, e.g. "<uuid>@kansrijk.nl", so calendars update
    title: str  # no client data: a feed leaves the application
    starts: datetime.datetime | datetime.date  # aware datetime, or a date for an all-day item
    ends: datetime.datetime | datetime.date | None = None
    location: str = ""
    path: str = ""  # the page in Kansrijk, made absolute by the feed
    description: str = ""
    cancelled: bool = False
    # Who it is for: the parent site lists only what is for parents (groups, not trainings).
    audience: str = "professionals"


AUDIENCE_PARENTS = "parents"
AUDIENCE_PROFESSIONALS = "professionals"


Source = Callable[[Any, datetime.datetime], Iterable[CalendarItem]]

_SOURCES: dict[str, Source] = {}


def register_personal_source(key: str, source: Source) -> None:
    """`source(user, since)` yields the user's items that end after `since`."""
    _SOURCES[key] = source


def personal_items(user: Any, since: datetime.datetime) -> list[CalendarItem]:
    items: list[CalendarItem] = []
    for key in sorted(_SOURCES):
        items.extend(_SOURCES[key](user, since))
    return items


# The coalition's public agenda and feed: what other apps publish besides network events.
PublicSource = Callable[[Any, datetime.datetime], Iterable[CalendarItem]]

_PUBLIC_SOURCES: dict[str, PublicSource] = {}


def register_public_source(key: str, source: PublicSource) -> None:
    """`source(coalition, since)` yields public items (e.g. training editions) ending after
    `since`, cancelled ones included so subscribed calendars remove them."""
    _PUBLIC_SOURCES[key] = source


def public_items(coalition: Any, since: datetime.datetime) -> list[CalendarItem]:
    items: list[CalendarItem] = []
    for key in sorted(_PUBLIC_SOURCES):
        items.extend(_PUBLIC_SOURCES[key](coalition, since))
    return items
