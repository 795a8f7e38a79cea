import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from kansrijk.core.calendar import AUDIENCE_PARENTS, public_items
from kansrijk.network import ical, selectors
from kansrijk.network.constants import FEED_PAST_DAYS
from kansrijk.organisations import selectors as organisation_selectors

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _coalition_or_404(slug: str):
    coalition = organisation_selectors.coalition_get(slug=slug)
    if coalition is None:
        raise Http404
    return coalition


def _calendar_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def agenda_feed(request, slug: str):
    """The public iCalendar feed of a coalition; no log-in, public events only."""
    coalition = _coalition_or_404(slug)
    items = public_items(coalition, timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS))
    events = selectors.events_for_feed(coalition=coalition)
    if request.GET.get("voor") == "ouders":
        # The parent site's link: groups for parents only, not the network's own meetings.
        items = [item for item in items if item.audience == AUDIENCE_PARENTS]
        events = []
    content = ical.calendar_bytes(
        name=coalition.name,
        events=events,
        items=items,
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return _calendar_response(content, filename=f"{coalition.slug}.ics")


def agenda_event_ics(request, slug: str, event_uuid):
    """One public event as .ics, to add it to one's own calendar."""
    coalition = _coalition_or_404(slug)
    event = selectors.public_event_get(coalition=coalition, uuid=event_uuid)
    if event is None:
        raise Http404
    content = ical.calendar_bytes(name=coalition.name, events=[event])
    response = _calendar_response(content, filename=f"{event.uuid}.ics")
    response["Content-Disposition"] = f'attachment; filename="{event.uuid}.ics"'
    return response


def agenda(request, slug: str):
    """The coalition's public agenda: what is coming, with a link to subscribe."""
    coalition = _coalition_or_404(slug)
    now = timezone.now()
    events = list(selectors.upcoming(coalition=coalition, now=now))
    # Training editions and the like, from the apps that publish them, in date order.
    others = [item for item in public_items(coalition, now) if not item.cancelled]
    return render(
        request,
        "network/agenda.html",
        {
            "coalition": coalition,
            "events": events,
            "others": sorted(others, key=lambda item: item.starts),
            "feed_url": request.build_absolute_uri(reverse("network:feed", args=[coalition.slug])),
        },
    )
