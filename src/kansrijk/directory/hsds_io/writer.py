"""Writing checked rows: create or update by HSDS id, in batches, inside the caller's
transaction.

Per batch one query reads the rows that exist (none when the table was empty); new rows are
inserted with one INSERT run for the whole batch, changed rows updated with bulk_create's
INSERT ... ON CONFLICT (id) DO UPDATE, unchanged rows left alone (no new version, no history, no
reindex). An updated service gets a new version, so an edit form opened before the import
cannot overwrite it unseen.
"""

import datetime
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import connection, models
from django.db.models import F
from django.utils import timezone

from kansrijk.directory import models as hsds
from kansrijk.directory.hsds_io.errors import ErrorList, ImportReport, TableCount
from kansrijk.directory.hsds_io.schema import (
    CONFIDENTIAL_LOCATION_FIELDS,
    EXTENT_TYPE_CBS_CODE,
    WRITE_ORDER,
    tables,
)
from kansrijk.directory.hsds_io.validation import (
    QUERY_BATCH,
    Context,
    Progress,
    RowSource,
    existing_ids,
    row_clean,
)

WRITE_BATCH = QUERY_BATCH

# The change history gets one row per created or changed organisation, service and location
# (not one per field: an import can be large). field_name "*" means the whole record.
HISTORY_TABLES = {"organization", "service", "location"}
HISTORY_ALL_FIELDS = "*"
ACTION_CREATE = "create"
ACTION_UPDATE = "update"

# The location's model fields that an export for outside the owner leaves empty.
_HIDDEN_LOCATION_ATTNAMES = tuple(
    "neighbourhood_id" if name == "neighbourhood" else name for name in CONFIDENTIAL_LOCATION_FIELDS
)


def _empty(value: Any) -> bool:
    return value is None or value == ""


class _TableWriter:
    def __init__(self, *, name: str, ctx: Context, count: TableCount, run: "_Run", total: int):
        self.name = name
        self.model = tables()[name].model
        self.ctx = ctx
        self.count = count
        self.run = run
        self.total = total
        self.done = 0
        self.batch: list[dict] = []
        self.attnames: list[str] | None = None
        self.fields = [(f.attname, f) for f in self.model._meta.concrete_fields]
        self.inserter = _Inserter(self.model)
        # Into an empty table every row is new: no need to look for existing ones.
        self.table_had_rows = self.model.objects.exists()

    def add(self, values: dict) -> None:
        self.batch.append(values)
        if len(self.batch) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        if self.attnames is None:
            self.attnames = [a for a in batch[0] if a != "id"]
        compare = self.attnames
        existing = {}
        if self.table_had_rows:
            existing = {
                str(row[0]): tuple(str(v) if isinstance(v, uuid.UUID) else v for v in row[1:])
                for row in self.model.objects.filter(pk__in=[v["id"] for v in batch]).values_list(
                    "pk", *compare
                )
            }
        created, updated = [], []
        for values in batch:
            old = existing.get(values["id"])
            if old is None:
                created.append(values)
                continue
            keep = _KEEP_EXISTING.get(self.name)
            if keep is not None:
                keep(values, dict(zip(compare, old, strict=True)))
            if self._changed(values, old):
                updated.append(values)
            else:
                self.count.unchanged += 1
        if created:
            self.inserter.insert(created, now=self.run.now)
        if updated:
            update_fields = list(compare)
            if self.name == "organization":
                update_fields.append("last_modified")  # auto_now: the moment of the import
            self.model.objects.bulk_create(
                [self._instance(v) for v in updated],
                update_conflicts=True,
                unique_fields=["id"],
                update_fields=update_fields,
            )
        self.count.created += len(created)
        self.count.updated += len(updated)
        self.run.after_write(self.name, created=created, updated=updated)
        self.done += len(batch)
        if self.run.progress is not None:
            self.run.progress(stage="write", label=self.name, done=self.done, total=self.total)

    def _instance(self, values: dict):
        # Positional arguments: Django's quick way to build an instance (no keyword checks).
        return self.model(
            *[
                values[attname] if attname in values else field.get_default()
                for attname, field in self.fields
            ]
        )

    def _changed(self, values: dict, old: tuple) -> bool:
        for name, before in zip(self.attnames, old, strict=True):
            after = values[name]
            # A service without last_modified in the import keeps the one it has.
            if name == "last_modified" and after is None:
                continue
            if before != after:
                return True
        return False


