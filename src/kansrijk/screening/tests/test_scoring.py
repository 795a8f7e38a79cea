"""`kansrijk.screening.score` and `accumulation`, against worked examples."""

import os
import subprocess
import sys

import pytest

from kansrijk.screening import Cutoffs, ScreeningError, accumulation, score

# EPDS positions: items 1, 2 and 4 score 0-3 in printed order; items 3 and 5-10 are reversed.
EPDS_LOWEST = {1: 0, 2: 0, 3: 3, 4: 0, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3}
NEVER = 3  # item 10: the last option, "never"
HARDLY_EVER = 2


def epds(**changes):
    answers = dict(EPDS_LOWEST)
    answers.update({int(key[1:]): value for key, value in changes.items()})
    return answers


def test_epds_all_first_answers_score_21_high_with_the_self_harm_flag():
    result = score("epds", {number: 0 for number in range(1, 11)})
    # Items 1, 2 and 4 score 0; items 3 and 5-10 score 3 each: 7 x 3 = 21.
    assert result.total == 21
    assert result.level == "high"
    assert result.flags == ["self_harm"]
    assert result.urgent is True
    assert result.domains == ["psychosocial"]


def test_epds_all_last_answers_score_9_normal_without_a_flag():
    result = score("epds", {number: 3 for number in range(1, 11)})
    assert result.total == 9  # items 1, 2 and 4 score 3 each; the reversed items 0
    assert result.level == "normal"
    assert result.flags == []
    assert result.urgent is False
    assert result.domains == []


def test_epds_reverse_scores_items_3_and_5_to_10():
    assert score("epds", epds(i3=0)).total == 3
    assert score("epds", epds(i1=1)).total == 1
    assert score("epds", epds(i7=1)).total == 2


@pytest.mark.parametrize(
    ("answers", "total", "level"),
    [
        (epds(i1=3, i2=3, i4=3), 9, "normal"),
        (epds(i1=3, i2=3, i4=3, i3=2), 10, "elevated"),  # 9 + 1
        (epds(i1=3, i2=3, i4=3, i3=0), 12, "elevated"),  # 9 + 3
        (epds(i1=3, i2=3, i4=3, i3=0, i5=2), 13, "high"),  # 9 + 3 + 1
        ({n: 0 for n in range(1, 11)} | {1: 3, 2: 3, 4: 3}, 30, "high"),
    ],
)
def test_epds_is_elevated_from_10_and_high_from_13(answers, total, level):
    result = score("epds", answers)
    assert (result.total, result.level) == (total, level)


def test_epds_item_10_hardly_ever_flags_self_harm_whatever_the_total():
    result = score("epds", epds(i10=HARDLY_EVER))
    assert result.total == 1
    assert result.level == "normal"
    assert result.flags == ["self_harm"]
    assert result.urgent is True
    assert result.domains == ["psychosocial"]


@pytest.mark.parametrize("position", [0, 1, 2])
def test_epds_every_answer_but_never_on_item_10_is_urgent(position):
    assert "self_harm" in score("epds", epds(i10=position)).flags


def test_epds_never_on_item_10_raises_no_flag():
    assert score("epds", epds(i10=NEVER)).flags == []


@pytest.mark.parametrize("code", ["gad2", "phq2", "GAD-2", "PHQ-2"])
@pytest.mark.parametrize(
    ("answers", "total", "level"),
    [
        ({1: 0, 2: 0}, 0, "normal"),
        ({1: 1, 2: 1}, 2, "normal"),
        ({1: 1, 2: 2}, 3, "elevated"),
        ({1: 3, 2: 3}, 6, "elevated"),
    ],
)
def test_gad2_and_phq2_are_positive_from_3_and_have_no_high_level(code, answers, total, level):
    result = score(code, answers)
    assert (result.total, result.level, result.flags) == (total, level, [])
    assert result.domains == (["psychosocial"] if level == "elevated" else [])


YES, NO = 0, 1  # the signal list prints Ja before Nee
SIGNALS = {n: NO for n in range(1, 11)}
DEBTS, UNSAFE, NETWORK, PSYCHOSOCIAL = 3, 6, 10, 1


def test_the_signal_list_is_marked_as_not_validated():
    assert score("signal-list", SIGNALS).validated is False
    assert score("epds", EPDS_LOWEST).validated is True


def test_the_signal_list_without_signals_is_normal():
    result = score("signal-list", SIGNALS)
    assert (result.total, result.level, result.flags, result.domains) == (0, "normal", [], [])


def test_one_signalled_domain_is_elevated():
    result = score("signal-list", SIGNALS | {DEBTS: YES})
    assert (result.total, result.level) == (1, "elevated")
    assert result.domains == ["poverty_debts"]
    assert result.flags == ["poverty_debts"]
    assert result.urgent is False


def test_two_signalled_domains_are_high_and_flag_accumulation():
    result = score("signal-list", SIGNALS | {DEBTS: YES, NETWORK: YES})
    assert (result.total, result.level) == (2, "high")
    assert result.domains == ["poverty_debts", "social_network"]
    assert result.flags == ["poverty_debts", "social_network", "accumulation"]


def test_an_unsafe_home_is_urgent():
    result = score("signal-list", SIGNALS | {UNSAFE: YES})
    assert result.flags == ["domestic_violence", "unsafe_home"]
    assert result.urgent is True
    assert result.level == "elevated"


