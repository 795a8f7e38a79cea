"""One figure: how it is made from counts or open data, and the small-number rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kansrijk.indicators.constants import (
    COUNT_MEASURES,
    SMALL_NUMBER,
    Statistic,
    Unit,
)
from kansrijk.indicators.models import (
    Indicator,
    OpenDataValue,
)

ONE_DECIMAL = Decimal("0.1")
SCALE_INT = {Unit.PERCENT: 100, Unit.PER_1000: 1000}
MEASURE_INDEX = {measure: index for index, measure in enumerate(COUNT_MEASURES)}


@dataclass
class _Sum:
    numerator: int | None = 0
    denominator: int | None = 0
    value: Decimal = Decimal(0)
    areas: int = 0


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
