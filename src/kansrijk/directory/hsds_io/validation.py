"""Checking an import before anything is written.

Both forms (CSV files, JSON service objects) become rows per HSDS table (`RawRow`), read by a
`RowSource`. `check_rows` reads every row once: it checks each value (required, UUID, dates,
numbers, email, URL, enumerations, CBS codes), duplicate ids, and foreign keys to rows of the
import; foreign keys to rows that must already be in the sociale kaart are collected and checked
by `check_against_database`, inside the transaction that writes. The writer reads the rows a
second time through the same `row_clean` (skipping only the validators that change nothing,
such as the email check), so what is written is what was checked, and a large import never
holds all its rows in memory.
"""

import functools
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any, Protocol

from django.utils.translation import gettext as _

from kansrijk.directory import models as hsds
from kansrijk.directory.constants import CapacityStatus
from kansrijk.directory.hsds_io.errors import ErrorList, RowError
from kansrijk.directory.hsds_io.schema import (
    EXTENT_TYPE_CBS_CODE,
    IMPLIED_TAXONOMY_NAMESPACE,
    WRITE_ORDER,
    Table,
    hsds_table_names,
    tables,
)
from kansrijk.directory.hsds_io.values import CBS_CODE_PATTERNS, Problem, clean, cleaner
from kansrijk.regions import selectors as region_selectors

# How many ids go into one `IN (...)` query.
QUERY_BATCH = 900

# Tables an attribute may point at (HSDS's schema tools give these an `attributes` list).
ATTRIBUTE_TARGETS = frozenset(
    set(WRITE_ORDER) - {"attribute", "taxonomy", "taxonomy_term", "metadata"}
)

# (stage, label, rows done, total or None while unknown)
Progress = Callable[..., None]


class RawRow:
    """One record as read: CSV text or JSON values by column name, and where it came from."""

    __slots__ = ("file", "row", "path", "values")

    def __init__(self, file: str, row: int | None, path: str, values: dict[str, Any]):
        self.file = file
        self.row = row
        # JSON: the path of the object, prefixed to the field name in messages.
        self.path = path
        self.values = values


class RowSource(Protocol):
    table: Table
    # Shown in progress lines: the file name, or the table for JSON.
    label: str

    def rows(self, errors: ErrorList) -> Iterator[RawRow]:
        """The rows; problems with the file itself (encoding, header) go into `errors`."""
        ...


class RegionIndex:
    """CBS codes to region ids, loaded per municipality when first needed (a few queries for a
    whole import, never one per row)."""

    def __init__(self):
        self._municipalities = None
        self._loaded: set[str] = set()
        # code -> (kind, id, municipality id)
        self._areas: dict[str, tuple[str, int, int]] = {}

    def _municipality_map(self):
        if self._municipalities is None:
            self._municipalities = {m.code: m for m in region_selectors.municipality_list()}
        return self._municipalities

    def lookup(self, code: str) -> tuple[str, int, int] | None:
        """(municipality|district|neighbourhood, id, municipality id), or None if unknown."""
        municipality = self._municipality_map().get("GM" + code[2:6])
        if municipality is None:
            return None
        if code.startswith("GM"):
            return (
                ("municipality", municipality.pk, municipality.pk)
                if code == municipality.code
                else None
            )
        if municipality.code not in self._loaded:
            self._loaded.add(municipality.code)
            for area_code, pk in (
                region_selectors.district_list(municipality=municipality)
                .exclude(code=None)
                .values_list("code", "pk")
            ):
                self._areas[area_code] = ("district", pk, municipality.pk)
            for area_code, pk in (
                region_selectors.neighbourhood_list(municipality=municipality)
                .exclude(code=None)
                .values_list("code", "pk")
            ):
                self._areas[area_code] = ("neighbourhood", pk, municipality.pk)
        return self._areas.get(code)


class Context:
    """What the checks learn while reading, shared by the check and the write pass."""

    def __init__(self):
        # Ids are canonical UUID text (see values._uuid).
        self.ids: dict[str, set[str]] = {name: set() for name in WRITE_ORDER}
        self.rows: Counter = Counter()
        self.regions = RegionIndex()
        # Foreign keys to rows not (yet) seen in the import: target table -> [(id, where)].
        self.pending: dict[str, list[tuple[str, str, int | None, str]]] = defaultdict(list)
        self.taxonomy_names: dict[str, str] = {}
        self._db_taxonomy_names: dict[str, str] | None = None
        # Taxonomies named by a term but not given: created with the import.
        self.implied_taxonomies: dict[str, str] = {}
        self.term_codes: dict[str, tuple[str, str, int | None, str]] = {}
        # Attributes of tables Kansrijk does not store: left out, with a warning.
        self.skipped_attributes: Counter = Counter()

    def taxonomy_for_name(self, name: str) -> str:
        if name in self.taxonomy_names:
            return self.taxonomy_names[name]
        if self._db_taxonomy_names is None:
            # A term names its taxonomy by URI or by name (HSDS: "if possible, a URI").
            self._db_taxonomy_names = {}
            for pk, taxonomy_name, uri in hsds.Taxonomy.objects.values_list("id", "name", "uri"):
                self._db_taxonomy_names.setdefault(taxonomy_name, str(pk))
                if uri:
                    self._db_taxonomy_names.setdefault(uri, str(pk))
        if name in self._db_taxonomy_names:
            return self._db_taxonomy_names[name]
        taxonomy_id = str(uuid.uuid5(IMPLIED_TAXONOMY_NAMESPACE, name))
        self.implied_taxonomies[taxonomy_id] = name
        self.ids["taxonomy"].add(taxonomy_id)
        self.taxonomy_names[name] = taxonomy_id
        return taxonomy_id


