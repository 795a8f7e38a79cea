"""Writes of action programmes: the programme with its baseline period, action lines,
activities (status, PDCA phase, dates, indicators), PDCA reviews and targets.

Every write is one transaction. A change is made only to the version the user saw
(`expected_version`): the UPDATE is conditional on it (`WHERE lock_version = v`), so of two
people changing the same thing at once one wins and the other gets StaleEdit, a ValidationError
that says so; nothing is lost. Wrong input raises ValidationError with a message per field.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.actionprogrammes.constants import (
    NAME_MAX_LENGTH,
    TARGET_YEAR_MAX,
    TARGET_YEAR_MIN,
    TEXT_MAX_LENGTH,
    ActivityStatus,
    PdcaPhase,
)
from kansrijk.actionprogrammes.models import (
    ActionLine,
    ActionProgramme,
    Activity,
    ActivityReview,
    Target,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.indicators.models import Indicator
    from kansrijk.organisations.models import Coalition, Organisation

PROGRAMME_FIELDS = frozenset(
    {"name", "starts_on", "ends_on", "baseline_start", "baseline_end", "description"}
)
LINE_FIELDS = frozenset({"number", "title", "goal"})
ACTIVITY_FIELDS = frozenset(
    {
        "line",
        "number",
        "title",
        "description",
        "owner_organisation",
        "status",
        "pdca_phase",
        "starts_on",
        "ends_on",
        "indicators",
    }
)
# Indicators in these units cannot have a target above 100.
PERCENT_UNITS = frozenset({"percent"})


class StaleEdit(ValidationError):
    """Someone else changed the record since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else changed this in the meantime. Your changes are not saved. "
                "Look at what is saved now and make your change again."
            ),
            code="stale",
        )


def _text(value: str | None) -> str:
    return (value or "").strip()


def _check_length(errors: dict[str, str], field: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors[field] = _("Use at most %(limit)s characters.") % {"limit": limit}


def _raise(errors: dict[str, Any]) -> None:
    if errors:
        raise ValidationError(errors)


def _versioned_update(
    model: type[Model], pk: int, expected_version: int | None, **values: Any
) -> None:
    """One UPDATE ... WHERE lock_version = expected_version; StaleEdit when it matches nothing
    (someone else saved first). On PostgreSQL the UPDATE waits for the other transaction's row
    lock, then re-checks the condition; on SQLite writers take turns."""
    updated = model.objects.filter(pk=pk, lock_version=expected_version).update(
        lock_version=F("lock_version") + 1, updated_at=timezone.now(), **values
    )
    if not updated:
        raise StaleEdit()


def _unknown(changes: dict[str, Any], allowed: frozenset[str], name: str) -> None:
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"{name}: unknown fields {sorted(unknown)}")


# Programmes -----------------------------------------------------------------------------------


