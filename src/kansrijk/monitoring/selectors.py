"""The coalition dashboard, put together from indicator figures and the action programme.

`dashboard_build` returns every table the page, the exports and the factsheet show, so the
three always agree. Nothing here touches a client: the figures come from the pseudonymous
monitoring extract, and every figure has passed the small-number rule.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.actionprogrammes import selectors as programme_selectors
from kansrijk.directory import selectors as directory_selectors
from kansrijk.indicators import selectors as indicator_selectors
from kansrijk.indicators.constants import Breakdown, IndicatorKind, Period, Statistic, TargetGroup
from kansrijk.indicators.selectors import COALITION_LEVEL, WHOLE_SPAN, Area, Figure
from kansrijk.monitoring.charts import Chart, Series, bar_chart, format_value, line_chart
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.regions import selectors as region_selectors

# The trends drawn as charts (all indicators are in the headline table).
TREND_INDICATORS = ("elevated-risk", "answered-in-time", "days-to-support", "preterm")
DEFAULT_COMPARISON = "elevated-risk"
TREND_YEARS = 5


def coalition_get_for_user(user, slug: str):
    """The coalition when the user may see its dashboard (policy advisers and coordinators of
    a member organisation), else None."""
    return programme_selectors.coalitions_for_user(user=user).filter(slug=slug).first()


def coalitions_for_user(user):
    return programme_selectors.coalitions_for_user(user=user)


def user_sees_dashboards(user) -> bool:
    return programme_selectors.user_may_read_programmes(user=user)


@dataclass
class Table:
    """A table as shown and as exported: `rows` hold values (numbers stay numbers in Excel),
    `display` the same rows as text."""

    slug: str
    title: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    display: list[list[str]] = field(default_factory=list)

    def add(self, values: list[Any], shown: list[str]) -> None:
        self.rows.append(values)
        self.display.append(shown)


@dataclass
class Headline:
    code: str
    name: str
    unit: str
    value: str
    base: str
    baseline: str
    target: str
    status: str
    on_track: bool | None
    region: str
    country: str
    pooled: bool


@dataclass
class Dashboard:
    coalition: Any
    area: Area
    area_choices: list[tuple[str, str]]
    year: int
    year_choices: list[int]
    baseline: tuple[datetime.date, datetime.date] | None
    programme: Any
    headlines: list[Headline]
    charts: list[Chart]
    comparison: Chart | None
    comparison_code: str
    breakdowns: list[Chart]
    trend_period: str
    comparison_choices: list[tuple[str, str]]
    lines: list
    tables: list[Table]
    refreshed_at: datetime.datetime | None
    synthetic: bool
    region_name: str

    def table(self, slug: str) -> Table | None:
        return next((t for t in self.tables if t.slug == slug), None)

    @property
    def lines_table(self) -> Table | None:
        return self.table("actielijnen")

    @property
    def line_indicators_table(self) -> Table | None:
        return self.table("actielijn-indicatoren")


def _value(figure: Figure | None, unit: str) -> Decimal | None:
    return figure.value if figure is not None and figure.shown else None


def _text(figure: Figure | None, unit: str) -> str:
    if figure is None or (figure.value is None and not figure.suppressed):
        return "—"
    return format_value(_value(figure, unit), unit)


def _base_text(figure: Figure | None) -> str:
    if figure is None or not figure.shown or figure.base is None:
        return ""
    return format_value(figure.base, "count")


def _on_track(indicator, value: Decimal | None, target: Decimal | None) -> bool | None:
    if value is None or target is None or indicator.higher_is_better is None:
        return None
    return value >= target if indicator.higher_is_better else value <= target


def _status_text(on_track: bool | None) -> str:
    if on_track is None:
        return "—"
    return _("on track") if on_track else _("not yet")


def _targets_for_year(programme, year: int) -> dict:
    """Per indicator the target a year is measured against (of the programme or one of its
    action lines): the one set for that year, else the next one ahead, else the last one
    before it."""
    chosen: dict = {}
    for target in programme_selectors.targets(programme=programme):
        code = target.indicator.code
        best = chosen.get(code)
        if best is None or _closer(target.year, best.year, year):
            chosen[code] = target
    return chosen


def _closer(candidate: int, current: int, year: int) -> bool:
    """Whether target year `candidate` fits `year` better than `current`: the same year, then
    the nearest year ahead, then the nearest year behind."""

    def rank(target_year: int) -> tuple[int, int]:
        return (0, target_year - year) if target_year >= year else (1, year - target_year)

    return rank(candidate) < rank(current)


def _year_range(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _areas(coalition, municipalities: list) -> list[Area]:
    return [indicator_selectors.area_coalition(coalition, municipalities)] + [
        indicator_selectors.area_municipality(m) for m in municipalities
    ]


def dashboard_build(
    coalition,
    *,
    area_code: str = "",
    year: int | None = None,
    comparison_code: str = "",
    trend_period: str = Period.QUARTER,
) -> Dashboard:
    """The dashboard of `coalition` for one of its areas (the whole coalition by default) and
    a year (the last full year by default). Unknown choices fall back to the defaults."""
    municipalities = list(coalition.municipalities.select_related("ggd_region").order_by("name"))
    areas = _areas(coalition, municipalities)
    area = next((a for a in areas if a.code == area_code), areas[0])
    today = timezone.localdate()
    year_choices = list(range(today.year, today.year - TREND_YEARS - 1, -1))
    if year not in year_choices:
        year = today.year - 1
    indicators = list(indicator_selectors.indicator_list())
    by_code = {i.code: i for i in indicators}
    comparison_code = comparison_code if comparison_code in by_code else DEFAULT_COMPARISON
    if trend_period not in Period.values:
        trend_period = Period.QUARTER

    ggd = municipalities[0].ggd_region if municipalities else None
    region = (
        indicator_selectors.area_ggd_region(
            ggd, region_selectors.municipalities_in_ggd_region(code=ggd.code)
        )
        if ggd
        else None
    )
    country = indicator_selectors.area_country(_("the Netherlands"))
    compared = [a for a in (area, region, country) if a is not None]

    start, end = _year_range(year)
    current = indicator_selectors.figures(
        indicators, areas=compared, period=Period.YEAR, start=start, end=end
    )
    pooled = {
        code: indicator_selectors.pooled_figures(by_code[code], areas=[area], year=year)
        for code in by_code
        if (fig := current.get((code, area.code, str(year), ""))) is not None and fig.suppressed
    }

    programme = programme_selectors.programme_for_coalition(coalition=coalition)
    baseline = programme_selectors.baseline(programme=programme) if programme else None
    baseline_figures: dict = {}
    if baseline:
        process = [i for i in indicators if i.kind == IndicatorKind.PROCESS]
        baseline_figures = indicator_selectors.process_figures(
            process, areas=[area], period=WHOLE_SPAN, start=baseline[0], end=baseline[1]
        )
        baseline_figures.update(
            {
                (code, a, WHOLE_SPAN, v): figure
                for (code, a, _y, v), figure in indicator_selectors.outcome_figures(
                    [i for i in indicators if i.kind != IndicatorKind.PROCESS],
                    areas=[area],
                    start_year=baseline[1].year,
                    end_year=baseline[1].year,
                ).items()
            }
        )
    targets = _targets_for_year(programme, year) if programme else {}

    headline_table = Table(
        "kerncijfers",
        _("Headline figures %(year)s") % {"year": year},
        [
            _("Indicator"),
            area.name,
            _("Number of people"),
            _("Baseline"),
            _("Target"),
            _("Against the target"),
            region.name if region else _("GGD region"),
            country.name,
        ],
    )
    headlines: list[Headline] = []
    for indicator in indicators:
        code, unit = indicator.code, indicator.unit
        figure = current.get((code, area.code, str(year), ""))
        pooled_figure = pooled.get(code, {}).get(area.code)
        shown = pooled_figure or figure
        target = targets.get(code)
        target_value = target.value if target else None
        on_track = _on_track(indicator, _value(shown, unit), target_value)
        base_figure = baseline_figures.get((code, area.code, WHOLE_SPAN, ""))
        region_figure = current.get((code, region.code, str(year), "")) if region else None
        country_figure = current.get((code, country.code, str(year), ""))
        value_text = _text(shown, unit)
        if pooled_figure is not None:
            value_text = _("%(value)s (average %(first)s–%(last)s)") % {
                "value": value_text,
                "first": year - pooled_figure.pooled_years + 1,
                "last": year,
            }
        headline = Headline(
            code=code,
            name=indicator_selectors.indicator_name(indicator),
            unit=unit,
            value=value_text,
            base=_base_text(shown),
            baseline=_text(base_figure, unit) if baseline else "—",
            target=(
                _("%(value)s in %(year)s")
                % {"value": format_value(target_value, unit), "year": target.year}
                if target
                else "—"
            ),
            status=_status_text(on_track),
            on_track=on_track,
            region=_text(region_figure, unit),
            country=_text(country_figure, unit),
            pooled=pooled_figure is not None,
        )
        headlines.append(headline)
        headline_table.add(
            [
                headline.name,
                _value(shown, unit),
                shown.base if shown is not None and shown.shown else None,
                _value(base_figure, unit),
                target_value,
                headline.status,
                _value(region_figure, unit),
                _value(country_figure, unit),
            ],
            [
                headline.name,
                headline.value,
                headline.base,
                headline.baseline,
                headline.target,
                headline.status,
                headline.region,
                headline.country,
            ],
        )

    tables = [headline_table]
    charts = _trend_charts(
        [by_code[c] for c in TREND_INDICATORS if c in by_code],
        area=area,
        country=country,
        year=year,
        period=trend_period,
        targets=targets,
        baseline_figures=baseline_figures,
        tables=tables,
    )
    comparison = _comparison(
        by_code[comparison_code],
        coalition=coalition,
        area=area,
        municipalities=municipalities,
        year=year,
        area_figure=current.get((comparison_code, area.code, str(year), "")),
        tables=tables,
    )
    breakdowns = _breakdowns(by_code[comparison_code], area=area, year=year, tables=tables)
    lines = programme_selectors.line_progress(programme=programme) if programme else []
    if lines:
        tables.append(_lines_table(lines))
        tables.append(_line_indicators_table(lines, {h.code: h for h in headlines}, year))
    refresh = indicator_selectors.last_refresh()
    return Dashboard(
        coalition=coalition,
        area=area,
        area_choices=[(a.code if a.level != COALITION_LEVEL else "", a.name) for a in areas],
        year=year,
        year_choices=year_choices,
        baseline=baseline,
        programme=programme,
        headlines=headlines,
        charts=charts,
        comparison=comparison,
        comparison_code=comparison_code,
        breakdowns=breakdowns,
        trend_period=trend_period,
        comparison_choices=[(i.code, indicator_selectors.indicator_name(i)) for i in indicators],
        lines=lines,
        tables=tables,
        refreshed_at=refresh.finished_at if refresh else None,
        synthetic=indicator_selectors.has_synthetic_data(),
        region_name=region.name if region else "",
    )


def _trend_charts(indicators, *, area, country, year, period, targets, baseline_figures, tables):
    first = year - TREND_YEARS + 1
    start, end = datetime.date(first, 1, 1), datetime.date(year, 12, 31)
    process = [i for i in indicators if i.kind == IndicatorKind.PROCESS]
    outcome = [i for i in indicators if i.kind != IndicatorKind.PROCESS]
    quarters = indicator_selectors.period_labels(start, end, period)
    years = [str(y) for y in range(first, year + 1)]
    found = indicator_selectors.figures(
        process, areas=[area, country], period=period, start=start, end=end
    )
    found.update(
        indicator_selectors.figures(
            outcome, areas=[area, country], period=Period.YEAR, start=start, end=end
        )
    )
    charts = []
    for indicator in indicators:
        periods = quarters if indicator.kind == IndicatorKind.PROCESS else years
        name = indicator_selectors.indicator_name(indicator)
        series = [
            Series(
                a.name,
                [
                    _value(found.get((indicator.code, a.code, p, "")), indicator.unit)
                    for p in periods
                ],
            )
            for a in (area, country)
        ]
        target = targets.get(indicator.code)
        base = baseline_figures.get((indicator.code, area.code, WHOLE_SPAN, ""))
        chart = line_chart(
            chart_id=f"trend-{indicator.code}",
            title=name,
            series=series,
            categories=periods,
            unit=indicator.unit,
            target=target.value if target else None,
            target_label=_("Target %(year)s") % {"year": target.year} if target else "",
            baseline=_value(base, indicator.unit),
            baseline_label=_("Baseline") if base is not None else "",
            category_header=_("Period"),
        )
        charts.append(chart)
        table = Table(f"trend-{indicator.code}", name, [_("Period"), area.name, country.name])
        for index, period in enumerate(periods):
            table.add(
                [period, series[0].values[index], series[1].values[index]],
                [
                    period,
                    format_value(series[0].values[index], indicator.unit),
                    format_value(series[1].values[index], indicator.unit),
                ],
            )
        tables.append(table)
    return charts


def _comparison(indicator, *, coalition, area, municipalities, year, area_figure, tables):
    """Neighbourhoods of one municipality, or the municipalities of a wider coalition, side by
    side; a hidden one next to the total is never the only one hidden, and a three-year
    average stands in where one year is too small."""
    if not municipalities:
        return None
    if area.level == COALITION_LEVEL and len(municipalities) > 1:
        parts = [indicator_selectors.area_municipality(m) for m in municipalities]
    else:
        municipality = next(m for m in municipalities if m.pk in area.municipality_ids)
        parts = [
            indicator_selectors.area_neighbourhood(n)
            for n in region_selectors.neighbourhood_list(municipality=municipality)
        ]
    if not parts:
        return None
    start, end = _year_range(year)
    found = indicator_selectors.figures(
        [indicator], areas=parts, period=Period.YEAR, start=start, end=end
    )
    figures = {p.code: found.get((indicator.code, p.code, str(year), "")) for p in parts}
    pooled = indicator_selectors.pooled_figures(
        indicator,
        areas=[p for p in parts if (f := figures[p.code]) is None or f.suppressed],
        year=year,
    )
    siblings = [f for f in figures.values() if f is not None]
    indicator_selectors.suppress_complementary(siblings)
    name = indicator_selectors.indicator_name(indicator)
    table = Table(
        "vergelijking",
        _("%(indicator)s per area, %(year)s") % {"indicator": name, "year": year},
        [_("Area"), name, _("Number of people"), _("Note")],
    )
    bars = []
    for part in parts:
        figure = figures[part.code]
        if figure is None:
            continue  # no data at all for this area (e.g. no one lives there)
        note = ""
        if not figure.shown and part.code in pooled and indicator.statistic == Statistic.RATIO:
            figure = pooled[part.code]
            note = _("average %(first)s–%(last)s") % {"first": year - 2, "last": year}
        value = _value(figure, indicator.unit)
        bars.append((part.name, value))
        table.add(
            [part.name, value, figure.base if figure.shown else None, note],
            [part.name, format_value(value, indicator.unit), _base_text(figure), note],
        )
    tables.append(table)
    return bar_chart(
        chart_id="comparison",
        title=table.title,
        bars=bars,
        unit=indicator.unit,
        reference=_value(area_figure, indicator.unit),
        reference_label=area.name,
        label_header=_("Area"),
        value_header=name,
    )


def _breakdown_labels(breakdown: str) -> dict[str, str]:
    if breakdown == Breakdown.THEME:
        return dict(directory_selectors.search_options(municipality_code=None).themes)
    if breakdown == Breakdown.TARGET_GROUP:
        return {str(value): str(label) for value, label in TargetGroup.choices}
    return {
        str(pk): name
        for pk, name in organisation_selectors.organisation_list().values_list("pk", "name")
    }


def _breakdowns(indicator, *, area, year, tables) -> list[Chart]:
    """The indicator split by theme, target group or organisation, as far as its definition
    allows: one chart and table each. Values that could be worked out from the total and the
    others are hidden as in the area comparison."""
    charts = []
    start, end = _year_range(year)
    name = indicator_selectors.indicator_name(indicator)
    for breakdown in indicator.breakdowns:
        found = indicator_selectors.figures(
            [indicator],
            areas=[area],
            period=Period.YEAR,
            start=start,
            end=end,
            breakdown=breakdown,
        )
        labels = _breakdown_labels(breakdown)
        parts = sorted(
            (labels.get(value) or _("unknown"), figure)
            for (_code, _area, _year, value), figure in found.items()
        )
        indicator_selectors.suppress_complementary([figure for _label, figure in parts])
        title = _("%(indicator)s by %(breakdown)s, %(year)s") % {
            "indicator": name,
            "breakdown": Breakdown(breakdown).label,
            "year": year,
        }
        table = Table(f"uitsplitsing-{breakdown}", title, [str(Breakdown(breakdown).label), name])
        bars = []
        for label, figure in parts:
            value = _value(figure, indicator.unit)
            bars.append((label, value))
            table.add([label, value], [label, format_value(value, indicator.unit)])
        tables.append(table)
        charts.append(
            bar_chart(
                chart_id=table.slug,
                title=title,
                bars=bars,
                unit=indicator.unit,
                label_header=str(Breakdown(breakdown).label),
                value_header=name,
            )
        )
    return charts


def _lines_table(lines) -> Table:
    table = Table(
        "actielijnen",
        _("Progress per action line"),
        [_("Action line"), _("Activities"), _("Done"), _("Share done"), _("Past their end date")],
    )
    for progress in lines:
        title = f"{progress.line.number}. {progress.line.title}"
        table.add(
            [title, progress.total, progress.done, progress.done_share, len(progress.overdue)],
            [
                title,
                str(progress.total),
                str(progress.done),
                f"{progress.done_share}%",
                str(len(progress.overdue)),
            ],
        )
    return table


def _line_indicators_table(lines, headlines: dict[str, Headline], year: int) -> Table:
    """Per action line, the indicators its activities and targets follow, as in the headline
    table: where the line stands on what it aims to change."""
    table = Table(
        "actielijn-indicatoren",
        _("Indicators per action line, %(year)s") % {"year": year},
        [_("Action line"), _("Indicator"), _("Value"), _("Target"), _("Against the target")],
    )
    for progress in lines:
        title = f"{progress.line.number}. {progress.line.title}"
        for code in progress.indicator_codes:
            headline = headlines.get(code)
            if headline is None:
                continue
            shown = [title, headline.name, headline.value, headline.target, headline.status]
            table.add(shown, shown)
    return table


def dashboard_coalitions(user) -> list:
    """The coalitions whose dashboard the user may open, for the index page."""
    return list(coalitions_for_user(user).order_by("name"))
