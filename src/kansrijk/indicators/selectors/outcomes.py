"""Outcome and context indicators from open data, multi-year averages, and both kinds together."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Count, Q, Sum

from kansrijk.indicators.constants import (
    COUNTRY_CODE,
    POOLED_YEARS,
    SMALL_NUMBER,
    Breakdown,
    IndicatorKind,
    Period,
    Statistic,
)
from kansrijk.indicators.models import (
    Indicator,
    OpenDataValue,
)
from kansrijk.indicators.selectors.areas import WHOLE_SPAN, Area
from kansrijk.indicators.selectors.figures import Figure, _ratio, _Sum, figure_from_value
from kansrijk.indicators.selectors.process import process_figures


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
