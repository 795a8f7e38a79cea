"""Read CBS region files: pure parsing and checks of the file itself, no database.

Two kinds of file, each in more than one shape:

- the hierarchy (municipality -> province, GGD region, safety region): municipalities.csv
  (gm_code, gm_naam, provincie, vr_code, vr_naam, ggd_code, ggd_naam) or CBS StatLine "Gebieden
  in Nederland" (85755NED and its successors). CBS names that table's columns only Code_1,
  Naam_2, Code_4, ..., and the numbers shift between years, so a code column is recognised by
  its values (GM, PV, GG, VR) and its name is the column after it.
- districts and neighbourhoods: neighbourhoods.csv (code, name, type, gm_code, wk_code,
  inhabitants) or StatLine "Kerncijfers wijken en buurten" (85984NED, 86165NED, ...:
  WijkenEnBuurten, SoortRegio_2, Codering_3, AantalInwoners_5; values padded with spaces,
  separated by `,` or `;`).

Codes are never made up: a row with a malformed code is reported (ImportProblem) and the whole
file is refused (RegionImportError). Checks against the database are in services.py.
"""

import csv
import io
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

CODE_PATTERNS = {
    "GM": re.compile(r"GM\d{4}"),
    "WK": re.compile(r"WK\d{4}[0-9A-Z]{2}"),  # Amsterdam uses letters: WK0363AA
    "BU": re.compile(r"BU\d{4}[0-9A-Z]{4}"),
    "PV": re.compile(r"PV\d{2}"),
    "GG": re.compile(r"GG\d{4}"),
    "VR": re.compile(r"VR\d{2}"),
}
NAME_MAX_LENGTH = 150
# StatLine's symbols for "no figure": empty, secret, not applicable, unknown.
MISSING_FIGURES = {"", ".", "x", "-", "?"}