def _keep_hidden_location_fields(values: dict, old: dict) -> None:
    """An export for outside the owner leaves a confidential location's coordinates,
    transportation, external identifier and neighbourhood empty; importing it back must not
    erase them."""
    if values.get("is_confidential") and all(
        _empty(values.get(a)) for a in _HIDDEN_LOCATION_ATTNAMES
    ):
        for attname in _HIDDEN_LOCATION_ATTNAMES:
            values[attname] = old[attname]


def _keep_area_extent(values: dict, old: dict) -> None:
    """An export writes a CBS area's code into extent (extent_type cbs_code) however the area
    was entered; the same area coming back is not a change."""
    if values.get("extent_type") == EXTENT_TYPE_CBS_CODE and all(
        values[a] == old[a] for a in ("municipality_id", "district_id", "neighbourhood_id")
    ):
        values["extent"], values["extent_type"] = old["extent"], old["extent_type"]


def _keep_history_moment(values: dict, old: dict) -> None:
    """HSDS's history has a date where Kansrijk keeps the moment; the same day coming back
    keeps the moment."""
    new, before = values.get("last_action_date"), old["last_action_date"]
    if new is not None and before is not None:
        day = timezone.localtime(before).date()
        if new == timezone.make_aware(datetime.datetime.combine(day, datetime.time())):
            values["last_action_date"] = before


_KEEP_EXISTING = {
    "location": _keep_hidden_location_fields,
    "service_area": _keep_area_extent,
    "metadata": _keep_history_moment,
}


# Field types whose database value is the Python value itself (text, numbers, booleans) on
# every backend Kansrijk supports.
_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.EmailField,
    models.URLField,
    models.BooleanField,
    models.IntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.AutoField,
    models.BigAutoField,
)


class _Inserter:
    """Inserts new rows with one INSERT run for many rows (executemany), converting each value
    as Django would (get_db_prep_save), with shortcuts for plain values. Django's bulk_create
    builds an instance and an expression per value; for an import of half a million rows that
    took most of the time. auto_now fields get the import's moment unless the row gives one."""

    def __init__(self, model: type[models.Model]):
        fields = model._meta.concrete_fields
        quote = connection.ops.quote_name
        self.fields = [
            (f.attname, f, self._adapter(f), getattr(f, "auto_now", False)) for f in fields
        ]
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(model._meta.db_table),
            ", ".join(quote(f.column) for f in fields),
            ", ".join(["%s"] * len(fields)),
        )

    @staticmethod
    def _adapter(field: models.Field):
        target = field.target_field if field.is_relation else field
        if type(target) in _PLAIN_FIELDS:
            return None
        if isinstance(target, models.UUIDField) and not connection.features.has_native_uuid_field:
            # Ids are canonical UUID text (values._uuid); the database column holds the hex.
            return lambda value: (
                value.replace("-", "")
                if value.__class__ is str
                else (field.get_db_prep_save(value, connection))
            )
        return lambda value: field.get_db_prep_save(value, connection)

    def insert(self, rows: list[dict], *, now: datetime.datetime) -> None:
        params = []
        for values in rows:
            row = []
            for attname, field, adapt, auto_now in self.fields:
                value = values[attname] if attname in values else None
                if attname not in values:
                    value = now if auto_now else field.get_default()
                elif value is None and auto_now:
                    value = now
                if value is not None and adapt is not None:
                    value = adapt(value)
                row.append(value)
            params.append(row)
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, params)


