"""Reading HSDS's JSON form: service objects in the full nested form (as the API answers with
full=true), a list of them, or an API page ({"contents": [...]}).

The nesting is turned into rows per table, with the foreign keys the nesting implies
(a phone in `service.phones` gets service_id, an attribute gets link_id and link_entity). An
object that occurs more than once (an organisation in every one of its services, a location in
several services) becomes one row; its occurrences must agree. An object with only an "id" where
a parent object is expected (`"organization": {"id": ...}`, `"taxonomy_term": {"id": ...}`) is a
reference to a row that must be in the import or in the sociale kaart.

Kansrijk's extensions use the CSV column names: service.capacity_status, capacity_wait_weeks,
capacity_updated, self_referral; location.is_confidential, municipality and neighbourhood (CBS
codes, as the API writes them; municipality_code and neighbourhood_code are read too); a
service area's CBS code in `extent` with `extent_type` "cbs_code" (or "text", as the API
writes it).
"""

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from kansrijk.directory.hsds_io.errors import ErrorList, RowError
from kansrijk.directory.hsds_io.schema import COLUMN_ALIASES, WRITE_ORDER, Table, tables
from kansrijk.directory.hsds_io.validation import RawRow
from kansrijk.directory.hsds_io.values import is_missing

# Lists of child objects: table -> {key: (child table, the child's foreign key to the parent)}.
CHILD_LISTS = {
    "organization": {
        "programs": ("program", "organization_id"),
        "locations": ("location", "organization_id"),
        "contacts": ("contact", "organization_id"),
        "phones": ("phone", "organization_id"),
    },
    "service": {
        "phones": ("phone", "service_id"),
        "schedules": ("schedule", "service_id"),
        "service_areas": ("service_area", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("language", "service_id"),
        "cost_options": ("cost_option", "service_id"),
        "contacts": ("contact", "service_id"),
    },
    "service_at_location": {
        "contacts": ("contact", "service_at_location_id"),
        "phones": ("phone", "service_at_location_id"),
        "schedules": ("schedule", "service_at_location_id"),
    },
    "location": {
        "languages": ("language", "location_id"),
        "addresses": ("address", "location_id"),
        "contacts": ("contact", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "phones": ("phone", "location_id"),
        "schedules": ("schedule", "location_id"),
    },
    "contact": {"phones": ("phone", "contact_id")},
    "phone": {"languages": ("language", "phone_id")},
}

# Single parent objects: table -> {key: (table of the object, this row's foreign key to it)}.
PARENT_OBJECTS = {
    "service": {
        "organization": ("organization", "organization_id"),
        "program": ("program", "program_id"),
    },
    "service_at_location": {"location": ("location", "location_id")},
    "attribute": {"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")},
    "taxonomy_term": {"taxonomy_detail": ("taxonomy", "taxonomy_id")},
}

NO_ATTRIBUTES = {"attribute", "taxonomy", "taxonomy_term", "metadata"}

# Keys that are not data here: a service_at_location object's own `service` (the API's
# service_at_location form). Other unknown keys, and HSDS lists Kansrijk does not store (funding,
# required_documents, organization_identifiers), are counted and reported as warnings.
IGNORED = {"service"}


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value.strip())
        except ValueError:
            return None
    return None


def _same(first: Any, second: Any) -> bool:
    if first == second:
        return True
    first_id, second_id = _as_uuid(first), _as_uuid(second)
    if first_id is not None and first_id == second_id:
        return True
    return str(first) == str(second)


class _Entry:
    __slots__ = ("raw", "defaults")

    def __init__(self, raw: RawRow):
        self.raw = raw
        # Foreign keys a parent suggests but the object itself may state otherwise (the
        # organisation of a location reached through a service).
        self.defaults: dict[str, Any] = {}


