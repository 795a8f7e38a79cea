"""The flowchart of a pathway (SVG) and its text alternative, as a reader sees them."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.utils.translation import gettext

from kansrijk.pathways.flowchart import flowchart_svg, flowchart_text
from kansrijk.pathways.flowchart import svg as flowchart

SVG = "{http://www.w3.org/2000/svg}"


def _definition() -> dict:
    return {
        "start": "debts",
        "steps": [
            {
                "id": "debts",
                "kind": "question",
                "text": "Heeft de cliënt schulden of geldzorgen?",
                "variable": "Schulden",
                "answer_type": "boolean",
                "next": {"true": "stress", "false": "unsafe"},
            },
            {
                "id": "stress",
                "kind": "question",
                "text": "Hoeveel stress heeft de cliënt?",
                "variable": "Stress",
                "answer_type": "choice",
                "options": [
                    {"value": "weinig", "label": "Weinig stress"},
                    {"value": "veel", "label": "Heel veel stress"},
                ],
                "next": {"veel": "route", "*": "regular"},
            },
            {
                "id": "unsafe",
                "kind": "question",
                "text": "Is het thuis veilig?",
                "variable": "Veilig",
                "answer_type": "boolean",
                "next": {"true": "route", "false": "urgent"},
            },
            {
                "id": "route",
                "kind": "decision",
                "table": "route",
                "decision": "Route",
                "next": {"mdo": "mdo", "wijkteam": "team", "*": "regular"},
            },
            {
                "id": "team",
                "kind": "action",
                "action": "refer",
                "title": "Verwijs naar het sociaal wijkteam",
                "text": "Het wijkteam helpt bij geld en stress.",
                "themes": ["debts-and-money"],
            },
            {
                "id": "mdo",
                "kind": "action",
                "action": "case_consultation",
                "title": "Bespreek in het Steunpunt",
            },
            {
                "id": "regular",
                "kind": "action",
                "action": "regular_care",
                "title": "Gewone zorg",
            },
            {
                "id": "urgent",
                "kind": "action",
                "action": "urgent",
                "title": "Overleg met Veilig Thuis",
                "themes": ["domestic-violence-and-safety"],
            },
        ],
        "tables": {},
    }


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _texts(root: ET.Element) -> list[str]:
    """Each <text> element's words, its lines joined by spaces (as a reader reads them)."""
    return [" ".join(" ".join(el.itertext()).split()) for el in root.iter(f"{SVG}text")]


def _step_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-step"): g for g in root.iter(f"{SVG}g") if g.get("data-step")}


def test_every_step_text_appears_in_the_chart():
    root = _parse(flowchart_svg(_definition(), title="Demo-zorgpad"))

    texts = _texts(root)
    for step in _definition()["steps"]:
        expected = step.get("title") or step.get("text") or step["decision"]
        assert expected in texts, expected


def test_the_chart_is_a_self_contained_accessible_image():
    svg = flowchart_svg(_definition(), title="Demo-zorgpad")
    root = _parse(svg)

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox"))
    title_id, desc_id = root.get("aria-labelledby").split()
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert by_id[title_id].tag == f"{SVG}title"
    assert by_id[title_id].text == "Demo-zorgpad"
    assert by_id[desc_id].tag == f"{SVG}desc"
    assert "Heeft de cliënt schulden of geldzorgen?" in by_id[desc_id].text
    # Nothing runs and nothing is fetched: no script, no style sheet, no links, no web fonts.
    for forbidden in ("<script", "<style", "href", "url(", "@import", "<image", "<foreignObject"):
        assert forbidden not in svg


def test_branches_are_labelled_with_the_answers_and_outcomes():
    texts = _texts(_parse(flowchart_svg(_definition(), title="Demo")))

    assert gettext("yes") in texts
    assert gettext("no") in texts
    assert "Heel veel stress" in texts  # an option's label, not its value
    assert gettext("otherwise") in texts
    assert "mdo" in texts and "wijkteam" in texts  # a decision's outcomes


