"""`kansrijk regions import-gebieden`: the yearly hierarchy from CBS "Gebieden in Nederland"."""

import csv
import io

import pytest
from django.core.management import call_command

from kansrijk.regions import services
from kansrijk.regions.models import GGDRegion, Municipality, Province

pytestmark = pytest.mark.django_db

# A StatLine CSV of "Gebieden in Nederland" with a few of its columns chosen. CBS numbers the
# columns (in 83287NED Code_14 is the GGD region, Code_34 the province, Code_42 the safety
# region; the numbers shift between years), pads the values and quotes them.
# Real rows of two municipalities in Drenthe.
COLUMNS = ["RegioS", "Code_1", "Naam_2", "SorteringNaam_3", "Code_14", "Naam_15"]
COLUMNS += ["Code_34", "Naam_35", "Code_42", "Naam_43"]
DRENTHE = ["GG0706", "GGD Drenthe", "PV22", "Drenthe", "VR03", "Drenthe"]
ROWS = [
    ["GM1680", "GM1680", "Aa en Hunze", "Aa en Hunze", *DRENTHE],
    ["GM0106", "GM0106", "Assen", "Assen", *DRENTHE],
]


def _statline(rows=ROWS) -> str:
    lines = [";".join(f'"{c}"' for c in ["ID", *COLUMNS])]
    for number, row in enumerate(rows):
        lines.append(";".join([str(number), *(f'"{value:<20}"' for value in row)]))
    return "\n".join(lines) + "\n"


STATLINE = _statline()


def test_a_statline_file_moves_a_municipality_to_its_ggd_region(write_csv):
    aa_en_hunze = Municipality.objects.get(code="GM1680")
    aa_en_hunze.ggd_region = GGDRegion.objects.get(code="GG0111")
    aa_en_hunze.save()

    result = services.municipalities_import(path=write_csv(STATLINE))

    aa_en_hunze.refresh_from_db()
    assert aa_en_hunze.ggd_region.name == "GGD Drenthe"
    assert aa_en_hunze.province.name == "Drenthe"
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    assert len(result.not_in_file) == 340
    assert Municipality.objects.count() == 342  # the others are kept, not deleted


def test_a_renamed_province_keeps_its_municipalities(write_csv, shared_municipalities, capsys):
    friesland = Province.objects.get(name="Friesland")
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(shared_municipalities[0]))
    writer.writeheader()
    for row in shared_municipalities:
        if row["provincie"] == "Friesland":
            row = {**row, "provincie": "Fryslân"}
        writer.writerow(row)

    call_command("regions", "import-gebieden", str(write_csv(text.getvalue())))

    friesland.refresh_from_db()
    assert friesland.name == "Fryslân"
    assert Province.objects.count() == 12
    assert Municipality.objects.get(code="GM0080").province == friesland  # Leeuwarden
    out = capsys.readouterr().out
    assert "Provincie heeft een nieuwe naam: Friesland heet nu Fryslân." in out
    assert "Gemeenten: 0 toegevoegd, 0 bijgewerkt, 342 gelijk." in out


def test_it_refuses_a_malformed_ggd_code_and_changes_nothing(write_csv):
    bad = _statline([[*ROWS[0][:4], "GG076", *DRENTHE[1:]], ROWS[1]])
    before = Municipality.objects.get(code="GM1680").ggd_region_id

    with pytest.raises(services.RegionImportError) as refused:
        services.municipalities_import(path=write_csv(bad))

    [problem] = refused.value.problems
    assert (problem.line, problem.field) == (2, "Code_14")
    assert problem.message.startswith("'GG076' klopt niet. Verwacht: een code van een GGD-regio")
    assert Municipality.objects.get(code="GM1680").ggd_region_id == before


def test_it_explains_which_columns_it_needs(write_csv):
    with pytest.raises(services.RegionImportError) as refused:
        services.municipalities_import(path=write_csv("gm_code,gm_naam\nGM1680,Aa en Hunze\n"))

    [problem] = refused.value.problems
    assert problem.message.startswith("Geen kolom gevonden voor: provincie, code en naam van de")