class _Run:
    def __init__(self, *, report: ImportReport, updated_by: str, record_history: bool, progress):
        self.report = report
        self.updated_by = updated_by
        self.record_history = record_history
        self.progress = progress
        self.now = timezone.now()
        self.history: list[hsds.Metadata] = []
        self.services: set[str] = set()
        # Updated rows whose services must be reindexed: table -> ids.
        self.updated: dict[str, set[str]] = {
            "organization": set(),
            "location": set(),
            "taxonomy_term": set(),
        }

    def after_write(self, name: str, *, created: list[dict], updated: list[dict]) -> None:
        if name == "service":
            self._service_fixes(updated)
        if self.record_history and name in HISTORY_TABLES:
            for rows, action in ((created, ACTION_CREATE), (updated, ACTION_UPDATE)):
                self.history.extend(
                    hsds.Metadata(
                        resource_id=values["id"],
                        resource_type=name,
                        last_action_date=self.now,
                        last_action_type=action,
                        field_name=HISTORY_ALL_FIELDS,
                        updated_by=self.updated_by,
                    )
                    for values in rows
                )
            if len(self.history) >= WRITE_BATCH:
                self.history_flush()
        for values in (*created, *updated):
            if name == "service":
                self.services.add(values["id"])
            elif values.get("service_id") is not None:
                self.services.add(values["service_id"])
            elif name == "attribute" and values["link_entity"] == "service":
                self.services.add(values["link_id"])
        if name in self.updated:
            self.updated[name].update(values["id"] for values in updated)

    def _service_fixes(self, updated: list[dict]) -> None:
        # last_modified is auto_now, so bulk_create stored the import's moment; put back the
        # moment the import gives (the source's last change).
        given = [(v["id"], v["last_modified"]) for v in updated]
        _last_modified_set([(pk, moment) for pk, moment in given if moment is not None])
        if updated:
            hsds.Service.objects.filter(pk__in=[v["id"] for v in updated]).update(
                version=F("version") + 1
            )

    def history_flush(self) -> None:
        if self.history:
            hsds.Metadata.objects.bulk_create(self.history)
            self.history = []

    def services_to_reindex(self) -> list[uuid.UUID]:
        services = {uuid.UUID(pk) for pk in self.services}
        for ids in _batches(self.updated["organization"]):
            services.update(
                hsds.Service.objects.filter(organization_id__in=ids).values_list("id", flat=True)
            )
        for ids in _batches(self.updated["location"]):
            services.update(
                hsds.ServiceAtLocation.objects.filter(location_id__in=ids).values_list(
                    "service_id", flat=True
                )
            )
        for ids in _batches(self.updated["taxonomy_term"]):
            services.update(
                hsds.Attribute.objects.filter(
                    taxonomy_term_id__in=ids, link_entity="service"
                ).values_list("link_id", flat=True)
            )
        return sorted(services)


def _last_modified_set(rows: list[tuple[str, datetime.datetime]]) -> None:
    """Set Service.last_modified, which auto_now keeps Django from writing. One statement run
    for many rows (executemany): bulk_update's CASE per row takes minutes for 50,000 rows."""
    if not rows:
        return
    model = hsds.Service
    field, pk = model._meta.get_field("last_modified"), model._meta.pk
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s "
        f"WHERE {quote(pk.column)} = %s"
    )
    params = [
        (field.get_db_prep_save(moment, connection), pk.get_db_prep_save(row_id, connection))
        for row_id, moment in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _batches(ids: Iterable[str]):
    ids = list(ids)
    for start in range(0, len(ids), QUERY_BATCH):
        yield ids[start : start + QUERY_BATCH]


def _implied_taxonomies_write(ctx: Context, report: ImportReport) -> None:
    if not ctx.implied_taxonomies:
        return
    existing = existing_ids(hsds.Taxonomy, ctx.implied_taxonomies)
    new = [
        # HSDS requires a description; the name is all the import says.
        hsds.Taxonomy(id=taxonomy_id, name=name, description=name)
        for taxonomy_id, name in ctx.implied_taxonomies.items()
        if taxonomy_id not in existing
    ]
    hsds.Taxonomy.objects.bulk_create(new)
    report.counts.setdefault("taxonomy", TableCount()).created += len(new)


def rows_write(
    sources: dict[str, RowSource],
    *,
    ctx: Context,
    report: ImportReport,
    updated_by: str,
    record_history: bool = True,
    progress: Progress | None = None,
) -> list[uuid.UUID]:
    """Write every row of the checked sources; answer the services to reindex. Run inside a
    transaction, after check_rows and check_against_database found no problem."""
    run = _Run(
        report=report, updated_by=updated_by, record_history=record_history, progress=progress
    )
    errors = ErrorList()
    _implied_taxonomies_write(ctx, report)
    for name in WRITE_ORDER:
        source = sources.get(name)
        if source is None:
            continue
        count = report.counts.setdefault(name, TableCount())
        writer = _TableWriter(name=name, ctx=ctx, count=count, run=run, total=ctx.rows[name])
        table = source.table
        for raw in source.rows(errors):
            values = row_clean(table, raw, ctx, errors, checked=True)
            if values is None or values.pop("_skip", False):
                continue
            writer.add(values)
        writer.flush()
    # The rows were checked before; a problem now means the files changed in between.
    errors.raise_if_any()
    run.history_flush()
    return run.services_to_reindex()
