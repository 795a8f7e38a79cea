"""The demo zorgpaden (demo.data.pathways) hang together, without the database: every step
leads somewhere that exists, every decision table loads and routes as its annotations say, and
every referral finds services of the demo sociale kaart where the coalition works."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from kansrijk.demo.data.coalitions import COALITIONS
from kansrijk.demo.data.pathways import DMN_DIR, PATHWAYS, DemoPathway
from kansrijk.demo.data.places import ZAANSTAD
from kansrijk.demo.hsds import demo_directory
from kansrijk.directory import search
from kansrijk.directory.constants import PHASE_TAXONOMY, TARGET_GROUP_TAXONOMY, THEME_TAXONOMY
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES
from kansrijk.pathways.flowchart import flowchart_svg, flowchart_text
from kansrijk.pathways.validation import KnownCodes, definition_problems
from kansrijk.rules import dmn

POELENBURG = "WK047912"
DMN_15 = "https://www.omg.org/spec/DMN/20230324/MODEL/"
CODES = {key: {term[0] for term in TAXONOMIES[key][2]} for key in TAXONOMIES}
BY_SLUG = {p.slug: p for p in PATHWAYS}
COALITION = {c.slug: c for c in COALITIONS}


def _pathway(slug: str) -> DemoPathway:
    return BY_SLUG[slug]


def _steps(pathway: DemoPathway) -> dict[str, dict]:
    return {step["id"]: step for step in pathway.definition["steps"]}


def _targets(step: dict) -> list[str]:
    nxt = step.get("next")
    if isinstance(nxt, str):
        return [nxt]
    return list((nxt or {}).values())


def _value_text(value) -> str | None:
    """A decision's value as `next` maps match it (pathway definition format)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return None if value is None else str(value)


def _walk(pathway: DemoPathway, answers: dict) -> tuple[dict, list[str]]:
    """Answer the questions as given (unnamed booleans: no), follow the decisions; return the
    action the walk ends at and the ids of the steps on the way."""
    steps = _steps(pathway)
    tables = {key: dmn.load(source) for key, source in pathway.definition["tables"].items()}
    given: dict = {}
    step, path = steps[pathway.definition["start"]], []
    while step["kind"] != "action":
        path.append(step["id"])
        if step["kind"] == "question":
            value = answers.get(step["variable"], False)
            given[step["variable"]] = value
            key = _value_text(value)
        else:
            result = tables[step["table"]].evaluate(step["decision"], given)
            assert result.messages == [], result.messages
            key = _value_text(result.value)
        nxt = step["next"]
        step = steps[nxt if isinstance(nxt, str) else nxt.get(key, nxt.get("*"))]
        assert len(path) < 50
    return step, path


# --- structure ------------------------------------------------------------------------------


def test_every_pathway_belongs_to_a_coalition_and_is_approved_by_its_own_partners():
    assert len(BY_SLUG) == len(PATHWAYS)
    for pathway in PATHWAYS:
        coalition = COALITION[pathway.scope]
        assert pathway.theme in CODES[THEME_TAXONOMY]
        assert pathway.approved_by, pathway.slug
        assert set(pathway.approved_by) <= set(coalition.members), pathway.slug
        assert pathway.title and pathway.description


