"""Areas figures are computed for, and the periods they are summed over."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from kansrijk.indicators.constants import (
    COUNTRY_CODE,
    Level,
    Period,
)

COALITION_LEVEL = "coalition"


@dataclass(frozen=True)
class Area:
    """A place figures are computed for. `municipality_ids` None means the whole country."""

    level: str
    code: str
    name: str
    municipality_ids: frozenset[int] | None
    neighbourhood_id: int | None = None


def area_municipality(municipality) -> Area:
    return Area(
        Level.MUNICIPALITY, municipality.code, municipality.name, frozenset([municipality.pk])
    )


def area_neighbourhood(neighbourhood) -> Area:
    return Area(
        Level.NEIGHBOURHOOD,
        neighbourhood.code or f"buurt-{neighbourhood.pk}",
        neighbourhood.name,
        frozenset([neighbourhood.municipality_id]),
        neighbourhood.pk,
    )


def area_coalition(coalition, municipalities: Iterable) -> Area:
    return Area(
        COALITION_LEVEL, coalition.slug, coalition.name, frozenset(m.pk for m in municipalities)
    )


def area_ggd_region(ggd_region, municipalities: Iterable) -> Area:
    return Area(
        Level.GGD_REGION, ggd_region.code, ggd_region.name, frozenset(m.pk for m in municipalities)
    )


def area_country(name: str) -> Area:
    return Area(Level.COUNTRY, COUNTRY_CODE, name, None)


# Periods ---------------------------------------------------------------------------------


# A period that takes the whole span asked for as one (a baseline, a multi-year average).
WHOLE_SPAN = "span"


def period_label(day: datetime.date, period: str) -> str:
    if period == WHOLE_SPAN:
        return WHOLE_SPAN
    if period == Period.MONTH:
        return f"{day.year}-{day.month:02d}"
    if period == Period.QUARTER:
        return f"{day.year}-K{(day.month - 1) // 3 + 1}"
    return str(day.year)


def period_start(label: str) -> datetime.date:
    year, _, rest = label.partition("-")
    if not rest:
        return datetime.date(int(year), 1, 1)
    if rest.startswith("K"):
        return datetime.date(int(year), (int(rest[1:]) - 1) * 3 + 1, 1)
    return datetime.date(int(year), int(rest), 1)


def period_labels(start: datetime.date, end: datetime.date, period: str) -> list[str]:
    """The periods from the one holding `start` to the one holding `end`, in order."""
    labels: list[str] = []
    month = start.replace(day=1)
    while month <= end:
        label = period_label(month, period)
        if not labels or labels[-1] != label:
            labels.append(label)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return labels
