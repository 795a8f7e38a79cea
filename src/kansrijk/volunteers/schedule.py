"""When a match's check-ins and reviews are due. Pure: no database.

Check-ins: twice in the first month (after 2 and 4 weeks), then monthly. Reviews: at 6 weeks,
then every 6 months. Both until the planned end (the child's second birthday)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

CHECK_IN = "check_in"
REVIEW = "review"


@dataclass(frozen=True)
class Contact:
    due_on: datetime.date
    kind: str  # CHECK_IN or REVIEW


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def contact_schedule(*, started_on: datetime.date, planned_end: datetime.date) -> list[Contact]:
    """Every check-in and review of a match that became active on `started_on`, in date order."""
    contacts = [
        Contact(started_on + datetime.timedelta(weeks=2), CHECK_IN),
        Contact(started_on + datetime.timedelta(weeks=4), CHECK_IN),
    ]
    month = 2
    while (day := _add_months(started_on, month)) <= planned_end:
        contacts.append(Contact(day, CHECK_IN))
        month += 1
    contacts.append(Contact(started_on + datetime.timedelta(weeks=6), REVIEW))
    months = 6
    while (day := _add_months(started_on, months)) <= planned_end:
        contacts.append(Contact(day, REVIEW))
        months += 6
    return sorted(
        (c for c in contacts if c.due_on <= planned_end), key=lambda c: (c.due_on, c.kind)
    )