def test_zuid_limburg_has_a_zorgpad_for_each_theme_of_the_issue():
    themes = {p.theme for p in PATHWAYS if p.scope == "zuid-limburg"}

    assert themes == {
        "debts-and-money",
        "housing",
        "mental-health",
        "lifestyle-and-smoking",
        "domestic-violence-and-safety",
    }
    assert _pathway("verwijzing-kwetsbare-zwangeren").scope == "zaanstad"


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_every_next_step_exists_and_every_step_can_be_reached(slug):
    pathway = _pathway(slug)
    steps = _steps(pathway)
    assert len(steps) == len(pathway.definition["steps"])  # ids are unique

    seen, todo = set(), [pathway.definition["start"]]
    while todo:
        step_id = todo.pop()
        if step_id in seen:
            continue
        seen.add(step_id)
        step = steps[step_id]  # KeyError: a next step that does not exist
        todo += _targets(step)
    assert seen == set(steps)
    for step in steps.values():
        if step["kind"] == "action":
            assert "next" not in step and step["title"], step["id"]
        elif step["kind"] == "decision":
            model = dmn.load(pathway.definition["tables"][step["table"]])
            assert step["decision"] in model.decision_names
        else:
            assert step["answer_type"] in ("boolean", "choice"), step["id"]
            if step["answer_type"] == "boolean":
                assert isinstance(step["next"], str) or set(step["next"]) <= {"true", "false"}


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_the_definitions_pass_the_checks_of_the_pathways_app(slug):
    codes = KnownCodes(
        themes=frozenset(CODES[THEME_TAXONOMY]),
        target_groups=frozenset(CODES[TARGET_GROUP_TAXONOMY]),
        phases=frozenset(CODES[PHASE_TAXONOMY]),
    )
    assert definition_problems(_pathway(slug).definition, codes=codes) == []


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_every_question_a_decision_reads_is_asked_before_it(slug):
    pathway = _pathway(slug)
    steps = _steps(pathway)
    asked = {s["variable"] for s in steps.values() if s["kind"] == "question"}
    for step in steps.values():
        if step["kind"] != "decision":
            continue
        model = dmn.load(pathway.definition["tables"][step["table"]])
        assert {item.name for item in model.input_data} <= asked
        # Every outcome the table can give has its own way on.
        outcomes = set(
            re.findall(
                r'"([^"]*)"', model.decision(step["decision"]).table.outputs[0].allowed_values or ""
            )
        )
        assert outcomes <= set(step["next"]), step["id"]


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_actions_name_only_codes_of_the_sociale_kaart(slug):
    for step in _steps(_pathway(slug)).values():
        if step["kind"] != "action":
            continue
        assert step["action"] in ("regular_care", "refer", "case_consultation", "urgent")
        assert set(step.get("themes", [])) <= CODES[THEME_TAXONOMY]
        assert set(step.get("target_groups", [])) <= CODES[TARGET_GROUP_TAXONOMY]
        assert set(step.get("phases", [])) <= CODES[PHASE_TAXONOMY]
        if step["action"] in ("refer", "urgent"):
            assert step["themes"], step["id"]


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_the_texts_hold_no_phone_numbers(slug):
    text = repr(_pathway(slug))
    assert not re.search(r"\b0\d{1,3}[ -]?\d{2,3}[ -]?\d{2,4}\b|\b(112|0800|0900)\b", text)


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_every_pathway_draws_as_a_flowchart_with_a_text_alternative(slug):
    pathway = _pathway(slug)
    svg = flowchart_svg(pathway.definition, title=pathway.title)
    steps = flowchart_text(pathway.definition)

    assert "<title id=" in svg and pathway.title in svg
    assert {s.id for s in steps} == set(_steps(pathway))
    assert all(s.reachable for s in steps)
    assert all(b.number is not None for s in steps for b in s.branches)


# --- the decision tables ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(DMN_DIR.glob("*.dmn")), ids=lambda p: p.name)
def test_every_dmn_file_is_dmn_1_5_with_an_explanation_per_rule(path: Path):
    text = path.read_text(encoding="utf-8")
    model = dmn.load(path)

    assert f'xmlns="{DMN_15}"' in text
    for name in model.decision_names:
        table = model.decision(name).table
        if table is None:
            continue
        assert table.rules
        for rule in table.rules:
            assert len(rule.annotation or "") > 20, (path.name, rule.index)


def test_every_dmn_file_is_used_by_a_pathway():
    used = {source for p in PATHWAYS for source in p.definition["tables"].values()}
    for path in DMN_DIR.glob("*.dmn"):
        assert path.read_text(encoding="utf-8") in used, path.name