def test_accumulation_counts_domains_over_several_results():
    combined = accumulation(
        [score("epds", epds(i3=0, i5=0, i6=0, i7=0)), score("signal-list", SIGNALS | {DEBTS: YES})]
    )
    assert combined.domains == ["psychosocial", "poverty_debts"]
    assert combined.count == 2
    assert combined.accumulates is True
    assert combined.level == "high"
    assert "accumulation" in combined.flags
    assert combined.themes == ["mental-health", "debts-and-money"]
    assert combined.pathway_answers()["Schulden"] is True
    assert combined.pathway_answers()["Psychisch"] is True
    assert combined.pathway_answers()["Onveilig"] is False


def test_one_domain_from_two_results_is_no_accumulation():
    combined = accumulation(
        [score("phq2", {1: 3, 2: 3}), score("signal-list", SIGNALS | {PSYCHOSOCIAL: YES})]
    )
    assert combined.domains == ["psychosocial"]
    assert combined.accumulates is False
    assert combined.level == "elevated"


def test_a_normal_result_adds_no_domain():
    combined = accumulation([score("epds", EPDS_LOWEST), score("gad2", {1: 1, 2: 1})])
    assert (combined.count, combined.accumulates, combined.level) == (0, False, "normal")


def test_accumulation_takes_domains_known_otherwise():
    combined = accumulation(
        [score("signal-list", SIGNALS | {DEBTS: YES})], domains=["substance_use"]
    )
    assert combined.accumulates is True
    with pytest.raises(ScreeningError):
        accumulation([], domains=["astrology"])


def test_a_coalition_cutoff_of_11_makes_a_total_of_10_normal():
    answers = epds(i1=3, i2=3, i4=3, i3=2)
    assert score("epds", answers).level == "elevated"
    assert score("epds", answers, cutoffs=Cutoffs(elevated=11, high=13)).level == "normal"
    assert score("epds", answers, cutoffs={"elevated": 11, "high": 13}).level == "normal"
    assert score("epds", epds(i3=0, i5=0, i6=2), cutoffs={"elevated": 11, "high": 13}).total == 7


@pytest.mark.parametrize(
    "cutoffs",
    [
        {"elevated": 14, "high": 13},
        {"elevated": -1, "high": 13},
        {"elevated": 10, "high": 31},
        {"high": 13},
        "11",
    ],
)
def test_it_refuses_cutoffs_outside_the_instrument(cutoffs):
    with pytest.raises(ScreeningError) as caught:
        score("epds", EPDS_LOWEST, cutoffs=cutoffs)
    assert caught.value.code == "invalid_cutoffs"


@pytest.mark.parametrize(
    ("answers", "item", "code"),
    [
        ({n: 0 for n in range(1, 10)}, 10, "missing_item"),
        (EPDS_LOWEST | {11: 0}, 11, "unknown_item"),
        (EPDS_LOWEST | {3: 4}, 3, "position_out_of_range"),
        (EPDS_LOWEST | {3: -1}, 3, "position_out_of_range"),
        (EPDS_LOWEST | {3: "1"}, 3, "invalid_position"),
        (EPDS_LOWEST | {3: True}, 3, "invalid_position"),
        (EPDS_LOWEST | {3: 1.0}, 3, "invalid_position"),
        (EPDS_LOWEST | {"3": 1}, 3, "duplicate_item"),
        (EPDS_LOWEST | {0: 1}, 0, "unknown_item"),
    ],
)
def test_it_refuses_invalid_answers_naming_the_item(answers, item, code):
    with pytest.raises(ScreeningError) as caught:
        score("epds", answers)
    assert isinstance(caught.value, ValueError)
    assert caught.value.code == code
    assert caught.value.item == item
    assert str(item) in str(caught.value)


def test_it_names_every_missing_item():
    with pytest.raises(ScreeningError) as caught:
        score("epds", {1: 0, 2: 0})
    assert caught.value.items == (3, 4, 5, 6, 7, 8, 9, 10)
    assert "3, 4, 5" in str(caught.value)


@pytest.mark.parametrize("answers", [None, [0, 1], "01", {"een": 0, 2: 0}])
def test_it_refuses_answers_of_the_wrong_type(answers):
    with pytest.raises(ScreeningError):
        score("gad2", answers)


def test_it_refuses_an_unknown_instrument():
    with pytest.raises(ScreeningError) as caught:
        score("bdi", {})
    assert caught.value.code == "unknown_instrument"
    assert "bdi" in str(caught.value)


def test_it_takes_json_object_keys():
    assert score("gad2", {"1": 2, "2": 1}).total == 3


def test_the_errors_speak_dutch_inside_kansrijk(settings):
    with pytest.raises(ScreeningError) as caught:
        score("epds", {n: 0 for n in range(1, 10)})
    assert str(caught.value) == "EPDS, vraag 10: geen antwoord."


def test_the_result_is_json_ready():
    data = score("gad2", {1: 2, 2: 2}).to_dict()
    assert data["answers"] == {"1": 2, "2": 2}
    assert data["level"] == "elevated"
    assert data["cutoffs"] == {"elevated": 3, "high": None, "source": "instrument"}


def test_score_runs_without_django_and_loads_no_models():
    code = (
        "import sys; import kansrijk.screening as s; "
        "r = s.score('epds', {n: 0 for n in range(1, 11)}); "
        "assert (r.total, r.level, r.flags) == (21, 'high', ['self_harm']), r; "
        "assert 'kansrijk.screening.models' not in sys.modules; "
        "print('ok')"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