class Flattener:
    def __init__(self, *, errors: ErrorList, warnings: list[RowError]):
        self.errors = errors
        self.warnings = warnings
        self.entries: dict[str, dict[uuid.UUID, _Entry]] = {name: {} for name in WRITE_ORDER}
        self._ignored: Counter = Counter()

    # -- public ---------------------------------------------------------------------------

    def add_document(self, document: Any, *, file: str) -> None:
        """A service object, a list of them, or a page with `contents`."""
        if isinstance(document, dict) and isinstance(document.get("contents"), list):
            services = document["contents"]
        elif isinstance(document, dict):
            services = [document]
        elif isinstance(document, list):
            services = document
        else:
            self.errors.add(
                file,
                None,
                "",
                _("Expected an HSDS service object, a list of them or a page with contents."),
            )
            return
        for number, service in enumerate(services, start=1):
            self._object("service", service, file=file, row=number, path="", implied={})

    def sources(self) -> dict[str, "ListSource"]:
        for (file, table, key), count in sorted(self._ignored.items()):
            self.warnings.append(
                RowError(
                    file,
                    None,
                    f"{table}.{key}",
                    _("%(count)d times not imported: Kansrijk does not store this field.")
                    % {"count": count},
                )
            )
        self._ignored.clear()
        result = {}
        for name, entries in self.entries.items():
            if not entries:
                continue
            rows = []
            for entry in entries.values():
                for key, value in entry.defaults.items():
                    if is_missing(entry.raw.values.get(key)):
                        entry.raw.values[key] = value
                rows.append(entry.raw)
            result[name] = ListSource(tables()[name], rows)
        return result

    # -- nesting --------------------------------------------------------------------------

    def _object(
        self,
        table_name: str,
        obj: Any,
        *,
        file: str,
        row: int,
        path: str,
        implied: dict[str, Any],
        defaults: dict[str, Any] | None = None,
        organization_id: uuid.UUID | None = None,
        reference_ok: bool = False,
    ) -> uuid.UUID | None:
        """Add one object and what is nested in it; answer its id. With `reference_ok`, an
        object with nothing but its id refers to a row and adds none."""
        where = path.rstrip(".")
        if not isinstance(obj, dict):
            self.errors.add(file, row, where, _("Expected an object."))
            return None
        table = tables()[table_name]
        object_id = _as_uuid(obj.get("id"))
        if object_id is None:
            message = (
                _("This field is required.")
                if is_missing(obj.get("id"))
                else _("Not a valid identifier (UUID): %(value)s.") % {"value": obj.get("id")}
            )
            self.errors.add(file, row, path + "id", message)
            return None
        if reference_ok and all(k == "id" or v is None for k, v in obj.items()):
            return object_id

        values = {}
        aliases = COLUMN_ALIASES.get(table_name, {})
        for key, value in obj.items():
            key = aliases.get(key, key)
            if key in table.by_name:
                values[key] = value
            elif key not in self._nested_keys(table_name):
                self._ignored[(file, table_name, key)] += 1
        for key, value in implied.items():
            given = values.get(key)
            if not is_missing(given) and not _same(given, value):
                self.errors.add(
                    file,
                    row,
                    path + key,
                    _("Does not match the object it is in (%(value)s).") % {"value": value},
                )
            values[key] = value

        if table_name == "service":
            organization_id = _as_uuid(values.get("organization_id")) or organization_id
        for key, (target, column) in PARENT_OBJECTS.get(table_name, {}).items():
            nested = obj.get(key)
            if nested is None:
                continue
            target_id = self._object(
                target,
                nested,
                file=file,
                row=row,
                path=f"{path}{key}.",
                implied={},
                # A programme or location met through a service belongs to the service's
                # organisation unless it says otherwise.
                defaults=(
                    {"organization_id": organization_id}
                    if target in ("program", "location")
                    else None
                ),
                reference_ok=True,
            )
            if target_id is None:
                continue
            given = values.get(column)
            if not is_missing(given) and not _same(given, target_id):
                self.errors.add(
                    file,
                    row,
                    path + column,
                    _("Does not match the object it is in (%(value)s).") % {"value": target_id},
                )
            values[column] = str(target_id)
            if table_name == "service" and key == "organization":
                organization_id = target_id

        self._merge(table_name, object_id, RawRow(file, row, path, values), defaults)

        for key, (child, column) in CHILD_LISTS.get(table_name, {}).items():
            self._children(
                child,
                obj.get(key),
                file=file,
                row=row,
                path=f"{path}{key}",
                implied={column: str(object_id)},
                organization_id=organization_id,
            )
        if table_name not in NO_ATTRIBUTES:
            self._children(
                "attribute",
                obj.get("attributes"),
                file=file,
                row=row,
                path=f"{path}attributes",
                implied={"link_id": str(object_id), "link_entity": table_name},
            )
        if table_name != "metadata":
            self._children(
                "metadata",
                obj.get("metadata"),
                file=file,
                row=row,
                path=f"{path}metadata",
                implied={"resource_id": str(object_id), "resource_type": table_name},
            )
        return object_id

    def _children(
        self,
        table_name: str,
        items: Any,
        *,
        file: str,
        row: int,
        path: str,
        implied: dict[str, Any],
        defaults: dict[str, Any] | None = None,
        organization_id: uuid.UUID | None = None,
    ) -> None:
        if items is None:
            return
        if not isinstance(items, list):
            self.errors.add(file, row, path, _("Expected a list."))
            return
        for index, item in enumerate(items):
            self._object(
                table_name,
                item,
                file=file,
                row=row,
                path=f"{path}[{index}].",
                implied=implied,
                defaults=defaults,
                organization_id=organization_id,
            )

    def _nested_keys(self, table_name: str) -> set[str]:
        keys = set(CHILD_LISTS.get(table_name, {})) | set(PARENT_OBJECTS.get(table_name, {}))
        keys |= {"attributes", "metadata"} | IGNORED
        return keys

    def _merge(
        self,
        table_name: str,
        object_id: uuid.UUID,
        raw: RawRow,
        defaults: dict[str, Any] | None,
    ) -> None:
        entries = self.entries[table_name]
        entry = entries.get(object_id)
        if entry is None:
            entry = entries[object_id] = _Entry(raw)
        else:
            current = entry.raw.values
            for key, value in raw.values.items():
                if is_missing(value):
                    continue
                if is_missing(current.get(key)):
                    current[key] = value
                elif not _same(current[key], value):
                    self.errors.add(
                        raw.file,
                        raw.row,
                        raw.path + key,
                        _(
                            "The object with id %(id)s occurs more than once, with different "
                            "values: %(first)s and %(second)s."
                        )
                        % {"id": object_id, "first": current[key], "second": value},
                    )
        for key, value in (defaults or {}).items():
            if value is not None:
                entry.defaults.setdefault(key, str(value))


class ListSource:
    def __init__(self, table: Table, rows: list[RawRow]):
        self.table = table
        self.label = table.name
        self._rows = rows

    def rows(self, errors: ErrorList) -> Iterator[RawRow]:
        return iter(self._rows)


def json_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.json") if p.is_file())
    return [path]


def json_sources(
    paths: list[Path], *, errors: ErrorList, warnings: list[RowError]
) -> dict[str, ListSource]:
    flattener = Flattener(errors=errors, warnings=warnings)
    for path in paths:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                document = json.load(handle)
        except UnicodeDecodeError:
            errors.add(path.name, None, "", _("The file is not UTF-8 text."))
            continue
        except json.JSONDecodeError as error:
            errors.add(path.name, None, "", _("Not valid JSON: %(error)s") % {"error": error})
            continue
        flattener.add_document(document, file=path.name)
    return flattener.sources()


def object_sources(
    services: list[dict], *, source: str, errors: ErrorList, warnings: list[RowError]
) -> dict[str, ListSource]:
    flattener = Flattener(errors=errors, warnings=warnings)
    flattener.add_document(services, file=source)
    return flattener.sources()
