"""Importing licensed instrument texts: all or nothing, every bad row reported."""

import json

import pytest
from django.core.management import CommandError, call_command

from kansrijk.screening.models import InstrumentText
from kansrijk.screening.selectors import instrument_texts
from kansrijk.screening.services import TextsImportError, instrument_texts_import

pytestmark = pytest.mark.django_db

# Invented stand-ins for licensed texts: the real EPDS wording is never in this repository.
ITEMS = [
    {
        "item": n,
        "text": f"Gelicenseerde tekst {n}",
        "options": [f"Keuze {n}.{p}" for p in range(1, 5)],
    }
    for n in range(1, 11)
]


def write_json(tmp_path, data, name="epds-nl.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_imported_texts_replace_the_neutral_labels(tmp_path):
    assert instrument_texts("epds", "nl").items[0].text == "EPDS vraag 1"
    count = instrument_texts_import(
        instrument="epds", language="nl", path=write_json(tmp_path, ITEMS)
    )
    assert count == 10
    texts = instrument_texts("epds", "nl")
    assert texts.licensed is True
    assert texts.neutral is False
    assert texts.items[0].text == "Gelicenseerde tekst 1"
    assert texts.items[9].options == ["Keuze 10.1", "Keuze 10.2", "Keuze 10.3", "Keuze 10.4"]
    # Other languages keep the neutral labels.
    english = instrument_texts("epds", "en")
    assert (english.licensed, english.neutral, english.items[0].text) == (
        False,
        True,
        "EPDS question 1",
    )


def test_it_reads_an_object_with_items_and_a_semicolon_csv(tmp_path):
    instrument_texts_import(
        instrument="epds",
        language="nl",
        path=write_json(tmp_path, {"instrument": "epds", "language": "nl", "items": ITEMS}),
    )
    csv_path = tmp_path / "epds.csv"
    lines = ["item;text;option_1;option_2;option_3;option_4"] + [
        ";".join([str(row["item"]), row["text"].replace("Gelicenseerde", "CSV"), *row["options"]])
        for row in ITEMS
    ]
    csv_path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    assert instrument_texts_import(instrument="epds", language="nl", path=csv_path) == 10
    assert instrument_texts("epds", "nl").items[2].text == "CSV tekst 3"
    assert InstrumentText.objects.count() == 10


def test_a_file_with_bad_rows_imports_nothing_and_reports_every_row(tmp_path):
    instrument_texts_import(instrument="epds", language="nl", path=write_json(tmp_path, ITEMS))
    bad = [dict(row) for row in ITEMS]
    bad[2] = {**bad[2], "options": ["een", "twee", "drie"]}  # row 3: 3 answers, not 4
    bad[4] = {**bad[4], "text": " "}  # row 5: empty text
    bad[6] = {**bad[6], "item": 12}  # row 7: no item 12, so item 7 is missing
    with pytest.raises(TextsImportError) as caught:
        instrument_texts_import(
            instrument="epds", language="nl", path=write_json(tmp_path, bad, "bad.json")
        )
    errors = caught.value.errors
    assert any("Rij 3 (vraag 3)" in e and "3 antwoordteksten" in e for e in errors), errors
    assert any("Rij 5 (vraag 5)" in e and "leeg" in e for e in errors), errors
    assert any("Rij 7 (vraag 12)" in e for e in errors), errors
    assert any("5, 7" in e for e in errors), errors
    # The earlier import stays as it was.
    assert instrument_texts("epds", "nl").items[2].text == "Gelicenseerde tekst 3"


def test_it_refuses_a_file_for_another_instrument_or_language(tmp_path):
    path = write_json(tmp_path, {"instrument": "gad2", "language": "en", "items": ITEMS})
    with pytest.raises(TextsImportError) as caught:
        instrument_texts_import(instrument="epds", language="nl", path=path)
    assert len([e for e in caught.value.errors if "niet" in e]) == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "geen geldige JSON"),
        ("item,tekst\n1,a\n", "De eerste regel"),
        ("[]", "geen vragen"),
    ],
)
def test_it_explains_an_unreadable_file(tmp_path, content, expected):
    path = tmp_path / ("texts.csv" if content.startswith("item") else "texts.json")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TextsImportError) as caught:
        instrument_texts_import(instrument="epds", language="nl", path=path)
    assert any(expected in e for e in caught.value.errors), caught.value.errors


def test_it_refuses_an_unknown_instrument_or_language(tmp_path):
    path = write_json(tmp_path, ITEMS)
    with pytest.raises(TextsImportError):
        instrument_texts_import(instrument="bdi", language="nl", path=path)
    with pytest.raises(TextsImportError):
        instrument_texts_import(instrument="epds", language="Nederlands!", path=path)
    with pytest.raises(TextsImportError):
        instrument_texts_import(instrument="epds", language="nl", path=tmp_path / "missing.json")


def test_the_command_imports_and_lists(tmp_path, capsys):
    call_command(
        "screening",
        "import-texts",
        str(write_json(tmp_path, ITEMS)),
        "--instrument",
        "epds",
        "--language",
        "nl",
    )
    assert "10 vragen" in capsys.readouterr().out
    call_command("screening", "list")
    out = capsys.readouterr().out
    assert "epds" in out and "signal-list" in out
    assert "gesprekshulpmiddel" in out
    assert "ingelezen: nl" in out


def test_the_command_reports_every_problem_and_writes_nothing(tmp_path, capsys):
    bad = [dict(row) for row in ITEMS[:9]] + [{"item": 10, "text": "x", "options": ["a"]}]
    with pytest.raises(CommandError, match="Er zijn geen teksten ingelezen: 1 probleem"):
        call_command(
            "screening",
            "import-texts",
            str(write_json(tmp_path, bad)),
            "--instrument",
            "epds",
            "--language",
            "nl",
        )
    assert "Rij 10 (vraag 10)" in capsys.readouterr().err
    assert InstrumentText.objects.count() == 0
