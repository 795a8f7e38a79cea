"""The indicator catalogue and the state of the aggregate."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import get_language

from kansrijk.indicators.constants import (
    IndicatorKind,
    Origin,
)
from kansrijk.indicators.models import (
    AggregateRefresh,
    Indicator,
    OpenDataImport,
)


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
