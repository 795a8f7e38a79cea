"""The shipped instrument files."""

import json

import pytest

from kansrijk.screening.instruments import (
    DATA_DIR,
    InstrumentDataError,
    instrument_find,
    instrument_list,
    instrument_parse,
)


def test_kansrijk_ships_the_epds_gad2_phq2_and_the_signal_list():
    assert [i.code for i in instrument_list()] == ["epds", "gad2", "phq2", "signal-list"]


@pytest.mark.parametrize(
    ("code", "items", "options", "max_total"),
    [("epds", 10, 4, 30), ("gad2", 2, 4, 6), ("phq2", 2, 4, 6), ("signal-list", 10, 2, 10)],
)
def test_each_instrument_has_its_structure(code, items, options, max_total):
    instrument = instrument_find(code)
    assert instrument.item_count == items
    assert {len(item.options) for item in instrument.items} == {options}
    assert instrument.max_total == max_total
    for item in instrument.items:
        assert item.label["nl"] and item.label["en"]
        assert all(option["nl"] and option["en"] for option in item.options)


def test_the_epds_ships_neutral_labels_only():
    epds = instrument_find("epds")
    assert epds.texts_shipped is False
    assert [item.label["nl"] for item in epds.items] == [f"EPDS vraag {n}" for n in range(1, 11)]
    labels = {option["nl"] for item in epds.items for option in item.options}
    assert labels == {"Antwoord 1", "Antwoord 2", "Antwoord 3", "Antwoord 4"}
    assert "Royal College of Psychiatrists" in epds.licence["en"]


def test_only_the_signal_list_is_a_conversation_aid():
    assert {i.code for i in instrument_list() if not i.validated} == {"signal-list"}


def test_a_malformed_instrument_file_is_refused():
    data = json.loads((DATA_DIR / "gad2.json").read_text(encoding="utf-8"))
    data["items"][1]["scores"] = [0, 1, 2]
    with pytest.raises(InstrumentDataError, match="item 2"):
        instrument_parse(data, name="broken.json")
    data = json.loads((DATA_DIR / "epds.json").read_text(encoding="utf-8"))
    data["flag_rules"][0]["item"] = 11
    with pytest.raises(InstrumentDataError, match="no item 11"):
        instrument_parse(data, name="broken.json")