@dataclass(frozen=True)
class ImportProblem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class RegionImportError(Exception):
    """The file was refused; nothing was imported."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# --- reading CSV ----------------------------------------------------------------------------


@dataclass
class _Table:
    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number, stripped values)


def _table_read(path: Path) -> _Table:
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise RegionImportError(
            [
                ImportProblem(
                    name, 0, "", _("The file cannot be read: %(error)s") % {"error": error.strerror}
                )
            ]
        ) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # a CSV saved again by Excel on Windows
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    rows, problems = [], []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(
                ImportProblem(
                    name,
                    reader.line_num,
                    "",
                    _("This line has %(found)d fields; the header has %(expected)d.")
                    % {"found": len(values), "expected": len(header)},
                )
            )
            continue
        rows.append((reader.line_num, [v.strip() for v in values]))
    if not header or not any(header):
        problems.append(ImportProblem(name, 1, "", _("The file has no header line.")))
    elif not rows and not problems:
        problems.append(ImportProblem(name, 0, "", _("The file has no rows.")))
    if problems:
        raise RegionImportError(problems)
    return _Table(name, header, rows)


def _normalised(header: str) -> str:
    """'AantalInwoners_5' -> 'aantalinwoners', 'gm_code' -> 'gmcode' (CBS numbers its columns)."""
    return re.sub(r"[^0-9a-z]", "", re.sub(r"_\d+$", "", header.strip()).lower())


def _find_column(normalised: list[str], *names: str) -> int | None:
    for wanted in names:
        if wanted in normalised:
            return normalised.index(wanted)
    return None


def _code_kind(value: str) -> str | None:
    return value[:2] if value[:2] in CODE_PATTERNS else None


# --- hierarchy: municipality, province, GGD region, safety region ---------------------------


@dataclass
class MunicipalityRow:
    line: int
    code: str
    name: str
    province_key: str
    province_name: str
    ggd_code: str
    ggd_name: str
    vr_code: str
    vr_name: str


def _hierarchy_columns(table: _Table) -> tuple[dict[str, tuple[int | None, int]], list[str]]:
    """Per kind (GM, PV, GG, VR): (code column or None, name column); and what is missing."""
    normalised = [_normalised(h) for h in table.header]
    is_name = [("naam" in h or "name" in h) for h in normalised]
    columns: dict[str, tuple[int | None, int]] = {}
    for index, header in enumerate(normalised):
        if "code" not in header and header != "regios":
            continue
        kinds = Counter(_code_kind(values[index]) for _line, values in table.rows)
        kinds.pop(None, None)
        if not kinds:
            continue
        kind, count = kinds.most_common(1)[0]
        # A few malformed values must not hide the column: they are reported row by row.
        if kind not in ("GM", "PV", "GG", "VR") or count * 2 < len(table.rows) or kind in columns:
            continue
        if index + 1 < len(normalised) and is_name[index + 1]:
            columns[kind] = (index, index + 1)
    if "PV" not in columns:
        province = _find_column(normalised, "provincie", "provincienaam", "province")
        if province is not None:
            columns["PV"] = (None, province)
    labels = {
        "GM": _("municipality code and name"),
        "PV": _("province"),
        "GG": _("GGD region code and name"),
        "VR": _("safety region code and name"),
    }
    return columns, [str(labels[k]) for k in labels if k not in columns]


def hierarchy_rows_read(*, path: Path) -> list[MunicipalityRow]:
    """The rows of municipalities.csv or "Gebieden in Nederland"; RegionImportError when any
    row is wrong."""
    table = _table_read(path)
    columns, missing = _hierarchy_columns(table)
    if missing:
        raise RegionImportError(
            [
                ImportProblem(
                    table.name,
                    1,
                    "",
                    _(
                        "No column found for: %(missing)s. Use the CBS table 'Gebieden in "
                        "Nederland' as CSV, or the columns gm_code, gm_naam, provincie, "
                        "ggd_code, ggd_naam, vr_code, vr_naam."
                    )
                    % {"missing": ", ".join(missing)},
                )
            ]
        )
    problems: list[ImportProblem] = []
    rows: list[MunicipalityRow] = []
    seen_codes: dict[str, int] = {}
    names_seen: dict[tuple[str, str], tuple[str, int]] = {}
    for line, values in table.rows:
        row_problems: list[ImportProblem] = []

        def problem(column: int, message: str, line: int = line, found=row_problems) -> None:
            found.append(ImportProblem(table.name, line, table.header[column], message))

        parts = {}
        for kind, (code_column, name_column) in columns.items():
            code = values[code_column] if code_column is not None else ""
            name = values[name_column]
            if code_column is not None and not CODE_PATTERNS[kind].fullmatch(code):
                problem(code_column, _code_message(kind, code))
            if not name:
                problem(name_column, _("The name is missing."))
            elif len(name) > NAME_MAX_LENGTH:
                problem(name_column, _("The name is longer than 150 characters."))
            elif kind != "GM" and (code or name):
                key = (kind, code or name)
                first_name, first_line = names_seen.setdefault(key, (name, line))
                if first_name != name:
                    problem(
                        name_column,
                        _("Code %(code)s has another name on line %(line)d: %(name)s.")
                        % {"code": code, "line": first_line, "name": first_name},
                    )
            parts[kind] = (code, name)
        gm_code = parts["GM"][0]
        if gm_code in seen_codes:
            problem(
                columns["GM"][0],
                _("Code %(code)s appears twice in the file (also on line %(line)d).")
                % {"code": gm_code, "line": seen_codes[gm_code]},
            )
        seen_codes.setdefault(gm_code, line)
        problems.extend(row_problems)
        if not row_problems:
            rows.append(
                MunicipalityRow(
                    line=line,
                    code=gm_code,
                    name=parts["GM"][1],
                    province_key=parts["PV"][0] or parts["PV"][1],
                    province_name=parts["PV"][1],
                    ggd_code=parts["GG"][0],
                    ggd_name=parts["GG"][1],
                    vr_code=parts["VR"][0],
                    vr_name=parts["VR"][1],
                )
            )
    if problems:
        raise RegionImportError(problems)
    return rows


def _code_message(kind: str, code: str) -> str:
    if not code:
        return _("The CBS code is missing.")
    examples = {
        "GM": _("a municipality code, GM and 4 digits, e.g. GM0479"),
        "WK": _("a district code, WK and 6 characters, e.g. WK047913"),
        "BU": _("a neighbourhood code, BU and 8 characters, e.g. BU04791311"),
        "PV": _("a province code, PV and 2 digits, e.g. PV22"),
        "GG": _("a GGD region code, GG and 4 digits, e.g. GG7306"),
        "VR": _("a safety region code, VR and 2 digits, e.g. VR11"),
    }
    return _("'%(code)s' is not valid. Expected: %(expected)s.") % {
        "code": code,
        "expected": examples[kind],
    }


# --- districts and neighbourhoods ----------------------------------------------------------


@dataclass
class AreaRow:
    line: int
    kind: str  # "WK" or "BU"
    code: str
    name: str | None  # None: the file does not say (StatLine's raw CSV has codes only)
    gm_code: str
    wk_code: str | None
    inhabitants: int | None


def cbs_area_names_read(*, path: Path) -> dict[str, str]:
    """Names per code from a CBS dimension file (Key/Identifier and Title columns), the names
    that StatLine's raw CSV of "Kerncijfers wijken en buurten" leaves out."""
    table = _table_read(path)
    normalised = [_normalised(h) for h in table.header]
    key = _find_column(normalised, "key", "identifier", "code")
    title = _find_column(normalised, "title", "naam", "name")
    if key is None or title is None:
        raise RegionImportError(
            [ImportProblem(table.name, 1, "", _("The columns Key and Title are missing."))]
        )
    return {values[key]: values[title] for _line, values in table.rows if values[title]}


