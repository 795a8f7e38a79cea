"""Reading HSDS's tabular form: a directory of CSV files, with or without datapackage.json."""

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from kansrijk.directory.hsds_io.errors import ErrorList, RowError
from kansrijk.directory.hsds_io.schema import (
    COLUMN_ALIASES,
    Table,
    hsds_table_names,
    tables,
    tables_by_path,
)
from kansrijk.directory.hsds_io.validation import RawRow

DATAPACKAGE = "datapackage.json"

# Other spellings of HSDS file names seen in the wild.
PATH_ALIASES = {"service_at_locations.csv": "service_at_location"}


class CsvSource:
    """One CSV file of one HSDS table. The header is read when the file is opened; `rows`
    reads the records each time it is called (the check and the write pass)."""

    def __init__(self, table: Table, path: Path, label: str):
        self.table = table
        self.path = path
        self.label = label
        self.header: list[str] = []

    def open(self, errors: ErrorList, warnings: list[RowError]) -> bool:
        """Read and check the header; False when the file cannot be imported."""
        try:
            with open(self.path, newline="", encoding="utf-8-sig") as handle:
                header = next(csv.reader(handle), None)
        except UnicodeDecodeError:
            errors.add(self.label, None, "", _("The file is not UTF-8 text."))
            return False
        except csv.Error as error:
            errors.add(
                self.label, 1, "", _("The file is not valid CSV: %(error)s") % {"error": error}
            )
            return False
        except OSError as error:
            errors.add(
                self.label, None, "", _("The file cannot be read: %(error)s") % {"error": error}
            )
            return False
        aliases = COLUMN_ALIASES.get(self.table.name, {})
        self.header = [aliases.get(name.strip(), name.strip()) for name in header or []]
        ok = True
        seen = set()
        for name in self.header:
            if name in seen:
                errors.add(
                    self.label,
                    1,
                    name,
                    _("The column %(column)s occurs more than once.") % {"column": name},
                )
                ok = False
            seen.add(name)
        if header is None:
            return True  # an empty file: no rows
        for column in self.table.columns:
            if column.required and column.name not in seen:
                errors.add(
                    self.label,
                    1,
                    column.name,
                    _("The required column %(column)s is missing.") % {"column": column.name},
                )
                ok = False
        for name in self.header:
            if name not in self.table.by_name:
                warnings.append(
                    RowError(self.label, 1, name, _("Unknown column; it was not imported."))
                )
        return ok

    def rows(self, errors: ErrorList) -> Iterator[RawRow]:
        width = len(self.header)
        try:
            with open(self.path, newline="", encoding="utf-8-sig") as handle:
                reader = csv.reader(handle)
                next(reader, None)
                # The header is row 1, as a spreadsheet shows it.
                for number, record in enumerate(reader, start=2):
                    if not any(cell.strip() for cell in record):
                        continue
                    if len(record) > width:
                        errors.add(
                            self.label,
                            number,
                            "",
                            _("This row has more values than the header has columns."),
                        )
                        continue
                    yield RawRow(
                        self.label, number, "", dict(zip(self.header, record, strict=False))
                    )
        except UnicodeDecodeError:
            errors.add(self.label, None, "", _("The file is not UTF-8 text."))
        except csv.Error as error:
            errors.add(
                self.label, None, "", _("The file is not valid CSV: %(error)s") % {"error": error}
            )


def _count_records(path: Path) -> int:
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return max(0, sum(1 for record in csv.reader(handle) if any(record)) - 1)
    except (UnicodeDecodeError, csv.Error, OSError):
        return 0


def _not_stored_warning(label: str, path: Path) -> RowError | None:
    count = _count_records(path)
    if not count:
        return None
    return RowError(
        label,
        None,
        "",
        _("%(count)d rows were not imported: Kansrijk does not store this HSDS table.")
        % {"count": count},
    )


def _inside(directory: Path, relative: str) -> Path | None:
    if "://" in relative or Path(relative).is_absolute():
        return None
    path = (directory / relative).resolve()
    return path if path.is_relative_to(directory.resolve()) else None


