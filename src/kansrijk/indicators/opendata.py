"""Import of outcome and context indicators from open data (CBS, Perined) as CSV.

The file
--------
- UTF-8, with or without byte-order mark (BOM); at most 10 MB.
- Delimiter `;` or `,` (read from the header line). With `,` a decimal comma must be quoted.
- The first line names the columns, in any order, in Dutch or English:

  ========== ============= ==========================================================
  Dutch      English       Content
  ========== ============= ==========================================================
  indicator  indicator     code of an outcome or context indicator (see the catalogue)
  regiocode  region_code   CBS code: GMxxxx (municipality), BUxxxxxxxx (neighbourhood)
                           or NL01 (the Netherlands)
  jaar       year          four digits, 1990 up to the current year
  teller     numerator     whole number, 0 or more (optional)
  noemer     denominator   whole number, 0 or more (optional)
  waarde     value         number, decimal comma or point (optional)
  ========== ============= ==========================================================

  `indicator`, `regiocode` and `jaar` are required columns; the others may be left out.

- Per row: give `teller` and `noemer` (the value is computed: a percentage is
  teller / noemer x 100, a figure per 1,000 is teller / noemer x 1,000, a number is the
  teller), or only `waarde`. A given `waarde` next to `teller` and `noemer` must agree with
  the computed value within 0.05. A number (count) indicator needs `teller` or `waarde`.
- Process indicators are refused: Kansrijk computes them from its own records.
- GGD region codes (GGxxxx) are refused: a GGD region's figure is made by adding up its
  municipalities.
- The same indicator, region and year twice in one file is an error (on the second row).

Example::

    indicator;regiocode;jaar;teller;noemer;waarde
    preterm;GM0479;2023;121;1687;7,2
    births;GM0479;2023;1687;;
    low-income-children;BU04790101;2023;;;12,5

The import checks the whole file first and reports every bad row (line, column, value and
what is wrong). When anything is wrong, nothing is imported. Otherwise all rows are written in
one transaction; a value for an indicator, region and year that was imported before is
replaced, so a corrected file can simply be loaded again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import IO, TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.indicators.constants import (
    COUNTRY_CODE,
    IndicatorKind,
    Level,
    Origin,
    Statistic,
    Unit,
)
from kansrijk.indicators.models import Indicator, OpenDataImport, OpenDataValue
from kansrijk.regions.models import Municipality, Neighbourhood

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

MAX_FILE_BYTES = 10 * 1024 * 1024
FIRST_YEAR = 1990
# A given value may differ this much from the one computed from numerator and denominator
# (rounding in the source).
VALUE_TOLERANCE = Decimal("0.05")
VALUE_PLACES = Decimal("0.001")
# OpenDataValue.value: 12 digits, 3 after the point.
MAX_VALUE = Decimal("999999999.999")
# PositiveIntegerField's upper bound.
MAX_COUNT = 2_147_483_647
IMPORTABLE_KINDS = (IndicatorKind.OUTCOME, IndicatorKind.CONTEXT)
WRITE_BATCH = 1000

# Column names (lower case) in the file -> the column they mean.
COLUMN_NAMES = {
    "indicator": "indicator",
    "regiocode": "regiocode",
    "region_code": "regiocode",
    "jaar": "jaar",
    "year": "jaar",
    "teller": "teller",
    "numerator": "teller",
    "noemer": "noemer",
    "denominator": "noemer",
    "waarde": "waarde",
    "value": "waarde",
}
COLUMNS = ("indicator", "regiocode", "jaar", "teller", "noemer", "waarde")
REQUIRED_COLUMNS = ("indicator", "regiocode", "jaar")

MUNICIPALITY_CODE = re.compile(r"GM\d{4}")
NEIGHBOURHOOD_CODE = re.compile(r"BU\d{8}")
GGD_REGION_CODE = re.compile(r"GG\d{4}")
DISTRICT_CODE = re.compile(r"WK\d{6}")
WHOLE_NUMBER = re.compile(r"\d+")
DECIMAL_NUMBER = re.compile(r"-?\d+([.,]\d+)?")
YEAR = re.compile(r"\d{4}")
UNIT_FACTOR = {Unit.PERCENT: Decimal(100), Unit.PER_1000: Decimal(1000)}
SHOWN_VALUE_CHARS = 100


@dataclass(frozen=True)
class RowError:
    """What is wrong on one line of the file. `column` is the column's name as the file has
    it (empty for a problem with the whole line); `message` is already translated."""

    line: int
    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        if self.column and self.value:
            return _("line %(line)d, %(column)s '%(value)s': %(message)s") % self._parts()
        if self.column:
            return _("line %(line)d, %(column)s: %(message)s") % self._parts()
        return _("line %(line)d: %(message)s") % self._parts()

    def _parts(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }


class OpenDataError(Exception):
    """The file was refused; `errors` names every bad row. Nothing was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = sorted(errors, key=lambda error: error.line)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class ImportResult:
    batch: OpenDataImport
    # Values written: new ones plus replaced ones.
    rows: int
    replaced: int


