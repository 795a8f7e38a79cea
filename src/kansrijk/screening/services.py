"""Writes of the screening app: a coalition's cut-offs and imported licensed texts."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.audit.services import audit_record
from kansrijk.organisations.selectors import coalition_list
from kansrijk.screening.constants import (
    AUDIT_CUTOFF_CLEARED,
    AUDIT_CUTOFF_SET,
    AUDIT_TEXTS_IMPORTED,
    Phase,
)
from kansrijk.screening.i18n import translate
from kansrijk.screening.instruments import Cutoffs, Instrument, cutoffs_problem, instrument_find
from kansrijk.screening.models import InstrumentText, ScreeningCutoff
from kansrijk.screening.texts_io import TextsImportError, language_valid, texts_read

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition

__all__ = [
    "CutoffConflictError",
    "TextsImportError",
    "cutoff_clear",
    "cutoff_set",
    "cutoff_validate",
    "instrument_texts_import",
]


class CutoffConflictError(Exception):
    """The cut-off changed since the editor loaded it; saving would overwrite that change."""

    def __init__(self, *, expected: int | None, current: int | None):
        self.expected = expected
        self.current = current
        super().__init__(
            _(
                "Someone else changed this cut-off while you were editing it. Your change has "
                "not been saved. Check the current cut-off and save again."
            )
        )


def _audit(action: str, *, user: User | None, object_type: str, object_id: str, **detail) -> None:
    audit_record(
        action=action,
        actor_id=str(user.uuid) if user else "",
        actor_organisation_id=(
            str(user.organisation.uuid) if user and user.organisation_id else ""
        ),
        object_type=object_type,
        object_id=object_id,
        detail={k: v for k, v in detail.items() if v not in (None, "")},
    )


def _coalition(coalition_id: int | uuid.UUID | str) -> Coalition:
    """The coalition by primary key or UUID; ValidationError when there is none."""
    coalitions = coalition_list()
    if isinstance(coalition_id, int) and not isinstance(coalition_id, bool):
        found = coalitions.filter(pk=coalition_id).first()
    else:
        try:
            found = coalitions.filter(uuid=uuid.UUID(str(coalition_id))).first()
        except ValueError:
            found = None
    if found is None:
        raise ValidationError({"coalition": _("This coalition does not exist.")}, code="unknown")
    return found


def cutoff_validate(
    *, instrument: str, elevated: int | None, high: int | None, phase: str = Phase.ANY
) -> Instrument:
    """Check cut-offs for an instrument (ValidationError per field, in the user's language);
    returns the instrument."""
    found = instrument_find(instrument)
    if found is None:
        raise ValidationError(
            {"instrument": _("There is no screening instrument %(code)s.") % {"code": instrument}},
            code="unknown_instrument",
        )
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Choose a phase from the list.")}, code="invalid_phase")
    if elevated is None:
        raise ValidationError(
            {"elevated": _("Enter the cut-off from which the score is raised.")},
            code="elevated_required",
        )
    if high is None and found.cutoffs.high is not None:
        raise ValidationError(
            {
                "high": _("%(instrument)s has a high level: enter its cut-off too.")
                % {"instrument": found.short_name_in(None)}
            },
            code="high_required",
        )
    problem = cutoffs_problem(found, Cutoffs(elevated=elevated, high=high))
    if problem:
        raise ValidationError({problem[0]: translate(problem[1]) % problem[2]}, code="out_of_range")
    return found


@transaction.atomic
def cutoff_set(
    *,
    coalition_id: int | uuid.UUID | str,
    instrument: str,
    elevated: int,
    high: int | None = None,
    phase: str = Phase.ANY,
    note: str = "",
    user: User | None = None,
    expected_lock_version: int | None = None,
) -> ScreeningCutoff:
    """Set a coalition's cut-offs for an instrument (for every phase, or for one phase): the
    level is elevated from `elevated` and high from `high`, with 0 <= elevated <= high <= the
    highest total. `high` may be None only for an instrument without a high level (GAD-2,
    PHQ-2). With `expected_lock_version`, a change made meanwhile raises CutoffConflictError."""
    coalition = _coalition(coalition_id)
    found = cutoff_validate(instrument=instrument, elevated=elevated, high=high, phase=phase)
    values: dict[str, Any] = {"elevated": elevated, "high": high, "note": note.strip()}
    current = ScreeningCutoff.objects.filter(
        coalition=coalition, instrument=found.code, phase=phase
    ).first()
    if current is None:
        if expected_lock_version is not None:
            raise CutoffConflictError(expected=expected_lock_version, current=None)
        try:
            with transaction.atomic():
                cutoff = ScreeningCutoff.objects.create(
                    coalition=coalition, instrument=found.code, phase=phase, set_by=user, **values
                )
        except IntegrityError as error:  # someone created it at the same moment
            raise CutoffConflictError(expected=None, current=1) from error
    else:
        rows = ScreeningCutoff.objects.filter(pk=current.pk)
        if expected_lock_version is not None:
            rows = rows.filter(lock_version=expected_lock_version)
        claimed = rows.update(
            lock_version=F("lock_version") + 1, set_by=user, set_at=timezone.now(), **values
        )
        if not claimed:
            latest = ScreeningCutoff.objects.filter(pk=current.pk).values_list(
                "lock_version", flat=True
            )
            raise CutoffConflictError(expected=expected_lock_version, current=latest.first())
        cutoff = ScreeningCutoff.objects.get(pk=current.pk)
    _audit(
        AUDIT_CUTOFF_SET,
        user=user,
        object_type="screening_cutoff",
        object_id=str(cutoff.uuid),
        coalition=str(coalition.uuid),
        instrument=found.code,
        phase=phase,
        elevated=elevated,
        high=high,
    )
    return cutoff


@transaction.atomic
def cutoff_clear(
    *,
    coalition_id: int | uuid.UUID | str,
    instrument: str,
    phase: str = Phase.ANY,
    user: User | None = None,
) -> bool:
    """Remove a coalition's cut-offs, so the instrument's own apply again. False when there
    were none."""
    coalition = _coalition(coalition_id)
    found = instrument_find(instrument)
    code = found.code if found else instrument
    cutoff = ScreeningCutoff.objects.filter(
        coalition=coalition, instrument=code, phase=phase
    ).first()
    if cutoff is None:
        return False
    cutoff.delete()
    _audit(
        AUDIT_CUTOFF_CLEARED,
        user=user,
        object_type="screening_cutoff",
        object_id=str(cutoff.uuid),
        coalition=str(coalition.uuid),
        instrument=code,
        phase=phase,
    )
    return True


@transaction.atomic
def instrument_texts_import(
    *, instrument: str, language: str, path: Path, user: User | None = None
) -> int:
    """Replace the licensed texts of `instrument` in `language` with those in the file (JSON or
    CSV, see texts_io). All or nothing: any problem raises TextsImportError listing every one,
    and nothing is written. Returns the number of items imported."""
    found = instrument_find(instrument)
    if found is None:
        raise TextsImportError(
            [_("There is no screening instrument %(code)s.") % {"code": instrument}]
        )
    language = (language or "").strip().lower()
    if not language_valid(language):
        raise TextsImportError(
            [_("%(language)s is not a language code such as nl or en.") % {"language": language}]
        )
    rows = texts_read(path=Path(path), instrument=found, language=language)
    InstrumentText.objects.filter(instrument=found.code, language=language).delete()
    InstrumentText.objects.bulk_create(
        InstrumentText(
            instrument=found.code,
            language=language,
            item=row.item,
            text=row.text,
            options=list(row.options),
            source=Path(path).name[:255],
            imported_by=user,
        )
        for row in rows
    )
    _audit(
        AUDIT_TEXTS_IMPORTED,
        user=user,
        object_type="instrument_text",
        object_id=f"{found.code}:{language}",
        items=len(rows),
        source=Path(path).name,
    )
    return len(rows)