# --- rules for one table's rows --------------------------------------------------------------


def _service_rules(values, extra, raw, ctx, report) -> None:
    status = values.get("capacity_status")
    if status == CapacityStatus.WAITING_LIST and values.get("capacity_wait_weeks") is None:
        report("capacity_wait_weeks", _("Fill in the expected wait in weeks."))
    elif status is not None and status != CapacityStatus.WAITING_LIST:
        # Only a waiting list has a wait (as the editing form keeps it).
        values["capacity_wait_weeks"] = None


def _region(code: str, ctx: Context, report, field_name: str):
    region = ctx.regions.lookup(code)
    if region is None:
        report(
            field_name,
            _("%(code)s is not a known CBS code of a municipality, district or neighbourhood.")
            % {"code": code},
        )
    return region


def _location_rules(values, extra, raw, ctx, report) -> None:
    municipality_id = neighbourhood_id = None
    if extra.get("municipality"):
        region = _region(extra["municipality"], ctx, report, "municipality")
        municipality_id = region[1] if region else None
    if extra.get("neighbourhood"):
        region = _region(extra["neighbourhood"], ctx, report, "neighbourhood")
        if region:
            neighbourhood_id = region[1]
            if municipality_id is None and not extra.get("municipality"):
                municipality_id = region[2]
            elif municipality_id is not None and region[2] != municipality_id:
                report(
                    "neighbourhood",
                    _("This neighbourhood is not in the chosen municipality."),
                )
    values["municipality_id"] = municipality_id
    values["neighbourhood_id"] = neighbourhood_id


def _service_area_rules(values, extra, raw, ctx, report) -> None:
    values["municipality_id"] = values["district_id"] = values["neighbourhood_id"] = None
    extent = (values.get("extent") or "").strip()
    extent_type = (values.get("extent_type") or "").strip()
    code = extent.upper()
    looks_like_code = any(p.fullmatch(code) for p in CBS_CODE_PATTERNS.values())
    if extent_type.lower() != EXTENT_TYPE_CBS_CODE and not (
        extent_type.lower() in ("", "text") and looks_like_code
    ):
        return
    if not looks_like_code:
        report(
            "extent",
            _("Not a CBS code (GMxxxx, WKxxxxxx or BUxxxxxxxx): %(value)s.") % {"value": extent},
        )
        return
    region = _region(code, ctx, report, "extent")
    if region:
        values[f"{region[0]}_id"] = region[1]
    values["extent"] = code
    values["extent_type"] = EXTENT_TYPE_CBS_CODE


def _taxonomy_rules(values, extra, raw, ctx, report) -> None:
    if values.get("id") is not None:
        for label in (values.get("name"), values.get("uri")):
            if label:
                ctx.taxonomy_names.setdefault(label, values["id"])


def _taxonomy_term_rules(values, extra, raw, ctx, report) -> None:
    if values.get("taxonomy_id") is None and extra.get("taxonomy"):
        values["taxonomy_id"] = ctx.taxonomy_for_name(extra["taxonomy"].strip())
    code = values.get("code")
    if code and values.get("id") is not None:
        seen = ctx.term_codes.setdefault(code, (values["id"], raw.file, raw.row, raw.path))
        if seen[0] != values["id"]:
            report(
                "code",
                _("The code %(code)s is already used by another taxonomy term.") % {"code": code},
            )


def _attribute_rules(values, extra, raw, ctx, report) -> None:
    entity = values.get("link_entity")
    if not entity or entity in ATTRIBUTE_TARGETS:
        return
    if entity in hsds_table_names():
        values["_skip"] = True
        return
    report(
        "link_entity",
        _("Unknown table %(value)s. Choose one of %(choices)s.")
        % {"value": entity, "choices": ", ".join(sorted(ATTRIBUTE_TARGETS))},
    )


RULES = {
    "service": _service_rules,
    "location": _location_rules,
    "service_area": _service_area_rules,
    "taxonomy": _taxonomy_rules,
    "taxonomy_term": _taxonomy_term_rules,
    "attribute": _attribute_rules,
}


@functools.cache
def _cleaners(
    table_name: str, checked: bool
) -> tuple[tuple[str, str | None, Callable[[Any], Any]], ...]:
    return tuple(
        (c.name, c.attname, cleaner(c, checked=checked)) for c in tables()[table_name].columns
    )


class _Reporter:
    __slots__ = ("raw", "errors", "failed")

    def __init__(self, raw: RawRow, errors: ErrorList):
        self.raw = raw
        self.errors = errors
        self.failed = False

    def __call__(self, field_name: str, message: str) -> None:
        self.failed = True
        self.errors.add(self.raw.file, self.raw.row, self.raw.path + field_name, message)


