"""Writes to the sociale kaart: organisations, locations and services.

Used by the editing views, the importers and the demo data, so every function takes all of a
record's fields as keyword arguments. Every change writes HSDS Metadata rows (who, when, which
field, old and new value): that table *is* the change history. Services are locked
optimistically: an edit based on an older version is refused, so no update is lost.
"""

from kansrijk.directory import search  # noqa: F401  (tests patch services.search)
from kansrijk.directory.services._history import (
    ACTION_CREATE,
    ACTION_DELETE,
    ACTION_UPDATE,
    ADDRESS_FIELDS,
    FIELD_AREAS,
    FIELD_COST_OPTIONS,
    FIELD_LANGUAGES,
    FIELD_LOCATIONS,
    FIELD_PHASES,
    FIELD_PHONES,
    FIELD_SCHEDULES,
    FIELD_TARGET_GROUPS,
    FIELD_THEMES,
    LOCATION_FIELDS,
    ORGANIZATION_FIELDS,
    SERVICE_COLLECTIONS,
    SERVICE_FIELDS,
    SYSTEM_ACTOR,
    StaleEditError,
    history_value,
)
from kansrijk.directory.services.locations import (
    location_create,
    location_update,
)
from kansrijk.directory.services.organizations import (
    organization_create,
    organization_update,
)
from kansrijk.directory.services.related import (
    region_get,
    service_term_codes,
)
from kansrijk.directory.services.service_writes import (
    service_capacity_set,
    service_create,
    service_update,
    service_verify,
)

__all__ = [
    "SYSTEM_ACTOR",
    "ACTION_CREATE",
    "ACTION_UPDATE",
    "ACTION_DELETE",
    "FIELD_THEMES",
    "FIELD_TARGET_GROUPS",
    "FIELD_PHASES",
    "FIELD_AREAS",
    "FIELD_LOCATIONS",
    "FIELD_PHONES",
    "FIELD_SCHEDULES",
    "FIELD_LANGUAGES",
    "FIELD_COST_OPTIONS",
    "SERVICE_FIELDS",
    "SERVICE_COLLECTIONS",
    "ORGANIZATION_FIELDS",
    "LOCATION_FIELDS",
    "ADDRESS_FIELDS",
    "StaleEditError",
    "history_value",
    "region_get",
    "service_term_codes",
    "organization_create",
    "organization_update",
    "location_create",
    "location_update",
    "service_create",
    "service_update",
    "service_verify",
    "service_capacity_set",
]
