"""`kansrijk regions import-cbs`: CBS's district and neighbourhood table, in our shape and as
StatLine exports it. Codes come from CBS only; a bad row refuses the whole file."""

import pytest
from django.core.management import CommandError, call_command

from kansrijk.regions import services
from kansrijk.regions.models import District, Neighbourhood
from kansrijk.regions.tests.factories import (
    DistrictByNameFactory,
    NeighbourhoodByNameFactory,
    municipality,
)

pytestmark = pytest.mark.django_db

HEADER = "code,name,type,gm_code,wk_code,inhabitants\n"
# Real CBS rows of Aa en Hunze (GM1680), which the test database has no areas of.
ANNEN = (
    "WK168000,Wijk 00 Annen,wijk,GM1680,,3590\n"
    "BU16800000,Annen,buurt,GM1680,WK168000,3455\n"
    "BU16800009,Verspreide huizen Annen,buurt,GM1680,WK168000,140\n"
)

# StatLine's raw CSV of 85984NED: `;`, quoted, padded; the name is not in it.
STATLINE_RAW = """\
"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"IndelingswijzigingWijkenEnBuurten_4";"AantalInwoners_5"
0;"NL00      ";"Nederland                                ";"Land      ";"NL00      ";".";17942942
1;"GM1680    ";"Aa en Hunze                              ";"Gemeente  ";"GM1680    ";"1";"       ."
2;"WK168000  ";"Aa en Hunze                              ";"Wijk      ";"WK168000  ";"1";3590
3;"BU16800000";"Aa en Hunze                              ";"Buurt     ";"BU16800000";"1";3455
4;"BU16800009";"Aa en Hunze                              ";"Buurt     ";"BU16800009";"1";"       ."
"""
# CBS's list of the WijkenEnBuurten dimension (Key, Title), which holds the names.
STATLINE_NAMES = """\
"Key";"Title";"Description";"DimensionGroupId"
"WK168000  ";"Wijk 00 Annen";"";"2"
"BU16800000";"Annen";"";"3"
"BU16800009";"Verspreide huizen Annen";"";"3"
"""


def test_it_fills_the_code_of_areas_entered_by_name(write_csv):
    aa_en_hunze = municipality("GM1680")
    district = DistrictByNameFactory(municipality=aa_en_hunze, name="Wijk 00 annen")
    neighbourhood = NeighbourhoodByNameFactory(municipality=aa_en_hunze, name="Annen")

    result = services.neighbourhoods_import(path=write_csv(HEADER + ANNEN))

    district.refresh_from_db()
    neighbourhood.refresh_from_db()
    assert (district.code, district.name, district.inhabitants) == (
        "WK168000",
        "Wijk 00 Annen",
        3590,
    )
    assert (neighbourhood.code, neighbourhood.district, neighbourhood.inhabitants) == (
        "BU16800000",
        district,
        3455,
    )
    assert (result.districts.codes_filled, result.districts.added) == (1, 0)
    assert (result.neighbourhoods.codes_filled, result.neighbourhoods.added) == (1, 1)
    assert Neighbourhood.objects.filter(municipality=aa_en_hunze).count() == 2


def test_it_refuses_a_malformed_code_and_imports_nothing(write_csv):
    path = write_csv(HEADER + ANNEN + "BU1680001,Eext,buurt,GM1680,WK168000,1285\n")

    with pytest.raises(services.RegionImportError) as refused:
        services.neighbourhoods_import(path=path)

    [problem] = refused.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 5, "code")
    assert problem.message == (
        "'BU1680001' klopt niet. Verwacht: een buurtcode, BU en 8 tekens, bijvoorbeeld BU04791311."
    )
    assert not District.objects.filter(municipality__code="GM1680").exists()


def test_it_refuses_a_buurt_that_does_not_match_its_wijk(write_csv):
    path = write_csv(HEADER + "BU16800000,Annen,buurt,GM1680,WK168001,3455\n")

    with pytest.raises(services.RegionImportError) as refused:
        services.neighbourhoods_import(path=path)

    fields = [(p.line, p.field) for p in refused.value.problems]
    assert (2, "wk_code") in fields
    assert not Neighbourhood.objects.filter(code="BU16800000").exists()


def test_it_refuses_a_figure_that_is_not_a_number(write_csv):
    path = write_csv(HEADER + "WK168000,Wijk 00 Annen,wijk,GM1680,,veel\n")

    with pytest.raises(services.RegionImportError) as refused:
        services.neighbourhoods_import(path=path)

    assert [p.message for p in refused.value.problems] == ["'veel' is geen aantal inwoners."]


