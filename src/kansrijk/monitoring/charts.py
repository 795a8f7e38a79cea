"""Accessible charts drawn on the server: inline SVG, no JavaScript.

Each chart is an `<svg role="img">` named by its `<title>` and described by a one-sentence
`<desc>`; `monitoring/_chart.html` shows it in a `<figure>` followed by the same figures in a
table. Lines and bars are dark enough for 3:1 against white, series also differ by dash
pattern and marker shape, and a legend names them in text. The SVG scales with its `viewBox`;
its text is 16 units high in a 400 units wide drawing, so it stays about 12px on a phone.

Numbers read the Dutch way in Dutch (12,5%; 1.234) and the English way in English:
`format_value` follows the active language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

__all__ = ["UNITS", "Chart", "Series", "bar_chart", "format_value", "line_chart", "unit_label"]

UNITS = ("count", "percent", "per_1000", "days")

# NL Design System-like colours; each has at least 3:1 contrast against white.
BLUE = "#01689b"
ORANGE = "#a84400"
GREY = "#535353"  # target and reference lines, axes
GRID = "#d4d4d4"  # gridlines only help; the labels carry the values
TEXT = "#1a1a1a"

WIDTH = 400
FONT = 16
CHAR_WIDTH = FONT * 0.62  # a generous estimate of an average character's width
LEGEND_ROW = 24
PLOT_HEIGHT = 200
BAR_ROW = 52

# Series styles: colour, dash pattern, marker shape. Four distinct; after that they repeat.
SERIES_STYLES = (
    (BLUE, "", "circle"),
    (ORANGE, "8 4", "square"),
    (BLUE, "2 4", "triangle"),
    (ORANGE, "12 4 2 4", "diamond"),
)
TARGET_DASH = "12 6"
BASELINE_DASH = "3 5"

_CHART_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal | None]


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    svg: SafeString
    table_header: list[str]
    table_rows: list[list[str]]
    summary: str


# Formatting ------------------------------------------------------------------------------


def missing_text() -> str:
    """What a suppressed figure (too few people to show it safely) reads as."""
    return _("too few people")


def unit_label(unit: str) -> str:
    """The name of a unit, as an axis or column title."""
    labels = {
        "count": pgettext("unit", "Number"),
        "percent": pgettext("unit", "Percentage"),
        "per_1000": pgettext("unit", "Per 1,000"),
        "days": pgettext("unit", "Days"),
    }
    try:
        return labels[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}; use one of {UNITS}") from None


def format_value(
    value: Decimal | int | None,
    unit: str,
    *,
    decimals: int | None = None,
    missing_label: str | None = None,
) -> str:
    """A figure as people read it in the active language: "12,5%", "4,2 per 1.000", "1.234",
    "12" (days) in Dutch; "12.5%", "1,234" in English. None (suppressed or no data) reads as
    `missing_label`, by default "too few people". Percentages and rates get one decimal;
    counts and days none, unless they have a fraction (then one)."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; use one of {UNITS}")
    if value is None:
        return missing_label if missing_label is not None else missing_text()
    value = Decimal(value)
    if decimals is None:
        if unit in ("percent", "per_1000"):
            decimals = 1
        else:
            decimals = 0 if value == value.to_integral_value() else 1
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    number = number_format(rounded, decimals, use_l10n=True, force_grouping=True)
    if unit == "percent":
        return f"{number}%"
    if unit == "per_1000":
        return _("%(value)s per 1,000") % {"value": number}
    return number


# Scales and SVG pieces -------------------------------------------------------------------


def _nice_scale(values: Sequence[Decimal], unit: str) -> tuple[Decimal, Decimal, Decimal]:
    """(bottom, top, step) of an axis from 0 (or the lowest negative value) to a round top
    at or above every value, in 3 to 5 steps (4 to 6 gridlines)."""
    whole_steps = unit in ("count", "days")
    low = min([Decimal(0), *values])
    high = max([Decimal(0), *values])
    if high <= low:
        high = low + (5 if whole_steps else 10)
    raw = (high - low) / 5
    magnitude = Decimal(1).scaleb(raw.adjusted())
    step = magnitude * 10
    for multiple in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        candidate = multiple * magnitude
        if whole_steps and candidate != candidate.to_integral_value():
            continue
        if candidate >= raw:
            step = candidate
            break
    bottom = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    top = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    return bottom, top, step


