"""Comparing two versions line by line, and how the text is shown."""

from kansrijk.agreements import selectors
from kansrijk.agreements.text import text_blocks


def test_the_comparison_shows_added_and_removed_lines_with_context():
    old = "# Doel\nSamen sterk.\n\n- We signaleren vroeg.\n- We verwijzen.\n"
    new = "# Doel\nSamen sterk.\n\n- We signaleren vroeg.\n- We verwijzen binnen 5 dagen.\n"
    lines = selectors.text_compare(old=old, new=new)
    kinds = [(line.kind, line.text) for line in lines]
    assert ("removed", "- We verwijzen.") in kinds
    assert ("added", "- We verwijzen binnen 5 dagen.") in kinds
    assert ("same", "- We signaleren vroeg.") in kinds
    removed = next(line for line in lines if line.kind == "removed")
    assert removed.old_number == 5 and removed.new_number is None


def test_far_apart_changes_are_separated_by_a_gap():
    old = "\n".join(f"regel {n}" for n in range(1, 30))
    new = old.replace("regel 2\n", "regel twee\n").replace("regel 28", "regel achtentwintig")
    lines = selectors.text_compare(old=old, new=new)
    assert [line.kind for line in lines].count("gap") == 1
    assert "regel 15" not in [line.text for line in lines]


def test_the_same_text_gives_no_differences():
    assert selectors.text_compare(old="a\nb", new="a\nb") == []


def test_the_text_has_headings_lists_and_paragraphs_and_no_html():
    blocks = text_blocks(
        "# Doel\nEen regel\nnog een.\n\n- een\n  vervolg\n- twee\n## Sub\n<script>x</script>"
    )
    assert [(b.kind, b.level) for b in blocks] == [
        ("heading", 2),
        ("paragraph", 2),
        ("list", 2),
        ("heading", 3),
        ("paragraph", 2),
    ]
    assert blocks[2].items == ["een vervolg", "twee"]
    assert blocks[4].text == "<script>x</script>"  # escaped by the template
