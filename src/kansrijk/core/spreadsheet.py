"""CSV downloads that Dutch Excel opens right: semicolons (Dutch Excel reads a comma as the
decimal separator), a byte-order mark (so it reads UTF-8), and cells that start like a formula
made plain text (a spreadsheet would run them: CSV injection)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.http import HttpResponse

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
