"""An instrument as a form of radio groups, and the result partial."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from kansrijk.screening import Cutoffs
from kansrijk.screening.forms import InstrumentForm, result_summary
from kansrijk.screening.selectors import instrument_texts
from kansrijk.screening.services import instrument_texts_import

pytestmark = pytest.mark.django_db


def answers(prefix, positions):
    return {f"{prefix}-item_{n}": str(p) for n, p in positions.items()}


def test_the_epds_renders_a_fieldset_and_legend_per_item_with_neutral_labels():
    html = str(InstrumentForm(instrument="epds"))
    assert html.count("<fieldset") == 10
    assert re.findall(r"<legend[^>]*>([^<]*)</legend>", html) == [
        f"EPDS vraag {n}" for n in range(1, 11)
    ]
    assert html.count('type="radio"') == 40
    assert 'name="epds-item_1"' in html
    assert ">Antwoord 1</label>" in html and ">Antwoord 4</label>" in html
    assert "Gebruik het papieren formulier" in html
    assert "Gespreksinstrument, geen gevalideerde test" not in html


def test_the_signal_list_says_it_is_a_conversation_aid_and_not_a_test():
    html = str(InstrumentForm(instrument="signal-list"))
    assert "Gespreksinstrument, geen gevalideerde test" in html
    assert html.count("<fieldset") == 10
    assert ">Ja</label>" in html and ">Nee</label>" in html
    assert "Gebied: Stress door armoede of schulden" in html
    assert 'aria-describedby="id_signal-list-item_3_helptext"' in html


def test_the_signal_list_notice_follows_the_language():
    with translation.override("en"):
        html = str(InstrumentForm(instrument="signal-list"))
    assert "Conversation aid, not a validated test" in html
    assert "Does the family have debts" in html


def test_the_gad2_shows_its_public_texts_in_dutch():
    html = str(InstrumentForm(instrument="gad2"))
    assert "Zich nerveus, angstig of gespannen voelen" in html
    assert ">Bijna elke dag</label>" in html
    assert "Gebruik het papieren formulier" not in html


def test_a_filled_in_form_gives_the_result():
    form = InstrumentForm(answers("epds", {n: 0 for n in range(1, 11)}), instrument="epds")
    assert form.is_valid(), form.errors
    assert (form.result.total, form.result.level, form.result.flags) == (21, "high", ["self_harm"])


def test_the_form_scores_with_the_coalitions_cutoffs():
    positions = {1: 3, 2: 3, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3}  # total 10
    form = InstrumentForm(
        answers("epds", positions), instrument="epds", cutoffs=Cutoffs(elevated=11, high=13)
    )
    assert form.is_valid()
    assert form.result.level == "normal"


def test_a_missing_or_impossible_answer_is_a_dutch_error_naming_the_question():
    data = answers("gad2", {1: 1}) | {"gad2-item_2": "7"}
    form = InstrumentForm(data, instrument="gad2")
    assert not form.is_valid()
    assert form.errors["item_2"] == ["Kies een van de antwoorden op vraag 2."]
    form = InstrumentForm(answers("gad2", {2: 1}), instrument="gad2")
    assert not form.is_valid()
    assert form.errors["item_1"] == ["Kies een antwoord op vraag 1."]
    html = str(form)
    assert 'aria-describedby="id_gad2-item_1_error"' in html
    assert 'aria-invalid="true"' in html


def test_the_chosen_answer_stays_checked_after_an_error():
    form = InstrumentForm(answers("gad2", {1: 2}), instrument="gad2")
    form.is_valid()
    assert re.search(r'value="2" id="id_gad2-item_1_2" checked', str(form))


def test_licensed_texts_are_shown_once_imported(tmp_path):
    import json

    path = tmp_path / "epds.json"
    path.write_text(
        json.dumps(
            [
                {"item": n, "text": f"Gelicenseerde tekst {n}", "options": ["a", "b", "c", "d"]}
                for n in range(1, 11)
            ]
        ),
        encoding="utf-8",
    )
    instrument_texts_import(instrument="epds", language="nl", path=path)
    html = str(InstrumentForm(instrument="epds", texts=instrument_texts("epds", "nl")))
    assert "Gelicenseerde tekst 10" in html
    assert "Gebruik het papieren formulier" not in html


def test_the_result_partial_shows_the_level_and_the_urgent_flag():
    form = InstrumentForm(answers("epds", {n: 0 for n in range(1, 11)}), instrument="epds")
    assert form.is_valid()
    html = render_to_string("screening/_result.html", result_summary(form.result))
    assert "21 van 30" in html
    assert "Hoog" in html
    assert 'role="alert"' in html and "Gedachten aan zelfbeschadiging" in html
