"""Open-data import: a file is checked whole, every bad row is named, and nothing is imported
unless the whole file is right."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone, translation

from kansrijk.indicators.models import OpenDataImport, OpenDataValue
from kansrijk.indicators.opendata import (
    MAX_FILE_BYTES,
    OpenDataError,
    RowError,
    opendata_import,
)
from kansrijk.regions.models import Neighbourhood

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "indicator;regiocode;jaar;teller;noemer;waarde\n"

pytestmark = pytest.mark.django_db


def _import(name: str, **kwargs):
    content = (FIXTURES / name).read_bytes()
    return opendata_import(file=content, filename=name, **kwargs)


def _refused(content: str | bytes) -> list[RowError]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    with pytest.raises(OpenDataError) as refused:
        opendata_import(file=data, filename="test.csv")
    assert OpenDataValue.objects.count() == 0
    assert OpenDataImport.objects.count() == 0
    return refused.value.errors


def _value(indicator: str, region: str, year: int) -> OpenDataValue:
    return OpenDataValue.objects.get(indicator__code=indicator, region_code=region, year=year)


def test_a_valid_file_imports_every_row_with_computed_values(policy_adviser):
    result = _import(
        "opendata_valid_semicolon.csv", user=policy_adviser, source="Perined, CBS 2023"
    )

    assert result.rows == 5
    assert result.replaced == 0
    assert OpenDataValue.objects.count() == 5
    batch = OpenDataImport.objects.get()
    assert (batch.filename, batch.rows, batch.source, batch.imported_by) == (
        "opendata_valid_semicolon.csv",
        5,
        "Perined, CBS 2023",
        policy_adviser,
    )
    preterm = _value("preterm", "GM0479", 2023)
    assert (preterm.numerator, preterm.denominator) == (121, 1687)
    assert preterm.value == Decimal("7.172")  # 121 / 1687 x 100, not the rounded 7,2 given
    assert preterm.municipality.code == "GM0479"
    assert preterm.neighbourhood is None
    births = _value("births", "GM0479", 2023)
    assert (births.numerator, births.denominator, births.value) == (1687, None, Decimal(1687))
    assert _value("perinatal-mortality", "GM0917", 2023).value == Decimal("9.000")  # per 1,000
    low_income = _value("low-income-children", "BU04791111", 2023)
    assert (low_income.numerator, low_income.denominator) == (None, None)
    assert low_income.value == Decimal("12.500")
    assert low_income.neighbourhood.code == "BU04791111"
    assert low_income.municipality.code == "GM0479"
    country = _value("smoking-in-pregnancy", "NL01", 2022)
    assert country.value == Decimal("6.000")
    assert (country.municipality, country.neighbourhood) == (None, None)


def test_a_comma_separated_file_with_english_header_names_imports():
    result = _import("opendata_valid_comma.csv")

    assert result.rows == 3
    assert _value("preterm", "GM0917", 2022).value == Decimal("8.000")
    assert _value("low-birth-weight", "GM0917", 2022).value == Decimal("5.500")
    births = _value("births", "BU09171000", 2022)
    assert births.value == Decimal(31)
    assert births.numerator is None


def test_a_byte_order_mark_before_the_header_is_no_problem():
    content = "\ufeff" + HEADER + "births;GM0479;2023;1687;;\n"

    opendata_import(file=content.encode("utf-8"), filename="bom.csv")

    assert _value("births", "GM0479", 2023).value == Decimal(1687)


def test_a_file_object_is_read_as_well(tmp_path):
    with (FIXTURES / "opendata_valid_semicolon.csv").open("rb") as handle:
        result = opendata_import(file=handle, filename="opendata_valid_semicolon.csv")

    assert result.rows == 5


def test_one_bad_region_code_refuses_the_file_and_names_the_row():
    errors = _refused((FIXTURES / "opendata_bad_region.csv").read_bytes())

    assert errors == [RowError(3, "regiocode", "onbekende regiocode", "GM9999")]
    assert str(errors[0]) == "regel 3, regiocode 'GM9999': onbekende regiocode"


def test_an_error_reads_in_english_when_english_is_active():
    with translation.override("en"):
        errors = _refused((FIXTURES / "opendata_bad_region.csv").read_bytes())

        assert str(errors[0]) == "line 3, regiocode 'GM9999': unknown region code"


def test_every_bad_row_is_reported():
    errors = _refused((FIXTURES / "opendata_many_errors.csv").read_bytes())

    found = {(error.line, error.column, error.value) for error in errors}
    assert found == {
        (2, "jaar", "2100"),
        (3, "teller", "-5"),
        (4, "teller", "120"),
        (5, "indicator", "screened"),
        (6, "indicator", "birth-rate"),
        (8, "regiocode", "GM0228"),
        (9, "regiocode", "GG3406"),
        (10, "waarde", "9,9"),
    }
    messages = {error.line: error.message for error in errors}
    assert f"tussen 1990 en {timezone.localdate().year}" in messages[2]
    assert "negatief" in messages[3]
    assert "teller is groter dan de noemer" in messages[4]
    assert "procesindicator" in messages[5]
    assert messages[6] == "onbekende indicator"
    assert "regel 7" in messages[8]
    assert "gemeenten" in messages[9]  # a GGD region is the sum of its municipalities
    assert "5" in messages[10]


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [
        ("births;GM0479;1989;10;;", "jaar", "1989"),
        ("births;GM0479;23;10;;", "jaar", "23"),
        ("births;GM0479;;10;;", "jaar", ""),
        ("births;GM0479;2023;10,5;;", "teller", "10,5"),
        ("preterm;GM0479;2023;10;abc;", "noemer", "abc"),
        ("preterm;GM0479;2023;0;0;", "noemer", "0"),
        ("preterm;GM0479;2023;10;;", "noemer", ""),
        ("preterm;GM0479;2023;;;", "waarde", ""),
        ("preterm;GM0479;2023;;;101", "waarde", "101"),
        ("preterm;GM0479;2023;;;1.234,5", "waarde", "1.234,5"),
        ("births;GM0479;2023;;;", "teller", ""),
        ("births;WK047911;2023;10;;", "regiocode", "WK047911"),
        ("births;BU99999999;2023;10;;", "regiocode", "BU99999999"),
        ("births;Zaanstad;2023;10;;", "regiocode", "Zaanstad"),
        (";GM0479;2023;10;;", "indicator", ""),
        ("births;GM0479;2023;10;;;7", "", ""),
    ],
)
def test_a_bad_value_is_named(row, column, value):
    errors = _refused(HEADER + row + "\n")

    assert [(error.line, error.column, error.value) for error in errors] == [(2, column, value)]


def test_the_current_year_is_allowed_and_next_year_is_not():
    year = timezone.localdate().year
    errors = _refused(HEADER + f"births;GM0479;{year};10;;\nbirths;GM0917;{year + 1};10;;\n")

    assert [(error.line, error.value) for error in errors] == [(3, str(year + 1))]


def test_an_unknown_column_is_one_error_on_the_header():
    errors = _refused(HEADER.replace("waarde", "bron") + "births;GM0479;2023;10;;\n")

    assert len(errors) == 1
    assert errors[0].line == 1
    assert "bron" in errors[0].message


def test_a_missing_required_column_is_one_error_on_the_header():
    errors = _refused("indicator;jaar;teller\nbirths;2023;10\n")

    assert len(errors) == 1
    assert errors[0].line == 1
    assert "regiocode" in errors[0].message


@pytest.mark.parametrize("content", ["", "\n\n", HEADER, HEADER + ";;;;;\n"])
def test_an_empty_file_or_only_a_header_is_refused(content):
    errors = _refused(content)

    assert len(errors) == 1
    assert errors[0].line == 1


def test_a_file_that_is_not_utf8_is_refused():
    errors = _refused((HEADER + "births;GM0479;2023;10;;\n").encode("utf-16"))

    assert "UTF-8" in errors[0].message


def test_a_file_over_10_mb_is_refused():
    content = HEADER.encode() + b"births;GM0479;2023;10;;\n" * (MAX_FILE_BYTES // 20)

    errors = _refused(content)

    assert len(errors) == 1
    assert "10 MB" in errors[0].message


def test_importing_again_replaces_the_old_value():
    _import("opendata_valid_semicolon.csv")
    corrected = HEADER + "preterm;GM0479;2023;130;1687;\nbirths;GM0917;2023;950;;\n"

    result = opendata_import(file=corrected.encode(), filename="corrected.csv")

    assert (result.rows, result.replaced) == (2, 1)
    assert (
        OpenDataValue.objects.filter(indicator__code="preterm", region_code="GM0479").count() == 1
    )
    preterm = _value("preterm", "GM0479", 2023)
    assert preterm.numerator == 130
    assert preterm.value == Decimal("7.706")
    assert preterm.batch == result.batch
    assert OpenDataValue.objects.count() == 6
    assert OpenDataImport.objects.count() == 2


def test_a_neighbourhood_of_the_test_database_is_found():
    neighbourhood = Neighbourhood.objects.filter(municipality__code="GM0917").first()
    content = HEADER + f"low-income-children;{neighbourhood.code};2023;40;200;\n"

    opendata_import(file=content.encode(), filename="buurt.csv")

    value = _value("low-income-children", neighbourhood.code, 2023)
    assert value.neighbourhood == neighbourhood
    assert value.value == Decimal("20.000")