def test_the_zuid_limburg_tables_use_different_hit_policies():
    policies = set()
    for pathway in PATHWAYS:
        if pathway.scope != "zuid-limburg":
            continue
        for source in pathway.definition["tables"].values():
            model = dmn.load(source)
            policies |= {
                model.decision(n).table.hit_policy
                for n in model.decision_names
                if model.decision(n).table
            }
    assert {"UNIQUE", "FIRST", "PRIORITY", "COLLECT"} <= policies


def _zaanstad_route(**true_domains) -> dmn.DecisionResult:
    model = dmn.load(_pathway("verwijzing-kwetsbare-zwangeren").definition["tables"]["route"])
    inputs = {item.name: False for item in model.input_data}
    inputs["Toestemming"] = True
    inputs.update(true_domains)
    return model.evaluate("Route", inputs)


@pytest.mark.parametrize(
    ("answers", "route"),
    [
        ({"Schulden": True, "Stress": True}, "steunpunt"),
        ({"Schulden": True, "Stress": True, "Onveilig": True}, "veilig"),
        ({"Onveilig": True}, "veilig"),
        ({"Onveilig": True, "Toestemming": False}, "veilig"),
        ({"Schulden": True}, "geld"),
        ({"Schulden": True, "Toestemming": False}, "steunpunt"),
        ({"Wonen": True}, "wonen"),
        ({"Stress": True}, "psyche"),
        ({"Psychisch": True}, "psyche"),
        ({"Netwerk": True}, "netwerk"),
        ({"Taal": True}, "taal"),
        ({"Tienerzwangerschap": True}, "jong"),
        ({"Verblijfsstatus": True}, "verblijf"),
        ({"Taal": True, "Verblijfsstatus": True, "Netwerk": True}, "steunpunt"),
        ({}, "regulier"),
        ({"Toestemming": False}, "regulier"),
    ],
)
def test_the_zaanstad_route(answers, route):
    result = _zaanstad_route(**answers)

    assert result.value == route
    assert result.messages == []
    assert result.matched_rules[0].annotation


def test_the_zaanstad_route_counts_the_domains_in_a_decision_of_its_own():
    model = dmn.load(_pathway("verwijzing-kwetsbare-zwangeren").definition["tables"]["route"])
    inputs = {item.name: False for item in model.input_data}

    assert model.decision("Aantal domeinen").table is None  # a literal expression
    assert model.evaluate("Aantal domeinen", inputs).value == 0
    inputs.update(Schulden=True, Stress=True, Taal=True)
    assert model.evaluate("Aantal domeinen", inputs).value == 3
    # Route reads the count: two domains without anything else -> the Steunpunt.
    table = model.decision("Route").table
    assert "Aantal domeinen" in [clause.expression for clause in table.inputs]
    assert table.hit_policy == "FIRST"


def _evaluate(slug: str, table: str, decision: str, inputs: dict):
    model = dmn.load(_pathway(slug).definition["tables"][table])
    result = model.evaluate(decision, inputs)
    assert result.messages == []
    return result


@pytest.mark.parametrize(
    ("inputs", "route"),
    [
        ({"Schulden": True, "Spoed": True, "Overzicht": True}, "spoed"),
        ({"Schulden": True, "Spoed": False, "Overzicht": False}, "schuldhulp"),
        ({"Schulden": False, "Spoed": False, "Overzicht": False}, "budgetcoach"),
        ({"Schulden": False, "Spoed": False, "Overzicht": True}, "regulier"),
    ],
)
def test_the_debts_route_takes_the_first_rule_that_fits(inputs, route):
    result = _evaluate("zuid-limburg-schulden", "geldroute", "Geldroute", inputs)
    assert result.value == route


def test_the_housing_table_has_exactly_one_rule_for_every_situation():
    expected = {
        ("geen", True): "dakloos",
        ("geen", False): "dakloos",
        ("dreigt", True): "uitzetting",
        ("dreigt", False): "uitzetting",
        ("eigen", False): "woonloket",
        ("eigen", True): "regulier",
    }
    for (situation, suitable), route in expected.items():
        result = _evaluate(
            "zuid-limburg-wonen",
            "woonroute",
            "Woonroute",
            {"Woonsituatie": situation, "Geschikt": suitable},
        )
        assert (result.value, len(result.matched_rules)) == (route, 1)


