"""Reads of the indicators app: the catalogue, areas, and the figures themselves.

Process indicators are read from the monthly aggregate (`services.aggregate_refresh`), outcome
and context indicators from imported open data. Every figure passes the small-number rule
before anyone sees it: no figure that rests on fewer than 10 people (`SMALL_NUMBER`), and
`suppress_complementary` hides a second figure where one hidden figure could be worked out
from a total shown beside it.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import add
from typing import Any

from django.db import connection
from django.db.models import CharField, Count, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils.translation import get_language

from kansrijk.indicators.constants import (
    COUNT_MEASURES,
    COUNTRY_CODE,
    POOLED_YEARS,
    SMALL_NUMBER,
    Breakdown,
    IndicatorKind,
    Level,
    Origin,
    Period,
    Statistic,
    Unit,
)
from kansrijk.indicators.models import (
    AggregateRefresh,
    Indicator,
    MonthlyAggregate,
    OpenDataImport,
    OpenDataValue,
)

COALITION_LEVEL = "coalition"
ONE_DECIMAL = Decimal("0.1")
SCALE_INT = {Unit.PERCENT: 100, Unit.PER_1000: 1000}
MEASURE_INDEX = {measure: index for index, measure in enumerate(COUNT_MEASURES)}


# Catalogue -------------------------------------------------------------------------------


def indicator_list(*, kind: str | None = None) -> QuerySet[Indicator]:
    indicators = Indicator.objects.all()
    if kind == "outcome":  # outcome and context both come from open data
        return indicators.exclude(kind=IndicatorKind.PROCESS)
    if kind:
        return indicators.filter(kind=kind)
    return indicators


def indicator_get(*, code: str) -> Indicator | None:
    return Indicator.objects.filter(code=code).first()


def indicator_name(indicator: Indicator) -> str:
    return indicator.name_en if (get_language() or "nl").startswith("en") else indicator.name_nl


def last_refresh() -> AggregateRefresh | None:
    return AggregateRefresh.objects.first()


def has_synthetic_data() -> bool:
    """Whether generated data is mixed into the figures (the dashboard says so)."""
    from kansrijk.indicators.models import ScreeningFact

    return (
        ScreeningFact.objects.filter(origin=Origin.SYNTHETIC).exists()
        or OpenDataImport.objects.filter(origin=Origin.SYNTHETIC).exists()
    )


# Areas -----------------------------------------------------------------------------------


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


# Figures ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Figure:
    """One figure. `numerator` and `denominator` are the counts it rests on; views show them
    only when the figure is not suppressed."""

    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None
    suppressed: bool = False
    pooled_years: int = 1
    # For a median: how many referrals it rests on.
    base_count: int | None = None

    @property
    def base(self) -> int | None:
        """The number of people the figure rests on."""
        if self.base_count is not None:
            return self.base_count
        return self.denominator if self.denominator is not None else self.numerator

    @property
    def shown(self) -> bool:
        return self.value is not None and not self.suppressed

    def hide(self) -> None:
        self.suppressed = True


def _round(value: Decimal) -> Decimal:
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _ratio(numerator: int, denominator: int, unit: str) -> Decimal | None:
    return _scaled_ratio(numerator, denominator, SCALE_INT.get(unit, 1))


def _scaled_ratio(numerator: int, denominator: int, scale: int) -> Decimal | None:
    """numerator / denominator × scale, rounded half up to one decimal; in integer arithmetic,
    since the benchmark makes 70,000 of these per run."""
    if not denominator:
        return None
    return Decimal((numerator * scale * 20 + denominator) // (2 * denominator)).scaleb(-1)


def median_of(days: dict[Any, int]) -> Decimal | None:
    """The median of a distribution {value: count} (the mean of the two middle values when
    the count is even, as SQL's median does)."""
    total = sum(days.values())
    if not total:
        return None
    low_rank, high_rank = (total - 1) // 2, total // 2
    low = high = None
    seen = 0
    for value in sorted(days, key=int):
        seen += days[value]
        if low is None and seen > low_rank:
            low = int(value)
        if seen > high_rank:
            high = int(value)
            break
    return _round((Decimal(low) + Decimal(high)) / 2)


def _suppress_small(figure: Figure) -> Figure:
    base = figure.base
    if base is not None and 0 < base < SMALL_NUMBER:
        figure.suppressed = True
    return figure


@dataclass(frozen=True, slots=True)
class _Plan:
    """How to make an indicator's figure from a row of counts, worked out once per
    computation rather than once per figure (the benchmark makes 70,000)."""

    statistic: str
    numerator: int
    denominator: int
    scale: int
    measure: str


def _plan(indicator: Indicator) -> _Plan:
    return _Plan(
        str(Statistic(indicator.statistic).value),
        MEASURE_INDEX.get(indicator.numerator_measure, -1),
        MEASURE_INDEX.get(indicator.denominator_measure, -1),
        SCALE_INT.get(indicator.unit, 1),
        indicator.numerator_measure,
    )


_RATIO, _COUNT = str(Statistic.RATIO.value), str(Statistic.COUNT.value)


def _figure(plan: _Plan, counts: Sequence[int], days: dict) -> Figure:
    if plan.statistic == _RATIO:
        numerator, denominator = counts[plan.numerator], counts[plan.denominator]
        value = _scaled_ratio(numerator, denominator, plan.scale)
        return Figure(numerator, denominator, value, 0 < denominator < SMALL_NUMBER)
    if plan.statistic == _COUNT:
        numerator = counts[plan.numerator]
        return Figure(numerator, None, Decimal(numerator), 0 < numerator < SMALL_NUMBER)
    distribution = days.get(plan.measure, {})
    base = sum(distribution.values())
    return Figure(
        value=median_of(distribution), suppressed=0 < base < SMALL_NUMBER, base_count=base
    )


def figure_from_counts(indicator: Indicator, counts: Sequence[int], days: dict) -> Figure:
    """A process indicator's figure from the summed aggregate counts (in COUNT_MEASURES
    order). The rounding is _ratio's."""
    return _figure(_plan(indicator), counts, days)


def figure_from_value(indicator: Indicator, value: OpenDataValue | _Sum) -> Figure:
    """An open-data figure. Where the source gave only a value, it applied its own rules."""
    if value.numerator is None:
        return Figure(value=Decimal(value.value))
    if indicator.statistic == Statistic.COUNT:
        return _suppress_small(Figure(value.numerator, None, Decimal(value.numerator)))
    return _suppress_small(
        Figure(
            value.numerator,
            value.denominator,
            _ratio(value.numerator, value.denominator or 0, indicator.unit),
        )
    )


def suppress_complementary(figures: Sequence[Figure]) -> None:
    """Siblings shown beside their total (neighbourhoods of a municipality, target groups):
    when exactly one is hidden it could be worked out from the total, so also hide the
    smallest one shown."""
    hidden = [f for f in figures if f.suppressed]
    if len(hidden) != 1:
        return
    shown = [f for f in figures if not f.suppressed and f.base]
    if shown:
        min(shown, key=lambda f: f.base or 0).hide()


# Process indicators ----------------------------------------------------------------------


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


# Outcome and context indicators (open data) ------------------------------------------------


@dataclass
class _Sum:
    numerator: int | None = 0
    denominator: int | None = 0
    value: Decimal = Decimal(0)
    areas: int = 0


def outcome_figures(
    indicators: Sequence[Indicator],
    *,
    areas: Sequence[Area],
    start_year: int,
    end_year: int,
) -> dict[tuple[str, str, str, str], Figure]:
    """{(indicator code, area code, year, ""): Figure} from imported open data. A municipality
    or neighbourhood takes its own value; wider areas add up their municipalities' numerators
    and denominators; the country takes an imported NL01 value, else adds up every
    municipality (in the database, so a national figure does not read 342 rows)."""
    by_code = {i.code: i for i in indicators}
    values = OpenDataValue.objects.filter(
        indicator__code__in=list(by_code), year__gte=start_year, year__lte=end_year
    )
    hood_areas = {a.neighbourhood_id: a for a in areas if a.neighbourhood_id is not None}
    local_areas = [a for a in areas if a.neighbourhood_id is None and a.municipality_ids]
    national = [a for a in areas if a.municipality_ids is None]
    wanted = Q(neighbourhood_id__in=list(hood_areas)) if hood_areas else Q(pk__in=[])
    if local_areas:
        municipalities = frozenset().union(*(a.municipality_ids for a in local_areas))
        wanted |= Q(neighbourhood__isnull=True, municipality_id__in=list(municipalities))
    if national:
        wanted |= Q(region_code=COUNTRY_CODE)
    sums: dict[tuple[str, str, str], _Sum] = {}
    direct: dict[tuple[str, str, str], Figure] = {}
    for code, region, muni, hood, year, numerator, denominator, value in values.filter(
        wanted
    ).values_list(
        "indicator__code",
        "region_code",
        "municipality_id",
        "neighbourhood_id",
        "year",
        "numerator",
        "denominator",
        "value",
    ):
        indicator = by_code[code]
        row = _Sum(numerator, denominator, value)
        if hood is not None:
            direct[(code, hood_areas[hood].code, str(year))] = figure_from_value(indicator, row)
            continue
        if region == COUNTRY_CODE:
            for area in national:
                direct[(code, area.code, str(year))] = figure_from_value(indicator, row)
            continue
        for area in local_areas:
            if muni in area.municipality_ids:
                _sum_add(sums.setdefault((code, area.code, str(year)), _Sum()), row)
    if national:
        for code, year, numerator, denominator, value, count, without in (
            values.filter(neighbourhood__isnull=True, municipality__isnull=False)
            .values("indicator__code", "year")
            .annotate(
                numerators=Sum("numerator"),
                denominators=Sum("denominator"),
                values=Sum("value"),
                areas=Count("pk"),
                without=Count("pk", filter=Q(numerator__isnull=True)),
            )
            .values_list(
                "indicator__code",
                "year",
                "numerators",
                "denominators",
                "values",
                "areas",
                "without",
            )
        ):
            for area in national:
                if (code, area.code, str(year)) not in direct:
                    sums[(code, area.code, str(year))] = _Sum(
                        None if without else numerator,
                        None if without else denominator,
                        value,
                        count,
                    )
    figures: dict[tuple[str, str, str, str], Figure] = {}
    for (code, area_code, year), total in sums.items():
        if total.numerator is None and total.areas > 1:
            continue  # values without counts cannot be added up
        figures[(code, area_code, year, "")] = figure_from_value(by_code[code], total)
    for (code, area_code, year), figure in direct.items():
        figures[(code, area_code, year, "")] = figure
    return figures


def _sum_add(total: _Sum, row: _Sum) -> None:
    total.areas += 1
    total.value += row.value
    if row.numerator is None or total.numerator is None:
        total.numerator = total.denominator = None
    else:
        total.numerator += row.numerator
        total.denominator = (total.denominator or 0) + (row.denominator or 0)


def pooled_figures(indicator: Indicator, *, areas: Sequence[Area], year: int) -> dict[str, Figure]:
    """Multi-year averages for years too small on their own: the POOLED_YEARS years ending in
    `year` added up, per area code. Areas where even that rests on too few people, and
    medians and counts (which do not pool into one year's figure), are left out."""
    if indicator.statistic != Statistic.RATIO:
        return {}
    first = year - POOLED_YEARS + 1
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    if indicator.kind == IndicatorKind.PROCESS:
        found = process_figures(
            [indicator],
            areas=areas,
            period=WHOLE_SPAN,
            start=datetime.date(first, 1, 1),
            end=datetime.date(year, 12, 31),
        )
    else:
        found = outcome_figures([indicator], areas=areas, start_year=first, end_year=year)
    for (_code, area_code, _label, _value), figure in found.items():
        if figure.numerator is None or figure.denominator is None:
            totals[area_code][1] = -1  # a year without counts: cannot pool
            continue
        if totals[area_code][1] >= 0:
            totals[area_code][0] += figure.numerator
            totals[area_code][1] += figure.denominator
    pooled: dict[str, Figure] = {}
    for area_code, (numerator, denominator) in totals.items():
        if denominator < SMALL_NUMBER:
            continue
        pooled[area_code] = Figure(
            numerator,
            denominator,
            _ratio(numerator, denominator, indicator.unit),
            pooled_years=POOLED_YEARS,
        )
    return pooled


def figures(
    indicators: Sequence[Indicator],
    *,
    areas: Sequence[Area],
    period: str,
    start: datetime.date,
    end: datetime.date,
    breakdown: str = Breakdown.TOTAL,
) -> dict[tuple[str, str, str, str], Figure]:
    """Process and open-data figures together (open data exists per year only)."""
    process = [i for i in indicators if i.kind == IndicatorKind.PROCESS]
    outcome = [i for i in indicators if i.kind != IndicatorKind.PROCESS]
    result = (
        process_figures(
            process, areas=areas, period=period, start=start, end=end, breakdown=breakdown
        )
        if process
        else {}
    )
    if outcome and period == Period.YEAR and not breakdown:
        result.update(
            outcome_figures(outcome, areas=areas, start_year=start.year, end_year=end.year)
        )
    return result
