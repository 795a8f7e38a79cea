"""Decision tables with every hit policy, built with table_model_xml as an editor would."""

from decimal import Decimal

import pytest

from kansrijk.rules import dmn
from kansrijk.rules.dmn import InputSpec, OutputSpec

DOMAINS = InputSpec(label="Aantal domeinen", expression="Domeinen", type_ref="number")
UNSAFE = InputSpec(label="Onveilig thuis", expression="Onveilig", type_ref="boolean")
ROUTE = OutputSpec(name="Route", allowed_values='"urgent", "mdo", "wijkteam", "regulier"')

ROUTE_RULES = [
    (["-", "true"], ['"urgent"'], "Onveilig thuis gaat voor alles"),
    ([">= 2", "-"], ['"mdo"'], "Stapeling: bespreken in het Steunpunt"),
    (["1", "-"], ['"wijkteam"'], "Eén domein: sociaal wijkteam"),
    (["0", "-"], ['"regulier"'], "Geen signalen: reguliere zorg"),
]


def route_model(hit_policy, rules=ROUTE_RULES, aggregation=None, outputs=(ROUTE,)):
    return dmn.load(
        dmn.table_model_xml(
            name="Route",
            hit_policy=hit_policy,
            aggregation=aggregation,
            inputs=[DOMAINS, UNSAFE],
            outputs=list(outputs),
            rules=rules,
        )
    )


def route(model, domains, unsafe=False):
    return model.evaluate("Route", {"Domeinen": domains, "Onveilig": unsafe})


def test_first_takes_the_first_matching_rule_and_says_which():
    model = route_model("FIRST")
    result = route(model, 3, unsafe=True)
    assert result.value == "urgent"
    assert [(r.index, r.annotation) for r in result.matched_rules] == [
        (1, "Onveilig thuis gaat voor alles")
    ]
    assert route(model, 2).value == "mdo"
    assert route(model, 0).value == "regulier"


def test_unique_gives_null_with_a_message_when_rules_overlap():
    model = route_model("UNIQUE")
    assert route(model, 1).value == "wijkteam"
    overlapping = route(model, 2, unsafe=True)
    assert overlapping.value is None
    assert any("rules 1, 2 all match" in m for m in overlapping.messages)


def test_any_accepts_overlap_only_when_the_outputs_agree():
    rules = [(["> 0", "-"], ['"wijkteam"'], ""), (["> 1", "-"], ['"wijkteam"'], "")]
    assert route(route_model("ANY", rules), 3).value == "wijkteam"
    rules = [(["> 0", "-"], ['"wijkteam"'], ""), (["> 1", "-"], ['"mdo"'], "")]
    result = route(route_model("ANY", rules), 3)
    assert result.value is None and result.messages


def test_priority_follows_the_order_of_the_output_values():
    model = route_model("PRIORITY", list(reversed(ROUTE_RULES)))
    assert route(model, 3, unsafe=True).value == "urgent"
    assert route(model, 2).value == "mdo"


def test_output_order_lists_every_match_by_priority_and_rule_order_by_rule():
    rules = [(["> 0", "-"], ['"wijkteam"'], ""), (["-", "true"], ['"urgent"'], "")]
    assert route(route_model("OUTPUT ORDER", rules), 1, True).value == ["urgent", "wijkteam"]
    assert route(route_model("RULE ORDER", rules), 1, True).value == ["wijkteam", "urgent"]
    assert route(route_model("RULE ORDER", rules), 0).value == []


POINTS = OutputSpec(name="Punten", type_ref="number")
POINT_RULES = [
    (["> 0", "-"], ["2"], ""),
    (["> 1", "-"], ["3"], ""),
    (["-", "true"], ["10"], ""),
]


@pytest.mark.parametrize(
    ("aggregation", "expected"),
    [(None, [Decimal(2), Decimal(3), Decimal(10)]), ("SUM", Decimal(15)), ("MIN", Decimal(2)),
     ("MAX", Decimal(10)), ("COUNT", Decimal(3))],
)  # fmt: skip
def test_collect_with_and_without_aggregation(aggregation, expected):
    model = route_model("COLLECT", POINT_RULES, aggregation=aggregation, outputs=(POINTS,))
    result = route(model, 2, unsafe=True)
    assert result.value == expected
    assert result.matched_rules and len(result.matched_rules) == 3
    assert (
        model.decision("Route").table.hit_policy_code
        == "C" + {None: "", "SUM": "+", "MIN": "<", "MAX": ">", "COUNT": "#"}[aggregation]
    )


def test_no_match_gives_the_default_output_or_null():
    rules = [([">= 2", "-"], ['"mdo"'], "")]
    assert route(route_model("UNIQUE", rules), 0).value is None
    with_default = OutputSpec(name="Route", default='"regulier"')
    assert route(route_model("UNIQUE", rules, outputs=(with_default,)), 0).value == "regulier"


def test_several_outputs_give_a_context():
    outputs = (OutputSpec(name="Route"), OutputSpec(name="Termijn", type_ref="number"))
    rules = [(["-", "true"], ['"urgent"', "0"], ""), (["-", "false"], ['"regulier"', "10"], "")]
    model = route_model("UNIQUE", rules, outputs=outputs)
    assert route(model, 0, True).value == {"Route": "urgent", "Termijn": Decimal(0)}


def test_an_input_outside_its_values_list_gives_null_with_a_message():
    model = dmn.load(
        dmn.table_model_xml(
            name="Taal",
            inputs=[InputSpec("Taal", "Taal", "string", '"nl", "en"')],
            outputs=[OutputSpec("Tolk", "boolean")],
            rules=[(['"nl"'], ["false"], ""), (['"en"'], ["true"], "")],
        )
    )
    assert model.evaluate("Taal", {"Taal": "en"}).value is True
    result = model.evaluate("Taal", {"Taal": "ar"})
    assert result.value is None
    assert "not one of the allowed values" in result.messages[0]


def test_an_input_of_the_wrong_type_becomes_null_and_the_table_still_answers():
    model = route_model("FIRST")
    result = model.evaluate("Route", {"Domeinen": "veel", "Onveilig": False})
    assert result.value is None  # no rule matches a null count; there is no default
    assert any("does not conform to type number" in m for m in result.messages)


def test_the_table_reads_back_as_written():
    table = route_model("FIRST").decision("Route").table
    assert table.hit_policy == "FIRST"
    assert [c.label for c in table.inputs] == ["Aantal domeinen", "Onveilig thuis"]
    assert table.rules[1].input_entries == [">= 2", "-"]
    assert table.rules[1].output_entries == ['"mdo"']
    assert table.rules[1].annotation == "Stapeling: bespreken in het Steunpunt"