@dataclass
class _Row:
    line: int
    indicator: Indicator
    region_code: str
    municipality_id: int | None
    neighbourhood_id: int | None
    year: int
    numerator: int | None
    denominator: int | None
    value: Decimal


# --- reading ----------------------------------------------------------------------------------


def _read_bytes(file: IO[bytes] | bytes) -> bytes | None:
    """The file's content, or None when it is larger than allowed."""
    if isinstance(file, bytes | bytearray):
        content = bytes(file)
    else:
        if hasattr(file, "seek"):
            file.seek(0)
        content = file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        return None
    return content


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def _header(cells: list[str]) -> tuple[dict[str, int], dict[str, str], list[RowError]]:
    """Column -> index, column -> the name the file uses, and the header's errors."""
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    errors: list[RowError] = []
    for index, cell in enumerate(cells):
        name = cell.strip().lstrip("\ufeff").strip().lower()
        if not name and index == len(cells) - 1 and index > 0:
            continue  # a delimiter at the end of the line
        column = COLUMN_NAMES.get(name)
        if column is None:
            errors.append(
                RowError(
                    1,
                    "",
                    _("unknown column '%(name)s'; the columns are: %(columns)s")
                    % {"name": cell.strip()[:SHOWN_VALUE_CHARS], "columns": ", ".join(COLUMNS)},
                )
            )
        elif column in positions:
            errors.append(
                RowError(1, "", _("column '%(name)s' appears twice") % {"name": cell.strip()})
            )
        else:
            positions[column] = index
            names[column] = name
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        errors.append(
            RowError(
                1,
                "",
                _("required column missing: %(columns)s") % {"columns": ", ".join(missing)},
            )
        )
    return positions, names, errors


