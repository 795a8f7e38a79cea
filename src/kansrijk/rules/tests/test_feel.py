"""FEEL expressions and unary tests as a rule author writes them."""

import datetime as dt
from decimal import Decimal

import pytest

from kansrijk.rules.feel.compiler import Env, compile_expression, compile_unary_tests
from kansrijk.rules.feel.errors import FeelSyntaxError
from kansrijk.rules.feel.values import YearsMonths, from_python


def feel(text, **variables):
    env = Env({k: from_python(v) for k, v in variables.items()})
    return compile_expression(text, set(variables))(env)


def feel_with_messages(text, **variables):
    env = Env({k: from_python(v) for k, v in variables.items()})
    return compile_expression(text, set(variables))(env), env.messages


def unary(entry, value, **variables):
    predicate = compile_unary_tests(entry, set(variables))
    if predicate is None:
        return True
    return predicate(from_python(value), Env({k: from_python(v) for k, v in variables.items()}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", Decimal(7)),
        ("(1 + 2) * 3", Decimal(9)),
        ("2 ** 3 ** 2", Decimal(64)),  # left-associative, as the spec's grammar
        ("-2 ** 2", Decimal(4)),
        ("10 / 4", Decimal("2.5")),
        ("1 / 3 * 3", Decimal("0.9999999999999999999999999999999999")),
        ("0.1 + 0.2 = 0.3", True),
        ('"Kansrijke" + " " + "Start"', "Kansrijke Start"),
        ('if 3 > 2 then "ja" else "nee"', "ja"),
        ("if null then 1 else 2", Decimal(2)),
        ("[1, 2, 3][2]", Decimal(2)),
        ("[1, 2, 3][-1]", Decimal(3)),
        ("[1, 2, 3, 4][item > 2]", [Decimal(3), Decimal(4)]),
        ("for x in [1, 2, 3] return x * 2", [Decimal(2), Decimal(4), Decimal(6)]),
        ("for i in 1..3 return i", [Decimal(1), Decimal(2), Decimal(3)]),
        ("some x in [1, 5] satisfies x > 3", True),
        ("every x in [1, 5] satisfies x > 3", False),
        ("{a: 1, b: a + 1}.b", Decimal(2)),
        ("[{n: 1}, {n: 2}].n", [Decimal(1), Decimal(2)]),
        ("[{n: 1}, {n: 2}][n > 1].n", [Decimal(2)]),
        ("5 between 1 and 10", True),
        ("5 in [1..4]", False),
        ("5 in (4, 5, 6)", True),
        ("5 in > 3", True),
        ('"b" in ["a", "b"]', True),
        ("count([1, 2, 3])", Decimal(3)),
        ("sum([1, 2, 3])", Decimal(6)),
        ("max(1, 7, 3)", Decimal(7)),
        ("mean([2, 4])", Decimal(3)),
        ('string length("zwanger")', Decimal(7)),
        ('upper case("ggd")', "GGD"),
        ('substring("Zaanstad", 1, 4)', "Zaan"),
        ('contains("Poelenburg", "burg")', True),
        ('starts with("Heerlen", "Heer")', True),
        ('string join(["a", "b"], ", ")', "a, b"),
        ('replace("abc", "b", "x")', "axc"),
        ('matches("1234AB", "^[0-9]{4}[A-Z]{2}$")', True),
        ("decimal(1.125, 2)", Decimal("1.12")),
        ("floor(1.7)", Decimal(1)),
        ("ceiling(1.2)", Decimal(2)),
        ("abs(-3)", Decimal(3)),
        ("modulo(-7, 3)", Decimal(2)),
        ('number("1.000,5", ".", ",")', Decimal("1000.5")),
        ("string(12.50)", "12.5"),
        ('date("2026-11-23").year', Decimal(2026)),
        ('date("2026-03-01") - date("2026-02-01")', dt.timedelta(days=28)),
        ('date("2026-01-31") + duration("P1M")', dt.date(2026, 2, 28)),
        ('date("2026-01-01") + @"P10D"', dt.date(2026, 1, 11)),
        ('years and months duration(date("2024-05-01"), date("2026-11-23"))', YearsMonths(30)),
        ('duration("P1Y6M").months', Decimal(6)),
        ('duration("PT36H").days', Decimal(1)),
        ('date and time("2026-11-23T10:30:00").hour', Decimal(10)),
        ('time("10:30:00") < time("11:00:00")', True),
        ('day of week(date("2026-11-23"))', "Monday"),
        ("list contains([1, 2], 2)", True),
        ("not(true)", False),
        ("true and null", None),
        ("false and null", False),
        ("true or null", True),
        ("null = null", True),
        ("1 = null", False),
        ('1 = "1"', None),
        ("5 instance of number", True),
        ('"x" instance of number', False),
    ],
)
def test_expression_values(text, expected):
    assert feel(text) == expected


def test_names_with_spaces_and_paths():
    assert feel("Monthly Salary * 12", **{"Monthly Salary": 1000}) == Decimal(12000)
    assert feel("Loan.amount + fee", Loan={"amount": 100}, fee=5) == Decimal(105)


def test_a_function_literal_can_be_invoked_with_named_arguments():
    assert feel("{f: function(a, b) a - b, r: f(b: 1, a: 5)}.r") == Decimal(4)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 / 0", "division of 1 and 0 has no result"),
        ('1 + "a"', "cannot apply + to number and string"),
        ("unknown + 1", "no variable named 'unknown'"),
        ('"a" < 1', "cannot compare string with number"),
        ('date("2026-13-01")', ""),
    ],
)
def test_a_failing_expression_gives_null_and_says_why(text, message):
    value, messages = feel_with_messages(text)
    assert value is None
    if message:
        assert any(message in m for m in messages), messages


def test_null_propagates_through_arithmetic_without_a_message():
    value, messages = feel_with_messages("x + 1", x=None)
    assert value is None and messages == []


@pytest.mark.parametrize("text", ["1 +", "(1", '"open', "if 1 then 2", "{a 1}", "[1, 2", "1 ++ 2"])
def test_malformed_expressions_are_syntax_errors(text):
    with pytest.raises(FeelSyntaxError):
        compile_expression(text)


@pytest.mark.parametrize(
    ("entry", "value", "expected"),
    [
        ("-", 42, True),
        ("< 18", 17, True),
        ("< 18", 18, False),
        ("<= 18", 18, True),
        ("[18..25]", 25, True),
        ("[18..25)", 25, False),
        ("]18..25]", 18, False),
        ("(18..25]", 19, True),
        ("> 2, < 0", -1, True),
        ("1, 2, 3", 2, True),
        ("not(1, 2, 3)", 2, False),
        ("not(< 5)", 7, True),
        ('"wijkteam"', "wijkteam", True),
        ('"wijkteam", "mdo"', "mdo", True),
        ('not("mdo")', "wijkteam", True),
        ("true", True, True),
        ("false", True, False),
        ("? > 10 and ? < 20", 15, True),
        ("? > 10 and ? < 20", 25, False),
        ("null", None, True),
        ("< 18", None, None),
        ("< 18", "seventeen", None),
        ('@"2026-01-01"', dt.date(2026, 1, 1), True),
        ('> date("2026-01-01")', dt.date(2026, 6, 1), True),
        ("[1..limit]", 3, True),
        ('"a", "b"', "c", False),
    ],
)
def test_unary_tests(entry, value, expected):
    assert unary(entry, value, limit=5) is expected


def test_comments_and_unicode_strings():
    assert feel('"横綱" // a comment') == "横綱"
    assert feel('/* block */ "\\u0041"') == "A"
