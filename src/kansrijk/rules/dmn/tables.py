"""Decision tables: compiled once from their DMN elements, evaluated with every hit policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kansrijk.rules.feel.compiler import Env, compile_expression, compile_unary_tests
from kansrijk.rules.feel.errors import FeelSyntaxError
from kansrijk.rules.feel.values import CONTEXT, compare, equal, text

HIT_POLICY_CODES = {
    "UNIQUE": "U",
    "ANY": "A",
    "PRIORITY": "P",
    "FIRST": "F",
    "RULE ORDER": "R",
    "OUTPUT ORDER": "O",
    "COLLECT": "C",
}
AGGREGATION_CODES = {"SUM": "+", "MIN": "<", "MAX": ">", "COUNT": "#"}
# Single-output aggregation over the matched rules' outputs.
MULTIPLE_HIT_POLICIES = ("RULE ORDER", "OUTPUT ORDER", "COLLECT")


class TableError(ValueError):
    """A cell that cannot be compiled; `where` names it (rule and column)."""

    def __init__(self, where: str, error: FeelSyntaxError | str):
        super().__init__(f"{where}: {error}")
        self.where = where


@dataclass(frozen=True)
class InputClause:
    label: str
    expression: str
    type_ref: str | None
    allowed_values: str | None


@dataclass(frozen=True)
class OutputClause:
    name: str | None
    label: str | None
    type_ref: str | None
    allowed_values: str | None
    default: str | None


@dataclass(frozen=True)
class Rule:
    index: int
    id: str | None
    input_entries: list[str]
    output_entries: list[str]
    annotation: str


@dataclass(frozen=True)
class MatchedRule:
    index: int
    id: str | None
    annotation: str
    outputs: Any


@dataclass
class DecisionTable:
    """A decision table in the form a person reads it, plus its compiled cells."""

    hit_policy: str
    aggregation: str | None
    inputs: list[InputClause]
    outputs: list[OutputClause]
    rules: list[Rule]
    output_label: str | None = None
    # Compiled parts, filled by compile().
    _input_expressions: list = field(default_factory=list, repr=False)
    _input_value_tests: list = field(default_factory=list, repr=False)
    _rule_tests: list = field(default_factory=list, repr=False)
    _rule_outputs: list = field(default_factory=list, repr=False)
    _defaults: list = field(default_factory=list, repr=False)
    _output_orders: list = field(default_factory=list, repr=False)

    @property
    def hit_policy_code(self) -> str:
        code = HIT_POLICY_CODES.get(self.hit_policy, self.hit_policy)
        if self.aggregation:
            code += AGGREGATION_CODES.get(self.aggregation, "")
        return code

    def compile(self, known_names, output_allowed: list[list | None]) -> None:
        """Parse every cell once; `output_allowed` are the output values lists (for priority),
        taken from the output clauses or their item definitions."""
        try:
            self._input_expressions = [
                _fast_input(clause.expression, known_names) for clause in self.inputs
            ]
        except FeelSyntaxError as e:
            raise TableError("input expression", e) from e
        self._input_value_tests = []
        for number, clause in enumerate(self.inputs, 1):
            try:
                tests = clause.allowed_values
                self._input_value_tests.append(
                    compile_unary_tests(tests, known_names) if tests else None
                )
            except FeelSyntaxError as e:
                raise TableError(f"input {number} values", e) from e
        self._rule_tests, self._rule_outputs = [], []
        for rule in self.rules:
            if len(rule.input_entries) != len(self.inputs):
                raise TableError(f"rule {rule.index}", "wrong number of input entries")
            if len(rule.output_entries) != len(self.outputs):
                raise TableError(f"rule {rule.index}", "wrong number of output entries")
            tests = []
            for column, entry in enumerate(rule.input_entries):
                try:
                    test = compile_unary_tests(entry, known_names)
                except FeelSyntaxError as e:
                    raise TableError(f"rule {rule.index}, input {column + 1}", e) from e
                if test is not None:
                    tests.append((column, test))
            self._rule_tests.append(tests)
            outputs = []
            for column, entry in enumerate(rule.output_entries):
                try:
                    outputs.append(compile_expression(entry or "null", known_names))
                except FeelSyntaxError as e:
                    raise TableError(f"rule {rule.index}, output {column + 1}", e) from e
            self._rule_outputs.append(outputs)
        self._defaults = []
        for number, clause in enumerate(self.outputs, 1):
            try:
                default = clause.default
                self._defaults.append(compile_expression(default, known_names) if default else None)
            except FeelSyntaxError as e:
                raise TableError(f"output {number} default", e) from e
        self._output_orders = output_allowed

    def evaluate(self, env: Env) -> tuple[Any, list[MatchedRule]]:
        values = [expression(env) for expression in self._input_expressions]
        pairs = zip(values, self._input_value_tests, strict=True)
        for number, (value, test) in enumerate(pairs, 1):
            if test is not None and value is not None and test(value, env) is not True:
                env.note(
                    f"input {number} ({self.inputs[number - 1].label or ''}) value "
                    f"{text(value)} is not one of the allowed values"
                )
                return None, []
        matched = []
        for position, tests in enumerate(self._rule_tests):
            for column, test in tests:
                if test(values[column], env) is not True:
                    break
            else:
                matched.append(position)
                if self.hit_policy == "FIRST":
                    break
        if not matched:
            return self._default(env), []
        results = []
        for position in matched:
            rule = self.rules[position]
            row = [output(env) for output in self._rule_outputs[position]]
            results.append((rule, row))
        return self._apply_hit_policy(results, env)

    def _shape(self, row: list) -> Any:
        if len(self.outputs) == 1:
            return row[0]
        return {clause.name: value for clause, value in zip(self.outputs, row, strict=True)}

    def _default(self, env: Env) -> Any:
        if not any(self._defaults):
            if self.hit_policy in MULTIPLE_HIT_POLICIES and not self.aggregation:
                return []
            return None
        row = [default(env) if default else None for default in self._defaults]
        return self._shape(row)

    def _matched(self, results) -> list[MatchedRule]:
        return [
            MatchedRule(rule.index, rule.id, rule.annotation, self._shape(row))
            for rule, row in results
        ]

    def _apply_hit_policy(self, results, env: Env) -> tuple[Any, list[MatchedRule]]:
        policy = self.hit_policy
        if policy == "UNIQUE" and len(results) > 1:
            numbers = ", ".join(str(rule.index) for rule, _ in results)
            env.note(f"hit policy UNIQUE, but rules {numbers} all match")
            return None, self._matched(results)
        if policy == "ANY" and len(results) > 1:
            first = results[0][1]
            if any(not _rows_equal(first, row) for _, row in results[1:]):
                env.note("hit policy ANY, but the matching rules give different outputs")
                return None, self._matched(results)
        if policy in ("UNIQUE", "ANY", "FIRST"):
            results = results[:1]
            return self._shape(results[0][1]), self._matched(results)
        if policy in ("PRIORITY", "OUTPUT ORDER"):
            results = sorted(results, key=lambda item: self._priority(item[1]))
            if policy == "PRIORITY":
                results = results[:1]
                return self._shape(results[0][1]), self._matched(results)
        shaped = [self._shape(row) for _, row in results]
        if policy == "COLLECT" and self.aggregation:
            return self._aggregate(shaped, env), self._matched(results)
        return shaped, self._matched(results)

    def _priority(self, row: list) -> tuple:
        key = []
        for value, allowed in zip(row, self._output_orders, strict=True):
            if not allowed:
                key.append(0)
                continue
            for position, candidate in enumerate(allowed):
                if equal(value, candidate) is True:
                    key.append(position)
                    break
            else:
                key.append(len(allowed))
        return tuple(key)

    def _aggregate(self, values: list, env: Env) -> Any:
        if self.aggregation == "COUNT":
            return Decimal(len(values))
        values = [v for v in values if v is not None]
        if not values:
            return None
        if self.aggregation == "SUM":
            if not all(type(v) is Decimal for v in values):
                env.note("hit policy COLLECT SUM needs numbers")
                return None
            total = Decimal(0)
            for value in values:
                total = CONTEXT.add(total, value)
            return total
        best = values[0]
        for value in values[1:]:
            order = compare(value, best)
            if order is None:
                env.note(f"hit policy COLLECT {self.aggregation} cannot compare the outputs")
                return None
            if (order < 0) == (self.aggregation == "MIN") and order != 0:
                best = value
        return best


def _rows_equal(a: list, b: list) -> bool:
    return all(equal(x, y) is True for x, y in zip(a, b, strict=True))


def _fast_input(expression: str, known_names):
    """Most input expressions are just a variable name: read it without the FEEL machinery."""
    name = expression.strip()
    if name in known_names:

        def read(env, name=name):
            value = env.vars.get(name)
            return value

        return read
    return compile_expression(expression, known_names)
