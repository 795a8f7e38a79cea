"""Reading licensed instrument texts from a file, and checking them against the instrument.

JSON: a list of {"item": 1, "text": "...", "options": ["...", ...]}, or an object with that
list under "items" (and optionally "instrument" and "language", which must then match).
CSV (comma or semicolon, UTF-8): a header `item,text,option_1,option_2,...` and one row per item.
Every problem is collected, with its row and item, so one run shows them all.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from kansrijk.screening.constants import TEXTS_FILE_MAX_BYTES
from kansrijk.screening.instruments import Instrument

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
OPTION_COLUMN = re.compile(r"^option_?(\d+)$")


@dataclass(frozen=True)
class TextRow:
    row: int  # 1-based: the entry in a JSON list, the line in a CSV file (header = line 1)
    item: int
    text: str
    options: tuple[str, ...]


class TextsImportError(Exception):
    """Nothing can be imported; `errors` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def texts_read(*, path: Path, instrument: Instrument, language: str) -> list[TextRow]:
    """The rows of the file, checked against the instrument's structure: every item once, each
    with as many answer texts as the instrument has options. Raises TextsImportError."""
    try:
        if path.stat().st_size > TEXTS_FILE_MAX_BYTES:
            raise TextsImportError(
                [
                    _("%(path)s is larger than %(size)d bytes.")
                    % {"path": path.name, "size": TEXTS_FILE_MAX_BYTES}
                ]
            )
        content = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TextsImportError(
            [_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error}]
        ) from error
    as_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() != ".csv" and content.lstrip()[:1] in ("[", "{")
    )
    rows, errors = (_json_rows if as_json else _csv_rows)(content, instrument, language)
    if rows or not errors:
        errors += _structure_errors(rows, instrument)
    if errors:
        raise TextsImportError(errors)
    return sorted(rows, key=lambda row: row.item)


def language_valid(language: str) -> bool:
    return bool(LANGUAGE_CODE.match(language or ""))


def _row_label(row: int, item: object = None) -> str:
    if item is None:
        return _("Row %(row)d") % {"row": row}
    return _("Row %(row)d (item %(item)s)") % {"row": row, "item": item}


def _json_rows(
    content: str, instrument: Instrument, language: str
) -> tuple[list[TextRow], list[str]]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        return [], [_("The file is not valid JSON: %(error)s") % {"error": error}]
    errors: list[str] = []
    if isinstance(data, dict):
        messages = {
            "instrument": _("The file is for instrument %(found)s, not %(expected)s."),
            "language": _("The file is in language %(found)s, not %(expected)s."),
        }
        for key, expected in (("instrument", instrument.code), ("language", language)):
            found = data.get(key)
            if found is not None and str(found).lower() != expected:
                errors.append(messages[key] % {"found": found, "expected": expected})
        data = data.get("items")
    if not isinstance(data, list):
        return [], [*errors, _("The file must hold a list of items.")]
    rows = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            errors.append(_("%(row)s: not an object.") % {"row": _row_label(number)})
            continue
        options = entry.get("options")
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            errors.append(
                _("%(row)s: options must be a list of texts.")
                % {"row": _row_label(number, entry.get("item"))}
            )
            options = []
        row, row_errors = _row(number, entry.get("item"), entry.get("text"), options)
        errors += row_errors
        if row is not None:
            rows.append(row)
    return rows, errors


def _csv_rows(
    content: str, instrument: Instrument, language: str
) -> tuple[list[TextRow], list[str]]:
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(content), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader, [])]
    option_columns = {}
    for index, name in enumerate(header):
        match = OPTION_COLUMN.match(name)
        if match:
            option_columns[int(match.group(1))] = index
    if "item" not in header or "text" not in header or not option_columns:
        return [], [
            _("The first line must name the columns: item, text, option_1, option_2, and so on.")
        ]
    order = [option_columns[n] for n in sorted(option_columns)]
    rows: list[TextRow] = []
    errors: list[str] = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cells = cells + [""] * (len(header) - len(cells))
        options = [cells[index] for index in order]
        while options and not options[-1].strip():
            options.pop()
        row, row_errors = _row(
            line, cells[header.index("item")].strip(), cells[header.index("text")], options
        )
        errors += row_errors
        if row is not None:
            rows.append(row)
    return rows, errors


def _row(
    number: int, item: object, text: object, options: list[str]
) -> tuple[TextRow | None, list[str]]:
    errors = []
    item_number = None
    if isinstance(item, int) and not isinstance(item, bool):
        item_number = item
    elif isinstance(item, str) and item.strip().isdigit():
        item_number = int(item.strip())
    label = _row_label(number, item if item not in (None, "") else None)
    if item_number is None:
        errors.append(_("%(row)s: the item number is missing or not a number.") % {"row": label})
    if not isinstance(text, str) or not text.strip():
        errors.append(_("%(row)s: the item text is empty.") % {"row": label})
    if any(not option.strip() for option in options):
        errors.append(_("%(row)s: an answer text is empty.") % {"row": label})
    if errors:
        return None, errors
    return (
        TextRow(
            row=number,
            item=item_number,
            text=text.strip(),
            options=tuple(option.strip() for option in options),
        ),
        [],
    )


def _structure_errors(rows: list[TextRow], instrument: Instrument) -> list[str]:
    errors = []
    seen: dict[int, int] = {}
    for row in rows:
        label = _row_label(row.row, row.item)
        if not 1 <= row.item <= instrument.item_count:
            errors.append(
                _("%(row)s: %(instrument)s has no item %(item)d; its items are 1 to %(count)d.")
                % {
                    "row": label,
                    "instrument": instrument.code,
                    "item": row.item,
                    "count": instrument.item_count,
                }
            )
            continue
        if row.item in seen:
            errors.append(
                _("%(row)s: item %(item)d is already in row %(other)d.")
                % {"row": label, "item": row.item, "other": seen[row.item]}
            )
            continue
        seen[row.item] = row.row
        expected = len(instrument.item(row.item).options)
        if len(row.options) != expected:
            errors.append(
                _("%(row)s: %(found)d answer texts, but item %(item)d has %(expected)d answers.")
                % {"row": label, "found": len(row.options), "item": row.item, "expected": expected}
            )
    missing = [n for n in range(1, instrument.item_count + 1) if n not in seen]
    if not rows:
        errors.append(_("The file holds no items."))
    elif missing:
        errors.append(
            _("Items without a text: %(items)s.") % {"items": ", ".join(str(n) for n in missing)}
        )
    return errors
