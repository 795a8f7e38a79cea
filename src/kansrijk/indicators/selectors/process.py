"""Process indicators, summed from the monthly, quarterly and yearly aggregate rows."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import add
from typing import Any

from django.db import connection
from django.db.models import CharField
from django.db.models.functions import Cast

from kansrijk.indicators.constants import (
    COUNT_MEASURES,
    Breakdown,
    IndicatorKind,
    Period,
    Statistic,
)
from kansrijk.indicators.models import (
    Indicator,
    MonthlyAggregate,
)
from kansrijk.indicators.selectors.areas import Area, period_label, period_start
from kansrijk.indicators.selectors.catalogue import indicator_list
from kansrijk.indicators.selectors.figures import Figure, _figure, _plan


class _Bucket:
    __slots__ = ("counts", "days")

    def __init__(self) -> None:
        self.counts = [0] * len(COUNT_MEASURES)
        self.days: dict[str, dict[str, int]] = {}

    def add(self, values: Sequence[int], support_days: dict[str, int] | None) -> None:
        self.counts = list(map(add, self.counts, values))
        if support_days:
            merged = self.days.setdefault("support_days", defaultdict(int))
            for days, count in support_days.items():
                merged[days] += count


NATIONAL = "national"


def _aggregate_rows(
    *,
    municipality_ids: frozenset[int] | str | None,
    neighbourhood_ids: Iterable[int] | None,
    start: datetime.date,
    end: datetime.date,
    breakdown: str,
    period: str = Period.MONTH,
    medians: bool = True,
):
    """Aggregate rows of the months from `start` to `end`: of the given neighbourhoods, or of
    the given municipalities, or (NATIONAL) the country's own rows, or (None) every
    municipality's."""
    grain = _grain(start, end, period)
    rows = MonthlyAggregate.objects.filter(
        grain=grain,
        month__gte=period_start(period_label(start, grain)),
        month__lte=end,
        breakdown=breakdown,
    )
    if neighbourhood_ids is not None:
        rows = rows.filter(neighbourhood_id__in=list(neighbourhood_ids))
    elif municipality_ids == NATIONAL:
        # Both columns, in the index's order, so the index finds the 60 national rows.
        rows = rows.filter(neighbourhood__isnull=True, municipality__isnull=True)
    else:
        rows = rows.filter(neighbourhood__isnull=True, municipality__isnull=False)
        if municipality_ids is not None:
            rows = rows.filter(municipality_id__in=list(municipality_ids))
    sql, params = (
        rows.annotate(month_text=Cast("month", CharField()))
        .values_list(
            "municipality_id",
            "neighbourhood_id",
            "month_text",
            "breakdown_value",
            "support_days" if medians else "breakdown",
            *COUNT_MEASURES,
        )
        .query.sql_with_params()
    )
    # A plain cursor: Django's per-row converters would cost half of a national computation.
    months: dict[Any, datetime.date] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(5000):
            for muni, hood, month, value, days, *counts in chunk:
                day = months.get(month)
                if day is None:
                    day = months[month] = _date(month)
                if medians:
                    days = json.loads(days) if isinstance(days, str | bytes) else days
                yield muni, hood, day, value, days, counts


def _grain(start: datetime.date, end: datetime.date, period: str) -> str:
    """The coarsest aggregate rows that tile the months from `start` to `end` exactly and are
    no coarser than `period`: years for whole years, quarters for whole quarters, else
    months."""
    if period == Period.MONTH:
        return Period.MONTH
    whole_years = start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31
    if whole_years and period != Period.QUARTER:
        return Period.YEAR
    quarter_end = end.month % 3 == 0 and (end + datetime.timedelta(days=1)).day == 1
    if start.day == 1 and start.month % 3 == 1 and quarter_end:
        return Period.QUARTER
    return Period.MONTH


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(str(value)[:10])


def process_figures(
    indicators: Sequence[Indicator],
    *,
    areas: Sequence[Area],
    period: str,
    start: datetime.date,
    end: datetime.date,
    breakdown: str = Breakdown.TOTAL,
) -> dict[tuple[str, str, str, str], Figure]:
    """{(indicator code, area code, period label, breakdown value): Figure} for process
    indicators, summed over each area's municipalities (or its neighbourhood) and period."""
    hood_areas = {a.neighbourhood_id: a for a in areas if a.neighbourhood_id is not None}
    local_areas = [a for a in areas if a.neighbourhood_id is None and a.municipality_ids]
    national = [a for a in areas if a.municipality_ids is None]
    medians = any(i.statistic == Statistic.MEDIAN for i in indicators)
    buckets: dict[tuple[str, str, str], _Bucket] = defaultdict(_Bucket)

    labels: dict[datetime.date, str] = {}

    def collect(rows, areas_of) -> None:
        for muni, hood, month, value, days, counts in rows:
            label = labels.get(month) or labels.setdefault(month, period_label(month, period))
            for area in areas_of(muni, hood):
                buckets[(area.code, label, value)].add(counts, days if medians else None)

    common = {
        "start": start,
        "end": end,
        "breakdown": breakdown,
        "medians": medians,
        "period": period,
    }
    if local_areas:
        by_municipality: dict[int, list[Area]] = defaultdict(list)
        for area in local_areas:
            for muni in area.municipality_ids or ():
                by_municipality[muni].append(area)
        collect(
            _aggregate_rows(
                municipality_ids=frozenset(by_municipality), neighbourhood_ids=None, **common
            ),
            lambda muni, hood: by_municipality[muni],
        )
    if national:
        collect(
            _aggregate_rows(municipality_ids=NATIONAL, neighbourhood_ids=None, **common),
            lambda muni, hood: national,
        )
    if hood_areas:
        collect(
            _aggregate_rows(municipality_ids=None, neighbourhood_ids=hood_areas, **common),
            lambda muni, hood: [hood_areas[hood]],
        )
    plans = [(indicator.code, _plan(indicator)) for indicator in indicators]
    figures: dict[tuple[str, str, str, str], Figure] = {}
    for (area_code, label, value), bucket in buckets.items():
        for code, plan in plans:
            figures[(code, area_code, label, value)] = _figure(plan, bucket.counts, bucket.days)
    return figures


def municipality_quarter_figures(
    *, start: datetime.date, end: datetime.date
) -> dict[tuple[str, str, str], Figure]:
    """Every process indicator for every municipality with data and every quarter: {(indicator
    code, municipality CBS code, quarter label): Figure}. What the benchmark times."""
    from kansrijk.regions.selectors import municipality_list

    codes = dict(municipality_list().values_list("pk", "code"))
    indicators = list(indicator_list(kind=IndicatorKind.PROCESS))
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)
    labels: dict[datetime.date, str] = {}
    for muni, _hood, month, _value, days, counts in _aggregate_rows(
        municipality_ids=None,
        neighbourhood_ids=None,
        start=start,
        end=end,
        breakdown="",
        period=Period.QUARTER,
    ):
        label = labels.get(month) or labels.setdefault(month, period_label(month, Period.QUARTER))
        buckets[(codes[muni], label)].add(counts, days)
    plans = [(indicator.code, _plan(indicator)) for indicator in indicators]
    return {
        (indicator_code, code, label): _figure(plan, bucket.counts, bucket.days)
        for (code, label), bucket in buckets.items()
        for indicator_code, plan in plans
    }