def test_it_accepts_statline_raw_csv_with_cbs_names(write_csv):
    names = services.cbs_area_names_read(path=write_csv(STATLINE_NAMES, "names.csv"))

    result = services.neighbourhoods_import(path=write_csv(STATLINE_RAW), names=names)

    wijk = District.objects.get(code="WK168000")
    assert (wijk.name, wijk.municipality.code, wijk.inhabitants) == (
        "Wijk 00 Annen",
        "GM1680",
        3590,
    )
    verspreid = Neighbourhood.objects.get(code="BU16800009")
    assert (verspreid.name, verspreid.district, verspreid.inhabitants) == (
        "Verspreide huizen Annen",
        wijk,
        None,
    )
    assert (result.districts.added, result.neighbourhoods.added) == (1, 2)


def test_it_accepts_a_statline_export_with_names_in_wijken_en_buurten(write_csv):
    labelled = (
        "WijkenEnBuurten,Gemeentenaam_1,SoortRegio_2,Codering_3,AantalInwoners_5\n"
        "Wijk 00 Annen,Aa en Hunze,Wijk,WK168000  ,3590\n"
        "Annen,Aa en Hunze,Buurt,BU16800000,3455\n"
    )

    services.neighbourhoods_import(path=write_csv(labelled))

    assert Neighbourhood.objects.get(code="BU16800000").district.name == "Wijk 00 Annen"


def test_a_statline_file_without_names_updates_known_areas_only(write_csv):
    raw = (
        '"ID";"WijkenEnBuurten";"SoortRegio_2";"Codering_3";"AantalInwoners_5"\n'
        '1;"WK047913  ";"Wijk      ";"WK047913  ";11300\n'
    )

    result = services.neighbourhoods_import(path=write_csv(raw))

    district = District.objects.get(code="WK047913")
    assert (district.name, district.inhabitants) == ("Pelders- en Hoornseveld", 11300)
    assert result.districts.updated == 1


def test_it_refuses_a_new_area_without_a_name(write_csv):
    with pytest.raises(services.RegionImportError) as refused:
        services.neighbourhoods_import(path=write_csv(STATLINE_RAW))

    assert {p.line for p in refused.value.problems} == {4, 5, 6}
    assert "naam van dit nieuwe gebied ontbreekt" in refused.value.problems[0].message
    assert not District.objects.filter(code="WK168000").exists()


def test_it_gives_no_code_when_a_name_fits_two_cbs_areas(write_csv):
    # Beekdaelen (GM1954) has two buurten called "Verspreide huizen", in different wijken.
    unsure = NeighbourhoodByNameFactory(
        municipality=municipality("GM1954"), name="Verspreide huizen"
    )
    rows = (
        "WK195400,Wijk 00 Onderbanken,wijk,GM1954,,7850\n"
        "WK195405,Wijk 05,wijk,GM1954,,6445\n"
        "BU19540009,Verspreide huizen,buurt,GM1954,WK195400,70\n"
        "BU19540509,Verspreide huizen,buurt,GM1954,WK195405,175\n"
    )

    result = services.neighbourhoods_import(path=write_csv(HEADER + rows))

    unsure.refresh_from_db()
    assert unsure.code is None
    assert result.left_without_code == ["Verspreide huizen"]
    assert result.neighbourhoods.added == 2


def test_the_command_prints_a_summary_in_dutch(write_csv, capsys):
    DistrictByNameFactory(municipality=municipality("GM1680"), name="Wijk 00 Annen")

    call_command("regions", "import-cbs", str(write_csv(HEADER + ANNEN)))

    out = capsys.readouterr().out
    assert "Wijken: 0 toegevoegd, 1 codes ingevuld, 0 bijgewerkt, 0 gelijk." in out
    assert "Buurten: 2 toegevoegd, 0 codes ingevuld" in out


def test_the_command_reports_file_line_and_field_of_each_problem(write_csv, capsys):
    path = write_csv(HEADER + "WK16800,Wijk 00 Annen,wijk,GM1680,,3590\n")

    with pytest.raises(CommandError, match="Er is niets geïmporteerd: 1 probleem gevonden."):
        call_command("regions", "import-cbs", str(path))

    assert (
        f"{path}:2: code: 'WK16800' klopt niet. Verwacht: een wijkcode" in capsys.readouterr().err
    )
