"""Checks of a pathway definition, so nothing invalid is ever stored.

A definition (JSON) has a `start` step id, a list of `steps` (question, decision, action) and
`tables`: DMN XML per table key. Every message is in the user's language and names the step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from kansrijk.pathways import tables
from kansrijk.pathways.constants import FALSE, OTHERWISE, TRUE, ActionKind, AnswerType, StepKind
from kansrijk.rules import dmn

# What a question's answer type gives a decision table, as DMN typeRefs.
_ANSWER_TYPE_REFS = {
    AnswerType.BOOLEAN: {"boolean"},
    AnswerType.NUMBER: {"number", "integer", "long", "double"},
    AnswerType.CHOICE: {"string"},
}


@dataclass(frozen=True)
class KnownCodes:
    """The taxonomy codes of the sociale kaart an action may name."""

    themes: frozenset[str]
    target_groups: frozenset[str]
    phases: frozenset[str]


def known_codes() -> KnownCodes:
    from kansrijk.directory import selectors as directory_selectors

    options = directory_selectors.search_options(municipality_code=None)
    return KnownCodes(
        themes=frozenset(code for code, _name in options.themes),
        target_groups=frozenset(code for code, _name in options.target_groups),
        phases=frozenset(code for code, _name in options.phases),
    )


def definition_validate(definition: Any, *, codes: KnownCodes | None = None) -> None:
    """Raise ValidationError with every problem of the definition (none: it is valid)."""
    problems = definition_problems(definition, codes=codes)
    if problems:
        raise ValidationError(problems, code="invalid_definition")


def definition_problems(definition: Any, *, codes: KnownCodes | None = None) -> list[str]:
    """Every problem of the definition, as messages that name the step."""
    if not isinstance(definition, Mapping) or not isinstance(definition.get("steps"), list):
        return [
            _(
                'The pathway must be a JSON object with "start", "steps" (a list) and "tables" '
                "(decision tables by name)."
            )
        ]
    checker = _Checker(definition, codes or known_codes())
    return checker.run()


def steps_by_id(definition: Mapping[str, Any]) -> dict[str, dict]:
    return {
        step["id"]: step
        for step in definition.get("steps") or []
        if isinstance(step, dict) and isinstance(step.get("id"), str)
    }


def next_targets(step: Mapping[str, Any]) -> list[str]:
    """The step ids a step may go to next, in the order written."""
    nxt = step.get("next")
    if isinstance(nxt, str):
        return [nxt]
    if isinstance(nxt, Mapping):
        return list(dict.fromkeys(v for v in nxt.values() if isinstance(v, str)))
    return []


def number_text(value: str) -> str | None:
    """A typed number in plain notation ("3,5" -> "3.5"), or None when it is not a number."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return tables.value_text(number)


def _text(step: Mapping[str, Any], key: str) -> str:
    value = step.get(key)
    return value.strip() if isinstance(value, str) else ""