@dataclass
class AreaFile:
    """A districts and neighbourhoods file, read; `problems` lists the rows left out of `rows`."""

    name: str
    rows: list[AreaRow]
    problems: list[ImportProblem]
    code_header: str
    name_header: str | None


def area_file_read(*, path: Path, wanted: set[str] | None, names: Mapping[str, str]) -> AreaFile:
    """The wijken and buurten of the wanted municipalities (None: all), with the names given
    where the file has none. A file without a code column raises RegionImportError; problems
    of single rows are returned, so that the caller can add those found in the database."""
    table = _table_read(path)
    normalised = [_normalised(h) for h in table.header]
    code_column = _find_column(normalised, "codering", "code")
    key_column = _find_column(normalised, "wijkenenbuurten")
    name_column = _find_column(normalised, "name", "naam", "wijkenenbuurtenlabel", "title")
    type_column = _find_column(normalised, "type", "soortregio")
    gm_column = _find_column(normalised, "gmcode")
    wk_column = _find_column(normalised, "wkcode")
    inhabitants_column = _find_column(normalised, "inhabitants", "aantalinwoners")
    if inhabitants_column is None:  # StatLine's labelled CSV: "Bevolking/Aantal inwoners (aantal)"
        inhabitants_column = next(
            (i for i, h in enumerate(normalised) if "aantalinwoners" in h), None
        )
    if code_column is None:
        code_column, key_column = key_column, None
    if code_column is None:
        raise RegionImportError(
            [
                ImportProblem(
                    table.name,
                    1,
                    "",
                    _(
                        "No column with the CBS code found. Use the CBS table 'Kerncijfers "
                        "wijken en buurten' as CSV (WijkenEnBuurten or Codering_3), or the "
                        "columns code, name, type, gm_code, wk_code, inhabitants."
                    ),
                )
            ]
        )
    kinds = {"wijk": "WK", "buurt": "BU", "gemeente": "GM", "land": "NL"}
    problems: list[ImportProblem] = []
    rows: list[AreaRow] = []
    for line, values in table.rows:
        row_problems: list[ImportProblem] = []

        def problem(column: int, message: str, line: int = line, found=row_problems) -> None:
            found.append(ImportProblem(table.name, line, table.header[column], message))

        code = values[code_column]
        if type_column is not None:
            kind = kinds.get(values[type_column].lower())
            if kind is None:
                problem(
                    type_column,
                    _("Unknown kind of area '%(value)s': expected Wijk or Buurt.")
                    % {"value": values[type_column]},
                )
                problems.extend(row_problems)
                continue
        else:
            kind = code[:2] if code[:2] in ("WK", "BU", "GM", "NL") else "WK"
        if kind in ("GM", "NL"):
            continue  # the country and municipalities come from "Gebieden in Nederland"
        # CBS codes nest: BU04791311 lies in wijk WK047913 of municipality GM0479.
        gm_code = "GM" + code[2:6]
        if wanted is not None and gm_code not in wanted:
            continue
        if not CODE_PATTERNS[kind].fullmatch(code):
            problem(code_column, _code_message(kind, code))
            problems.extend(row_problems)
            continue
        wk_code = "WK" + code[2:8] if kind == "BU" else None
        if gm_column is not None and values[gm_column] != gm_code:
            problem(gm_column, _("This does not match the code %(code)s.") % {"code": code})
        if wk_column is not None and kind == "BU" and values[wk_column] != wk_code:
            problem(wk_column, _("This does not match the code %(code)s.") % {"code": code})
        name = values[name_column] if name_column is not None else None
        if not name and key_column is not None and values[key_column] != code:
            name = values[key_column]  # a labelled export puts the name in WijkenEnBuurten
        name = name or names.get(code) or None
        if name is not None and len(name) > NAME_MAX_LENGTH:
            problem(name_column or code_column, _("The name is longer than 150 characters."))
        inhabitants = None
        if inhabitants_column is not None:
            figure = values[inhabitants_column].replace(" ", "")
            if figure.lower() not in MISSING_FIGURES:
                if figure.isdigit():
                    inhabitants = int(figure)
                else:
                    problem(
                        inhabitants_column,
                        _("'%(value)s' is not a number of inhabitants.") % {"value": figure},
                    )
        problems.extend(row_problems)
        if not row_problems:
            rows.append(AreaRow(line, kind, code, name, gm_code, wk_code, inhabitants))
    return AreaFile(
        name=table.name,
        rows=rows,
        problems=problems,
        code_header=table.header[code_column],
        name_header=table.header[name_column] if name_column is not None else None,
    )


