"""iCalendar (RFC 5545) for the coalition agenda, made with the `icalendar` package."""

import datetime
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from kansrijk.core.calendar import CalendarItem
from kansrijk.network.constants import ICAL_UID_DOMAIN
from kansrijk.network.models import Event, Invitation

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


def _calendar(*, method: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def _published(name: str) -> icalendar.Calendar:
    """A feed calendars subscribe to, fetched again every hour."""
    calendar = _calendar(method="PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    # How often subscribed calendars should fetch the feed again (Outlook reads the X- one).
    calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    return calendar


def _add_items(calendar, items: Iterable[CalendarItem], *, now, base_url: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.uid in seen:  # two sources naming the same thing: one entry
            continue
        seen.add(item.uid)
        calendar.add_component(_item_vevent(item, now=now, base_url=base_url))


def calendar_bytes(
    *,
    name: str,
    events: Iterable[Event],
    items: Iterable[CalendarItem] = (),
    base_url: str = "",
) -> bytes:
    """The coalition's public feed: its public events, and the public items other apps add
    (training editions)."""
    now = timezone.now()
    calendar = _published(name)
    for event in events:
        calendar.add_component(_vevent(event, now=now))
    _add_items(calendar, items, now=now, base_url=base_url)
    return calendar.to_ical()


def invitation_bytes(
    *, invitation: Invitation, organizer_email: str, cancel: bool = False
) -> bytes:
    """The .ics attached to an invitation e-mail: METHOD:REQUEST (or CANCEL), with the
    event's own UID, so accepting it in Outlook or Google puts the meeting in the calendar and
    a later change or cancellation updates that same entry."""
    event = invitation.event
    calendar = _calendar(method="CANCEL" if cancel or event.cancelled else "REQUEST")
    vevent = _vevent(event, now=timezone.now())
    vevent.add("organizer", f"mailto:{organizer_email}")
    # The answer goes through the link in the e-mail (the organiser address takes no mail).
    vevent.add(
        "attendee",
        f"mailto:{invitation.user.email if invitation.user_id else invitation.email}",
        parameters={
            "CN": invitation.display_name,
            "ROLE": "REQ-PARTICIPANT",
            "PARTSTAT": "NEEDS-ACTION",
            "RSVP": "FALSE",
        },
    )
    calendar.add_component(vevent)
    return calendar.to_ical()


def _item_vevent(item: CalendarItem, *, now: datetime.datetime, base_url: str) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", item.uid)
    vevent.add("dtstamp", _utc(now))
    if isinstance(item.starts, datetime.datetime):
        vevent.add("dtstart", _utc(item.starts))
        if isinstance(item.ends, datetime.datetime):
            vevent.add("dtend", _utc(item.ends))
    else:
        # An all-day item (a due date): DTEND is the next day, exclusive.
        vevent.add("dtstart", item.starts)
        ends = item.ends if isinstance(item.ends, datetime.date) else None
        vevent.add("dtend", (ends or item.starts) + datetime.timedelta(days=1))
        vevent.add("transp", "TRANSPARENT")
    vevent.add("summary", item.title)
    description = item.description
    if item.path:
        url = base_url + item.path
        vevent.add("url", url)
        description = f"{description}\n\n{url}".strip() if description else url
    if description:
        vevent.add("description", description)
    if item.location:
        vevent.add("location", item.location)
    vevent.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    return vevent


def personal_calendar_bytes(*, name: str, items: Iterable[CalendarItem], base_url: str) -> bytes:
    """A staff member's personal feed: consultations, group sessions, meetings and agreements'
    due dates, from the sources the apps registered (titles carry no client data)."""
    calendar = _published(name)
    _add_items(calendar, items, now=timezone.now(), base_url=base_url)
    return calendar.to_ical()
