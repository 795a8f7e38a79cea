"""Reads of the coalition network."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from kansrijk.network.constants import FEED_PAST_DAYS
from kansrijk.network.models import Event


def events_for_coalition(*, coalition, public_only: bool = True) -> QuerySet[Event]:
    events = Event.objects.filter(coalition=coalition).select_related("coalition")
    if public_only:
        events = events.filter(public=True)
    return events.order_by("starts_at")


def events_for_feed(*, coalition, now: datetime.datetime | None = None) -> QuerySet[Event]:
    """The public events of the feed: from FEED_PAST_DAYS ago on, cancelled ones included (the
    feed marks them cancelled so that subscribed calendars drop them)."""
    since = (now or timezone.now()) - datetime.timedelta(days=FEED_PAST_DAYS)
    return events_for_coalition(coalition=coalition).filter(ends_at__gte=since)


def upcoming(*, coalition, public_only: bool = True, now: datetime.datetime | None = None):
    """Events not yet over and not cancelled, soonest first."""
    return events_for_coalition(coalition=coalition, public_only=public_only).filter(
        ends_at__gte=now or timezone.now(), cancelled_at__isnull=True
    )


def public_event_get(*, coalition, uuid: object) -> Event | None:
    try:
        return events_for_coalition(coalition=coalition).filter(uuid=uuid).first()
    except ValidationError:  # not a UUID: nothing to find, not an error page
        return None
