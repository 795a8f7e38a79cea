"""What this app adds to the work list and to the personal calendar feed."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.urls import reverse

from kansrijk.core.calendar import CalendarItem
from kansrijk.trainings import access, selectors
from kansrijk.trainings.constants import EditionStatus, RegistrationStatus


def my_trainings_section(user: Any, today: datetime.date) -> dict | None:
    """The trainings the user registered for that are still to come (or on the waiting
    list). Nothing to act on, so no count."""
    if not access.may_take_part(user):
        return None
    since = datetime.datetime.combine(today, datetime.time.min, tzinfo=datetime.UTC)
    registrations = [
        registration
        for registration in selectors.registrations_for_user(user=user)
        if registration.edition.ends_at >= since
    ]
    return {"registrations": sorted(registrations, key=lambda r: r.edition.starts_at)}


def calendar_items(user: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    """Editions the user has a place in (not the waiting list); a training title carries no
    client data."""
    for registration in selectors.registrations_for_user(user=user).filter(
        status=RegistrationStatus.REGISTERED, edition__ends_at__gte=since
    ):
        edition = registration.edition
        yield CalendarItem(
            uid=f"training-edition-{edition.uuid}@kansrijk.nl",
            title=edition.course.title,
            starts=edition.starts_at,
            ends=edition.ends_at,
            location=edition.place or edition.online_link,
            path=reverse("trainings:edition_page", args=[edition.uuid]),
            description=edition.course.description,
            cancelled=edition.status == EditionStatus.CANCELLED,
        )


def public_calendar_items(coalition: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    """The coalition's public training editions, for its agenda and iCalendar feed."""
    for edition in selectors.public_training_editions(coalition=coalition, since=since):
        yield CalendarItem(
            uid=f"training-edition-{edition.uuid}@kansrijk.nl",
            title=edition.course.title,
            starts=edition.starts_at,
            ends=edition.ends_at,
            location=edition.place,
            path=reverse("trainings:offer"),
            description=edition.course.description,
            cancelled=edition.status == EditionStatus.CANCELLED,
        )