class _Checker:
    def __init__(self, definition: Mapping[str, Any], codes: KnownCodes):
        self.definition = definition
        self.codes = codes
        self.problems: list[str] = []
        self.steps: dict[str, dict] = {}
        self.models: dict[str, Any] = {}  # table key -> loaded model

    def add(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def run(self) -> list[str]:
        self._check_tables()
        self._collect_steps()
        if not self.steps:
            if not self.problems:
                self.add(_("The pathway has no steps yet."))
            return self.problems
        start = self.definition.get("start")
        if not isinstance(start, str) or start not in self.steps:
            self.add(_("The start step %(step)s does not exist.") % {"step": start or "—"})
        for step in self.steps.values():
            self._check_step(step)
        if isinstance(start, str) and start in self.steps:
            self._check_graph(start)
        return self.problems

    # --- parts ---------------------------------------------------------------------------

    def _check_tables(self) -> None:
        table_sources = self.definition.get("tables", {})
        if table_sources is None:
            table_sources = {}
        if not isinstance(table_sources, Mapping):
            self.add(_('"tables" must map each table name to the DMN XML of that table.'))
            return
        for key, source in table_sources.items():
            if not isinstance(source, str) or not source.strip():
                self.add(_("Decision table %(table)s holds no DMN XML.") % {"table": key})
                continue
            try:
                self.models[key] = tables.table_load(source)
            except dmn.DMNError as exc:
                self.add(
                    _("Decision table %(table)s cannot be read: %(error)s")
                    % {"table": key, "error": exc}
                )

    def _collect_steps(self) -> None:
        for number, step in enumerate(self.definition["steps"], start=1):
            if not isinstance(step, Mapping) or not _text(step, "id"):
                self.add(_("Step number %(number)d has no id.") % {"number": number})
                continue
            step_id = step["id"]
            if step_id in self.steps:
                self.add(_("The step id %(step)s is used more than once.") % {"step": step_id})
                continue
            self.steps[step_id] = dict(step)

    def _check_step(self, step: dict) -> None:
        step_id = step["id"]
        kind = step.get("kind")
        if kind == StepKind.QUESTION:
            self._check_question(step)
        elif kind == StepKind.DECISION:
            self._check_decision(step)
        elif kind == StepKind.ACTION:
            self._check_action(step)
        else:
            self.add(
                _("Step %(step)s: the kind must be question, decision or action.")
                % {"step": step_id}
            )
            return
        for target in next_targets(step):
            if target not in self.steps:
                self.add(
                    _("Step %(step)s: the next step %(target)s does not exist.")
                    % {"step": step_id, "target": target}
                )

    def _check_question(self, step: dict) -> None:
        step_id = step["id"]
        if not _text(step, "text"):
            self.add(_("Step %(step)s: the question has no text.") % {"step": step_id})
        if not _text(step, "variable"):
            self.add(
                _("Step %(step)s: the question has no variable (the name the decision tables use).")
                % {"step": step_id}
            )
        answer_type = step.get("answer_type")
        if answer_type not in AnswerType.values:
            self.add(
                _("Step %(step)s: the answer type must be boolean, choice or number.")
                % {"step": step_id}
            )
            return
        answers: list[str] | None = None  # None: any number
        if answer_type == AnswerType.BOOLEAN:
            answers = [TRUE, FALSE]
        elif answer_type == AnswerType.CHOICE:
            answers = self._check_options(step)
        self._check_next_map(step, answers=answers, numbers=answer_type == AnswerType.NUMBER)

    def _check_options(self, step: dict) -> list[str]:
        step_id = step["id"]
        options = step.get("options")
        values: list[str] = []
        valid = isinstance(options, list) and len(options) >= 2
        for option in options if isinstance(options, list) else []:
            if not isinstance(option, Mapping) or not _text(option, "value"):
                valid = False
                continue
            if not _text(option, "label"):
                valid = False
            value = option["value"]
            if value in values:
                self.add(
                    _("Step %(step)s: the option %(value)s is used more than once.")
                    % {"step": step_id, "value": value}
                )
            values.append(value)
        if not valid:
            self.add(
                _(
                    "Step %(step)s: a choice question needs at least two options, each with a "
                    "value and a label."
                )
                % {"step": step_id}
            )
        return values

    def _check_next_map(
        self,
        step: dict,
        *,
        answers: list[str] | None,
        numbers: bool = False,
        decision: str = "",
    ) -> None:
        """`next` is a step id, or a map from answer (or outcome) to step id with "*" as the
        otherwise-branch; without "*" every possible answer needs its own entry."""
        step_id = step["id"]
        nxt = step.get("next")
        if isinstance(nxt, str) and nxt:
            return
        if not isinstance(nxt, Mapping) or not nxt:
            self.add(_("Step %(step)s: there is no next step.") % {"step": step_id})
            return
        for key, target in nxt.items():
            if not isinstance(target, str) or not target:
                self.add(
                    _("Step %(step)s: the next step for %(answer)s is missing.")
                    % {"step": step_id, "answer": key}
                )
            if key == OTHERWISE:
                continue
            if numbers and number_text(key) != key:
                self.add(
                    _(
                        "Step %(step)s: %(answer)s is not a number in plain notation "
                        "(like 3 or 2.5)."
                    )
                    % {"step": step_id, "answer": key}
                )
            elif answers and key not in answers:
                if decision:
                    message = _(
                        "Step %(step)s: %(answer)s is not a possible outcome of decision "
                        "%(decision)s."
                    )
                else:
                    message = _("Step %(step)s: %(answer)s is not a possible answer.")
                self.add(message % {"step": step_id, "answer": key, "decision": decision})
        if OTHERWISE in nxt:
            return
        if not answers:
            self.add(
                _(
                    "Step %(step)s: the next steps need an otherwise-branch (*): not every "
                    "answer or outcome has its own next step."
                )
                % {"step": step_id}
            )
            return
        for answer in answers:
            if answer not in nxt:
                self.add(
                    _(
                        "Step %(step)s: there is no next step for %(answer)s. Add it, or an "
                        "otherwise-branch (*)."
                    )
                    % {"step": step_id, "answer": answer}
                )

    def _check_decision(self, step: dict) -> None:
        step_id = step["id"]
        key, name = _text(step, "table"), _text(step, "decision")
        table_sources = self.definition.get("tables")
        if not key or not isinstance(table_sources, Mapping) or key not in table_sources:
            self.add(
                _("Step %(step)s: there is no decision table %(table)s.")
                % {"step": step_id, "table": key or "—"}
            )
            self._check_next_map(step, answers=None)
            return
        model = self.models.get(key)
        if model is None:  # the table's own error is reported already
            return
        if name not in model.decision_names:
            self.add(
                _("Step %(step)s: decision table %(table)s has no decision %(decision)s.")
                % {"step": step_id, "table": key, "decision": name or "—"}
            )
            return
        outputs = tables.output_names(model, name)
        output = step.get("output")
        if output and output not in outputs:
            self.add(
                _("Step %(step)s: decision %(decision)s has no output %(output)s.")
                % {"step": step_id, "decision": name, "output": output}
            )
        elif not output and len(outputs) > 1:
            self.add(
                _(
                    "Step %(step)s: decision %(decision)s has several outputs. Name the one to "
                    "branch on in output: %(outputs)s."
                )
                % {"step": step_id, "decision": name, "outputs": ", ".join(outputs)}
            )
        self._check_next_map(
            step, answers=self._possible_outcomes(model, name, output), decision=name
        )

    def _possible_outcomes(self, model: Any, name: str, output: str | None) -> list[str] | None:
        table = getattr(model.decision(name), "table", None)
        if table is None or not table.outputs:
            return None
        clause = next((c for c in table.outputs if c.name == output), table.outputs[0])
        if (clause.type_ref or "").lower() == "boolean":
            return [TRUE, FALSE]
        return tables.allowed_output_values(model, name, clause.name) or None

    def _check_action(self, step: dict) -> None:
        step_id = step["id"]
        if step.get("action") not in ActionKind.values:
            self.add(
                _("Step %(step)s: the action must be one of: %(kinds)s.")
                % {"step": step_id, "kinds": ", ".join(ActionKind.values)}
            )
        if not _text(step, "title"):
            self.add(_("Step %(step)s: the action has no title.") % {"step": step_id})
        if step.get("next"):
            self.add(
                _("Step %(step)s: an action ends the pathway, so it has no next step.")
                % {"step": step_id}
            )
        for key, known, message in (
            ("themes", self.codes.themes, _("Step %(step)s: the theme %(code)s does not exist.")),
            (
                "target_groups",
                self.codes.target_groups,
                _("Step %(step)s: the target group %(code)s does not exist."),
            ),
            ("phases", self.codes.phases, _("Step %(step)s: the phase %(code)s does not exist.")),
        ):
            codes = step.get(key) or []
            if not isinstance(codes, list):
                codes = [codes]
            for code in codes:
                if code not in known:
                    self.add(message % {"step": step_id, "code": code})
        query = step.get("query")
        if query is not None and not isinstance(query, str):
            self.add(_("Step %(step)s: the search words must be text.") % {"step": step_id})

    # --- the graph -----------------------------------------------------------------------

    def _check_graph(self, start: str) -> None:
        order, cyclic = _order_from(start, self.steps)
        for step_id in cyclic:
            self.add(
                _(
                    "Step %(step)s: the pathway goes back to this step. A pathway may not go "
                    "in circles."
                )
                % {"step": step_id}
            )
        reached = set(order)
        for step_id in self.steps:
            if step_id not in reached:
                self.add(
                    _("Step %(step)s: this step cannot be reached from the start.")
                    % {"step": step_id}
                )
        if not cyclic:
            self._check_inputs(order)

    def _check_inputs(self, order: list[str]) -> None:
        """Every input a decision reads is asked on every path to it; the question's answer
        type fits the input's type."""
        asked = asked_before(order, self.steps)
        types: dict[str, set[str]] = {}
        for step_id in order:
            step = self.steps[step_id]
            if step.get("kind") != StepKind.DECISION:
                continue
            model = self.models.get(_text(step, "table"))
            name = _text(step, "decision")
            if model is None or name not in model.decision_names:
                continue
            needed = tables.required_input_names(model, name)
            missing = [n for n in needed if n not in asked[step_id]]
            if missing:
                self.add(
                    _(
                        "Step %(step)s: decision %(decision)s needs %(variables)s, but not every "
                        "path to this step asks for it first."
                    )
                    % {
                        "step": step_id,
                        "decision": name,
                        "variables": get_text_list(missing, _("and")),
                    }
                )
            for item in model.input_data:
                if item.type_ref:
                    types.setdefault(item.name, set()).add(item.type_ref.lower())
        for step_id in order:
            step = self.steps[step_id]
            if step.get("kind") != StepKind.QUESTION:
                continue
            expected = types.get(_text(step, "variable"), set())
            fits = _ANSWER_TYPE_REFS.get(step.get("answer_type"), set())
            wrong = sorted(t for t in expected if t in _KNOWN_TYPE_REFS and t not in fits)
            if wrong:
                self.add(
                    _(
                        "Step %(step)s: the answer type does not fit %(variable)s: the decision "
                        "table expects %(type)s."
                    )
                    % {"step": step_id, "variable": step.get("variable"), "type": wrong[0]}
                )


_KNOWN_TYPE_REFS = set().union(*_ANSWER_TYPE_REFS.values())


def _order_from(start: str, steps: Mapping[str, dict]) -> tuple[list[str], list[str]]:
    """The steps reachable from start in topological order, and the steps where a cycle
    closes (empty for a valid pathway)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    postorder: list[str] = []
    cyclic: list[str] = []
    stack: list[tuple[str, Iterable[str]]] = [(start, iter(next_targets(steps[start])))]
    state[start] = 1
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in steps:
                continue
            if state.get(child) == 1:
                if child not in cyclic:
                    cyclic.append(child)
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(next_targets(steps[child]))))
                break
        else:
            stack.pop()
            state[node] = 2
            postorder.append(node)
    return list(reversed(postorder)), cyclic


def asked_before(order: list[str], steps: Mapping[str, dict]) -> dict[str, set[str]]:
    """Per step, the variables asked on every path from the start to it (the steps in
    topological order, without cycles)."""
    asked: dict[str, set[str]] = {order[0]: set()} if order else {}
    for step_id in order:
        step = steps[step_id]
        here = set(asked.get(step_id, set()))
        if step.get("kind") == StepKind.QUESTION and _text(step, "variable"):
            here.add(step["variable"])
        for child in next_targets(step):
            if child not in steps:
                continue
            asked[child] = set(here) if child not in asked else asked[child] & here
    return asked


def step_order(definition: Mapping[str, Any]) -> list[str]:
    """The step ids reachable from the start, in an order where every step comes after the
    steps that lead to it."""
    steps = steps_by_id(definition)
    start = definition.get("start")
    if start not in steps:
        return []
    return _order_from(start, steps)[0]