def _ticks(bottom: Decimal, top: Decimal, step: Decimal) -> list[Decimal]:
    count = int((top - bottom) / step)
    return [bottom + step * i for i in range(count + 1)]


def _tick_label(tick: Decimal, unit: str, decimals: int) -> str:
    """An axis label: the unit's sign for percentages, a bare number otherwise (the axis
    title names the unit)."""
    return format_value(tick, "percent" if unit == "percent" else "count", decimals=decimals)


def _step_decimals(step: Decimal) -> int:
    return max(0, -step.normalize().as_tuple().exponent)


def _n(number: float) -> str:
    """A coordinate: at most one decimal, never a locale's comma."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


def _text(x: float, y: float, content: str, *, anchor: str = "start", extra: str = "") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" fill="{TEXT}"{extra}>'
        f"{escape(content)}</text>"
    )


def _text_on_white(x: float, y: float, content: str) -> str:
    """Text on a white box, so a gridline or reference line behind it does not cross it.
    (A white outline with paint-order would be tighter, but WeasyPrint's PDFs ignore it.)"""
    box = (
        f'<rect x="{_n(x - 2)}" y="{_n(y - FONT)}" width="{_n(_text_width(content) + 4)}" '
        f'height="{FONT + 5}" fill="#ffffff"/>'
    )
    return box + _text(x, y, content)


def _marker(shape: str, x: float, y: float, colour: str, css_class: str = "") -> str:
    common = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    if css_class:
        common += f' class="{css_class}"'
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="5" {common}/>'
    if shape == "square":
        return f'<rect x="{_n(x - 4.5)}" y="{_n(y - 4.5)}" width="9" height="9" {common}/>'
    if shape == "triangle":
        points = f"M{_n(x)},{_n(y - 6)} L{_n(x + 6)},{_n(y + 4.5)} L{_n(x - 6)},{_n(y + 4.5)} Z"
    else:  # diamond
        points = (
            f"M{_n(x)},{_n(y - 6)} L{_n(x + 6)},{_n(y)} L{_n(x)},{_n(y + 6)} L{_n(x - 6)},{_n(y)} Z"
        )
    return f'<path d="{points}" {common}/>'


def _dash(pattern: str) -> str:
    return f' stroke-dasharray="{pattern}"' if pattern else ""


def _legend_row(y: float, label: str, colour: str, dash: str, shape: str | None) -> str:
    """A sample of the line (with its marker) and its name, on one row from `y` down."""
    middle = y + LEGEND_ROW / 2
    parts = [
        f'<line x1="8" y1="{_n(middle)}" x2="44" y2="{_n(middle)}" stroke="{colour}" '
        f'stroke-width="3"{_dash(dash)}/>'
    ]
    if shape:
        parts.append(_marker(shape, 26, middle, colour))
    parts.append(_text(52, middle + 5, label))
    return "".join(parts)


def _svg(chart_id: str, title: str, summary: str, height: float, body: list[str]) -> SafeString:
    chart_id = escape(chart_id)
    # Every text and attribute value in `body` went through escape().
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'width="100%" style="max-width:34rem" font-size="{FONT}" class="kr-chart__svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>' + "".join(body) + "</svg>"
    )


def _check_id(chart_id: str) -> None:
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart_id {chart_id!r} must be an HTML id: a letter, then [A-Za-z0-9_-]")


def _label_lines(label: str, room: float) -> list[str]:
    """A category label on one line, or broken at its hyphens/spaces when it is too wide."""
    if _text_width(label) <= room:
        return [label]
    lines = [part for part in re.split(r"(?<=-)|\s+", label) if part]
    return [line.rstrip("-") if line.endswith("-") and len(line) > 1 else line for line in lines]


def _sentence(clauses: list[str]) -> str:
    return "; ".join(clauses) + "." if clauses else _("No figures to show.")


# Line chart ------------------------------------------------------------------------------


