"""Change history (HSDS Metadata rows), the names of its fields, and helpers every write uses."""

import datetime
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kansrijk.directory.constants import (
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    PHASE_TAXONOMY,
    TARGET_GROUP_TAXONOMY,
    THEME_TAXONOMY,
)
from kansrijk.directory.models import (
    Address,
    Location,
    Metadata,
    Organization,
    Service,
)

# Who wrote a change when no person did (an importer that passes no name).
SYSTEM_ACTOR = "system"

ACTION_CREATE = "create"
ACTION_UPDATE = "update"
ACTION_DELETE = "delete"

# The history's field names for what is not a column of the record itself.
FIELD_THEMES = "themes"
FIELD_TARGET_GROUPS = "target_groups"
FIELD_PHASES = "phases"
FIELD_AREAS = "service_areas"
FIELD_LOCATIONS = "locations"
FIELD_PHONES = "phones"
FIELD_SCHEDULES = "schedules"
FIELD_LANGUAGES = "languages"
FIELD_COST_OPTIONS = "cost_options"

# taxonomy code, attribute link_type, history field name, keyword argument
_TAXONOMY_LINKS = (
    (THEME_TAXONOMY, LINK_TYPE_THEME, FIELD_THEMES, "theme_codes"),
    (TARGET_GROUP_TAXONOMY, LINK_TYPE_ELIGIBILITY, FIELD_TARGET_GROUPS, "target_group_codes"),
    (PHASE_TAXONOMY, LINK_TYPE_PHASE, FIELD_PHASES, "phase_codes"),
)

# Columns that are bookkeeping, not content: never part of a change or of the history.
_NOT_EDITABLE = {"id", "version", "last_modified", "capacity_updated"}

SERVICE_FIELDS = frozenset(
    f.name
    for f in Service._meta.concrete_fields
    if f.name not in _NOT_EDITABLE and f.name not in {"assured_date", "assurer_email"}
)
SERVICE_COLLECTIONS = frozenset(
    {
        "theme_codes",
        "target_group_codes",
        "phase_codes",
        "area_codes",
        "location_ids",
        "phones",
        "schedules",
        "languages",
        "cost_options",
    }
)
ORGANIZATION_FIELDS = frozenset(
    f.name for f in Organization._meta.concrete_fields if f.name not in _NOT_EDITABLE
)
LOCATION_FIELDS = frozenset(
    f.name
    for f in Location._meta.concrete_fields
    if f.name not in _NOT_EDITABLE | {"municipality", "neighbourhood"}
)
ADDRESS_FIELDS = frozenset(
    f.name for f in Address._meta.concrete_fields if f.name not in {"id", "location"}
)


class StaleEditError(Exception):
    """The service changed since the editor loaded it; their edit would overwrite that change."""

    def __init__(self, *, service_id: uuid.UUID, expected_version: int, current_version: int):
        self.service_id = service_id
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            _(
                "Someone else changed this service while you were editing it. Your changes "
                "have not been saved yet. Check the current information and save again."
            )
        )


# --- history ---------------------------------------------------------------------------------


def history_value(value: Any) -> str:
    """How a value is written into the history: plain text, regions with their CBS code."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, models.Model):
        code = getattr(value, "code", None)
        return f"{value} ({code})" if code else str(value)
    return str(value)


def _history_write(
    *,
    resource: models.Model,
    resource_type: str,
    action: str,
    changes: Iterable[tuple[str, Any, Any]],
    updated_by: str,
    when: datetime.datetime,
) -> None:
    rows = [
        Metadata(
            resource_id=resource.pk,
            resource_type=resource_type,
            last_action_date=when,
            last_action_type=action,
            field_name=field_name,
            previous_value=history_value(old),
            replacement_value=history_value(new),
            updated_by=updated_by or SYSTEM_ACTOR,
        )
        for field_name, old, new in changes
    ]
    Metadata.objects.bulk_create(rows)


def _creation_changes(instance: models.Model, field_names: Iterable[str]):
    # Empty values are left out; False is kept ("no self-referral" is information too).
    for name in sorted(field_names):
        value = getattr(instance, name)
        if value not in (None, ""):
            yield name, None, value


# --- field helpers -----------------------------------------------------------------------------


def _check_keys(*, given: Iterable[str], allowed: Iterable[str], what: str) -> None:
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise TypeError(f"{what}: unknown field(s) {', '.join(unknown)}")


def _same(field: models.Field, old: Any, new: Any) -> bool:
    if isinstance(field, models.ForeignKey):
        old_pk = old.pk if isinstance(old, models.Model) else old
        new_pk = new.pk if isinstance(new, models.Model) else new
        return old_pk == new_pk
    try:
        return field.to_python(old) == field.to_python(new)
    except ValidationError:
        return False


def _apply(instance: models.Model, values: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """Set the values that differ; answer (field, old, new) for each."""
    changed = []
    for name, new in values.items():
        field = instance._meta.get_field(name)
        old = getattr(instance, name)
        if _same(field, old, new):
            continue
        setattr(instance, name, new)
        changed.append((name, old, getattr(instance, name)))
    return changed


def _full_clean(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    # Validation errors come out in the active language (Dutch in the UI).
    instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
