"""Importing HSDS data: check everything, then write everything in one transaction, or nothing."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.directory import search
from kansrijk.directory.hsds_io.errors import ErrorList, ImportReport, RowError
from kansrijk.directory.hsds_io.json_form import json_files, json_sources, object_sources
from kansrijk.directory.hsds_io.tabular import is_tabular, tabular_sources
from kansrijk.directory.hsds_io.validation import (
    Context,
    Progress,
    RowSource,
    check_against_database,
    check_rows,
    skipped_attribute_warnings,
)
from kansrijk.directory.hsds_io.writer import rows_write

UPDATED_BY_PREFIX = "import:"


def _run(
    sources: dict[str, RowSource],
    *,
    source: str,
    errors: ErrorList,
    warnings: list[RowError],
    progress: Progress | None,
    record_history: bool,
) -> ImportReport:
    ctx = Context()
    # Also after problems with the files themselves: one run reports every problem.
    check_rows(sources, ctx=ctx, errors=errors, progress=progress)
    if errors:
        check_against_database(ctx=ctx, errors=errors)
        errors.raise_if_any()
    with transaction.atomic():
        check_against_database(ctx=ctx, errors=errors)
        errors.raise_if_any()
        report = ImportReport(
            source=source, warnings=warnings + skipped_attribute_warnings(ctx, file=source)
        )
        service_ids = rows_write(
            sources,
            ctx=ctx,
            report=report,
            updated_by=f"{UPDATED_BY_PREFIX}{source}",
            record_history=record_history,
            progress=progress,
        )
        if service_ids:
            search.search_index_update(service_ids=service_ids)
        report.service_ids = service_ids
    return report


def hsds_import(
    *, path: Path, progress: Progress | None = None, record_history: bool = True
) -> ImportReport:
    """Import HSDS data from `path`: a directory with datapackage.json and/or HSDS's CSV files,
    or a JSON file (or a directory of them) with service objects in the full nested form, a
    list of them or an API page. Records are created or updated by their HSDS id.

    Everything is checked first; on any problem HSDSImportError lists them all (file, row,
    field, message) and nothing is written. Each created or changed organisation, service and
    location gets one history row (updated_by "import:<name of path>") unless
    `record_history` is off."""
    path = Path(path)
    errors = ErrorList()
    warnings: list[RowError] = []
    if not path.exists():
        errors.add(str(path), None, "", _("This file or directory does not exist."))
        errors.raise_if_any()
    if path.is_dir() and is_tabular(path):
        sources = tabular_sources(path, errors=errors, warnings=warnings)
    elif path.is_file() and path.name == "datapackage.json":
        sources = tabular_sources(path.parent, errors=errors, warnings=warnings)
        path = path.parent
    else:
        files = json_files(path)
        if not files:
            errors.add(
                str(path), None, "", _("There is no datapackage.json, CSV or JSON file here.")
            )
            errors.raise_if_any()
        sources = json_sources(files, errors=errors, warnings=warnings)
    return _run(
        sources,
        source=path.resolve().name,
        errors=errors,
        warnings=warnings,
        progress=progress,
        record_history=record_history,
    )


def hsds_import_json_objects(
    *,
    services: list[dict],
    source: str,
    progress: Progress | None = None,
    record_history: bool = True,
) -> ImportReport:
    """Import HSDS service objects in the full nested form (see json_form). `source` names
    the data in messages and in the history (updated_by "import:<source>"). Raises
    HSDSImportError, with every problem, and writes nothing when anything is wrong."""
    errors = ErrorList()
    warnings: list[RowError] = []
    sources = object_sources(services, source=source, errors=errors, warnings=warnings)
    return _run(
        sources,
        source=source,
        errors=errors,
        warnings=warnings,
        progress=progress,
        record_history=record_history,
    )
