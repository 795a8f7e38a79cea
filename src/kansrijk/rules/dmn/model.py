"""A DMN model: read from DMN 1.1-1.5 XML, checked and compiled once, then evaluated.

Supported: decisions with literal expressions, decision tables, contexts, invocations, lists,
relations and function definitions; input data; item definitions; business knowledge models;
decision services are not. Evaluation never raises on data: a failing expression gives null
and a message in the result, as the DMN specification asks.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET

from kansrijk.rules.dmn.tables import (
    DecisionTable,
    InputClause,
    MatchedRule,
    OutputClause,
    Rule,
    TableError,
)
from kansrijk.rules.dmn.types import ItemDefinition, TypeChecker
from kansrijk.rules.feel.builtins import FUNCTIONS
from kansrijk.rules.feel.compiler import (
    Env,
    compile_expression,
    compile_unary_tests,
    invoke,
    user_function,
)
from kansrijk.rules.feel.errors import FeelSyntaxError
from kansrijk.rules.feel.values import from_python

DMN_NAMESPACES = {
    "http://www.omg.org/spec/DMN/20151101/dmn.xsd": "1.1",
    "http://www.omg.org/spec/DMN/20180521/MODEL/": "1.2",
    "https://www.omg.org/spec/DMN/20191111/MODEL/": "1.3",
    "https://www.omg.org/spec/DMN/20211108/MODEL/": "1.4",
    "https://www.omg.org/spec/DMN/20230324/MODEL/": "1.5",
}
_EXPRESSION_TAGS = (
    "literalExpression",
    "decisionTable",
    "context",
    "invocation",
    "list",
    "relation",
    "functionDefinition",
)


class DMNError(ValueError):
    """A model that cannot be read or compiled. The message names the element."""

    def __init__(
        self, message: str, *, element_id: str | None = None, element_name: str | None = None
    ):
        super().__init__(message)
        self.element_id = element_id
        self.element_name = element_name


@dataclass(frozen=True)
class InputData:
    name: str
    type_ref: str | None
    id: str | None = None


@dataclass
class Decision:
    name: str
    id: str | None
    type_ref: str | None
    required_decisions: list[str]
    required_inputs: list[str]
    required_knowledge: list[str]
    table: DecisionTable | None = None
    expression_text: str | None = None
    _evaluate: Any = field(default=None, repr=False)


@dataclass
class BusinessKnowledgeModel:
    name: str
    id: str | None
    parameters: list[str]
    required_knowledge: list[str]
    table: DecisionTable | None = None
    _body: Any = field(default=None, repr=False)


@dataclass
class DecisionResult:
    """The outcome of one decision: `value` (None is FEEL null), the messages explaining any
    null, the decision table rules that matched (the "why"), and every decision evaluated on
    the way."""

    decision: str
    value: Any
    messages: list[str]
    matched_rules: list[MatchedRule]
    decisions: dict[str, Any]


class Model:
    def __init__(self, root: ET.Element):
        namespace = root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""
        if namespace not in DMN_NAMESPACES or _local(root.tag) != "definitions":
            raise DMNError(
                "not a DMN 1.1-1.5 model: the root must be <definitions> in a DMN namespace"
            )
        self.dmn_version = DMN_NAMESPACES[namespace]
        self._ns = namespace
        self.name = root.get("name") or ""
        self.namespace = root.get("namespace") or ""
        self.item_definitions: dict[str, ItemDefinition] = {}
        self.input_data: list[InputData] = []
        self._decisions: dict[str, Decision] = {}
        self._bkms: dict[str, BusinessKnowledgeModel] = {}
        self._ids: dict[str, str] = {}
        self._read(root)
        self._types = TypeChecker(self.item_definitions)
        self._needed_inputs: dict[str, list[InputData]] = {}
        self._compile_all()

    # -- reading ---------------------------------------------------------------------------
    def _children(self, element: ET.Element, tag: str) -> list[ET.Element]:
        return element.findall(f"{{{self._ns}}}{tag}")

    def _child(self, element: ET.Element, tag: str) -> ET.Element | None:
        return element.find(f"{{{self._ns}}}{tag}")

    def _text(self, element: ET.Element | None) -> str | None:
        if element is None:
            return None
        text_element = self._child(element, "text")
        return (text_element.text or "") if text_element is not None else None

    def _read(self, root: ET.Element) -> None:
        for element in self._children(root, "itemDefinition"):
            item = self._item_definition(element)
            self.item_definitions[item.name] = item
        for element in self._children(root, "inputData"):
            name = _required_name(element, "inputData")
            variable = self._child(element, "variable")
            type_ref = variable.get("typeRef") if variable is not None else element.get("typeRef")
            self.input_data.append(InputData(name, type_ref, element.get("id")))
            self._register_id(element, name)
        for element in self._children(root, "businessKnowledgeModel"):
            name = _required_name(element, "businessKnowledgeModel")
            self._register_id(element, name)
        for element in self._children(root, "decision"):
            name = _required_name(element, "decision")
            self._register_id(element, name)
        self._elements = {
            "bkm": self._children(root, "businessKnowledgeModel"),
            "decision": self._children(root, "decision"),
        }

    def _register_id(self, element: ET.Element, name: str) -> None:
        if element.get("id"):
            self._ids[element.get("id")] = name

    def _item_definition(self, element: ET.Element) -> ItemDefinition:
        name = _required_name(element, "itemDefinition")
        type_ref_element = self._child(element, "typeRef")
        allowed = self._text(self._child(element, "allowedValues"))
        return ItemDefinition(
            name=name,
            type_ref=(type_ref_element.text or "").strip()
            if type_ref_element is not None
            else None,
            allowed_values=allowed,
            is_collection=element.get("isCollection") == "true",
            components={
                c.get("name"): self._item_definition(c)
                for c in self._children(element, "itemComponent")
            },
        )

    def _href(self, element: ET.Element | None, what: str, owner: str) -> str:
        href = (element.get("href") or "") if element is not None else ""
        target = href.split("#", 1)[-1]
        if target not in self._ids:
            raise DMNError(
                f"{owner}: {what} {href!r} refers to no element of this model", element_name=owner
            )
        return self._ids[target]

    def _requirements(self, element: ET.Element, owner: str) -> tuple[list, list, list]:
        decisions, inputs, knowledge = [], [], []
        for requirement in self._children(element, "informationRequirement"):
            required_decision = self._child(requirement, "requiredDecision")
            if required_decision is not None:
                decisions.append(self._href(required_decision, "required decision", owner))
            required_input = self._child(requirement, "requiredInput")
            if required_input is not None:
                inputs.append(self._href(required_input, "required input", owner))
        for requirement in self._children(element, "knowledgeRequirement"):
            knowledge.append(
                self._href(
                    self._child(requirement, "requiredKnowledge"), "required knowledge", owner
                )
            )
        return decisions, inputs, knowledge

    # -- compiling -------------------------------------------------------------------------
    def _compile_all(self) -> None:
        self._known_names = self._all_names()
        for item in self._all_items():
            if item.allowed_values:
                try:
                    item.allowed_test = compile_unary_tests(item.allowed_values, self._known_names)
                except FeelSyntaxError as e:
                    raise DMNError(
                        f"item definition {item.name!r}, allowed values: {e}",
                        element_name=item.name,
                    ) from e
        for element in self._elements["bkm"]:
            bkm = self._compile_bkm(element)
            self._bkms[bkm.name] = bkm
        for element in self._elements["decision"]:
            decision = self._compile_decision(element)
            self._decisions[decision.name] = decision
        for decision in self._decisions.values():
            self._check_cycles(decision.name, [])

    def _all_items(self):
        stack = list(self.item_definitions.values())
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.components.values())

    def _all_names(self) -> set[str]:
        names = set(FUNCTIONS)
        names.update(d.name for d in self.input_data)
        names.update(self._ids.values())
        names.update(item.name for item in self._all_items())
        for element in self._elements["decision"] + self._elements["bkm"]:
            for tag in ("variable", "formalParameter", "parameter", "column"):
                for named in element.iter(f"{{{self._ns}}}{tag}"):
                    if named.get("name"):
                        names.add(named.get("name"))
        return names

    def _compile_bkm(self, element: ET.Element) -> BusinessKnowledgeModel:
        name = element.get("name")
        owner = f"business knowledge model {name!r}"
        _, _, knowledge = self._requirements(element, owner)
        logic = self._child(element, "encapsulatedLogic")
        parameters = []
        table = None
        body = None
        if logic is not None:
            parameters = [p.get("name") for p in self._children(logic, "formalParameter")]
            expression = self._expression_element(logic)
            if expression is not None:
                body = self._compile_boxed(expression, owner)
                if _local(expression.tag) == "decisionTable":
                    table = body.table
        return BusinessKnowledgeModel(name, element.get("id"), parameters, knowledge, table, body)

    def _compile_decision(self, element: ET.Element) -> Decision:
        name = element.get("name")
        owner = f"decision {name!r}"
        decisions, inputs, knowledge = self._requirements(element, owner)
        variable = self._child(element, "variable")
        type_ref = variable.get("typeRef") if variable is not None else None
        expression = self._expression_element(element)
        if expression is None:
            raise DMNError(
                f"{owner} has no expression", element_id=element.get("id"), element_name=name
            )
        compiled = self._compile_boxed(expression, owner)
        text = self._text(expression) if _local(expression.tag) == "literalExpression" else None
        return Decision(
            name=name,
            id=element.get("id"),
            type_ref=type_ref,
            required_decisions=decisions,
            required_inputs=inputs,
            required_knowledge=knowledge,
            table=getattr(compiled, "table", None),
            expression_text=text,
            _evaluate=compiled,
        )

    def _expression_element(self, element: ET.Element) -> ET.Element | None:
        for child in element:
            if _local(child.tag) in _EXPRESSION_TAGS:
                return child
        return None

    def _compile_boxed(self, element: ET.Element, owner: str):
        """A boxed expression as a callable `f(env) -> value` (with `.table` for tables)."""
        tag = _local(element.tag)
        try:
            if tag == "literalExpression":
                text = self._text(element)
                if text is None or not text.strip():
                    return lambda env: None
                return compile_expression(text, self._known_names)
            if tag == "decisionTable":
                return self._compile_table(element, owner)
            if tag == "context":
                return self._compile_context(element, owner)
            if tag == "list":
                items = [self._compile_boxed(child, owner) for child in element]
                return lambda env: [item(env) for item in items]
            if tag == "relation":
                return self._compile_relation(element, owner)
            if tag == "invocation":
                return self._compile_invocation(element, owner)
            if tag == "functionDefinition":
                parameters = [p.get("name") for p in self._children(element, "formalParameter")]
                body = self._compile_boxed(self._expression_element(element), owner)
                return lambda env: user_function("function", parameters, body, env)
        except FeelSyntaxError as e:
            raise DMNError(f"{owner}, {tag} {element.get('id') or ''}: {e}".replace("  ", " "),
                           element_id=element.get("id"), element_name=owner) from e  # fmt: skip
        raise DMNError(f"{owner}: unsupported expression <{tag}>", element_name=owner)

    def _compile_context(self, element: ET.Element, owner: str):
        entries = []
        result_entry = None
        for entry in self._children(element, "contextEntry"):
            variable = self._child(entry, "variable")
            body = self._compile_boxed(self._expression_element(entry), owner)
            if variable is None:
                result_entry = body
            else:
                entries.append((variable.get("name"), body))

        def context(env: Env):
            values: dict[str, Any] = {}
            scope = env
            for name, body in entries:
                values[name] = body(scope)
                scope = env.child(values)
            return result_entry(scope) if result_entry is not None else values

        return context

    def _compile_relation(self, element: ET.Element, owner: str):
        columns = [c.get("name") for c in self._children(element, "column")]
        rows = []
        for row in self._children(element, "row"):
            cells = [self._compile_boxed(cell, owner) for cell in row]
            if len(cells) != len(columns):
                raise DMNError(f"{owner}: a relation row has the wrong number of cells")
            rows.append(cells)
        return lambda env: [
            {name: cell(env) for name, cell in zip(columns, row, strict=True)} for row in rows
        ]

    def _compile_invocation(self, element: ET.Element, owner: str):
        callee = self._compile_boxed(self._expression_element(element), owner)
        bindings = []
        for binding in self._children(element, "binding"):
            parameter = self._child(binding, "parameter")
            expression = self._expression_element(binding)
            body = self._compile_boxed(expression, owner) if expression is not None else None
            bindings.append((parameter.get("name"), body))

        def invocation(env: Env):
            function = callee(env)
            args = {name: body(env) if body else None for name, body in bindings}
            return invoke(function, args, env, getattr(function, "name", "function"))

        return invocation

    def _compile_table(self, element: ET.Element, owner: str):
        inputs = [
            InputClause(
                label=clause.get("label")
                or self._text(self._child(clause, "inputExpression"))
                or "",
                expression=self._text(self._child(clause, "inputExpression")) or "",
                type_ref=(
                    self._child(clause, "inputExpression").get("typeRef")
                    if self._child(clause, "inputExpression") is not None
                    else None
                ),
                allowed_values=self._text(self._child(clause, "inputValues")),
            )  # fmt: skip
            for clause in self._children(element, "input")
        ]
        outputs = [
            OutputClause(
                name=clause.get("name"),
                label=clause.get("label"),
                type_ref=clause.get("typeRef"),
                allowed_values=self._text(self._child(clause, "outputValues")),
                default=self._text(self._child(clause, "defaultOutputEntry")),
            )
            for clause in self._children(element, "output")
        ]
        if not outputs:
            raise DMNError(f"{owner}: the decision table has no output", element_name=owner)
        rules = []
        for index, rule in enumerate(self._children(element, "rule"), 1):
            annotations = [self._text(a) or "" for a in self._children(rule, "annotationEntry")]
            description = self._child(rule, "description")
            if description is not None and description.text:
                annotations.insert(0, description.text)
            rules.append(
                Rule(
                    index=index,
                    id=rule.get("id"),
                    input_entries=[self._text(e) or "" for e in self._children(rule, "inputEntry")],
                    output_entries=[
                        self._text(e) or "" for e in self._children(rule, "outputEntry")
                    ],
                    annotation=" ".join(a.strip() for a in annotations if a.strip()),
                )
            )
        hit_policy = (element.get("hitPolicy") or "UNIQUE").upper()
        aggregation = element.get("aggregation")
        if aggregation and hit_policy != "COLLECT":
            raise DMNError(f"{owner}: aggregation {aggregation} needs hit policy COLLECT")
        if aggregation and len(outputs) > 1:
            raise DMNError(f"{owner}: aggregation {aggregation} needs a single output")
        if hit_policy not in ("UNIQUE", "ANY", "PRIORITY", "FIRST", "RULE ORDER", "OUTPUT ORDER",
                              "COLLECT"):  # fmt: skip
            raise DMNError(f"{owner}: unknown hit policy {hit_policy!r}", element_name=owner)
        table = DecisionTable(
            hit_policy=hit_policy,
            aggregation=aggregation,
            inputs=inputs,
            outputs=outputs,
            rules=rules,
            output_label=element.get("outputLabel"),
        )
        table_type = element.get("typeRef")
        orders = []
        for clause in outputs:
            allowed = clause.allowed_values or self._types.allowed_values(clause.type_ref)
            if not allowed and len(outputs) == 1:
                allowed = self._types.allowed_values(table_type)
            orders.append(self._value_list(allowed, owner) if allowed else None)
        try:
            table.compile(self._known_names, orders)
        except TableError as e:
            raise DMNError(f"{owner}, {e}", element_id=element.get("id"), element_name=owner) from e

        def evaluate_table(env: Env):
            value, matched = table.evaluate(env)
            env.vars.setdefault("__matched__", []).extend(matched)
            return value

        evaluate_table.table = table
        return evaluate_table

    def _value_list(self, text: str, owner: str) -> list:
        """The values of an output values list, in order (for PRIORITY and OUTPUT ORDER)."""
        try:
            values = compile_expression(f"[{text}]", self._known_names)(Env({}))
        except FeelSyntaxError as e:
            raise DMNError(f"{owner}, output values: {e}", element_name=owner) from e
        return values or []

    def _check_cycles(self, name: str, path: list[str]) -> None:
        if name in path:
            raise DMNError(f"decision {name!r} depends on itself: {' -> '.join(path + [name])}")
        decision = self._decisions.get(name)
        if decision is None:
            raise DMNError(f"required decision {name!r} is not in the model", element_name=name)
        for required in decision.required_decisions:
            self._check_cycles(required, path + [name])

    # -- public API ------------------------------------------------------------------------
    @property
    def decision_names(self) -> list[str]:
        return list(self._decisions)

    def decision(self, name: str) -> Decision:
        try:
            return self._decisions[name]
        except KeyError:
            raise KeyError(f"the model has no decision {name!r}") from None

    def required_inputs(self, decision_name: str) -> list[InputData]:
        """The input data a decision needs, directly or through the decisions it requires."""
        needed: list[str] = []
        stack = [decision_name]
        seen = set()
        while stack:
            decision = self.decision(stack.pop())
            if decision.name in seen:
                continue
            seen.add(decision.name)
            needed.extend(n for n in decision.required_inputs if n not in needed)
            stack.extend(decision.required_decisions)
        by_name = {data.name: data for data in self.input_data}
        return [by_name[name] for name in needed if name in by_name]

    def evaluate(self, decision_name: str, inputs: dict[str, Any] | None = None) -> DecisionResult:
        """Evaluate a decision (and the decisions it requires) for the given input data."""
        needed = self._needed_inputs.get(decision_name)
        if needed is None:
            needed = self._needed_inputs[decision_name] = self.required_inputs(decision_name)
        messages: list[str] = []
        values: dict[str, Any] = {}
        matched: dict[str, list[MatchedRule]] = {}
        inputs = inputs or {}
        input_values = {}
        env = Env({}, messages)
        for data in needed:
            input_values[data.name] = self._types.conform(
                from_python(inputs.get(data.name)), data.type_ref, env, f"input {data.name!r}"
            )
        self._evaluate_decision(decision_name, input_values, values, matched, messages)
        return DecisionResult(
            decision=decision_name,
            value=values[decision_name],
            messages=messages,
            matched_rules=matched.get(decision_name, []),
            decisions=values,
        )

    def evaluate_all(self, inputs: dict[str, Any] | None = None) -> dict[str, DecisionResult]:
        return {name: self.evaluate(name, inputs) for name in self._decisions}

    def _knowledge_scope(self, names: list[str], messages: list[str]) -> dict[str, Any]:
        scope: dict[str, Any] = {}
        for name in names:
            bkm = self._bkms.get(name)
            if bkm is None:
                continue
            inner = self._knowledge_scope(bkm.required_knowledge, messages)
            body = bkm._body

            def run(env, body=body):
                return body(env) if body is not None else None

            scope[name] = user_function(name, bkm.parameters, run, Env(inner, messages))
        return scope

    def _evaluate_decision(self, name, input_values, values, matched, messages) -> Any:
        if name in values:
            return values[name]
        decision = self._decisions[name]
        scope: dict[str, Any] = {}
        for required in decision.required_decisions:
            scope[required] = self._evaluate_decision(
                required, input_values, values, matched, messages
            )
        for required in decision.required_inputs:
            scope[required] = input_values.get(required)
        scope.update(self._knowledge_scope(decision.required_knowledge, messages))
        env = Env(scope, messages)
        before = len(messages)
        try:
            value = decision._evaluate(env)
        except RecursionError:
            env.note(f"decision {name!r}: the expression nests too deeply")
            value = None
        for position in range(before, len(messages)):
            if not messages[position].startswith("decision "):
                messages[position] = f"decision {name!r}: {messages[position]}"
        value = self._types.conform(value, decision.type_ref, env, f"decision {name!r}")
        values[name] = value
        matched[name] = scope.get("__matched__", [])
        return value


def load(source: str | bytes | os.PathLike) -> Model:
    """A DMN model from a file path, or from XML text or bytes. Raises DMNError naming the
    element that is wrong."""
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and not source.lstrip().startswith("<")
    ):
        try:
            data = Path(source).read_bytes()
        except OSError as e:
            raise DMNError(f"cannot read {source}: {e.strerror}") from e
    else:
        data = source.encode() if isinstance(source, str) else source
    try:
        root = SafeET.fromstring(data)
    except ET.ParseError as e:
        raise DMNError(f"not well-formed XML: {e}") from e
    except Exception as e:  # defusedxml refuses entity expansion and external references
        raise DMNError(f"refused XML: {e}") from e
    return Model(root)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _required_name(element: ET.Element, kind: str) -> str:
    name = element.get("name")
    if not name:
        raise DMNError(f"{kind} {element.get('id') or ''} has no name".replace("  ", " "),
                       element_id=element.get("id"))  # fmt: skip
    return name
