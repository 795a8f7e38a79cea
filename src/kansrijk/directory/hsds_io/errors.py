"""What an import reports: the problems that stopped it, or what it wrote."""

import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# An import with more problems than this stops collecting them: the list is for reading.
MAX_ERRORS = 10_000


@dataclass(frozen=True)
class RowError:
    """One problem in the input. `row` is the spreadsheet row of a CSV file (the header is row
    1, so the first record is row 2) or the number of the service object in a JSON file (from
    1). `field` is the column, or for JSON the path to the value
    (service_at_locations[0].location.latitude)."""

    file: str
    row: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = [self.file] if self.file else []
        if self.row is not None:
            where.append(_("row %(row)d") % {"row": self.row})
        if self.field:
            where.append(_("field %(field)s") % {"field": self.field})
        return f"{', '.join(where)}: {self.message}" if where else self.message


class HSDSImportError(Exception):
    """The input has problems; nothing was imported."""

    def __init__(self, errors: list[RowError], *, total: int | None = None):
        self.errors = errors
        # How many problems there were, also past MAX_ERRORS.
        self.total = total if total is not None else len(errors)
        super().__init__("\n".join(str(e) for e in errors[:20]))


@dataclass
class TableCount:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class ImportReport:
    source: str
    # Per HSDS table name (service, location, ...), in the order written.
    counts: dict[str, TableCount] = field(default_factory=dict)
    # Things that did not stop the import: unknown columns, tables Kansrijk does not store.
    warnings: list[RowError] = field(default_factory=list)
    # Services created or changed, directly or through their organisation, locations, areas...
    service_ids: list[uuid.UUID] = field(default_factory=list)


class ErrorList:
    """Collects problems up to MAX_ERRORS and counts the rest."""

    def __init__(self):
        self.items: list[RowError] = []
        self.total = 0

    def add(self, file: str, row: int | None, field_name: str, message: str) -> None:
        self.total += 1
        if len(self.items) < MAX_ERRORS:
            self.items.append(RowError(file, row, field_name, str(message)))

    def __bool__(self) -> bool:
        return self.total > 0

    def raise_if_any(self) -> None:
        if self.total:
            raise HSDSImportError(self.items, total=self.total)
