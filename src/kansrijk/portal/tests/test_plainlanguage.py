"""The editors' plain-language check marks what makes a Dutch text hard to read."""

from kansrijk.portal.constants import LONG_SENTENCE_WORDS, LONG_WORD_LETTERS
from kansrijk.portal.plainlanguage import check_text, common_words


def test_the_word_list_is_substantial():
    words = common_words()
    assert len(words) > 1000
    assert {"de", "kind", "baby", "hulp", "zwanger"} <= words


def test_short_common_text_passes():
    check = check_text("Je bent zwanger. Bel een verloskundige. Zij helpt je.")
    assert check.ok
    assert len(check.sentences) == 3


def test_a_long_sentence_is_found():
    long = " ".join(["je kind"] * LONG_SENTENCE_WORDS) + "."
    check = check_text(f"Dit is kort. {long} Ook kort.")
    assert len(check.long_sentences) == 1
    assert check.long_sentences[0].words == LONG_SENTENCE_WORDS * 2
    assert not check.ok


def test_a_rare_long_word_is_found():
    word = "arbeidsongeschiktheidsverzekering"
    assert len(word) > LONG_WORD_LETTERS
    check = check_text(f"Je hebt een {word} nodig.")
    assert word in check.long_words
    assert word in check.rare_words
    assert "nodig" not in check.rare_words


def test_inflections_of_common_words_are_not_rare():
    check = check_text("De kinderen spelen samen. Zij belden de dokters.")
    assert "kinderen" not in check.rare_words
    assert "dokters" not in check.rare_words


def test_names_inside_a_sentence_are_not_rare():
    check = check_text("Bel Sjpruut in Heerlen.")
    assert check.rare_words == []


def test_list_items_are_sentences_of_their_own():
    check = check_text("Doe dit:\n- Bel de JGZ\n- Lees een boek")
    assert [sentence.text for sentence in check.sentences] == [
        "Doe dit:",
        "Bel de JGZ",
        "Lees een boek",
    ]


def test_the_demo_texts_are_mostly_plain():
    import json
    from pathlib import Path

    pages = json.loads(
        (Path(__file__).parents[1] / "data" / "pages.json").read_text(encoding="utf-8")
    )["pages"]
    for page in pages:
        check = check_text(page["texts"]["nl"]["body"])
        assert len(check.long_sentences) <= 1, page["slug"]
