"""Writes of the screening app: a coalition's cut-offs, imported licensed texts, and the
screenings of clients (each audited with the client's public id)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.audit.constants import SOURCE_SYSTEM, Outcome
from kansrijk.audit.services import audit_record
from kansrijk.clients import services as client_services
from kansrijk.organisations.selectors import coalition_list
from kansrijk.screening.constants import (
    AUDIT_CUTOFF_CLEARED,
    AUDIT_CUTOFF_SET,
    AUDIT_OBJECT_CLIENT,
    AUDIT_OBJECT_SCREENING,
    AUDIT_SCREENING_RECORDED,
    AUDIT_SCREENING_VIEWED,
    AUDIT_SCREENINGS_PSEUDONYMISED,
    AUDIT_TEXTS_IMPORTED,
    Phase,
)
from kansrijk.screening.i18n import current_language, translate
from kansrijk.screening.instruments import Cutoffs, Instrument, cutoffs_problem, instrument_find
from kansrijk.screening.models import InstrumentText, ScreeningCutoff, ScreeningResponse
from kansrijk.screening.scoring import ScreeningError, score
from kansrijk.screening.selectors import client_phase, screening_cutoffs_for_client
from kansrijk.screening.texts_io import TextsImportError, language_valid, texts_read

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client
    from kansrijk.organisations.models import Coalition

__all__ = [
    "CutoffConflictError",
    "TextsImportError",
    "cutoff_clear",
    "cutoff_set",
    "cutoff_validate",
    "instrument_texts_import",
    "ScreeningError",
    "screening_read_record",
    "screening_record",
    "screenings_pseudonymise",
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


# --- a client's screenings ---------------------------------------------------------------


def _client_audit(
    *,
    action: str,
    client: Client,
    user: User | None,
    screening: ScreeningResponse | None = None,
    detail: Mapping[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    """One audit event about her (NEN 7513: who, role, organisation, which client, what, when,
    from where). `detail` holds codes and ids only, never her answers."""
    organisation = getattr(user, "organisation", None) if user is not None else None
    who: dict[str, Any] = {
        "actor_id": str(user.uuid) if user is not None else "",
        "actor_display": user.get_username() if user is not None else "",
        "actor_role": ",".join(sorted(user.role_codes)) if user is not None else "",
        "actor_organisation_id": str(organisation.uuid) if organisation is not None else "",
        "source": SOURCE_SYSTEM,
    }
    who.update(audit_context or {})
    audit_record(
        action=action,
        client_id=str(client.uuid),
        object_type=AUDIT_OBJECT_SCREENING if screening is not None else AUDIT_OBJECT_CLIENT,
        object_id=str(screening.uuid) if screening is not None else str(client.uuid),
        outcome=Outcome.ALLOWED,
        detail={k: v for k, v in (detail or {}).items() if v not in (None, "")},
        **who,
    )


@transaction.atomic
def screening_record(
    *,
    client: Client,
    instrument: str,
    answers: Mapping[int, int],
    user: User | None,
    phase: str | None = None,
    language: str | None = None,
    now: datetime.datetime | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> ScreeningResponse:
    """Score her answers (item number -> position of the chosen answer as printed) with the
    cut-offs of the coalition covering her municipality (for `phase`, default her phase now:
    e.g. 11 on the EPDS in the first trimester where the coalition set it), else the
    instrument's own, and store the result. Raises ScreeningError for answers that do not fit
    the instrument and ValidationError for a pseudonymised client; nothing is stored then.
    `language`: the language the questions were asked in (default the active one)."""
    if client.pseudonymised_at is not None:
        raise ValidationError(
            _("This client's details were removed after the retention period."),
            code="pseudonymised",
        )
    found = instrument_find(instrument)
    if found is None:
        raise ScreeningError(
            _("There is no screening instrument %(code)s.") % {"code": instrument},
            code="unknown_instrument",
        )
    now = now or timezone.now()
    phase = client_phase(client=client, today=timezone.localdate(now)) if phase is None else phase
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Choose a phase from the list.")}, code="invalid_phase")
    cutoffs = screening_cutoffs_for_client(client=client, instrument=found.code, phase=phase)
    result = score(found.code, answers, cutoffs=cutoffs)
    organisation = getattr(user, "organisation", None) if user is not None else None
    response = ScreeningResponse.objects.create(
        client=client,
        instrument=result.code,
        instrument_version=result.version,
        answers={str(number): position for number, position in result.answers.items()},
        total=result.total,
        max_total=result.max_total,
        level=result.level,
        flags=list(result.flags),
        domains=list(result.domains),
        urgent=result.urgent,
        cutoff_elevated=result.cutoffs.elevated,
        cutoff_high=result.cutoffs.high,
        cutoff_source=result.cutoffs.source[:150],
        phase=phase,
        language=(language or current_language() or "nl").lower()[:10],
        screened_by=user,
        screened_by_organisation=organisation,
        screened_at=now,
    )
    client_services.client_touch(client_id=client.pk, when=now)
    _client_audit(
        action=AUDIT_SCREENING_RECORDED,
        client=client,
        user=user,
        screening=response,
        detail={
            "instrument": response.instrument,
            "level": response.level,
            "urgent": response.urgent,
            "cutoffs": response.cutoff_source,
        },
        audit_context=audit_context,
    )
    return response


def screening_read_record(
    *,
    client: Client,
    user: User | None,
    page: str,
    screening: ScreeningResponse | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    """Audit a read of her screenings (a page that shows them)."""
    _client_audit(
        action=AUDIT_SCREENING_VIEWED,
        client=client,
        user=user,
        screening=screening,
        detail={"page": page},
        audit_context=audit_context,
    )


@transaction.atomic
def screenings_pseudonymise(*, client_id: int) -> int:
    """For the retention run (clients.services.clients_pseudonymise_expired): her screenings
    lose who screened her and their dates are coarsened to the first of the month; the scored
    results stay, without a link to a person. Returns how many."""
    responses = list(ScreeningResponse.objects.select_for_update().filter(client_id=client_id))
    for response in responses:
        moment = timezone.localtime(response.screened_at)
        response.screened_at = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        response.screened_by = None
    ScreeningResponse.objects.bulk_update(responses, ["screened_at", "screened_by"])
    if responses:
        audit_record(
            action=AUDIT_SCREENINGS_PSEUDONYMISED,
            client_id=str(responses[0].client.uuid),
            object_type=AUDIT_OBJECT_CLIENT,
            object_id=str(responses[0].client.uuid),
            source=SOURCE_SYSTEM,
            detail={"count": len(responses)},
        )
    return len(responses)
