"""Excel downloads: figures arrive as numbers a spreadsheet can add up, suppressed figures as
empty cells, and a text that looks like a formula stays text (no formula injection)."""

import datetime
import io
from decimal import Decimal

import openpyxl
from django.utils import timezone

from kansrijk.core.spreadsheet import XLSX_CONTENT_TYPE, sheet_title, xlsx_response


def _workbook(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _download(rows, header=("Buurt", "Gescreend", "Percentage")):
    return xlsx_response(filename="monitor.xlsx", sheets=[("Per buurt", list(header), rows)])


def test_the_download_is_an_uncached_excel_attachment():
    response = _download([])

    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="monitor.xlsx"'
    assert response["Cache-Control"] == "no-store"


def test_numbers_stay_numbers_and_missing_figures_are_empty():
    response = _download(
        [
            ["Binnenstad", 1234, Decimal("12.5")],
            ["Overvecht-Noord", None, None],
            ["Zuid", 7, 3.25],
        ]
    )
    sheet = _workbook(response)["Per buurt"]

    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Buurt", "Gescreend", "Percentage"],
        ["Binnenstad", 1234, 12.5],
        ["Overvecht-Noord", None, None],
        ["Zuid", 7, 3.25],
    ]
    assert sheet["B2"].data_type == "n" and sheet["C2"].data_type == "n"
    assert sheet["B3"].value is None
    assert sheet["A2"].data_type == "s"


def test_the_header_is_bold_and_stays_in_view():
    sheet = _workbook(_download([["Zuid", 1, 2]]))["Per buurt"]

    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"


def test_a_text_that_looks_like_a_formula_is_stored_as_text():
    response = _download(
        [["=1+1", "+31 6 12345678", "@SUM(A1)"], ["-5 kinderen", "=HYPERLINK()", 3]]
    )
    sheet = _workbook(response)["Per buurt"]

    assert sheet["A2"].value == "=1+1"
    assert sheet["A2"].data_type == "s"  # not "f": Excel shows it, never runs it
    assert sheet["B2"].value == "+31 6 12345678"
    assert sheet["C2"].data_type == "s"
    assert sheet["A3"].value == "-5 kinderen"
    assert sheet["B3"].data_type == "s"
    assert b"<f>" not in _unzipped_sheet(response)


def _unzipped_sheet(response):
    import zipfile

    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_dates_are_dates_and_times_are_local():
    moment = timezone.make_aware(datetime.datetime(2025, 3, 1, 9, 30))
    sheet = _workbook(_download([["Zuid", datetime.date(2025, 1, 31), moment]]))["Per buurt"]

    assert sheet["B2"].value == datetime.datetime(2025, 1, 31, 0, 0)
    assert sheet["C2"].value == datetime.datetime(2025, 3, 1, 9, 30)


def test_several_sheets_get_titles_excel_accepts():
    long_title = "Verwijzingen per organisatie en per kwartaal [2025]: alles?"
    response = xlsx_response(
        filename="monitor.xlsx",
        sheets=[
            (long_title, ["Organisatie"], [["GGD"]]),
            (long_title, ["Organisatie"], [["Wijkteam"]]),
            ("Buurt/wijk*", ["Buurt"], iter([["Zuid"]])),
        ],
    )
    workbook = _workbook(response)

    first, second, third = workbook.sheetnames
    assert first == "Verwijzingen per organisatie en"
    assert len(first) == 31
    assert second == "Verwijzingen per organisati (2)"
    assert len(second) == 31
    assert third == "Buurtwijk"
    assert workbook[second]["A2"].value == "Wijkteam"
    assert workbook[third]["A2"].value == "Zuid"


def test_sheet_titles_lose_characters_excel_refuses():
    assert sheet_title("a[b]c:d*e?f/g\\h") == "abcdefgh"
    assert sheet_title("'quoted'") == "quoted"
    assert sheet_title("???") == "Sheet"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("Zuid", taken=["ZUID"]) == "Zuid (2)"