def row_clean(
    table: Table, raw: RawRow, ctx: Context, errors: ErrorList, *, checked: bool = False
) -> dict | None:
    """The model values of one row, or None when it has problems (added to `errors`).
    `checked`: the row passed before, only convert it (the write pass)."""
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    report = None
    given = raw.values
    for name, attname, clean_value in _cleaners(table.name, checked):
        try:
            value = clean_value(given.get(name))
        except Problem as problem:
            report = report or _Reporter(raw, errors)
            report(name, str(problem))
            continue
        if attname is not None:
            values[attname] = value
        else:
            extra[name] = value
    # The rules run also after a bad value, so one pass reports every problem of the row.
    rule = RULES.get(table.name)
    if rule is not None:
        report = report or _Reporter(raw, errors)
        rule(values, extra, raw, ctx, report)
    return None if report is not None and report.failed else values


def _reference(ctx: Context, target: str, value: str, raw: RawRow, field_name: str) -> None:
    if value not in ctx.ids[target]:
        ctx.pending[target].append((value, raw.file, raw.row, raw.path + field_name))


def check_rows(
    sources: dict[str, RowSource],
    *,
    ctx: Context,
    errors: ErrorList,
    progress: Progress | None = None,
) -> None:
    """Read every row once and check it; see the module docstring."""
    for name in WRITE_ORDER:
        source = sources.get(name)
        if source is None:
            continue
        table = source.table
        id_column = table.by_name["id"]
        references = [c for c in table.columns if c.references]
        ids = ctx.ids[name]
        count = 0
        for raw in source.rows(errors):
            count += 1
            try:
                row_id = clean(id_column, raw.values.get("id"))
            except Problem:
                row_id = None
            else:
                if row_id in ids:
                    errors.add(
                        raw.file,
                        raw.row,
                        raw.path + "id",
                        _("The id %(id)s occurs more than once.") % {"id": row_id},
                    )
                ids.add(row_id)
            values = row_clean(table, raw, ctx, errors)
            if values is not None:
                for column in references:
                    value = values.get(column.attname)
                    if value is not None:
                        _reference(ctx, column.references, value, raw, column.name)
                if name == "attribute":
                    if values.get("_skip"):
                        ctx.skipped_attributes[values["link_entity"]] += 1
                    else:
                        _reference(ctx, values["link_entity"], values["link_id"], raw, "link_id")
            if progress is not None and count % 1000 == 0:
                progress(stage="check", label=source.label, done=count, total=None)
        ctx.rows[name] = count
        if progress is not None:
            progress(stage="check", label=source.label, done=count, total=count)
    # References within the import: every id is known now (also self references and
    # references to rows further down the same file).
    for target, entries in ctx.pending.items():
        ctx.pending[target] = [e for e in entries if e[0] not in ctx.ids[target]]


def existing_ids(model, ids) -> set[str]:
    """Which of `ids` (UUID text) are rows of `model`."""
    ids = list(ids)
    found: set[str] = set()
    for start in range(0, len(ids), QUERY_BATCH):
        found.update(
            str(pk)
            for pk in model.objects.filter(pk__in=ids[start : start + QUERY_BATCH]).values_list(
                "pk", flat=True
            )
        )
    return found


def check_against_database(*, ctx: Context, errors: ErrorList) -> None:
    """Foreign keys to rows that are not in the import must be in the sociale kaart, and a
    taxonomy term's code must not belong to another term there. Run inside the transaction."""
    table_by_name = tables()
    for target, entries in ctx.pending.items():
        if not entries:
            continue
        model = table_by_name[target].model
        existing = existing_ids(model, {e[0] for e in entries})
        for value, file, row, field_name in entries:
            if value not in existing:
                errors.add(
                    file,
                    row,
                    field_name,
                    _("There is no %(what)s with id %(id)s, in the import or in the sociale kaart.")
                    % {"what": model._meta.verbose_name, "id": value},
                )
    codes = list(ctx.term_codes)
    for start in range(0, len(codes), QUERY_BATCH):
        clashes = hsds.TaxonomyTerm.objects.filter(code__in=codes[start : start + QUERY_BATCH])
        for code, pk in clashes.values_list("code", "id"):
            term_id = str(pk)
            imported_id, file, row, path = ctx.term_codes[code]
            # A term of the import keeps its code; one that is also imported may change its own.
            if term_id != imported_id and term_id not in ctx.ids["taxonomy_term"]:
                errors.add(
                    file,
                    row,
                    path + "code",
                    _("The code %(code)s is already used by another taxonomy term.")
                    % {"code": code},
                )


def skipped_attribute_warnings(ctx: Context, *, file: str) -> list[RowError]:
    return [
        RowError(
            file,
            None,
            "link_entity",
            _(
                "%(count)d attributes of %(table)s were not imported: Kansrijk does not "
                "store that table."
            )
            % {"count": count, "table": entity},
        )
        for entity, count in sorted(ctx.skipped_attributes.items())
    ]