def line_chart(
    *,
    chart_id: str,
    title: str,
    series: list[Series],
    categories: list[str],
    unit: str,
    target: Decimal | None = None,
    target_label: str = "",
    baseline: Decimal | None = None,
    baseline_label: str = "",
    missing_label: str | None = None,
    category_header: str = "",
    y_label: str = "",
) -> Chart:
    """Trends over periods: one line per series, a gap where a value is None (suppressed or
    no data), optional dashed target and baseline lines."""
    _check_id(chart_id)
    unit_label(unit)  # rejects an unknown unit
    for one in series:
        if len(one.values) != len(categories):
            raise ValueError(
                f"series {one.name!r} has {len(one.values)} values for {len(categories)} categories"
            )
    missing = missing_label if missing_label is not None else missing_text()
    target_label = target_label or _("Target")
    baseline_label = baseline_label or _("Baseline")
    category_header = category_header or _("Period")
    y_label = y_label or unit_label(unit)

    references = []  # (label, value, dash)
    if target is not None:
        references.append((target_label, Decimal(target), TARGET_DASH))
    if baseline is not None:
        references.append((baseline_label, Decimal(baseline), BASELINE_DASH))

    known = [Decimal(v) for one in series for v in one.values if v is not None]
    bottom, top, step = _nice_scale([*known, *(value for _l, value, _d in references)], unit)
    ticks = _ticks(bottom, top, step)
    tick_decimals = _step_decimals(step)
    tick_labels = [_tick_label(t, unit, tick_decimals) for t in ticks]

    body: list[str] = []
    y = 8.0
    for index, one in enumerate(series):
        colour, dash, shape = SERIES_STYLES[index % len(SERIES_STYLES)]
        body.append(_legend_row(y, one.name, colour, dash, shape))
        y += LEGEND_ROW
    for label, value, dash in references:
        text = _("%(label)s: %(value)s") % {"label": label, "value": format_value(value, unit)}
        body.append(_legend_row(y, text, GREY, dash, None))
        y += LEGEND_ROW
    y += 8
    body.append(_text(8, y + FONT, y_label, extra=' font-weight="bold"'))
    plot_top = y + FONT + 16
    plot_bottom = plot_top + PLOT_HEIGHT
    left = max(_text_width(label) for label in tick_labels) + 16
    right = WIDTH - 12
    plot_width = right - left
    span = float(top - bottom)

    def y_of(value: Decimal) -> float:
        return plot_bottom - float(value - bottom) / span * PLOT_HEIGHT

    for tick, label in zip(ticks, tick_labels, strict=True):
        ty = y_of(tick)
        colour = GREY if tick == 0 else GRID
        body.append(
            f'<line x1="{_n(left)}" y1="{_n(ty)}" x2="{_n(right)}" y2="{_n(ty)}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )
        body.append(_text(left - 8, ty + 5, label, anchor="end"))

    slot = plot_width / max(len(categories), 1)

    def x_of(index: int) -> float:
        return left + slot * (index + 0.5)

    # Category labels: broken over lines when wide; when still too many, every n-th one
    # (the table has them all).
    lines_per_label = [_label_lines(c, slot - 6) for c in categories]
    widest = max((_text_width(line) for lines in lines_per_label for line in lines), default=0)
    every = max(1, math.ceil((widest + 8) / slot)) if slot else 1
    line_count = max((len(lines) for lines in lines_per_label), default=1)
    for index, lines in enumerate(lines_per_label):
        if index % every:
            continue
        tspans = "".join(
            f'<tspan x="{_n(x_of(index))}" dy="{0 if n == 0 else 18}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        body.append(
            f'<text x="{_n(x_of(index))}" y="{_n(plot_bottom + 20)}" text-anchor="middle" '
            f'fill="{TEXT}">{tspans}</text>'
        )
    axis_title_y = plot_bottom + 20 + 18 * (line_count - 1) + 26
    body.append(
        _text(
            left + plot_width / 2,
            axis_title_y,
            category_header,
            anchor="middle",
            extra=' font-weight="bold"',
        )
    )

    for _label, value, dash in references:
        ry = y_of(value)
        body.append(
            f'<line x1="{_n(left)}" y1="{_n(ry)}" x2="{_n(right)}" y2="{_n(ry)}" '
            f'stroke="{GREY}" stroke-width="2"{_dash(dash)}/>'
        )

    for index, one in enumerate(series):
        colour, dash, shape = SERIES_STYLES[index % len(SERIES_STYLES)]
        segment: list[str] = []
        segments: list[list[str]] = []
        for position, value in enumerate(one.values):
            if value is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{_n(x_of(position))},{_n(y_of(Decimal(value)))}")
        if segment:
            segments.append(segment)
        for points in segments:
            if len(points) > 1:
                body.append(
                    f'<path d="M{" L".join(points)}" fill="none" stroke="{colour}" '
                    f'stroke-width="3" stroke-linejoin="round"{_dash(dash)} '
                    f'class="kr-chart__line"/>'
                )
        for position, value in enumerate(one.values):
            if value is not None:
                body.append(
                    _marker(shape, x_of(position), y_of(Decimal(value)), colour, "kr-chart__point")
                )

    height = axis_title_y + 12
    summary = _line_summary(series, categories, unit, references, missing)
    header = [category_header, *(one.name for one in series), *(r[0] for r in references)]
    rows = [
        [
            category,
            *(format_value(one.values[i], unit, missing_label=missing) for one in series),
            *(format_value(value, unit) for _label, value, _pattern in references),
        ]
        for i, category in enumerate(categories)
    ]
    return Chart(
        chart_id=chart_id,
        title=title,
        svg=_svg(chart_id, title, summary, height, body),
        table_header=header,
        table_rows=rows,
        summary=summary,
    )


def _line_summary(series, categories, unit, references, missing) -> str:
    clauses = []
    for one in series:
        known = [(v, c) for v, c in zip(one.values, categories, strict=True) if v is not None]
        if not known:
            clauses.append(_("%(label)s: %(value)s") % {"label": one.name, "value": missing})
        elif len(known) == 1:
            value, at = known[0]
            clauses.append(
                _("%(series)s: %(value)s in %(at)s")
                % {"series": one.name, "value": format_value(value, unit), "at": at}
            )
        else:
            highest = max(known, key=lambda pair: pair[0])
            lowest = min(known, key=lambda pair: pair[0])
            last = known[-1]
            clauses.append(
                _(
                    "%(series)s: highest %(highest)s in %(highest_at)s, lowest %(lowest)s in "
                    "%(lowest_at)s, most recently %(last)s in %(last_at)s"
                )
                % {
                    "series": one.name,
                    "highest": format_value(highest[0], unit),
                    "highest_at": highest[1],
                    "lowest": format_value(lowest[0], unit),
                    "lowest_at": lowest[1],
                    "last": format_value(last[0], unit),
                    "last_at": last[1],
                }
            )
    for label, value, _pattern in references:
        clauses.append(
            _("%(label)s: %(value)s") % {"label": label, "value": format_value(value, unit)}
        )
    return _sentence(clauses)


# Bar chart -------------------------------------------------------------------------------


def bar_chart(
    *,
    chart_id: str,
    title: str,
    bars: list[tuple[str, Decimal | None]],
    unit: str,
    reference: Decimal | None = None,
    reference_label: str = "",
    missing_label: str | None = None,
    label_header: str = "",
    value_header: str = "",
) -> Chart:
    """Horizontal bars comparing areas (a neighbourhood's name above its bar, the value at
    the bar's end), a suppressed value as an empty outlined bar saying so, and an optional
    dashed reference line (for instance the municipality's value)."""
    _check_id(chart_id)
    missing = missing_label if missing_label is not None else missing_text()
    value_header = value_header or unit_label(unit)
    label_header = label_header or _("Area")
    reference_label = reference_label or _("Reference")
    reference = Decimal(reference) if reference is not None else None

    known = [Decimal(v) for _label, v in bars if v is not None]
    bottom, top, step = _nice_scale([*known, *([reference] if reference is not None else [])], unit)
    ticks = _ticks(bottom, top, step)
    tick_decimals = _step_decimals(step)
    tick_labels = [_tick_label(t, unit, tick_decimals) for t in ticks]
    value_labels = [format_value(v, unit) for v in known]

    left = 12.0
    right = WIDTH - max(
        [_text_width(label) + 16 for label in value_labels] + [_text_width(tick_labels[-1]) / 2 + 8]
    )
    plot_width = right - left
    span = float(top - bottom)

    def x_of(value: Decimal) -> float:
        return left + float(value - bottom) / span * plot_width

    body: list[str] = []
    y = 8.0
    if reference is not None:
        text = _("%(label)s: %(value)s") % {
            "label": reference_label,
            "value": format_value(reference, unit),
        }
        body.append(_legend_row(y, text, GREY, TARGET_DASH, None))
        y += LEGEND_ROW
    y += 4
    rows_top = y
    rows_bottom = rows_top + BAR_ROW * len(bars)

    for tick in ticks:
        tx = x_of(tick)
        colour = GREY if tick == 0 else GRID
        body.append(
            f'<line x1="{_n(tx)}" y1="{_n(rows_top)}" x2="{_n(tx)}" y2="{_n(rows_bottom)}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )
    for tick, label in zip(ticks, tick_labels, strict=True):
        body.append(_text(x_of(tick), rows_bottom + 20, label, anchor="middle"))
    body.append(
        _text(
            left + plot_width / 2,
            rows_bottom + 46,
            value_header,
            anchor="middle",
            extra=' font-weight="bold"',
        )
    )

    # Under the bars and labels: the white behind the labels keeps them readable across it.
    if reference is not None:
        rx = x_of(reference)
        body.append(
            f'<line x1="{_n(rx)}" y1="{_n(rows_top)}" x2="{_n(rx)}" y2="{_n(rows_bottom)}" '
            f'stroke="{GREY}" stroke-width="2"{_dash(TARGET_DASH)}/>'
        )

    zero = x_of(Decimal(0))
    for index, (label, value) in enumerate(bars):
        row = rows_top + BAR_ROW * index
        body.append(_text_on_white(left + 4, row + 16, label))
        bar_top = row + 24
        if value is None:
            box = _text_width(missing) + 12
            body.append(
                f'<rect x="{_n(zero)}" y="{_n(bar_top)}" width="{_n(box)}" height="22" '
                f'fill="#ffffff" stroke="{GREY}" stroke-width="1"{_dash("4 3")}/>'
            )
            body.append(_text(zero + 6, bar_top + 16, missing))
            continue
        end = x_of(Decimal(value))
        body.append(
            f'<rect x="{_n(min(zero, end))}" y="{_n(bar_top)}" width="{_n(abs(end - zero))}" '
            f'height="22" fill="{BLUE}" class="kr-chart__bar"/>'
        )
        body.append(_text_on_white(max(zero, end) + 6, bar_top + 16, format_value(value, unit)))

    height = rows_bottom + 58
    summary = _bar_summary(bars, unit, reference, reference_label, missing)
    rows = [[label, format_value(value, unit, missing_label=missing)] for label, value in bars]
    if reference is not None:
        rows.append([reference_label, format_value(reference, unit)])
    return Chart(
        chart_id=chart_id,
        title=title,
        svg=_svg(chart_id, title, summary, height, body),
        table_header=[label_header, value_header],
        table_rows=rows,
        summary=summary,
    )


def _bar_summary(bars, unit, reference, reference_label, missing) -> str:
    known = [(Decimal(v), label) for label, v in bars if v is not None]
    clauses = []
    if known:
        highest = max(known, key=lambda pair: pair[0])
        lowest = min(known, key=lambda pair: pair[0])
        clauses.append(
            _("highest %(highest_at)s (%(highest)s), lowest %(lowest_at)s (%(lowest)s)")
            % {
                "highest_at": highest[1],
                "highest": format_value(highest[0], unit),
                "lowest_at": lowest[1],
                "lowest": format_value(lowest[0], unit),
            }
        )
    if reference is not None:
        clauses.append(
            _("%(label)s: %(value)s")
            % {"label": reference_label, "value": format_value(reference, unit)}
        )
    suppressed = [label for label, v in bars if v is None]
    if suppressed:
        clauses.append(
            _("%(label)s: %(value)s") % {"label": missing, "value": ", ".join(suppressed)}
        )
    sentence = _sentence(clauses)
    return sentence[:1].upper() + sentence[1:]