class _Checker:
    """Checks the rows one by one, collecting every error."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.errors: list[RowError] = []
        self.indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
        self.municipalities = dict(Municipality.objects.values_list("code", "id"))
        self._neighbourhoods: dict[str, tuple[int, int]] | None = None
        self.current_year = timezone.localdate().year
        self.seen: dict[tuple[str, str, int], int] = {}

    def neighbourhoods(self) -> dict[str, tuple[int, int]]:
        """Neighbourhood code -> (id, municipality id); loaded once, when a file has one."""
        if self._neighbourhoods is None:
            self._neighbourhoods = {
                code: (pk, municipality_id)
                for code, pk, municipality_id in Neighbourhood.objects.exclude(
                    code=None
                ).values_list("code", "id", "municipality_id")
            }
        return self._neighbourhoods

    def error(self, line: int, column: str, message: str, value: str = "") -> None:
        self.errors.append(
            RowError(line, self.names.get(column, column), message, value[:SHOWN_VALUE_CHARS])
        )

    def row(self, line: int, cells: dict[str, str]) -> _Row | None:
        errors_before = len(self.errors)
        indicator = self._indicator(line, cells["indicator"])
        region = self._region(line, cells["regiocode"], indicator)
        year = self._year(line, cells["jaar"])
        numerator = self._count(line, "teller", cells["teller"])
        denominator = self._count(line, "noemer", cells["noemer"])
        given = self._decimal(line, cells["waarde"])
        value = None
        if indicator is not None and len(self.errors) == errors_before:
            value = self._value(line, indicator, numerator, denominator, given, cells)
        if indicator is not None and region is not None and year is not None:
            key = (indicator.code, region[0], year)
            first = self.seen.get(key)
            if first is not None:
                self.error(
                    line,
                    "regiocode",
                    _(
                        "indicator %(indicator)s for this region and year %(year)d is already "
                        "on line %(first)d"
                    )
                    % {"indicator": indicator.code, "year": year, "first": first},
                    cells["regiocode"],
                )
            else:
                self.seen[key] = line
        if len(self.errors) > errors_before or value is None:
            return None
        assert indicator is not None and region is not None and year is not None
        return _Row(
            line=line,
            indicator=indicator,
            region_code=region[0],
            municipality_id=region[1],
            neighbourhood_id=region[2],
            year=year,
            numerator=numerator,
            denominator=denominator,
            value=value,
        )

    def _indicator(self, line: int, raw: str) -> Indicator | None:
        code = raw.strip().lower()
        if not code:
            self.error(line, "indicator", _("required; give the code of an indicator"))
            return None
        indicator = self.indicators.get(code)
        if indicator is None:
            self.error(line, "indicator", _("unknown indicator"), raw)
            return None
        if indicator.kind not in IMPORTABLE_KINDS:
            self.error(
                line,
                "indicator",
                _(
                    "a process indicator cannot be imported: Kansrijk computes it from its own "
                    "records"
                ),
                raw,
            )
            return None
        return indicator

    def _region(
        self, line: int, raw: str, indicator: Indicator | None
    ) -> tuple[str, int | None, int | None] | None:
        """(code, municipality id, neighbourhood id), or None after an error."""
        code = raw.strip().upper()
        if not code:
            self.error(line, "regiocode", _("required; give a CBS region code"))
            return None
        if code == COUNTRY_CODE:
            found, level = (code, None, None), Level.COUNTRY
        elif MUNICIPALITY_CODE.fullmatch(code):
            municipality_id = self.municipalities.get(code)
            if municipality_id is None:
                self.error(line, "regiocode", _("unknown region code"), raw)
                return None
            found, level = (code, municipality_id, None), Level.MUNICIPALITY
        elif NEIGHBOURHOOD_CODE.fullmatch(code):
            neighbourhood = self.neighbourhoods().get(code)
            if neighbourhood is None:
                self.error(line, "regiocode", _("unknown region code"), raw)
                return None
            found, level = (code, neighbourhood[1], neighbourhood[0]), Level.NEIGHBOURHOOD
        elif GGD_REGION_CODE.fullmatch(code):
            self.error(
                line,
                "regiocode",
                _(
                    "a GGD region cannot be imported: its figure is made by adding up its "
                    "municipalities; import the municipalities (GM codes) instead"
                ),
                raw,
            )
            return None
        elif DISTRICT_CODE.fullmatch(code):
            self.error(
                line,
                "regiocode",
                _("districts (WK codes) cannot be imported; use neighbourhoods (BU codes)"),
                raw,
            )
            return None
        else:
            self.error(
                line,
                "regiocode",
                _("not a region code; use GMxxxx, BUxxxxxxxx or NL01"),
                raw,
            )
            return None
        if indicator is not None and indicator.levels and level not in indicator.levels:
            self.error(
                line,
                "regiocode",
                _("indicator %(indicator)s is not given per %(level)s")
                % {"indicator": indicator.code, "level": Level(level).label},
                raw,
            )
            return None
        return found

    def _year(self, line: int, raw: str) -> int | None:
        text = raw.strip()
        if not text:
            self.error(line, "jaar", _("required; give a year"))
            return None
        if not YEAR.fullmatch(text):
            self.error(line, "jaar", _("not a year; write four digits, for example 2023"), raw)
            return None
        year = int(text)
        if not FIRST_YEAR <= year <= self.current_year:
            self.error(
                line,
                "jaar",
                _("the year must be between %(first)d and %(last)d")
                % {"first": FIRST_YEAR, "last": self.current_year},
                raw,
            )
            return None
        return year

    def _count(self, line: int, column: str, raw: str) -> int | None:
        text = raw.strip()
        if not text:
            return None
        if text.startswith("-") and WHOLE_NUMBER.fullmatch(text[1:]):
            self.error(line, column, _("must not be negative"), raw)
            return None
        if not WHOLE_NUMBER.fullmatch(text):
            self.error(line, column, _("not a whole number"), raw)
            return None
        number = int(text)
        if number > MAX_COUNT:
            self.error(line, column, _("the number is too large"), raw)
            return None
        return number

    def _decimal(self, line: int, raw: str) -> Decimal | None:
        text = raw.strip()
        if not text:
            return None
        if not DECIMAL_NUMBER.fullmatch(text):
            self.error(
                line, "waarde", _("not a number; write for example 7,5 or 7.5 (no thousands)"), raw
            )
            return None
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern lets only numbers through
            self.error(line, "waarde", _("not a number"), raw)
            return None
        if number < 0:
            self.error(line, "waarde", _("must not be negative"), raw)
            return None
        if number > MAX_VALUE:
            self.error(line, "waarde", _("the number is too large"), raw)
            return None
        return number.quantize(VALUE_PLACES, rounding=ROUND_HALF_UP)

    def _value(
        self,
        line: int,
        indicator: Indicator,
        numerator: int | None,
        denominator: int | None,
        given: Decimal | None,
        cells: dict[str, str],
    ) -> Decimal | None:
        """The value to store, checked against the indicator's unit; None after an error."""
        is_count = indicator.unit == Unit.COUNT or indicator.statistic == Statistic.COUNT
        if numerator is not None and denominator is not None and numerator > denominator:
            self.error(
                line,
                "teller",
                _("the numerator is larger than the denominator (%(denominator)d)")
                % {"denominator": denominator},
                cells["teller"],
            )
            return None
        if is_count:
            if numerator is not None:
                computed = Decimal(numerator)
            elif given is not None:
                return self._in_range(line, indicator, given, cells["waarde"])
            else:
                self.error(line, "teller", _("give the number (teller) or the value (waarde)"))
                return None
        else:
            if numerator is None and denominator is None:
                if given is None:
                    self.error(line, "waarde", _("give teller and noemer, or the value (waarde)"))
                    return None
                return self._in_range(line, indicator, given, cells["waarde"])
            if numerator is None:
                self.error(line, "teller", _("give the teller too, or only the value (waarde)"))
                return None
            if denominator is None:
                self.error(line, "noemer", _("give the noemer too, or only the value (waarde)"))
                return None
            if denominator == 0:
                self.error(
                    line,
                    "noemer",
                    _("the noemer is 0, so there is no value; leave the row out"),
                    cells["noemer"],
                )
                return None
            factor = UNIT_FACTOR.get(indicator.unit, Decimal(1))
            computed = (Decimal(numerator) * factor / Decimal(denominator)).quantize(
                VALUE_PLACES, rounding=ROUND_HALF_UP
            )
        if given is not None and abs(given - computed) > VALUE_TOLERANCE:
            self.error(
                line,
                "waarde",
                _("does not agree with teller and noemer, which give %(computed)s")
                % {"computed": _number_text(computed)},
                cells["waarde"],
            )
            return None
        if computed > MAX_VALUE:
            self.error(line, "teller", _("the number is too large"), cells["teller"])
            return None
        return computed

    def _in_range(self, line: int, indicator: Indicator, value: Decimal, raw: str):
        limit = {Unit.PERCENT: Decimal(100), Unit.PER_1000: Decimal(1000)}.get(indicator.unit)
        if limit is not None and value > limit:
            self.error(
                line,
                "waarde",
                _("cannot be more than %(limit)d") % {"limit": limit},
                raw,
            )
            return None
        return value


