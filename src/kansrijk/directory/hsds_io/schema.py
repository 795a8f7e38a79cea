"""The HSDS 3.0 tables Kansrijk stores, read from HSDS's own tabular schema.

Column names, order, types, formats, enumerations and required fields come from
SHARED_DIR/spec/hsds/schema/compiled/tabular.json, so the export and the checks on import follow
the published standard rather than a copy of it. Kansrijk's extension columns (decision 0002)
are added after the HSDS columns of their table.
"""

import enum
import functools
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from kansrijk.directory import models as hsds
from kansrijk.directory.constants import EXTENT_TYPE_CBS_CODE, CapacityStatus  # noqa: F401

HSDS_VERSION = "3.0.0"


# Ids of taxonomies that a taxonomy term names (HSDS `taxonomy`) without a taxonomy_id: the same
# name always gives the same id, so importing the same file twice creates the taxonomy once.
IMPLIED_TAXONOMY_NAMESPACE = uuid.UUID("0c3a4f0e-6d4b-5d0e-9a51-8a1f2f0b7e11")

# HSDS tables Kansrijk stores, with their model.
MODELS: dict[str, type[models.Model]] = {
    "organization": hsds.Organization,
    "program": hsds.Program,
    "service": hsds.Service,
    "attribute": hsds.Attribute,
    "service_at_location": hsds.ServiceAtLocation,
    "location": hsds.Location,
    "phone": hsds.Phone,
    "contact": hsds.Contact,
    "address": hsds.Address,
    "schedule": hsds.Schedule,
    "service_area": hsds.ServiceArea,
    "language": hsds.Language,
    "accessibility": hsds.Accessibility,
    "taxonomy_term": hsds.TaxonomyTerm,
    "metadata": hsds.Metadata,
    "cost_option": hsds.CostOption,
    "taxonomy": hsds.Taxonomy,
}

# Read and written in this order: a table comes after every table it refers to (the self
# references of organization and taxonomy_term are checked at the end), attributes and metadata
# after every table they can point at.
WRITE_ORDER = (
    "taxonomy",
    "taxonomy_term",
    "organization",
    "program",
    "service",
    "location",
    "service_at_location",
    "address",
    "accessibility",
    "service_area",
    "contact",
    "phone",
    "schedule",
    "language",
    "cost_option",
    "attribute",
    "metadata",
)

# Foreign key columns and the table they point at.
REFERENCES = {
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "program_id": "program",
    "service_id": "service",
    "location_id": "location",
    "contact_id": "contact",
    "phone_id": "phone",
    "service_at_location_id": "service_at_location",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
}
SELF_REFERENCES = {("taxonomy_term", "parent_id"): "taxonomy_term"}

# Columns that are not a model field: the taxonomy's name, resolved to taxonomy_id on import.
UNSTORED_COLUMNS = {("taxonomy_term", "taxonomy")}

# HSDS requires these, but in a "create" row of the change history there is no previous value.
NOT_REQUIRED = {("metadata", "previous_value"), ("metadata", "replacement_value")}

# Sensible bounds HSDS leaves open.
RANGES = {
    ("location", "latitude"): (-90, 90),
    ("location", "longitude"): (-180, 180),
    ("service", "minimum_age"): (0, None),
    ("service", "maximum_age"): (0, None),
}

# Other spellings of extension columns, read as the column they name (the API says
# "municipality"; early demo data said "municipality_code").
COLUMN_ALIASES = {
    "location": {"municipality_code": "municipality", "neighbourhood_code": "neighbourhood"},
}

# Location fields that reveal where a confidential location is; left empty in an export for
# outside the owning organisation, like its addresses and accessibility rows (as the API does).
CONFIDENTIAL_LOCATION_FIELDS = (
    "latitude",
    "longitude",
    "transportation",
    "external_identifier",
    "external_identifier_type",
    "neighbourhood",
)

KINDS = {
    "uuid",
    "string",
    "email",
    "url",
    "enum",
    "date",
    "time",
    "datetime",
    "decimal",
    "integer",
    "boolean",
    "cbs_code",
    # HSDS's metadata.last_action_date is a date; Kansrijk keeps the moment (a DateTimeField).
    "history_date",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    required: bool = False
    enum: tuple[str, ...] = ()
    # The model attribute the value goes into; None when the column is resolved by code
    # (taxonomy name, CBS codes).
    attname: str | None = None
    references: str | None = None
    max_length: int | None = None
    max_digits: int | None = None
    decimal_places: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    default: Any = None
    extension: bool = False
    # For cbs_code columns: the prefix the code must have (GM, BU).
    code_prefix: str = ""
    # The field's description for datapackage.json.
    descriptor: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    model: type[models.Model]
    columns: tuple[Column, ...]
    description: str
    order: int

    @functools.cached_property
    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)


