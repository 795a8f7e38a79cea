"""Screening instruments as data (EPDS, GAD-2, PHQ-2, the Kansrijke Start signal list), their
scoring and accumulation (stapeling). `score` and `accumulation` are plain Python: importing
this package loads no models."""

from kansrijk.screening.scoring import (
    Accumulation,
    Cutoffs,
    ScreeningError,
    ScreeningResult,
    accumulation,
    score,
)

__all__ = [
    "Accumulation",
    "Cutoffs",
    "ScreeningError",
    "ScreeningResult",
    "accumulation",
    "score",
]
