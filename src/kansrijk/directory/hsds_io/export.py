"""Writing the sociale kaart as HSDS 3.0 tabular data: one CSV per table and datapackage.json.

The export is meant for outside the organisation that manages an entry, so a confidential
location (a women's shelter) is exported without its addresses, accessibility, coordinates,
transportation, external identifier and neighbourhood, and without its change history (which
holds old addresses), as the HSDS API shows it; only the
organisation passed as `organisation_id` gets its own confidential locations in full. Whether a
location's address may go out is decided by directory.confidentiality.address_visible alone.

Rows are ordered by id and values written in one fixed form, so exporting the same data twice
gives the same bytes.
"""

import csv
import functools
import json
import operator
import uuid
from pathlib import Path

from django.db.models import Q

from kansrijk.directory import models as hsds
from kansrijk.directory.confidentiality import address_visible
from kansrijk.directory.hsds_io.schema import (
    CONFIDENTIAL_LOCATION_FIELDS,
    EXTENT_TYPE_CBS_CODE,
    Table,
    datapackage,
    export_order,
    tables,
)
from kansrijk.directory.hsds_io.validation import ATTRIBUTE_TARGETS, Progress
from kansrijk.directory.hsds_io.values import as_text

DATAPACKAGE = "datapackage.json"
CHUNK = 2000

# Columns filled from a related row rather than a field of the table's own model.
_LOOKUPS = {
    ("location", "municipality"): "municipality__code",
    ("location", "neighbourhood"): "neighbourhood__code",
}
_AREA_CODES = ["neighbourhood__code", "district__code", "municipality__code"]


def _hidden_locations(organisation_id: int | None) -> list[uuid.UUID]:
    confidential = hsds.Location.objects.filter(is_confidential=True).select_related("organization")
    return [
        location.pk
        for location in confidential
        if not address_visible(location=location, organisation_id=organisation_id)
    ]


def _querysets(hidden: list[uuid.UUID]) -> dict[str, object]:
    """The rows of each table that go out."""
    querysets = {name: table.model.objects.all() for name, table in tables().items()}
    querysets["address"] = hsds.Address.objects.exclude(location_id__in=hidden)
    querysets["accessibility"] = hsds.Accessibility.objects.exclude(location_id__in=hidden)
    # Attributes and history only of rows that go out: none of hidden addresses, none of
    # records that no longer exist.
    exported = {name: querysets[name].values("id") for name in tables()}
    querysets["attribute"] = hsds.Attribute.objects.filter(
        _any_of("link_entity", "link_id", exported, ATTRIBUTE_TARGETS)
    )
    history_targets = set(tables()) - {"metadata"}
    querysets["metadata"] = hsds.Metadata.objects.filter(
        _any_of("resource_type", "resource_id", exported, history_targets)
    ).exclude(resource_id__in=hidden)
    return querysets


def _any_of(type_field: str, id_field: str, exported: dict, names) -> Q:
    return functools.reduce(
        operator.or_,
        (Q(**{type_field: name, f"{id_field}__in": exported[name]}) for name in sorted(names)),
    )


def _rows(table: Table, queryset, hidden: set[uuid.UUID]):
    """The CSV rows of one table, as text."""
    columns = table.columns
    names = [c.name for c in columns]
    fields = [_LOOKUPS.get((table.name, c.name)) or c.attname for c in columns]
    fix = None
    if table.name == "service_area":
        fields += _AREA_CODES
        extent, extent_type = names.index("extent"), names.index("extent_type")

        def fix(values, related):
            # One CBS region per area; HSDS's extent carries its code.
            code = next((c for c in related if c), None)
            if code:
                values[extent], values[extent_type] = code, EXTENT_TYPE_CBS_CODE

    elif table.name == "taxonomy_term":
        # HSDS: which taxonomy is in use, "if possible, provide a URI" (as the API does).
        label = names.index("taxonomy")
        fields[label] = "taxonomy__uri"
        fields.append("taxonomy__name")

        def fix(values, related):
            values[label] = values[label] or related[0]

    elif table.name == "location":
        secret = [i for i, name in enumerate(names) if name in CONFIDENTIAL_LOCATION_FIELDS]

        def fix(values, related):
            if values[0] in hidden:
                for position in secret:
                    values[position] = None

    for record in queryset.order_by("pk").values_list(*fields).iterator(chunk_size=CHUNK):
        values = list(record[: len(columns)])
        if fix is not None:
            fix(values, record[len(columns) :])
        yield [as_text(column, value) for column, value in zip(columns, values, strict=True)]


def hsds_export(
    *,
    directory: Path,
    organisation_id: int | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write every HSDS table Kansrijk stores to `directory` (created if needed) as CSV, and
    datapackage.json describing them. Answers the number of rows per file. Confidential
    addresses go out only to the organisation that manages them (`organisation_id`, the
    internal id of an organisations.Organisation)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    hidden = _hidden_locations(organisation_id)
    querysets = _querysets(hidden)
    hidden_set = set(hidden)
    counts = {}
    for table in export_order():
        count = 0
        with open(directory / table.path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([c.name for c in table.columns])
            for row in _rows(table, querysets[table.name], hidden_set):
                writer.writerow(row)
                count += 1
                if progress is not None and count % CHUNK == 0:
                    progress(stage="export", label=table.path, done=count, total=None)
        counts[table.path] = count
        if progress is not None:
            progress(stage="export", label=table.path, done=count, total=count)
    with open(directory / DATAPACKAGE, "w", encoding="utf-8") as handle:
        json.dump(datapackage(), handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    return counts