def test_a_single_way_on_has_no_label():
    definition = {
        "start": "a",
        "steps": [
            {"id": "a", "kind": "question", "text": "Vraag A?", "answer_type": "boolean",
             "next": "b"},
            {"id": "b", "kind": "question", "text": "Vraag B?", "answer_type": "choice",
             "options": [{"value": "x", "label": "Antwoord X"}, {"value": "y", "label": "Y"}],
             "next": {"x": "end", "*": "end"}},
            {"id": "end", "kind": "action", "action": "regular_care", "title": "Klaar"},
        ],
    }  # fmt: skip
    root = _parse(flowchart_svg(definition, title="Demo"))

    labels = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "labels")
    assert _texts(labels) == []
    assert "Antwoord X" not in _texts(root)
    assert [b.label for s in flowchart_text(definition) for b in s.branches] == ["", ""]


def test_urgent_actions_are_marked_by_a_word_and_a_sign_not_only_by_colour():
    root = _parse(flowchart_svg(_definition(), title="Demo"))
    groups = _step_groups(root)

    urgent_texts = _texts(groups["urgent"])
    assert any(t.startswith(gettext("URGENT")) for t in urgent_texts)
    assert len(list(groups["urgent"].iter(f"{SVG}path"))) >= 1  # the warning sign
    for other in ("team", "mdo", "regular", "debts"):
        assert not any(gettext("URGENT") in t for t in _texts(groups[other]))
        assert not list(groups[other].iter(f"{SVG}path"))
    urgent_step = next(s for s in flowchart_text(_definition()) if s.id == "urgent")
    assert urgent_step.urgent and urgent_step.kind_label == gettext("Urgent")


def test_all_text_is_escaped():
    definition = _definition()
    nasty = "<script>alert(\"x\")</script> & 'q' \x00"
    definition["steps"][0]["text"] = nasty
    definition["steps"][3]["next"] = {"<b>mdo</b>": "mdo", "*": "regular"}
    svg = flowchart_svg(definition, title='Pad <"&">')
    root = _parse(svg)

    assert "<script" not in svg and "<b>" not in svg
    assert not list(root.iter(f"{SVG}script"))
    assert root.find(f"{SVG}title").text == 'Pad <"&">'
    # Long words may wrap: compare without the spaces.
    assert "<script>alert(\"x\")</script>&'q'" in [t.replace(" ", "") for t in _texts(root)]
    assert "<b>mdo</b>" in _texts(root)


def test_the_text_alternative_lists_the_steps_breadth_first_from_the_start():
    steps = flowchart_text(_definition())

    assert [s.id for s in steps] == [
        "debts", "stress", "unsafe", "route", "regular", "urgent", "mdo", "team",
    ]  # fmt: skip
    assert [s.number for s in steps] == list(range(1, 9))
    assert [s.kind for s in steps[:4]] == ["question", "question", "question", "decision"]
    assert steps[0].text == "Heeft de cliënt schulden of geldzorgen?"
    assert steps[3].text == "Route"
    team = steps[7]
    assert (team.action, team.text, team.detail) == (
        "refer",
        "Verwijs naar het sociaal wijkteam",
        "Het wijkteam helpt bij geld en stress.",
    )


def test_branch_numbers_in_the_text_alternative_point_to_the_right_steps():
    steps = flowchart_text(_definition())
    number_of = {s.id: s.number for s in steps}

    for step in steps:
        for branch in step.branches:
            assert branch.number == number_of[branch.step_id]
            assert f" {branch.number}" in branch.text
    first = steps[0]
    assert [(b.label, b.number) for b in first.branches] == [
        (gettext("yes"), number_of["stress"]),
        (gettext("no"), number_of["unsafe"]),
    ]
    assert first.branches[0].text == gettext("yes") + " → " + gettext("go to step %(number)s") % {
        "number": number_of["stress"]
    }
    stress = steps[1]
    assert [b.label for b in stress.branches] == ["Heel veel stress", gettext("otherwise")]


def test_the_chart_shows_the_same_step_numbers_as_the_text_alternative():
    root = _parse(flowchart_svg(_definition(), title="Demo"))
    groups = _step_groups(root)

    for step in flowchart_text(_definition()):
        caption = _texts(groups[step.id])[0]
        assert gettext("Step %(number)s") % {"number": step.number} in caption


