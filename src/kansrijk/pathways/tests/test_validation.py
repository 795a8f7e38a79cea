"""A definition is checked before anything is stored; every problem names the step, in Dutch."""

from kansrijk.pathways.tests.factories import ROUTE_XML, definition, step
from kansrijk.pathways.validation import KnownCodes, definition_problems
from kansrijk.rules import dmn

CODES = KnownCodes(
    themes=frozenset({"debts-and-money", "housing"}),
    target_groups=frozenset({"pregnant-women"}),
    phases=frozenset({"pregnancy"}),
)


def problems(value) -> list[str]:
    return definition_problems(value, codes=CODES)


def test_the_test_pathway_is_valid():
    assert problems(definition()) == []


def test_it_refuses_something_that_is_not_a_pathway():
    assert "JSON" in problems(["not", "a", "pathway"])[0]


def test_it_names_a_missing_start_step():
    assert problems(definition(start="nowhere")) == ["De startstap nowhere bestaat niet."]


def test_it_names_a_next_step_that_does_not_exist():
    value = definition()
    step(value, "signal-debts")["next"] = "typo"
    assert "Stap signal-debts: de volgende stap typo bestaat niet." in problems(value)


def test_it_refuses_a_pathway_that_goes_in_circles():
    value = definition()
    step(value, "signal-stress")["next"] = "signal-debts"
    assert any("in een kringetje" in p and "signal-debts" in p for p in problems(value))


def test_it_names_a_step_that_cannot_be_reached():
    value = definition()
    value["steps"].append(
        {"id": "orphan", "kind": "action", "action": "regular_care", "title": "Los"}
    )
    assert "Stap orphan: deze stap is vanaf de start niet te bereiken." in problems(value)


def test_it_refuses_an_unknown_action_kind_and_theme():
    value = definition()
    step(value, "to-team")["action"] = "teleport"
    step(value, "to-team")["themes"] = ["astrology"]
    found = problems(value)
    assert any(p.startswith("Stap to-team: de actie moet een van deze zijn") for p in found)
    assert "Stap to-team: het thema astrology bestaat niet." in found


def test_it_names_a_table_that_does_not_load():
    value = definition(tables={"route": "<definitions>not dmn"})
    found = problems(value)
    assert any(p.startswith("Beslistabel route is niet te lezen:") for p in found)


def test_it_names_a_decision_the_table_does_not_have():
    value = definition()
    step(value, "route")["decision"] = "Routering"
    assert "Stap route: beslistabel route heeft geen beslissing Routering." in problems(value)


def test_it_requires_every_input_to_be_asked_on_every_path_first():
    value = definition()
    # Skip the stress question when there are no debts: the table still reads Stress.
    step(value, "signal-debts")["next"] = {"true": "signal-stress", "false": "route"}
    found = problems(value)
    assert any(p.startswith("Stap route: beslissing Route heeft Stress nodig") for p in found)


def test_it_requires_a_branch_for_every_answer_or_an_otherwise_branch():
    value = definition()
    step(value, "signal-debts")["next"] = {"true": "signal-stress"}
    found = problems(value)
    assert any("Stap signal-debts: er is geen volgende stap voor false" in p for p in found)


def test_it_refuses_a_branch_on_an_outcome_the_table_cannot_give():
    value = definition()
    step(value, "route")["next"] = {"mdo": "mdo", "crisis": "regular", "*": "to-team"}
    found = problems(value)
    assert "Stap route: crisis is geen mogelijke uitkomst van beslissing Route." in found


def test_it_refuses_an_answer_type_that_does_not_fit_the_table():
    value = definition()
    step(value, "signal-debts")["answer_type"] = "number"
    found = problems(value)
    assert any(
        p.startswith("Stap signal-debts: het soort antwoord past niet bij Schulden") for p in found
    )


def test_it_refuses_a_choice_question_without_options():
    value = definition()
    step(value, "signal-stress")["options"] = []
    assert any("minstens twee opties" in p for p in problems(value))


def test_a_pathway_without_decision_tables_is_fine():
    value = {
        "start": "ask",
        "steps": [
            {
                "id": "ask",
                "kind": "question",
                "text": "Is het onveilig thuis?",
                "variable": "Onveilig",
                "answer_type": "boolean",
                "next": {"true": "urgent", "false": "regular"},
            },
            {"id": "urgent", "kind": "action", "action": "urgent", "title": "Bel Veilig Thuis"},
            {"id": "regular", "kind": "action", "action": "regular_care", "title": "Gewone zorg"},
        ],
    }
    assert problems(value) == []


def test_every_problem_is_reported_not_only_the_first():
    value = definition()
    step(value, "to-team")["themes"] = ["astrology"]
    step(value, "mdo")["title"] = ""
    assert len(problems(value)) == 2


def test_a_multi_output_decision_must_name_the_output_to_branch_on():
    xml = dmn.table_model_xml(
        name="Route",
        hit_policy="FIRST",
        inputs=[dmn.InputSpec(label="Schulden", expression="Schulden", type_ref="boolean")],
        outputs=[
            dmn.OutputSpec(name="Actie", type_ref="string"),
            dmn.OutputSpec(name="Urgentie", type_ref="string"),
        ],
        rules=[(["-"], ['"mdo"', '"hoog"'], "")],
    )
    value = definition(tables={"route": xml})
    found = problems(value)
    assert any("heeft meer dan één uitkomst" in p for p in found)
    step(value, "route")["output"] = "Actie"
    assert problems(value) == []


def test_the_route_table_fixture_is_real_dmn():
    assert dmn.load(ROUTE_XML).decision_names == ["Route"]
