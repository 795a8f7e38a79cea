"""iCalendar (RFC 5545) for the coalition agenda, made with the `icalendar` package."""

import datetime
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from kansrijk.network.constants import ICAL_UID_DOMAIN
from kansrijk.network.models import Event

PRODID = "-//Kansrijk//Coalition agenda//NL"


def event_uid(event: Event) -> str:
    return f"{event.uuid}@{ICAL_UID_DOMAIN}"


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _vevent(event: Event, *, now: datetime.datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", _utc(now))
    vevent.add("last-modified", _utc(event.updated_at or now))
    vevent.add("dtstart", _utc(event.starts_at))
    vevent.add("dtend", _utc(event.ends_at))
    vevent.add("summary", event.title)
    if event.description:
        vevent.add("description", event.description)
    location = event.place or event.online_link
    if location:
        vevent.add("location", location)
    if event.online_link:
        vevent.add("url", event.online_link)
    # The version number lets calendars see that a changed event replaces the earlier one.
    vevent.add("sequence", event.lock_version)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return vevent


def calendar_bytes(*, name: str, events: Iterable[Event]) -> bytes:
    now = timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    # How often subscribed calendars should fetch the feed again (Outlook reads the X- one).
    calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for event in events:
        calendar.add_component(_vevent(event, now=now))
    return calendar.to_ical()