# --- postcode to neighbourhood --------------------------------------------------------------

POSTCODE_PATTERN = re.compile(r"[1-9]\d{3}(?:[A-Z]{2})?")


@dataclass(frozen=True)
class PostcodeRow:
    postcode: str  # 4 digits
    neighbourhood_code: str  # BUggggwwbb


def postcode_rows_read(*, path: Path) -> list[PostcodeRow]:
    """CBS's "Buurt, wijk en gemeente <jaar> voor postcode huisnummer" (PC6;Huisnummer;
    Buurt<jaar>;...; one row per address, buurt as a number) or a plain CSV with a postcode
    (PC4 or PC6) and a buurt code column. Refused whole on a malformed postcode or code."""
    table = _table_read(path)
    normalised = [_normalised(h) for h in table.header]
    postcode_at = _find_column(normalised, "pc6", "pc4", "postcode")
    buurt_at = next(
        (i for i, h in enumerate(normalised) if h.startswith("buurt") or h in ("bucode",)), None
    )
    if postcode_at is None or buurt_at is None:
        raise RegionImportError(
            [
                ImportProblem(
                    table.name,
                    1,
                    "",
                    _(
                        "The file needs a postcode column (PC6, PC4 or postcode) and a buurt "
                        "column."
                    ),
                )
            ]
        )
    rows, problems = [], []
    for line, values in table.rows:
        postcode = values[postcode_at].replace(" ", "").upper()
        code = values[buurt_at].upper()
        if code.isdigit():  # CBS writes the buurt as a number: 3630000 is BU03630000
            code = f"BU{int(code):08d}"
        if not POSTCODE_PATTERN.fullmatch(postcode):
            problems.append(
                ImportProblem(
                    table.name,
                    line,
                    table.header[postcode_at],
                    _("Not a postcode: %(value)s.") % {"value": values[postcode_at]},
                )
            )
        elif not CODE_PATTERNS["BU"].fullmatch(code):
            problems.append(
                ImportProblem(table.name, line, table.header[buurt_at], _code_message("BU", code))
            )
        else:
            rows.append(PostcodeRow(postcode[:4], code))
    if problems:
        raise RegionImportError(problems[:50])
    return rows
