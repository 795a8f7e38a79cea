"""Reads of the screening app: instruments, a coalition's cut-offs, the texts to show."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from kansrijk.screening.constants import CUTOFF_EDITOR_ROLES, Phase
from kansrijk.screening.i18n import current_language
from kansrijk.screening.instruments import (
    Cutoffs,
    Instrument,
    instrument_find,
    instrument_list,
    text_in,
)
from kansrijk.screening.models import InstrumentText, ScreeningCutoff

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User

__all__ = [
    "Cutoffs",
    "Instrument",
    "InstrumentTexts",
    "ItemTexts",
    "cutoff_list",
    "cutoff_may_edit",
    "cutoffs_for",
    "instrument_get",
    "instrument_list",
    "instrument_texts",
    "licensed_languages",
]


@dataclass(frozen=True)
class ItemTexts:
    number: int
    text: str
    options: list[str]  # in printed order: position 0 first
    domain: str


@dataclass(frozen=True)
class InstrumentTexts:
    """What to show for an instrument in one language. `licensed`: the texts are imported
    licensed texts; otherwise they are the shipped ones (neutral labels for the EPDS)."""

    code: str
    version: str
    language: str
    licensed: bool
    neutral: bool  # True: neutral labels stand in for texts that are not in Kansrijk
    name: str
    instructions: str
    licence: str
    validated: bool
    items: list[ItemTexts]


def instrument_get(code: str) -> Instrument | None:
    """The instrument with this code or alias, or None."""
    return instrument_find(code)


def _coalition_q(coalition_id: int | uuid.UUID | str) -> Q:
    if isinstance(coalition_id, int) and not isinstance(coalition_id, bool):
        return Q(coalition_id=coalition_id)
    try:
        return Q(coalition__uuid=uuid.UUID(str(coalition_id)))
    except ValueError:
        return Q(pk__in=[])


def cutoff_list(*, coalition_id: int | uuid.UUID | str | None = None) -> QuerySet[ScreeningCutoff]:
    cutoffs = ScreeningCutoff.objects.select_related("coalition", "set_by")
    if coalition_id is not None:
        cutoffs = cutoffs.filter(_coalition_q(coalition_id))
    return cutoffs


def cutoffs_for(
    coalition_id: int | uuid.UUID | str | None, code: str, *, phase: str = Phase.ANY
) -> Cutoffs | None:
    """The coalition's cut-offs for the instrument: those for `phase` when the coalition set
    them, else its cut-offs for every phase, else None (the instrument's own apply). Pass the
    result to `score(..., cutoffs=...)`."""
    instrument = instrument_find(code)
    if coalition_id is None or instrument is None:
        return None
    phases = [phase, Phase.ANY] if phase else [Phase.ANY]
    rows = {
        row.phase: row
        for row in cutoff_list(coalition_id=coalition_id).filter(
            instrument=instrument.code, phase__in=phases
        )
    }
    for wanted in phases:
        row = rows.get(wanted)
        if row is not None:
            source = f"coalition:{row.coalition.slug}" + (f":{row.phase}" if row.phase else "")
            return Cutoffs(elevated=row.elevated, high=row.high, source=source)
    return None


def cutoff_may_edit(user: User | AnonymousUser, *, coalition_id: int) -> bool:
    """Coordinators and administrators of a member organisation set a coalition's cut-offs."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        user.organisation_id is not None
        and user.has_role(*CUTOFF_EDITOR_ROLES)
        and user.organisation.coalitions.filter(pk=coalition_id).exists()
    )


def licensed_languages(code: str) -> list[str]:
    """The languages in which licensed texts of the instrument were imported."""
    instrument = instrument_find(code)
    if instrument is None:
        return []
    return list(
        InstrumentText.objects.filter(instrument=instrument.code)
        .order_by("language")
        .values_list("language", flat=True)
        .distinct()
    )


def instrument_texts(code: str, language: str | None = None) -> InstrumentTexts:
    """The texts to show: the licensed texts imported for `language` (default: the active
    language), else the shipped texts in that language (for the EPDS: neutral labels such as
    "EPDS vraag 1" and "Antwoord 1"). Raises LookupError for an unknown instrument."""
    instrument = instrument_find(code)
    if instrument is None:
        raise LookupError(code)
    language = (language or current_language()).lower()
    imported = {
        row.item: row
        for row in InstrumentText.objects.filter(instrument=instrument.code, language=language)
    }
    licensed = len(imported) == instrument.item_count
    items = []
    for item in instrument.items:
        row = imported.get(item.number) if licensed else None
        items.append(
            ItemTexts(
                number=item.number,
                text=row.text if row else text_in(item.label, language),
                options=(
                    list(row.options)
                    if row
                    else [text_in(option, language) for option in item.options]
                ),
                domain=item.domain,
            )
        )
    instructions = instrument.instructions
    if licensed and instrument.instructions_licensed:
        instructions = instrument.instructions_licensed
    return InstrumentTexts(
        code=instrument.code,
        version=instrument.version,
        language=language,
        licensed=licensed,
        neutral=not licensed and not instrument.texts_shipped,
        name=instrument.name_in(language),
        instructions=text_in(instructions, language) if instructions else "",
        licence=text_in(instrument.licence, language) if instrument.licence else "",
        validated=instrument.validated,
        items=items,
    )