def spec_path():
    return settings.SHARED_DIR / "spec" / "hsds" / "schema" / "compiled" / "tabular.json"


@functools.cache
def hsds_spec() -> dict[str, dict]:
    """HSDS's tabular schema: {table name: its JSON schema with path and properties}."""
    with open(spec_path(), encoding="utf-8") as handle:
        compiled = json.load(handle)
    return {name: prop["items"] for name, prop in compiled["properties"].items()}


def hsds_table_names() -> dict[str, str]:
    """Every HSDS table, stored or not: {name: file name}."""
    return {name: spec["path"] for name, spec in hsds_spec().items()}


_INTEGER_RANGES = {
    models.PositiveSmallIntegerField: (0, 32767),
    models.PositiveIntegerField: (0, 2147483647),
    models.SmallIntegerField: (-32768, 32767),
    models.IntegerField: (-2147483648, 2147483647),
}


def _model_field(model: type[models.Model], table: str, name: str) -> models.Field | None:
    if (table, name) in UNSTORED_COLUMNS:
        return None
    try:
        # Finds foreign keys by their column name too (organization_id).
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _integer_range(model_field: models.Field) -> tuple[int, int]:
    for field_class, bounds in _INTEGER_RANGES.items():
        if isinstance(model_field, field_class):
            return bounds
    return _INTEGER_RANGES[models.IntegerField]


def _column_from_spec(table: str, name: str, spec: dict, required: set[str]) -> Column:
    model = MODELS[table]
    model_field = _model_field(model, table, name)
    references = REFERENCES.get(name) or SELF_REFERENCES.get((table, name))
    kwargs: dict[str, Any] = {}
    if spec.get("format") == "uuid":
        kind = "uuid"
    elif spec.get("datapackage_type") == "date" and isinstance(model_field, models.DateTimeField):
        kind = "history_date"
    elif spec.get("datapackage_type") in ("date", "time", "datetime"):
        kind = spec["datapackage_type"]
    elif isinstance(model_field, models.DecimalField):
        kind = "decimal"
        kwargs.update(max_digits=model_field.max_digits, decimal_places=model_field.decimal_places)
    elif isinstance(model_field, models.IntegerField):
        kind = "integer"
        kwargs["minimum"], kwargs["maximum"] = _integer_range(model_field)
    elif spec.get("enum"):
        kind = "enum"
        kwargs["enum"] = tuple(spec["enum"])
    elif model_field is not None and model_field.choices:
        kind = "enum"
        kwargs["enum"] = tuple(value for value, _label in model_field.flatchoices)
    elif isinstance(model_field, models.EmailField) or spec.get("format") == "email":
        kind = "email"
    elif isinstance(model_field, models.URLField):
        kind = "url"
    else:
        kind = "string"
    if model_field is not None and kind in ("string", "email", "url", "enum"):
        kwargs["max_length"] = getattr(model_field, "max_length", None)
    model_required = (
        model_field is not None
        and not model_field.null
        and not model_field.blank
        and not model_field.has_default()
    )
    if (table, name) in RANGES:
        kwargs["minimum"], kwargs["maximum"] = RANGES[(table, name)]
    default = None
    if model_field is not None and kind != "uuid":
        default = model_field.get_default()
        if isinstance(default, enum.Enum):
            default = default.value
    return Column(
        name=name,
        kind=kind,
        required=((name in required) and (table, name) not in NOT_REQUIRED) or model_required,
        attname=model_field.attname if model_field is not None else None,
        references=references,
        default=default,
        **kwargs,
    )


def _extension(name: str, kind: str, description: str, **kwargs) -> Column:
    type_ = {"datetime": "datetime", "integer": "integer", "boolean": "boolean"}.get(kind, "string")
    descriptor = {
        "name": name,
        "type": type_,
        "title": name.replace("_", " ").capitalize(),
        "description": f"Kansrijk extension: {description}",
        "constraints": {"required": False, "unique": False},
    }
    if kwargs.get("enum"):
        descriptor["constraints"]["enum"] = list(kwargs["enum"])
    if kwargs.get("code_prefix"):
        descriptor["constraints"]["pattern"] = {
            "GM": "^GM[0-9]{4}$",
            "BU": "^BU[0-9]{4}[0-9A-Z]{4}$",
        }[kwargs["code_prefix"]]
    if kind == "integer":
        descriptor["constraints"]["minimum"] = 0
    return Column(name=name, kind=kind, extension=True, descriptor=descriptor, **kwargs)


