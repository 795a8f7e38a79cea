"""CSV downloads that Dutch Excel opens right: semicolons (Dutch Excel reads a comma as the
decimal separator), a byte-order mark (so it reads UTF-8), and cells that start like a formula
made plain text (a spreadsheet would run them: CSV injection).

Excel downloads (`xlsx_response`): numbers as numbers, and every text stored as text, so a
cell that starts like a formula is never one."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def decimal_cell(value: Decimal) -> str:
    """A number with a decimal comma and no trailing zeros: 2,5."""
    return f"{value.normalize():f}".replace(".", ",")


def csv_response(*, filename: str, header: Iterable[Any], rows: Iterable[Iterable[Any]]):
    """A CSV download; `filename` without a path. Not cached: lists hold people's names."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(title) for title in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return response


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_MAX = 31  # Excel's limit
SHEET_TITLE_INVALID = re.compile(r"[\[\]:*?/\\]")
CELL_TEXT_MAX = 32767  # Excel's limit on the characters in one cell


def sheet_title(title: Any, taken: Iterable[str] = ()) -> str:
    """A title Excel accepts: without []:*?/\\, not starting or ending with an apostrophe,
    at most 31 characters, and not the same (ignoring case) as a title in `taken`."""
    text = SHEET_TITLE_INVALID.sub("", str(title)).strip().strip("'").strip()
    text = text[:SHEET_TITLE_MAX].rstrip() or "Sheet"
    used = {name.casefold() for name in taken}
    candidate, number = text, 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = text[: SHEET_TITLE_MAX - len(suffix)].rstrip() + suffix
    return candidate


def _xlsx_cell(sheet, value: Any, *, bold: bool = False):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.make_naive(value)  # Excel has no time zones: local time
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date):
        item = WriteOnlyCell(sheet, value=value)
    else:
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:CELL_TEXT_MAX]
        item = WriteOnlyCell(sheet, value=text)
        # Text, even when it starts like a formula (=, +, -, @): Excel never runs it, and
        # keeps it text when someone edits the cell.
        item.data_type = "s"
        if text.startswith(FORMULA_STARTS):
            item.quotePrefix = True
    if isinstance(value, datetime.datetime):
        item.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, datetime.date):
        item.number_format = "yyyy-mm-dd"
    if bold:
        item.font = Font(bold=True)
    return item


def xlsx_response(
    *, filename: str, sheets: list[tuple[str, list[Any], Iterable[Iterable[Any]]]]
) -> HttpResponse:
    """An Excel download with one sheet per (title, header, rows): the header bold and
    frozen, numbers (int, Decimal, float) as numbers, None as an empty cell, dates as dates,
    anything else as text. `filename` without a path. Not cached: tables may hold people's
    data."""
    workbook = Workbook(write_only=True)
    titles: list[str] = []
    for title, header, rows in sheets:
        titles.append(sheet_title(title, titles))
        sheet = workbook.create_sheet(titles[-1])
        sheet.freeze_panes = "A2"
        for index, heading in enumerate(header, start=1):
            width = min(max(len(str(heading)) + 2, 12), 60)
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.append([_xlsx_cell(sheet, heading, bold=True) for heading in header])
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    if not titles:
        workbook.create_sheet("Sheet")  # a workbook needs a sheet
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "no-store"
    return response