def test_a_branch_to_a_missing_step_or_a_step_nobody_reaches_is_told():
    definition = _definition()
    definition["steps"][3]["next"] = {"mdo": "gone", "*": "regular"}
    steps = flowchart_text(definition)
    route = next(s for s in steps if s.id == "route")

    assert route.branches[0].number is None
    assert "gone" in route.branches[0].text
    mdo = next(s for s in steps if s.id == "mdo")
    assert not mdo.reachable and mdo.number == len(steps)
    _parse(flowchart_svg(definition, title="Demo"))  # still draws


@pytest.mark.parametrize(
    "definition",
    [
        {},
        {"steps": "no list"},
        {"start": "x", "steps": [None, 3, {"kind": "question"}, {"id": ""}]},
        {"start": "a", "steps": [{"id": "a", "kind": "weird", "next": ["a"]}]},
        {  # a cycle
            "start": "a",
            "steps": [
                {"id": "a", "kind": "question", "text": "A?", "next": "b"},
                {"id": "b", "kind": "question", "text": "B?", "next": {"x": "a", "*": "c"}},
                {"id": "c", "kind": "action", "action": "regular_care", "title": "C"},
            ],
        },
    ],
)
def test_a_malformed_or_odd_definition_still_gives_a_valid_chart(definition):
    root = _parse(flowchart_svg(definition, title="Kapot"))

    assert root.find(f"{SVG}title").text == "Kapot"
    flowchart_text(definition)


def test_an_empty_pathway_says_it_has_no_steps():
    texts = _texts(_parse(flowchart_svg({"steps": []}, title="Leeg")))

    assert gettext("This pathway has no steps yet.") in texts
    assert flowchart_text({"steps": []}) == []


def test_many_outcomes_wrap_into_rows_so_the_chart_stays_narrow():
    outcomes = [f"uitkomst-{n}" for n in range(10)]
    definition = {
        "start": "route",
        "steps": [
            {
                "id": "route",
                "kind": "decision",
                "table": "t",
                "decision": "Route",
                "next": {o: o for o in outcomes},
            },
            *(
                {"id": o, "kind": "action", "action": "refer", "title": f"Hulp {o}"}
                for o in outcomes
            ),
        ],
    }
    root = _parse(flowchart_svg(definition, title="Breed"))

    width = float(root.get("viewBox").split()[2])
    assert width <= 4 * (flowchart.BOX_WIDTH + flowchart.GAP_X) + 2 * flowchart.MARGIN
    for o in outcomes:
        assert o in _texts(root) and f"Hulp {o}" in _texts(root)


def test_boxes_do_not_overlap():
    definition = _definition()
    root = _parse(flowchart_svg(definition, title="Demo"))
    boxes = []
    for group in _step_groups(root).values():
        shape = group.find(f"{SVG}rect")
        if shape is None:
            shape = group.find(f"{SVG}polygon")
            xs = [float(p.split(",")[0]) for p in shape.get("points").split()]
            ys = [float(p.split(",")[1]) for p in shape.get("points").split()]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
        else:
            x, y = float(shape.get("x")), float(shape.get("y"))
            boxes.append((x, y, x + float(shape.get("width")), y + float(shape.get("height"))))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_two_charts_on_one_page_do_not_share_ids():
    first = _parse(flowchart_svg(_definition(), title="Een"))
    second = _parse(flowchart_svg(_definition(), title="Twee"))

    ids = [el.get("id") for root in (first, second) for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) == 4


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("kind", sorted(flowchart.STYLES))
def test_colours_meet_wcag_aa_contrast(kind):
    fill, border = flowchart.STYLES[kind]

    assert _contrast(flowchart.TEXT_COLOUR, fill) >= 4.5  # body text on the box
    assert _contrast(border, fill) >= 4.5  # the caption is written in the border colour
    assert _contrast(border, flowchart.BACKGROUND) >= 3  # the box's outline (non-text)
    assert _contrast(flowchart.EDGE_COLOUR, flowchart.BACKGROUND) >= 3
    assert _contrast(flowchart.TEXT_COLOUR, flowchart.BACKGROUND) >= 4.5
