"""The monitoring extract's sources: each domain app registers a function that yields its
facts as dicts (the fact model's fields), so this app needs to know none of their records.

    register_source("referral", referrals.selectors.monitoring_referral_facts)

Kinds: "screening", "referral", "case", "participation" (`FACT_MODELS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kansrijk.indicators.constants import TargetGroup
from kansrijk.indicators.models import CaseFact, ParticipationFact, ReferralFact, ScreeningFact

FactSource = Callable[[], Iterable[dict[str, Any]]]

FACT_MODELS = {
    "screening": ScreeningFact,
    "referral": ReferralFact,
    "case": CaseFact,
    "participation": ParticipationFact,
}
TEENAGE_BELOW = 20

_sources: dict[str, list[FactSource]] = {kind: [] for kind in FACT_MODELS}


def register_source(kind: str, source: FactSource) -> None:
    if kind not in FACT_MODELS:
        raise ValueError(f"unknown fact kind {kind!r}")
    if source not in _sources[kind]:
        _sources[kind].append(source)


def sources(kind: str) -> list[FactSource]:
    return list(_sources[kind])


def target_group(*, year_of_birth: int | None, on_year: int, language: str) -> str:
    """The target group a record shows without asking her anything extra."""
    if year_of_birth and on_year - year_of_birth < TEENAGE_BELOW:
        return TargetGroup.TEENAGE
    if language and language != "nl":
        return TargetGroup.OTHER_LANGUAGE
    return TargetGroup.OTHER
