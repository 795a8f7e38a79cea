"""Writes of the coalition network: events, RSVPs and attendance."""

import uuid as uuid_module
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.network.constants import EventKind, RsvpAnswer
from kansrijk.network.models import Attendance, Event, Rsvp

EVENT_FIELDS = frozenset(
    {"kind", "title", "description", "starts_at", "ends_at", "place", "online_link", "public"}
)


class StaleEventError(Exception):
    """Someone else changed the event since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this event in the meantime. Reload it and try again.")
        )


def _check(*, kind: str, title: str, starts_at, ends_at) -> None:
    errors = {}
    if kind not in EventKind.values:
        errors["kind"] = _("Choose a kind of event.")
    if not title.strip():
        errors["title"] = _("Give the event a title.")
    if starts_at is None or timezone.is_naive(starts_at):
        errors["starts_at"] = _("Give a start date and time.")
    if ends_at is None or timezone.is_naive(ends_at):
        errors["ends_at"] = _("Give an end date and time.")
    elif starts_at is not None and ends_at <= starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(
    *,
    coalition,
    kind: str,
    title: str,
    starts_at,
    ends_at,
    created_by=None,
    description: str = "",
    place: str = "",
    online_link: str = "",
    public: bool = False,
    uuid: uuid_module.UUID | None = None,
) -> Event:
    """Plan an event; times must be timezone-aware and the end after the start. `uuid` is
    for fixed ids (the demo); normally a new one is made."""
    _check(kind=kind, title=title, starts_at=starts_at, ends_at=ends_at)
    return Event.objects.create(
        uuid=uuid or uuid_module.uuid4(),
        coalition=coalition,
        kind=kind,
        title=title.strip(),
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        public=public,
        created_by=created_by,
    )


@transaction.atomic
def event_update(*, event: Event, expected_version: int, **changes: Any) -> Event:
    """Change an event seen at `expected_version`; StaleEventError when someone else changed
    it meanwhile (one UPDATE ... WHERE lock_version = expected, so one of two edits wins)."""
    unknown = set(changes) - EVENT_FIELDS
    if unknown:
        raise TypeError(f"event_update: unknown fields {sorted(unknown)}")
    claimed = Event.objects.filter(pk=event.pk, lock_version=expected_version).update(
        lock_version=F("lock_version")
    )
    if not claimed:
        raise StaleEventError()
    fresh = Event.objects.get(pk=event.pk)
    for field, value in changes.items():
        setattr(fresh, field, value)
    _check(kind=fresh.kind, title=fresh.title, starts_at=fresh.starts_at, ends_at=fresh.ends_at)
    fresh.lock_version = expected_version + 1
    fresh.save()
    return fresh


@transaction.atomic
def event_cancel(*, event: Event, expected_version: int) -> Event:
    """Cancel an event: it stays in the feed as cancelled, so subscribed calendars drop it."""
    claimed = Event.objects.filter(pk=event.pk, lock_version=expected_version).update(
        lock_version=F("lock_version") + 1, cancelled_at=timezone.now()
    )
    if not claimed:
        raise StaleEventError()
    return Event.objects.get(pk=event.pk)


@transaction.atomic
def rsvp_set(*, event: Event, user, answer: str) -> Rsvp:
    if answer not in RsvpAnswer.values:
        raise ValidationError({"answer": _("Answer yes, no or maybe.")})
    if event.cancelled:
        raise ValidationError(_("This event has been cancelled."))
    rsvp, _created = Rsvp.objects.update_or_create(
        event=event, user=user, defaults={"answer": answer}
    )
    return rsvp


@transaction.atomic
def attendance_record(*, event: Event, user, present: bool) -> Attendance:
    attendance, _created = Attendance.objects.update_or_create(
        event=event, user=user, defaults={"present": present}
    )
    return attendance