def _programme_check(values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not values["name"]:
        errors["name"] = _("Give the action programme a name.")
    _check_length(errors, "name", values["name"], NAME_MAX_LENGTH)
    _check_length(errors, "description", values["description"], TEXT_MAX_LENGTH)
    if values["starts_on"] is None:
        errors["starts_on"] = _("Give the date the programme starts.")
    if values["ends_on"] is None:
        errors["ends_on"] = _("Give the date the programme ends.")
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        errors["ends_on"] = _("The programme cannot end before it starts.")
    start, end = values["baseline_start"], values["baseline_end"]
    if (start is None) != (end is None):
        field = "baseline_end" if end is None else "baseline_start"
        errors[field] = _(
            "Give both the first and the last day of the baseline period, or neither."
        )
    elif start and end and end < start:
        errors["baseline_end"] = _("The baseline period cannot end before it starts.")
    _raise(errors)


def _programme_values(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    values["name"] = _text(values.get("name"))
    values["description"] = _text(values.get("description"))
    return values


@transaction.atomic
def programme_create(
    *,
    coalition: Coalition,
    name: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    baseline_start: datetime.date | None = None,
    baseline_end: datetime.date | None = None,
    description: str = "",
) -> ActionProgramme:
    values = _programme_values(
        {
            "name": name,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "baseline_start": baseline_start,
            "baseline_end": baseline_end,
            "description": description,
        }
    )
    _programme_check(values)
    return ActionProgramme.objects.create(coalition=coalition, **values)


@transaction.atomic
def programme_update(
    *, programme: ActionProgramme, expected_version: int | None, **changes: Any
) -> ActionProgramme:
    """Change the programme seen at `expected_version` (StaleEdit when someone else changed
    it meanwhile). Fields not given keep their value."""
    _unknown(changes, PROGRAMME_FIELDS, "programme_update")
    values = {field: getattr(programme, field) for field in PROGRAMME_FIELDS}
    values = _programme_values({**values, **changes})
    _programme_check(values)
    _versioned_update(ActionProgramme, programme.pk, expected_version, **values)
    return ActionProgramme.objects.select_related("coalition").get(pk=programme.pk)


# Action lines ---------------------------------------------------------------------------------


def _line_check(*, programme_id: int, values: dict[str, Any], line_id: int | None) -> None:
    errors: dict[str, str] = {}
    number = values["number"]
    if number is None or number < 1:
        errors["number"] = _("Give the action line a number of 1 or more.")
    elif (
        ActionLine.objects.filter(programme_id=programme_id, number=number)
        .exclude(pk=line_id)
        .exists()
    ):
        errors["number"] = _("This programme already has an action line %(number)s.") % {
            "number": number
        }
    if not values["title"]:
        errors["title"] = _("Give the action line a title.")
    _check_length(errors, "title", values["title"], NAME_MAX_LENGTH)
    _check_length(errors, "goal", values["goal"], TEXT_MAX_LENGTH)
    _raise(errors)


def _duplicate_number_error(field: str = "number") -> ValidationError:
    return ValidationError({field: _("This number is taken. Choose another number.")})


@transaction.atomic
def line_create(
    *, programme: ActionProgramme, number: int | None, title: str, goal: str = ""
) -> ActionLine:
    values = {"number": number, "title": _text(title), "goal": _text(goal)}
    _line_check(programme_id=programme.pk, values=values, line_id=None)
    try:
        with transaction.atomic():
            return ActionLine.objects.create(programme=programme, **values)
    except IntegrityError:  # the same number added at the same moment
        raise _duplicate_number_error() from None


@transaction.atomic
def line_update(*, line: ActionLine, expected_version: int | None, **changes: Any) -> ActionLine:
    _unknown(changes, LINE_FIELDS, "line_update")
    values = {field: getattr(line, field) for field in LINE_FIELDS}
    values.update(changes)
    values["title"], values["goal"] = _text(values["title"]), _text(values["goal"])
    _line_check(programme_id=line.programme_id, values=values, line_id=line.pk)
    try:
        with transaction.atomic():
            _versioned_update(ActionLine, line.pk, expected_version, **values)
    except IntegrityError:
        raise _duplicate_number_error() from None
    return ActionLine.objects.get(pk=line.pk)


# Activities -----------------------------------------------------------------------------------


def _activity_check(
    *, programme: ActionProgramme, values: dict[str, Any], activity_id: int | None
) -> None:
    errors: dict[str, str] = {}
    line = values["line"]
    if line is None or line.programme_id != programme.pk:
        errors["line"] = _("Choose an action line of this programme.")
    number = values["number"]
    if number is not None and number < 1:
        errors["number"] = _("Give the activity a number of 1 or more.")
    elif (
        number is not None
        and line is not None
        and Activity.objects.filter(line=line, number=number).exclude(pk=activity_id).exists()
    ):
        errors["number"] = _("Action line %(line)s already has an activity %(code)s.") % {
            "line": line.number,
            "code": f"{line.number}.{number}",
        }
    if not values["title"]:
        errors["title"] = _("Give the activity a title.")
    _check_length(errors, "title", values["title"], NAME_MAX_LENGTH)
    _check_length(errors, "description", values["description"], TEXT_MAX_LENGTH)
    owner = values["owner_organisation"]
    if owner is not None and not programme.coalition.members.filter(pk=owner.pk).exists():
        errors["owner_organisation"] = _("Choose an organisation of the coalition.")
    if values["status"] not in ActivityStatus.values:
        errors["status"] = _("Choose a status.")
    if values["pdca_phase"] not in PdcaPhase.values:
        errors["pdca_phase"] = _("Choose a PDCA phase.")
    starts_on, ends_on = values["starts_on"], values["ends_on"]
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The activity cannot end before it starts.")
    _raise(errors)


def _next_number(line: ActionLine) -> int:
    return (Activity.objects.filter(line=line).aggregate(n=Max("number"))["n"] or 0) + 1


def _activity_values(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    values["title"] = _text(values.get("title"))
    values["description"] = _text(values.get("description"))
    return values


@transaction.atomic
def activity_create(
    *,
    line: ActionLine,
    title: str,
    number: int | None = None,
    description: str = "",
    owner_organisation: Organisation | None = None,
    status: str = ActivityStatus.PLANNED,
    pdca_phase: str = PdcaPhase.PLAN,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    indicators: Iterable[Indicator] = (),
) -> Activity:
    """Add an activity to an action line; without a number it gets the line's next one."""
    programme = ActionProgramme.objects.select_related("coalition").get(pk=line.programme_id)
    values = _activity_values(
        {
            "line": line,
            "number": number,
            "title": title,
            "description": description,
            "owner_organisation": owner_organisation,
            "status": status,
            "pdca_phase": pdca_phase,
            "starts_on": starts_on,
            "ends_on": ends_on,
        }
    )
    _activity_check(programme=programme, values=values, activity_id=None)
    if values["number"] is None:
        values["number"] = _next_number(line)
    try:
        with transaction.atomic():
            activity = Activity.objects.create(**values)
    except IntegrityError:
        raise _duplicate_number_error() from None
    activity.indicators.set(list(indicators))
    return activity


@transaction.atomic
def activity_update(
    *, activity: Activity, expected_version: int | None, **changes: Any
) -> Activity:
    """Change an activity seen at `expected_version`: its line (within the programme), number,
    texts, owner, status, phase, dates and indicators. Fields not given keep their value."""
    _unknown(changes, ACTIVITY_FIELDS, "activity_update")
    indicators = changes.pop("indicators", None)
    programme = ActionProgramme.objects.select_related("coalition").get(
        pk=activity.line.programme_id
    )
    values = {field: getattr(activity, field) for field in ACTIVITY_FIELDS - {"indicators"}}
    values = _activity_values({**values, **changes})
    if values["number"] is None:
        values["number"] = (
            activity.number if values["line"] == activity.line else _next_number(values["line"])
        )
    _activity_check(programme=programme, values=values, activity_id=activity.pk)
    try:
        with transaction.atomic():
            _versioned_update(Activity, activity.pk, expected_version, **values)
    except IntegrityError:
        raise _duplicate_number_error() from None
    fresh = Activity.objects.select_related("line", "owner_organisation").get(pk=activity.pk)
    if indicators is not None:
        fresh.indicators.set(list(indicators))
    return fresh


@transaction.atomic
def activity_review_add(
    *,
    activity: Activity,
    by: User | None,
    reviewed_on: datetime.date | None,
    findings: str,
    new_phase: str,
    adjustment: str = "",
    expected_version: int | None = None,
) -> ActivityReview:
    """Record a PDCA review (check and act) of an activity and move the activity to the review's
    new phase. With `expected_version` only from the version the user saw (StaleEdit else)."""
    findings, adjustment = _text(findings), _text(adjustment)
    errors: dict[str, str] = {}
    if reviewed_on is None:
        errors["reviewed_on"] = _("Give the date of the review.")
    elif reviewed_on > timezone.localdate():
        errors["reviewed_on"] = _("A review cannot be dated in the future.")
    if not findings:
        errors["findings"] = _("Write down what the review found.")
    _check_length(errors, "findings", findings, TEXT_MAX_LENGTH)
    _check_length(errors, "adjustment", adjustment, TEXT_MAX_LENGTH)
    if new_phase not in PdcaPhase.values:
        errors["new_phase"] = _("Choose the phase the activity moves to.")
    _raise(errors)
    version = activity.lock_version if expected_version is None else expected_version
    _versioned_update(Activity, activity.pk, version, pdca_phase=new_phase)
    return ActivityReview.objects.create(
        activity=activity,
        reviewed_on=reviewed_on,
        findings=findings,
        adjustment=adjustment,
        new_phase=new_phase,
        by=by,
    )


# Targets --------------------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@transaction.atomic
def target_set(
    *,
    programme: ActionProgramme,
    indicator: Indicator | None,
    year: int | None,
    value: Any,
    line: ActionLine | None = None,
    note: str = "",
    target: Target | None = None,
) -> Target:
    """Set what the programme (or one of its action lines) aims for on an indicator in a year.
    Without `target` an existing target for the same line, indicator and year gets the new
    value; with `target` that target is changed."""
    note = _text(note)
    number = _decimal(value)
    errors: dict[str, str] = {}
    if indicator is None:
        errors["indicator"] = _("Choose an indicator.")
    if line is not None and line.programme_id != programme.pk:
        errors["line"] = _("Choose an action line of this programme.")
    if year is None or not TARGET_YEAR_MIN <= year <= TARGET_YEAR_MAX:
        errors["year"] = _("Give a year between %(first)s and %(last)s.") % {
            "first": TARGET_YEAR_MIN,
            "last": TARGET_YEAR_MAX,
        }
    if number is None:
        errors["value"] = _("Give the target as a number, like 90 or 12.5.")
    elif number < 0:
        errors["value"] = _("A target cannot be below zero.")
    elif number >= Decimal("1e10"):
        errors["value"] = _("This number is too large.")
    elif indicator is not None and indicator.unit in PERCENT_UNITS and number > 100:
        errors["value"] = _("A percentage cannot be above 100.")
    elif number != number.quantize(Decimal("0.01")):
        errors["value"] = _("Use at most two decimals.")
    _check_length(errors, "note", note, 500)
    if target is not None and target.programme_id != programme.pk:
        raise ValueError("target_set: the target belongs to another programme")
    _raise(errors)
    # order_by("pk"): the default ordering joins the line, which FOR UPDATE cannot lock.
    same = (
        Target.objects.select_for_update()
        .filter(programme=programme, line=line, indicator=indicator, year=year)
        .order_by("pk")
    )
    if target is not None:
        if same.exclude(pk=target.pk).exists():
            raise ValidationError(
                {"year": _("There is already a target for this indicator and year.")}
            )
        Target.objects.filter(pk=target.pk).update(
            line=line, indicator=indicator, year=year, value=number, note=note
        )
        return Target.objects.select_related("indicator", "line").get(pk=target.pk)
    existing = same.first()
    if existing is not None:
        existing.value, existing.note = number, note
        existing.save(update_fields=["value", "note"])
        return existing
    return Target.objects.create(
        programme=programme, line=line, indicator=indicator, year=year, value=number, note=note
    )


@transaction.atomic
def target_delete(*, target: Target) -> None:
    Target.objects.filter(pk=target.pk).delete()