def _from_datapackage(directory: Path, errors: ErrorList, warnings: list[RowError]):
    found: dict[str, tuple[Table, Path, str]] = {}
    try:
        with open(directory / DATAPACKAGE, encoding="utf-8-sig") as handle:
            descriptor = json.load(handle)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        errors.add(DATAPACKAGE, None, "", _("Not valid JSON: %(error)s") % {"error": error})
        return found
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        errors.add(DATAPACKAGE, None, "resources", _("There is no list of resources."))
        return found
    listed = set()
    for number, resource in enumerate(resources):
        where = f"resources[{number}]"
        if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
            errors.add(DATAPACKAGE, None, f"{where}.path", _("This field is required."))
            continue
        relative = resource["path"]
        name = resource.get("name")
        path = _inside(directory, relative)
        if path is None:
            errors.add(
                DATAPACKAGE,
                None,
                f"{where}.path",
                _("The path %(path)s is not a file inside the data package.") % {"path": relative},
            )
            continue
        listed.add(path.name)
        table = tables().get(name) or tables_by_path().get(path.name)
        if table is None and path.name in PATH_ALIASES:
            table = tables()[PATH_ALIASES[path.name]]
        if table is None:
            if name in hsds_table_names() or path.name in hsds_table_names().values():
                warning = _not_stored_warning(relative, path) if path.is_file() else None
                if warning:
                    warnings.append(warning)
            else:
                warnings.append(
                    RowError(
                        DATAPACKAGE, None, f"{where}", _("Not an HSDS table; it was not imported.")
                    )
                )
            continue
        if not path.is_file():
            errors.add(
                DATAPACKAGE,
                None,
                f"{where}.path",
                _("The file %(path)s is missing.") % {"path": relative},
            )
            continue
        if table.name in found:
            errors.add(
                DATAPACKAGE,
                None,
                f"{where}",
                _("The table %(table)s is listed more than once.") % {"table": table.name},
            )
            continue
        found[table.name] = (table, path, relative)
    for path in sorted(directory.glob("*.csv")):
        if path.name not in listed and (path.name in tables_by_path() or path.name in PATH_ALIASES):
            warnings.append(
                RowError(
                    path.name, None, "", _("Not listed in datapackage.json; it was not imported.")
                )
            )
    return found


def _from_file_names(directory: Path, warnings: list[RowError]):
    found: dict[str, tuple[Table, Path, str]] = {}
    unstored = set(hsds_table_names().values()) - set(tables_by_path())
    for path in sorted(directory.glob("*.csv")):
        table = tables_by_path().get(path.name)
        if table is None and path.name in PATH_ALIASES:
            table = tables()[PATH_ALIASES[path.name]]
            if table.name in found or (directory / table.path).is_file():
                warnings.append(
                    RowError(path.name, None, "", _("Not an HSDS table; it was not imported."))
                )
                continue
        if table is None:
            if path.name in unstored:
                warning = _not_stored_warning(path.name, path)
            else:
                warning = RowError(
                    path.name, None, "", _("Not an HSDS table; it was not imported.")
                )
            if warning:
                warnings.append(warning)
            continue
        found[table.name] = (table, path, path.name)
    return found


def is_tabular(directory: Path) -> bool:
    return (directory / DATAPACKAGE).is_file() or any(directory.glob("*.csv"))


def tabular_sources(
    directory: Path, *, errors: ErrorList, warnings: list[RowError]
) -> dict[str, CsvSource]:
    """The CSV file of each table: those datapackage.json lists, or else the files named as
    HSDS names them."""
    if (directory / DATAPACKAGE).is_file():
        found = _from_datapackage(directory, errors, warnings)
    else:
        found = _from_file_names(directory, warnings)
    sources = {}
    for name, (table, path, label) in found.items():
        source = CsvSource(table, path, label)
        if source.open(errors, warnings):
            sources[name] = source
    return sources
