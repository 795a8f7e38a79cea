"""Walking a pathway: one question at a time, the decision table's rules as the reason, and
the outcome resolved to real services of the sociale kaart for the client's place."""

import pytest

from kansrijk.directory import services as directory_services
from kansrijk.pathways import selectors
from kansrijk.pathways.tests.factories import approve_fully, definition, make_pathway, step
from kansrijk.regions.models import Neighbourhood

pytestmark = pytest.mark.django_db


def _walk(answers, **kwargs):
    return selectors.walk(
        definition=kwargs.pop("value", definition()),
        answers=answers,
        municipality_code=kwargs.pop("municipality_code", "GM0479"),
        **kwargs,
    )


@pytest.fixture
def debt_services():
    provider = directory_services.organization_create(
        name="Gemeente Zaanstad (test)", description="Gemeente.", updated_by="test"
    )
    zaanstad = directory_services.service_create(
        organization=provider,
        name="Schuldhulpverlening Zaanstad",
        description="Hulp bij schulden en geldzorgen.",
        application_process="Bel of mail het Sociaal Wijkteam.",
        theme_codes=["debts-and-money"],
        area_codes=["GM0479"],
        phones=[{"number": "075 000 0000"}],
        updated_by="test",
    )
    elsewhere = directory_services.service_create(
        organization=provider,
        name="Schuldhulp Heerlen",
        description="Hulp bij schulden.",
        theme_codes=["debts-and-money"],
        area_codes=["GM0917"],
        updated_by="test",
    )
    housing = directory_services.service_create(
        organization=provider,
        name="Woonloket Zaanstad",
        description="Hulp bij wonen en schulden van de huur.",
        theme_codes=["housing"],
        area_codes=["GM0479"],
        updated_by="test",
    )
    return {"zaanstad": zaanstad, "elsewhere": elsewhere, "housing": housing}


def test_the_walk_starts_with_the_first_question():
    result = _walk({})
    assert result.question["id"] == "signal-debts"
    assert result.path == []
    assert result.outcome is None


def test_it_asks_one_question_at_a_time():
    result = _walk({"Schulden": "true"})
    assert result.question["id"] == "signal-stress"
    assert [e.answer_label for e in result.path] == ["Ja"]


def test_debts_alone_end_at_the_debt_services_of_the_clients_municipality(debt_services):
    result = _walk({"Schulden": "true", "Stress": "wat"})
    assert result.outcome.step["id"] == "to-team"
    names = [card.service.name for card in result.outcome.services]
    assert names == ["Schuldhulpverlening Zaanstad"]
    card = result.outcome.services[0]
    assert card.phones[0].number == "075 000 0000"
    assert card.service.application_process == "Bel of mail het Sociaal Wijkteam."
    decision = result.path[-1]
    assert decision.outcome == "wijkteam"
    assert [rule.index for rule in decision.matched_rules] == [2]
    assert decision.matched_rules[0].annotation == "Schulden: naar het sociaal wijkteam"


def test_a_neighbourhood_narrows_to_services_that_reach_it(debt_services):
    hood = (
        Neighbourhood.objects.filter(municipality__code="GM0479")
        .exclude(code=None)
        .order_by("code")
        .first()
    )
    result = _walk({"Schulden": "true", "Stress": "geen"}, neighbourhood_code=hood.code)
    assert [c.service.name for c in result.outcome.services] == ["Schuldhulpverlening Zaanstad"]


def test_debts_and_stress_go_to_the_case_consultation():
    result = _walk({"Schulden": "true", "Stress": "veel"})
    assert result.outcome.step["id"] == "mdo"
    assert result.outcome.services == []
    assert result.path[-1].matched_rules[0].index == 1


def test_no_debts_ends_at_regular_care_through_the_otherwise_branch():
    result = _walk({"Schulden": "false", "Stress": "veel"})
    assert result.outcome.step["id"] == "regular"
    assert result.path[-1].outcome == "regulier"


def test_an_answer_that_does_not_fit_asks_the_question_again():
    result = _walk({"Schulden": "misschien"})
    assert result.question["id"] == "signal-debts"
    assert result.error


def test_answers_to_questions_off_the_way_are_ignored():
    result = _walk({"Schulden": "false", "Stress": "veel", "Onbekend": "x"})
    assert set(result.answers) == {"Schulden", "Stress"}


def test_when_no_service_matches_the_search_words_the_theme_still_finds_help(debt_services):
    value = definition()
    step(value, "to-team")["query"] = "woordenboek"
    result = _walk({"Schulden": "true", "Stress": "geen"}, value=value)
    assert result.outcome.broadened
    assert [c.service.name for c in result.outcome.services] == ["Schuldhulpverlening Zaanstad"]


def test_changing_an_answer_goes_back_to_that_question():
    result = _walk({"Schulden": "true", "Stress": "veel"}, resolve_services=False)
    assert selectors.answers_before(result=result, variable="Stress") == {"Schulden": "true"}
    assert selectors.answers_before(result=result, variable="Schulden") == {}


def test_a_number_question_accepts_a_dutch_decimal_comma():
    value = {
        "start": "weeks",
        "steps": [
            {
                "id": "weeks",
                "kind": "question",
                "text": "Hoeveel weken zwanger?",
                "variable": "Weken",
                "answer_type": "number",
                "next": {"12": "early", "*": "late"},
            },
            {"id": "early", "kind": "action", "action": "regular_care", "title": "Vroeg"},
            {"id": "late", "kind": "action", "action": "regular_care", "title": "Later"},
        ],
        "tables": {},
    }
    assert _walk({"Weken": "12,0"}, value=value).outcome.step["id"] == "early"
    assert _walk({"Weken": "20"}, value=value).outcome.step["id"] == "late"
    assert _walk({"Weken": "twaalf"}, value=value).error


def test_pathways_for_municipality_lists_approved_pathways_covering_it(
    coalition, coordinator, organisation, other_organisation
):
    approved = make_pathway(coalition=coalition, user=coordinator, title="In gebruik")
    approve_fully(approved.versions.get(), [organisation, other_organisation])
    make_pathway(coalition=coalition, user=coordinator, title="Nog een concept")

    found = selectors.pathways_for_municipality(code="GM0479")
    assert [v.pathway.title for v in found] == ["In gebruik"]
    assert selectors.pathways_for_municipality(code="GM0479", theme="housing") == []
    assert selectors.pathways_for_municipality(code="GM0917") == []
    assert selectors.pathways_for_municipality(code="GM9999") == []


def test_comparing_two_versions_shows_the_changed_step_and_rule(
    pathway, draft, coordinator, organisation, other_organisation
):
    from kansrijk.pathways import services

    approve_fully(draft, [organisation, other_organisation])
    second = services.version_draft_create(pathway=pathway, user=coordinator)
    changed = definition()
    step(changed, "mdo")["title"] = "Bespreek in het Steunpunt Kwetsbare Zwangeren"
    services.version_update(
        version=second,
        expected_lock_version=second.lock_version,
        user=coordinator,
        definition=changed,
    )
    lines = selectors.version_compare(a=draft, b=second)
    added = [line.text for line in lines if line.kind == "added"]
    removed = [line.text for line in lines if line.kind == "removed"]
    assert any("Steunpunt Kwetsbare Zwangeren" in text for text in added)
    assert any("Bespreek in het MDO" in text for text in removed)
    assert selectors.version_compare(a=draft, b=draft) == []


def test_the_comparison_lists_decision_table_rules():
    text = selectors.definition_text(definition())
    assert any("Schulden en veel stress" in line for line in text)