@pytest.mark.parametrize(
    ("inputs", "route"),
    [
        ({"Klachten": "ernstig", "Voorgeschiedenis": True, "Zwanger": True}, "pop-poli"),
        ({"Klachten": "geen", "Voorgeschiedenis": True, "Zwanger": True}, "pop-poli"),
        ({"Klachten": "ernstig", "Voorgeschiedenis": False, "Zwanger": True}, "huisarts"),
        ({"Klachten": "licht", "Voorgeschiedenis": True, "Zwanger": False}, "huisarts"),
        ({"Klachten": "licht", "Voorgeschiedenis": False, "Zwanger": True}, "steun"),
        ({"Klachten": "geen", "Voorgeschiedenis": False, "Zwanger": False}, "regulier"),
    ],
)
def test_the_mental_health_route_takes_the_outcome_with_the_highest_priority(inputs, route):
    result = _evaluate("zuid-limburg-psychische-klachten", "hulproute", "Hulproute", inputs)
    assert result.value == route


@pytest.mark.parametrize(
    ("smokes", "smoke_at_home", "alcohol", "level"),
    [
        (True, True, True, 3),
        (True, False, True, 3),
        (True, True, False, 2),
        (False, True, False, 1),
        (False, False, False, 0),
    ],
)
def test_the_lifestyle_level_is_the_highest_of_all_rules_that_fit(
    smokes, smoke_at_home, alcohol, level
):
    result = _evaluate(
        "zuid-limburg-roken-en-leefstijl",
        "leefstijl",
        "Leefstijlniveau",
        {"Rookt": smokes, "Meeroken": smoke_at_home, "Middelen": alcohol},
    )
    assert result.value == level


@pytest.mark.parametrize(
    ("signals", "safe", "route"),
    [
        ("zeker", False, "opvang"),
        ("zeker", True, "melden"),
        ("vermoeden", False, "melden"),
        ("vermoeden", True, "advies"),
        ("geen", True, "regulier"),
        ("geen", False, "regulier"),
    ],
)
def test_the_domestic_violence_route_takes_the_heaviest_outcome(signals, safe, route):
    result = _evaluate(
        "zuid-limburg-huiselijk-geweld",
        "veiligheid",
        "Veiligheidsroute",
        {"Signalen": signals, "Veilig": safe},
    )
    assert result.value == route


# --- walking the pathways ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "answers", "end"),
    [
        ("verwijzing-kwetsbare-zwangeren", {"Schulden": True, "Stress": True}, "steunpunt"),
        ("verwijzing-kwetsbare-zwangeren", {"Onveilig": True}, "veilig-thuis"),
        ("verwijzing-kwetsbare-zwangeren", {"Schulden": True, "Toestemming": True}, "hulp-geld"),
        ("verwijzing-kwetsbare-zwangeren", {"Toestemming": True}, "regulier"),
        ("zuid-limburg-psychische-klachten", {"Acuut": True}, "crisis"),
        ("zuid-limburg-psychische-klachten", {"Klachten": "licht"}, "steun"),
        ("zuid-limburg-huiselijk-geweld", {"Gevaar": True}, "direct-gevaar"),
        ("zuid-limburg-huiselijk-geweld", {"Signalen": "vermoeden", "Veilig": True}, "advies"),
        ("zuid-limburg-roken-en-leefstijl", {"Rookt": True}, "stoppen"),
        ("zuid-limburg-roken-en-leefstijl", {}, "regulier"),
        ("zuid-limburg-wonen", {"Woonsituatie": "dreigt"}, "uitzetting"),
        ("zuid-limburg-schulden", {"Schulden": True, "Overzicht": True}, "schuldhulp"),
    ],
)
def test_walking_a_pathway_ends_at_the_expected_action(slug, answers, end):
    action, _path = _walk(_pathway(slug), answers)
    assert action["id"] == end