def _extensions() -> dict[str, tuple[Column, ...]]:
    return {
        "service": (
            _extension(
                "capacity_status",
                "enum",
                "whether the service takes referrals now: open, waiting_list or closed.",
                enum=tuple(CapacityStatus.values),
                attname="capacity_status",
                default=CapacityStatus.OPEN.value,
                max_length=20,
            ),
            _extension(
                "capacity_wait_weeks",
                "integer",
                "the expected wait in weeks when capacity_status is waiting_list.",
                attname="capacity_wait_weeks",
                minimum=0,
                maximum=32767,
            ),
            _extension(
                "capacity_updated",
                "datetime",
                "when capacity_status was last set.",
                attname="capacity_updated",
            ),
            _extension(
                "self_referral",
                "boolean",
                "true when people can apply themselves, without a referral.",
                attname="self_referral",
                default=False,
            ),
        ),
        "location": (
            _extension(
                "is_confidential",
                "boolean",
                "true for a confidential address (a women's shelter, for example). Its "
                "addresses, accessibility, coordinates, transportation, external identifier and "
                "neighbourhood are left out of exports for anyone outside the organisation that "
                "manages it.",
                attname="is_confidential",
                default=False,
            ),
            _extension(
                "municipality",
                "cbs_code",
                "CBS code (GMxxxx) of the municipality the location is in.",
                code_prefix="GM",
            ),
            _extension(
                "neighbourhood",
                "cbs_code",
                "CBS code (BUxxxxxxxx) of the neighbourhood the location is in.",
                code_prefix="BU",
            ),
        ),
    }


@functools.cache
def tables() -> dict[str, Table]:
    """The stored tables by HSDS name, in write order."""
    spec = hsds_spec()
    extensions = _extensions()
    result = {}
    for name in WRITE_ORDER:
        table_spec = spec[name]
        required = set(table_spec.get("required", [])) | set(table_spec.get("tabular_required", []))
        columns = [
            _column_from_spec(name, column_name, column_spec, required)
            for column_name, column_spec in table_spec["properties"].items()
            if column_spec.get("type") != "array" and "$ref" not in column_spec
        ]
        columns += extensions.get(name, ())
        result[name] = Table(
            name=name,
            path=table_spec["path"],
            model=MODELS[name],
            columns=tuple(columns),
            description=table_spec.get("description", ""),
            order=table_spec["datapackage_metadata"]["order"],
        )
    return result


def tables_by_path() -> dict[str, Table]:
    return {t.path: t for t in tables().values()}


def export_order() -> list[Table]:
    """HSDS's own order of the tables (its datapackage `order`)."""
    return sorted(tables().values(), key=lambda t: t.order)


def _field_descriptor(table: Table, column: Column) -> dict:
    if column.extension:
        return column.descriptor
    # As HSDS's schema tools build datapackage.json: date/time types instead of string,
    # required (incl. tabular_required) and enum inside constraints.
    spec = hsds_spec()[table.name]
    source = spec["properties"][column.name]
    required = set(spec.get("required", [])) | set(spec.get("tabular_required", []))
    descriptor = {k: v for k, v in source.items() if k not in ("datapackage_type", "enum")}
    constraints = dict(descriptor.get("constraints", {}))
    constraints["required"] = column.name in required
    constraints["unique"] = constraints.get("unique", False)
    if source.get("enum"):
        constraints["enum"] = list(source["enum"])
    descriptor["constraints"] = constraints
    if source.get("datapackage_type"):
        descriptor["type"] = source["datapackage_type"]
        descriptor.pop("format", None)
    return descriptor


def datapackage() -> dict:
    """The Frictionless data package descriptor of an export: HSDS's resources for the tables
    Kansrijk stores, with the extension columns declared after the HSDS ones."""
    resources = []
    exported = {t.name for t in tables().values()}
    for table in export_order():
        metadata = hsds_spec()[table.name]["datapackage_metadata"]
        foreign_keys = []
        for column in table.columns:
            if column.references and column.references in exported:
                target = "" if column.references == table.name else column.references
                foreign_keys.append(
                    {"fields": column.name, "reference": {"resource": target, "fields": "id"}}
                )
        schema = {
            "primaryKey": "id",
            "fields": [_field_descriptor(table, c) for c in table.columns],
        }
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": table.name,
                "path": table.path,
                "description": table.description,
                "format": metadata["format"],
                "mediatype": metadata["mediatype"],
                "encoding": "utf-8",
                "profile": metadata["profile"],
                "schema": schema,
            }
        )
    return {
        "name": "human_services_data",
        "title": "Human Services Data Specification",
        "description": (
            "HSDS describes data about organizations, the services they provide, the locations "
            "at which these services can be accessed, and associated details. Exported from "
            "Kansrijk's sociale kaart; columns after the HSDS ones are Kansrijk extensions."
        ),
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "homepage": "http://docs.openreferral.org",
        "resources": resources,
    }
