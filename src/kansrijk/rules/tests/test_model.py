"""Loading DMN models: errors name the element; evaluation never escapes with an exception."""

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from kansrijk.rules import dmn

DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/"
DMN11 = "http://www.omg.org/spec/DMN/20151101/dmn.xsd"


def model_xml(body: str, namespace: str = DMN13) -> str:
    return f'<definitions xmlns="{namespace}" name="m" namespace="x" id="m">{body}</definitions>'


CHAIN = """
<inputData id="i_schulden" name="Schulden"><variable name="Schulden" typeRef="boolean"/></inputData>
<inputData id="i_stress" name="Stress"><variable name="Stress" typeRef="boolean"/></inputData>
<inputData id="i_due" name="Uitgerekende datum"><variable name="Uitgerekende datum" typeRef="date"/></inputData>
<businessKnowledgeModel id="b_punt" name="punt">
  <encapsulatedLogic><formalParameter name="ja" typeRef="boolean"/>
    <literalExpression><text>if ja then 1 else 0</text></literalExpression></encapsulatedLogic>
</businessKnowledgeModel>
<decision id="d_count" name="Aantal domeinen">
  <variable name="Aantal domeinen" typeRef="number"/>
  <informationRequirement><requiredInput href="#i_schulden"/></informationRequirement>
  <informationRequirement><requiredInput href="#i_stress"/></informationRequirement>
  <knowledgeRequirement><requiredKnowledge href="#b_punt"/></knowledgeRequirement>
  <literalExpression><text>punt(Schulden) + punt(Stress)</text></literalExpression>
</decision>
<decision id="d_weeks" name="Weken tot de bevalling">
  <variable name="Weken tot de bevalling" typeRef="number"/>
  <informationRequirement><requiredInput href="#i_due"/></informationRequirement>
  <literalExpression><text>floor((Uitgerekende datum - date("2026-11-23")).days / 7)</text></literalExpression>
</decision>
<decision id="d_route" name="Route">
  <variable name="Route" typeRef="string"/>
  <informationRequirement><requiredDecision href="#d_count"/></informationRequirement>
  <decisionTable hitPolicy="FIRST">
    <input label="Aantal"><inputExpression typeRef="number"><text>Aantal domeinen</text></inputExpression></input>
    <output name="Route" typeRef="string"/>
    <rule id="r1"><inputEntry><text>&gt;= 2</text></inputEntry><outputEntry><text>"mdo"</text></outputEntry>
      <annotationEntry><text>Stapeling</text></annotationEntry></rule>
    <rule id="r2"><inputEntry><text>-</text></inputEntry><outputEntry><text>"regulier"</text></outputEntry></rule>
  </decisionTable>
</decision>
"""


def test_a_decision_uses_the_decisions_and_knowledge_it_requires():
    model = dmn.load(model_xml(CHAIN))
    result = model.evaluate("Route", {"Schulden": True, "Stress": True})
    assert result.value == "mdo"
    assert result.decisions["Aantal domeinen"] == Decimal(2)
    assert [(r.index, r.id, r.annotation) for r in result.matched_rules] == [(1, "r1", "Stapeling")]
    assert model.evaluate("Route", {"Schulden": True, "Stress": False}).value == "regulier"
    assert [d.name for d in model.required_inputs("Route")] == ["Schulden", "Stress"]


def test_dates_can_be_given_as_python_dates_or_iso_text():
    import datetime as dt

    model = dmn.load(model_xml(CHAIN))
    due = dt.date(2027, 1, 4)
    assert model.evaluate("Weken tot de bevalling", {"Uitgerekende datum": due}).value == 6
    # Text is not a date: null with a message, not an exception.
    result = model.evaluate("Weken tot de bevalling", {"Uitgerekende datum": "2027-01-04"})
    assert result.value is None and result.messages


def test_dmn_1_1_models_load_too():
    model = dmn.load(model_xml(CHAIN, DMN11))
    assert model.dmn_version == "1.1"
    assert model.evaluate("Route", {"Schulden": True, "Stress": True}).value == "mdo"


def test_a_model_is_read_from_a_path(tmp_path: Path):
    path = tmp_path / "route.dmn"
    path.write_text(model_xml(CHAIN))
    assert dmn.load(path).decision_names == ["Aantal domeinen", "Weken tot de bevalling", "Route"]
    assert dmn.load(str(path)).name == "m"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (CHAIN.replace("&gt;= 2", "&gt;= (2"), "decision 'Route', rule 1, input 1"),
        (CHAIN.replace("punt(Schulden) +", "punt(Schulden) + +"), "decision 'Aantal domeinen'"),
        (
            CHAIN.replace('href="#d_count"', 'href="#nowhere"'),
            "decision 'Route': required decision",
        ),
        (CHAIN.replace('hitPolicy="FIRST"', 'hitPolicy="SOMETIMES"'), "unknown hit policy"),
        (CHAIN.replace('<output name="Route" typeRef="string"/>', ""), "has no output"),
    ],
)
def test_an_invalid_model_names_the_element(body, message):
    with pytest.raises(dmn.DMNError) as error:
        dmn.load(model_xml(body))
    assert message in str(error.value)


def test_cycles_between_decisions_are_refused():
    body = """
    <decision id="a" name="A"><informationRequirement><requiredDecision href="#b"/></informationRequirement>
      <literalExpression><text>B</text></literalExpression></decision>
    <decision id="b" name="B"><informationRequirement><requiredDecision href="#a"/></informationRequirement>
      <literalExpression><text>A</text></literalExpression></decision>"""
    with pytest.raises(dmn.DMNError, match="depends on itself"):
        dmn.load(model_xml(body))


@pytest.mark.parametrize(
    "source",
    [
        "<definitions",
        '<definitions xmlns="urn:not-dmn"/>',
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><d>&b;</d>',
    ],
)
def test_what_is_not_a_dmn_model_is_refused_with_a_dmn_error(source):
    with pytest.raises(dmn.DMNError):
        dmn.load(source)


def test_a_missing_file_is_a_dmn_error(tmp_path):
    with pytest.raises(dmn.DMNError, match="cannot read"):
        dmn.load(tmp_path / "nothing.dmn")


def test_evaluating_an_unknown_decision_is_a_key_error():
    with pytest.raises(KeyError):
        dmn.load(model_xml(CHAIN)).evaluate("Nope", {})


def test_odd_inputs_never_escape_as_exceptions():
    model = dmn.load(model_xml(CHAIN))
    for odd in (object(), [1, [2]], {"x": 1}, float("nan"), 10**400, "🙂"):
        result = model.evaluate(
            "Route", {"Schulden": odd, "Stress": odd, "Uitgerekende datum": odd}
        )
        assert result.value in ("regulier", None)


def test_the_engine_is_plain_python_and_never_evaluates_python():
    code = "import sys, kansrijk.rules.dmn, kansrijk.rules.tck; print('django' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == "False"
    package = Path(dmn.__file__).parents[1]
    for source in package.rglob("*.py"):
        if "tests" in source.parts:
            continue
        text = source.read_text()
        assert "eval(" not in text.replace("_eval(", "").replace("evaluate(", ""), source
        assert "exec(" not in text, source
