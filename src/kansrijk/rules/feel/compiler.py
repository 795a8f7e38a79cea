"""Compile a FEEL tree (parser.py) into Python closures, once, so that evaluating a decision
table many times costs no parsing. Every closure takes an `Env` and returns a FEEL value;
nothing raises on bad data: a failing operation gives null and leaves a message in the Env.
No Python is ever evaluated from rule text."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kansrijk.rules.feel import builtins, temporal
from kansrijk.rules.feel.parser import parse_expression, parse_unary_tests
from kansrijk.rules.feel.values import (
    CONTEXT,
    Function,
    Range,
    YearsMonths,
    compare,
    equal,
    type_name,
)

_MISSING = object()


class Env:
    """The variables in scope and the messages of one evaluation."""

    __slots__ = ("vars", "messages")

    def __init__(self, variables: dict[str, Any], messages: list[str] | None = None):
        self.vars = variables
        self.messages = [] if messages is None else messages

    def child(self, extra: dict[str, Any]) -> Env:
        return Env({**self.vars, **extra}, self.messages)

    def note(self, message: str) -> None:
        if message not in self.messages:
            self.messages.append(message)


Compiled = Callable[[Env], Any]
Test = Callable[[Any, Env], Any]  # input value -> True / False / None


def compile_expression(text: str, known_names=()) -> Compiled:
    return _compile(parse_expression(text, known_names))


def compile_unary_tests(text: str, known_names=()) -> Test | None:
    """A decision table input entry as a predicate on the input value; None for `-` (any)."""
    # Tables repeat the same few cell texts; compiled tests hold no state, so share them.
    return _compile_unary_tests_cached(text, frozenset(known_names))


@functools.lru_cache(maxsize=4096)
def _compile_unary_tests_cached(text: str, known_names: frozenset[str]) -> Test | None:
    node = parse_unary_tests(text, known_names)
    if node[0] == "any":
        return None
    _, negated, tests = node
    predicates = [_compile_test(test) for test in tests]
    if len(predicates) == 1:
        single = predicates[0]
        if not negated:
            return single

        def negate_one(value, env):
            result = single(value, env)
            return None if result is None else not result

        return negate_one

    def any_of(value, env):
        unknown = False
        for predicate in predicates:
            result = predicate(value, env)
            if result is True:
                return not negated
            if result is None:
                unknown = True
        if unknown:
            return None
        return negated

    return any_of


# -- unary tests -------------------------------------------------------------------------------


def _compile_test(node: tuple) -> Test:
    kind = node[0]
    if kind == "unary_compare":
        op, operand = node[1], _compile(node[2])
        constant = _constant(node[2])
        if constant is not _MISSING and op in _FAST_COMPARE and isinstance(constant, Decimal):
            fast = _FAST_COMPARE[op]

            def compare_number(value, env):
                if type(value) is Decimal:
                    return fast(value, constant)
                return _compare_values(op, value, constant, env)

            return compare_number
        return lambda value, env: _compare_values(op, value, operand(env), env)
    if kind == "range":
        low, high = _constant(node[2]), _constant(node[3])
        if isinstance(low, Decimal) and isinstance(high, Decimal):
            return _number_interval(low, high, node[1], node[4])
        compiled_range = _compile(node)
        return lambda value, env: _in_range(value, compiled_range(env))
    # An expression: equal to the input, containing it (list or range), or true when it
    # mentions `?` and evaluates to true with the input bound to it.
    expression = node[1]
    constant = _constant(expression)
    if constant is not _MISSING and isinstance(constant, str | Decimal):

        def equals_constant(value, env):
            if type(value) is type(constant):
                return value == constant
            return equal(value, constant)

        return equals_constant
    compiled = _compile(expression)
    uses_input = _mentions_input(expression)

    def expression_test(value, env):
        inner = env.child({"?": value}) if uses_input else env
        result = compiled(inner)
        if uses_input and isinstance(result, bool):
            return result
        return _matches(value, result)

    return expression_test


def _number_interval(low: Decimal, high: Decimal, low_included: bool, high_included: bool) -> Test:
    interval = Range(low, high, low_included, high_included)

    def in_interval(value, env):
        if type(value) is Decimal:
            if value < low or (value == low and not low_included):
                return False
            return value < high or (value == high and high_included)
        return interval.contains(value)

    return in_interval


def _matches(value, expected) -> bool | None:
    if isinstance(expected, Range):
        return expected.contains(value)
    if isinstance(expected, list):
        if isinstance(value, list):
            return equal(value, expected)
        return any(_matches(value, item) for item in expected)
    if expected is True and not isinstance(value, bool):
        return True
    return equal(value, expected)


def _in_range(value, candidate) -> bool | None:
    if not isinstance(candidate, Range):
        return None
    return candidate.contains(value)


_FAST_COMPARE = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}


def _compare_values(op: str, left, right, env: Env) -> bool | None:
    if op == "=":
        return equal(left, right)
    if op == "!=":
        same = equal(left, right)
        return None if same is None else not same
    order = compare(left, right)
    if order is None:
        if left is not None and right is not None:
            env.note(f"cannot compare {type_name(left)} with {type_name(right)}")
        return None
    return {"<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0}[op]


# -- expressions -------------------------------------------------------------------------------


def _mentions_input(node) -> bool:
    if isinstance(node, tuple):
        if node and node[0] == "input":
            return True
        return any(_mentions_input(part) for part in node[1:])
    if isinstance(node, list):
        return any(_mentions_input(part) for part in node)
    return False


def _constant(node: tuple):
    """The value of a node that needs no variables, else _MISSING."""
    if node[0] == "literal":
        return node[1]
    if node[0] == "negate" and node[1][0] == "literal" and isinstance(node[1][1], Decimal):
        return -node[1][1]
    return _MISSING


def _compile(node: tuple) -> Compiled:
    return _COMPILERS[node[0]](node)


def _literal(node):
    value = node[1]
    return lambda env: value


def _temporal(node):
    value = temporal.parse_literal(node[1])
    if value is None:
        text = node[1]
        return lambda env: env.note(f"not a date, time or duration: {text!r}")
    return lambda env: value


def _name(node):
    name = node[1]
    builtin = builtins.FUNCTIONS.get(name)

    def lookup(env):
        value = env.vars.get(name, _MISSING)
        if value is _MISSING:
            if builtin is not None:
                return builtin
            env.note(f"no variable named {name!r}")
            return None
        return value

    return lookup


def _input(node):
    return lambda env: env.vars.get("?")


def _path(node):
    target, key = _compile(node[1]), node[2]

    def path(env):
        value = target(env)
        return _member(value, key, env)

    return path


def _member(value, key: str, env: Env):
    if isinstance(value, dict):
        if key in value:
            return value[key]
        env.note(f"no entry {key!r} in the context")
        return None
    if isinstance(value, list):
        return [_member(item, key, env) for item in value]
    if value is None:
        return None
    member = temporal.member(value, key)
    if member is None:
        env.note(f"{type_name(value)} has no {key!r}")
    return member


def _filter(node):
    target, condition = _compile(node[1]), _compile(node[2])
    constant_index = _constant(node[2])

    def filtered(env):
        value = target(env)
        if value is None:
            return None
        items = value if isinstance(value, list) else [value]
        if isinstance(constant_index, Decimal):
            return _index(items, constant_index, env)
        result = []
        for position, item in enumerate(items):
            scope = {"item": item}
            if isinstance(item, dict):
                scope.update(item)
            verdict = condition(env.child(scope))
            if position == 0 and isinstance(verdict, Decimal):
                return _index(items, verdict, env)
            if verdict is True:
                result.append(item)
        return result

    return filtered


def _index(items: list, index: Decimal, env: Env):
    if index != index.to_integral_value():
        env.note(f"list index {index} is not a whole number")
        return None
    position = int(index)
    if position > 0 and position <= len(items):
        return items[position - 1]
    if position < 0 and -position <= len(items):
        return items[position]
    return None


def _call(node):
    callee, (style, arguments) = _compile(node[1]), node[2]
    name = node[1][1] if node[1][0] == "name" else "function"
    if style == "named":
        compiled_named = {key: _compile(value) for key, value in arguments.items()}

        def call_named(env):
            function = callee(env)
            args = {key: value(env) for key, value in compiled_named.items()}
            return invoke(function, args, env, name)

        return call_named
    compiled = [_compile(argument) for argument in arguments]

    def call(env):
        function = callee(env)
        return invoke(function, [argument(env) for argument in compiled], env, name)

    return call


def invoke(function, args: list | dict, env: Env, name: str = "function"):
    if not isinstance(function, Function):
        env.note(f"{name!r} is not a function")
        return None
    if isinstance(args, dict):
        unknown = set(args) - set(function.parameters)
        if unknown and not function.builtin:
            env.note(f"{name} has no parameter {sorted(unknown)[0]!r}")
            return None
    try:
        return function.body(args, env)
    except (decimal.DecimalException, ArithmeticError, ValueError, TypeError, OverflowError) as e:
        env.note(f"{name} failed: {e}")
        return None


def user_function(name: str, parameters: list[str], body: Compiled, closure: Env | None = None):
    """A FEEL function whose body is compiled FEEL (a BKM or a `function` literal)."""

    def run(args, env):
        if isinstance(args, dict):
            bound = {p: args.get(p) for p in parameters}
        else:
            if len(args) != len(parameters):
                env.note(f"{name} expects {len(parameters)} arguments, got {len(args)}")
                return None
            bound = dict(zip(parameters, args, strict=True))
        scope = closure.vars if closure is not None else env.vars
        return body(Env({**scope, **bound}, env.messages))

    return Function(name, parameters, run)


def _function(node):
    parameters, body = node[1], _compile(node[2])
    return lambda env: user_function("function", parameters, body, env)


def _negate(node):
    operand = _compile(node[1])

    def negate(env):
        value = operand(env)
        if isinstance(value, Decimal):
            return -value
        if isinstance(value, dt.timedelta):
            return -value
        if isinstance(value, YearsMonths):
            return YearsMonths(-value.months)
        if value is not None:
            env.note(f"cannot negate a {type_name(value)}")
        return None

    return negate


def _arith(node):
    op, left, right = node[1], _compile(node[2]), _compile(node[3])

    def arith(env):
        a, b = left(env), right(env)
        if a is None or b is None:
            return None
        if type(a) is Decimal and type(b) is Decimal:
            try:
                if op == "+":
                    return CONTEXT.add(a, b)
                if op == "-":
                    return CONTEXT.subtract(a, b)
                if op == "*":
                    return CONTEXT.multiply(a, b)
                if op == "/":
                    return CONTEXT.divide(a, b)
                return CONTEXT.power(a, b)
            except decimal.DecimalException:
                env.note(f"{_number_words(op)} of {a} and {b} has no result")
                return None
        if op == "+" and isinstance(a, str) and isinstance(b, str):
            return a + b
        result = temporal.arithmetic(op, a, b)
        if result is None:
            env.note(f"cannot apply {op} to {type_name(a)} and {type_name(b)}")
        return result

    return arith


def _number_words(op: str) -> str:
    return {"+": "sum", "-": "difference", "*": "product", "/": "division", "**": "power"}[op]


def _compare(node):
    op, left, right = node[1], _compile(node[2]), _compile(node[3])
    return lambda env: _compare_values(op, left(env), right(env), env)


def _between(node):
    value, low, high = (_compile(part) for part in node[1:])

    def between(env):
        v, lo, hi = value(env), low(env), high(env)
        above = _compare_values(">=", v, lo, env)
        below = _compare_values("<=", v, hi, env)
        return _and(above, below)

    return between


def _in(node):
    value = _compile(node[1])
    tests = [_compile_test(test) for test in node[2]]

    def contained(env):
        v = value(env)
        unknown = False
        for test in tests:
            result = test(v, env)
            if result is True:
                return True
            if result is None:
                unknown = True
        return None if unknown else False

    return contained


def _unary_compare(node):
    # Inside an expression (`[< 5, > 10]` in a list used as tests) it stands for a range.
    op, operand = node[1], _compile(node[2])

    def as_range(env):
        bound = operand(env)
        if op in ("<", "<="):
            return Range(None, bound, False, op == "<=")
        return Range(bound, None, op == ">=", False)

    return as_range


def _and(a, b):
    if a is False or b is False:
        return False
    if a is True and b is True:
        return True
    return None


def _or(a, b):
    if a is True or b is True:
        return True
    if a is False and b is False:
        return False
    return None


def _conjunction(node):
    left, right = _compile(node[1]), _compile(node[2])
    return lambda env: _and(left(env), right(env))


def _disjunction(node):
    left, right = _compile(node[1]), _compile(node[2])
    return lambda env: _or(left(env), right(env))


def _if(node):
    condition, then, otherwise = (_compile(part) for part in node[1:])
    return lambda env: then(env) if condition(env) is True else otherwise(env)


def _iterations(contexts, env: Env):
    """Every combination of the iteration contexts, as dicts of bound names."""
    combos = [{}]
    for name, source in contexts:
        next_combos = []
        for combo in combos:
            values = source(env.child(combo))
            if isinstance(values, tuple):  # a numeric range `a..b`
                values = values[0]
            if values is None:
                return None
            if not isinstance(values, list):
                values = [values]
            next_combos.extend({**combo, name: value} for value in values)
        combos = next_combos
    return combos


def _compile_contexts(contexts):
    compiled = []
    for name, source in contexts:
        if source[0] == "iterate_range":
            low, high = _compile(source[1]), _compile(source[2])

            def numbers(env, low=low, high=high):
                a, b = low(env), high(env)
                if not (isinstance(a, Decimal) and isinstance(b, Decimal)):
                    env.note("a for range needs two numbers")
                    return None
                step = 1 if b >= a else -1
                return ([Decimal(n) for n in range(int(a), int(b) + step, step)],)

            compiled.append((name, numbers))
        else:
            compiled.append((name, _compile(source)))
    return compiled


def _for(node):
    contexts, body = _compile_contexts(node[1]), _compile(node[2])

    def for_loop(env):
        combos = _iterations(contexts, env)
        if combos is None:
            return None
        results = []
        for combo in combos:
            results.append(body(env.child({**combo, "partial": results})))
        return results

    return for_loop


def _quantified(node):
    kind, contexts, condition = node[1], _compile_contexts(node[2]), _compile(node[3])

    def quantified(env):
        combos = _iterations(contexts, env)
        if combos is None:
            return None
        verdicts = [condition(env.child(combo)) for combo in combos]
        if kind == "some":
            return True if any(v is True for v in verdicts) else False
        return all(v is True for v in verdicts)

    return quantified


def _list(node):
    items = [_compile(item) for item in node[1]]
    return lambda env: [item(env) for item in items]


def _context(node):
    entries = [(key, _compile(value)) for key, value in node[1]]

    def context(env):
        result: dict[str, Any] = {}
        scope = env
        for key, value in entries:
            result[key] = value(scope)
            scope = env.child(result)
        return result

    return context


def _range(node):
    start_included, low, high, end_included = node[1], _compile(node[2]), _compile(node[3]), node[4]

    def make_range(env):
        a, b = low(env), high(env)
        return Range(a, b, start_included, end_included)

    return make_range


_TYPE_CHECKS = {
    "number": lambda v: isinstance(v, Decimal),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "date": lambda v: type(v) is dt.date,
    "time": lambda v: isinstance(v, dt.time),
    "date and time": lambda v: isinstance(v, dt.datetime),
    "days and time duration": lambda v: isinstance(v, dt.timedelta),
    "years and months duration": lambda v: isinstance(v, YearsMonths),
    "list": lambda v: isinstance(v, list),
    "context": lambda v: isinstance(v, dict),
    "range": lambda v: isinstance(v, Range),
    "function": lambda v: isinstance(v, Function),
    "Any": lambda v: v is not None,
    "Null": lambda v: v is None,
}


def _instance_of(node):
    value, name = _compile(node[1]), node[2]
    check = _TYPE_CHECKS.get(name)

    def instance_of(env):
        v = value(env)
        if check is None:
            env.note(f"unknown type {name!r}")
            return None
        return check(v)

    return instance_of


_COMPILERS: dict[str, Callable[[tuple], Compiled]] = {
    "literal": _literal,
    "temporal": _temporal,
    "name": _name,
    "input": _input,
    "path": _path,
    "filter": _filter,
    "call": _call,
    "function": _function,
    "negate": _negate,
    "arith": _arith,
    "compare": _compare,
    "between": _between,
    "in": _in,
    "unary_compare": _unary_compare,
    "and": _conjunction,
    "or": _disjunction,
    "if": _if,
    "for": _for,
    "quantified": _quantified,
    "list": _list,
    "context": _context,
    "range": _range,
    "instance_of": _instance_of,
}