def _number_text(number: Decimal) -> str:
    """Dutch way of writing a number: decimal comma, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text.replace(".", ",")


def _parse(content: bytes) -> tuple[list[_Row], list[RowError]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        return [], [
            RowError(line, "", _("the file is not UTF-8 text; save it as CSV UTF-8 and try again"))
        ]
    if not text.strip():
        return [], [RowError(1, "", _("the file is empty"))]
    header_line = text.lstrip("\r\n").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
    except StopIteration:  # pragma: no cover - text.strip() was not empty
        return [], [RowError(1, "", _("the file is empty"))]
    except csv.Error:
        return [], [RowError(reader.line_num, "", _("the line cannot be read as CSV"))]
    header_line_number = reader.line_num
    positions, names, errors = _header(header)
    if errors:
        return [], [RowError(header_line_number, e.column, e.message, e.value) for e in errors]
    checker = _Checker(names)
    rows: list[_Row] = []
    width = len(header)
    data_rows = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            checker.error(reader.line_num, "", _("the line cannot be read as CSV"))
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        data_rows += 1
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            checker.error(
                line,
                "",
                _("the line has %(found)d fields, the header %(expected)d")
                % {"found": len(cells), "expected": width},
            )
            continue
        values = {column: "" for column in COLUMNS}
        for column, index in positions.items():
            if index < len(cells):
                values[column] = cells[index]
        row = checker.row(line, values)
        if row is not None:
            rows.append(row)
    if not data_rows:
        return [], [RowError(header_line_number, "", _("the file has no rows below the header"))]
    return rows, checker.errors


# --- writing ----------------------------------------------------------------------------------


def opendata_import(
    *,
    file: IO[bytes] | bytes,
    filename: str,
    user: User | None = None,
    source: str = "",
    origin: str = Origin.KANSRIJK,
) -> ImportResult:
    """Check the whole file, then import all its rows in one transaction, or none: on any
    error raise OpenDataError with every bad row. A value for an indicator, region and year
    imported before is replaced."""
    content = _read_bytes(file)
    if content is None:
        raise OpenDataError(
            [
                RowError(
                    1,
                    "",
                    _("the file is too large: at most %(megabytes)d MB")
                    % {"megabytes": MAX_FILE_BYTES // (1024 * 1024)},
                )
            ]
        )
    rows, errors = _parse(content)
    if errors:
        raise OpenDataError(errors)
    with transaction.atomic():
        existing = set(
            OpenDataValue.objects.filter(
                indicator__in={row.indicator.pk for row in rows},
                year__in={row.year for row in rows},
            ).values_list("indicator_id", "region_code", "year")
        )
        batch = OpenDataImport.objects.create(
            filename=filename[:255],
            source=source[:200],
            rows=len(rows),
            imported_by=user if user is not None and user.is_authenticated else None,
            origin=origin,
        )
        values = [
            OpenDataValue(
                indicator=row.indicator,
                batch=batch,
                region_code=row.region_code,
                municipality_id=row.municipality_id,
                neighbourhood_id=row.neighbourhood_id,
                year=row.year,
                numerator=row.numerator,
                denominator=row.denominator,
                value=row.value,
            )
            for row in rows
        ]
        OpenDataValue.objects.bulk_create(
            values,
            batch_size=WRITE_BATCH,
            update_conflicts=True,
            unique_fields=["indicator", "region_code", "year"],
            update_fields=[
                "batch",
                "municipality",
                "neighbourhood",
                "numerator",
                "denominator",
                "value",
            ],
        )
    replaced = sum(1 for row in rows if (row.indicator.pk, row.region_code, row.year) in existing)
    return ImportResult(batch=batch, rows=len(rows), replaced=replaced)


# --- reads for the upload page ------------------------------------------------------------------


def recent_imports(*, limit: int = 20) -> QuerySet[OpenDataImport]:
    return OpenDataImport.objects.select_related("imported_by")[:limit]