def test_the_zaanstad_walk_asks_every_signal_then_explores_then_decides():
    _action, path = _walk(_pathway("verwijzing-kwetsbare-zwangeren"), {"Schulden": True})

    assert path[0] == "signaal-schulden"
    assert path[-2:] == ["verkennen", "route"]
    assert len(path) == 11


# --- the actions find services in the demo sociale kaart ---------------------------------------


def _searchable(spec, organisation_names: dict[str, str]) -> set[str]:
    """The words (and stems) of the fields the directory search indexes."""
    labels = " ".join((*spec.themes, *spec.target_groups, *spec.phases)).replace("-", " ")
    text = " ".join(
        (
            spec.name,
            spec.description,
            spec.eligibility_description,
            organisation_names[spec.organization],
            labels,
        )
    )
    found = search.words(text)
    return found | {search.stem(w) for w in found}


def _matches_query(terms: set[str], query: str) -> bool:
    """As directory.search matches a query word: exactly, or by prefix for longer words
    (typos aside); any one query word is enough."""
    for word in search.query_words(query):
        forms = {word, search.stem(word)}
        if forms & terms:
            return True
        prefixes = {f for f in forms if len(f) >= search.PREFIX_MIN_LENGTH}
        if any(t.startswith(p) for t in terms for p in prefixes):
            return True
    return not search.query_words(query)


def _services_for(action: dict, areas: set[str]) -> list[str]:
    directory = demo_directory()
    names = {org.key: org.name for org in directory.organizations}
    found = []
    for spec in directory.services:
        if not set(spec.areas) & areas:
            continue
        if action.get("themes") and not set(action["themes"]) & set(spec.themes):
            continue
        if action.get("target_groups") and not set(action["target_groups"]) & set(
            spec.target_groups
        ):
            continue
        if action.get("phases") and not set(action["phases"]) & set(spec.phases):
            continue
        if _matches_query(_searchable(spec, names), action.get("query", "")):
            found.append(spec.name)
    return found


def test_walking_zaanstad_for_poelenburg_with_debts_and_stress_ends_at_named_zaanstad_services():
    action, _path = _walk(
        _pathway("verwijzing-kwetsbare-zwangeren"),
        {"Schulden": True, "Stress": True, "Toestemming": True},
    )

    assert action["action"] == "case_consultation"
    assert "Steunpunt Kwetsbare Zwangeren" in action["title"]
    found = _services_for(action, {ZAANSTAD, POELENBURG})
    assert {
        "Wijkteam Poelenburg",
        "Sociaal wijkteam Zaanstad",
        "Schuldhulpverlening Zaanstad",
    } <= set(found)
    assert all("Zaanstad" in name or "Poelenburg" in name for name in found), found


def test_walking_zaanstad_for_poelenburg_with_only_debts_finds_debt_help_in_poelenburg():
    action, _path = _walk(
        _pathway("verwijzing-kwetsbare-zwangeren"), {"Schulden": True, "Toestemming": True}
    )

    found = _services_for(action, {ZAANSTAD, POELENBURG})
    assert {"Budgetcoaching Poelenburg", "Schuldhulpverlening Zaanstad"} <= set(found)


def _referrals():
    for pathway in PATHWAYS:
        for step in pathway.definition["steps"]:
            if step["kind"] == "action" and step.get("themes"):
                yield pytest.param(pathway, step, id=f"{pathway.slug}:{step['id']}")


@pytest.mark.parametrize(("pathway", "action"), list(_referrals()))
def test_every_referral_finds_services_in_every_municipality_of_the_coalition(pathway, action):
    for municipality in COALITION[pathway.scope].municipalities:
        assert _services_for(action, {municipality}), (municipality, action["id"])
    if pathway.scope == "zaanstad":
        assert _services_for(action, {ZAANSTAD, POELENBURG})
