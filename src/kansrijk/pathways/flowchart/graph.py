"""The steps of a pathway definition as a graph with labelled branches, and its text
alternative (`flowchart_text`). Never raises on a malformed definition."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

OTHERWISE = "*"
QUESTION, DECISION, ACTION = "question", "decision", "action"
URGENT = "urgent"

# --- the text alternative -------------------------------------------------------------------


@dataclass(frozen=True)
class FlowBranch:
    """One way on from a step: the answer (or outcome) and the step it leads to."""

    label: str  # "ja", an option's label, a decision's outcome; "" for the only way on
    step_id: str
    number: int | None  # the step number it leads to; None when that step does not exist

    @property
    def text(self) -> str:
        """ "ja → ga naar stap 4", or "ga naar stap 4" when there is only one way on."""
        if self.number is None:
            target = _("step %(step)s does not exist") % {"step": self.step_id}
        else:
            target = _("go to step %(number)s") % {"number": self.number}
        return f"{self.label} → {target}" if self.label else target


@dataclass(frozen=True)
class FlowStep:
    """One step of the text alternative."""

    number: int  # 1 is the start; breadth-first from there
    id: str
    kind: str  # question, decision or action (as in the definition)
    kind_label: str  # in words: "Vraag", "Beslissing", "Verwijzen", "Urgent", ...
    text: str  # the question, the decision's name or the action's title
    detail: str = ""  # a question's help text, an action's text
    action: str = ""  # the action kind, for actions
    urgent: bool = False
    reachable: bool = True  # False: no path from the start leads here
    branches: tuple[FlowBranch, ...] = ()


def flowchart_text(definition: Mapping[str, Any]) -> list[FlowStep]:
    """The steps in reading order (breadth-first from the start, then any step that cannot be
    reached), each with its number and its branches as "answer → go to step N"."""
    graph = _Graph.from_definition(definition)
    return graph.flow_steps()


# --- the graph ------------------------------------------------------------------------------


@dataclass
class _Edge:
    source: str
    target: str
    label: str  # "" when it is the only way on


@dataclass
class _Graph:
    steps: dict[str, dict]  # in document order
    start: str | None
    edges: list[_Edge]
    order: list[str] = field(default_factory=list)  # reading order (breadth-first)
    reachable: set[str] = field(default_factory=set)

    @classmethod
    def from_definition(cls, definition: Mapping[str, Any]) -> _Graph:
        steps: dict[str, dict] = {}
        raw = definition.get("steps") if isinstance(definition, Mapping) else None
        for step in raw if isinstance(raw, list) else []:
            if isinstance(step, Mapping) and isinstance(step.get("id"), str) and step["id"]:
                steps.setdefault(step["id"], dict(step))
        start = definition.get("start") if isinstance(definition, Mapping) else None
        if start not in steps:
            start = next(iter(steps), None)
        edges = [edge for step in steps.values() for edge in _branches(step)]
        graph = cls(steps=steps, start=start, edges=edges)
        graph._number()
        return graph

    def successors(self, step_id: str) -> list[str]:
        return [e.target for e in self.edges if e.source == step_id and e.target in self.steps]

    def _number(self) -> None:
        seen: set[str] = set()
        queue = deque([self.start] if self.start else [])
        while queue:
            step_id = queue.popleft()
            if step_id in seen:
                continue
            seen.add(step_id)
            self.order.append(step_id)
            queue.extend(t for t in self.successors(step_id) if t not in seen)
        self.reachable = set(self.order)
        self.order += [s for s in self.steps if s not in seen]

    def number_of(self, step_id: str) -> int | None:
        return self.order.index(step_id) + 1 if step_id in self.steps else None

    def flow_steps(self) -> list[FlowStep]:
        numbers = {step_id: n for n, step_id in enumerate(self.order, start=1)}
        result = []
        for step_id in self.order:
            step = self.steps[step_id]
            kind = _kind(step)
            result.append(
                FlowStep(
                    number=numbers[step_id],
                    id=step_id,
                    kind=kind,
                    kind_label=_kind_label(step),
                    text=_step_text(step),
                    detail=_step_detail(step),
                    action=_text(step, "action") if kind == ACTION else "",
                    urgent=_is_urgent(step),
                    reachable=step_id in self.reachable,
                    branches=tuple(
                        FlowBranch(label=e.label, step_id=e.target, number=numbers.get(e.target))
                        for e in self.edges
                        if e.source == step_id
                    ),
                )
            )
        return result


def _text(step: Mapping[str, Any], key: str) -> str:
    value = step.get(key)
    if isinstance(value, str):
        return " ".join(value.split())
    return ""


def _kind(step: Mapping[str, Any]) -> str:
    kind = step.get("kind")
    return kind if kind in (QUESTION, DECISION, ACTION) else QUESTION


def _is_urgent(step: Mapping[str, Any]) -> bool:
    return _kind(step) == ACTION and step.get("action") == URGENT


def _kind_label(step: Mapping[str, Any]) -> str:
    kind = _kind(step)
    if kind == QUESTION:
        return _("Question")
    if kind == DECISION:
        return _("Decision")
    return {
        "regular_care": _("Regular care"),
        "refer": _("Refer"),
        "case_consultation": _("Case consultation"),
        URGENT: _("Urgent"),
    }.get(step.get("action"), _("Outcome"))


def _step_text(step: Mapping[str, Any]) -> str:
    kind = _kind(step)
    if kind == ACTION:
        return _text(step, "title") or _text(step, "text") or step["id"]
    if kind == DECISION:
        return (
            _text(step, "text")
            or _text(step, "title")
            or _text(step, "decision")
            or _text(step, "table")
            or step["id"]
        )
    return _text(step, "text") or step["id"]


def _step_detail(step: Mapping[str, Any]) -> str:
    kind = _kind(step)
    if kind == QUESTION:
        return _text(step, "help")
    if kind == ACTION:
        return _text(step, "text") if _text(step, "title") else ""
    decision = _text(step, "decision")
    if decision and decision != _step_text(step):
        return _("Decision table: %(decision)s") % {"decision": decision}
    return ""


def _answer_label(step: Mapping[str, Any], key: str) -> str:
    """How an answer or outcome in a `next` map reads in the chart."""
    if key == OTHERWISE:
        return _("otherwise")
    if key == "true" and (step.get("answer_type") == "boolean" or _kind(step) == DECISION):
        return _("yes")
    if key == "false" and (step.get("answer_type") == "boolean" or _kind(step) == DECISION):
        return _("no")
    if step.get("answer_type") == "choice":
        for option in step.get("options") or []:
            if isinstance(option, Mapping) and str(option.get("value")) == key:
                return " ".join(str(option.get("label") or key).split())
    return " ".join(key.split())


def _branches(step: Mapping[str, Any]) -> list[_Edge]:
    """The edges out of a step, one per target, in the order a reader expects: yes before no,
    the options in their order, the otherwise-branch last."""
    nxt = step.get("next")
    if _kind(step) == ACTION or not nxt:
        return []
    if isinstance(nxt, str):
        return [_Edge(step["id"], nxt, "")]
    if not isinstance(nxt, Mapping):
        return []
    keys = [str(k) for k, v in nxt.items() if isinstance(v, str) and v]
    preferred: list[str] = []
    if step.get("answer_type") == "boolean" or _kind(step) == DECISION:
        preferred = ["true", "false"]
    elif step.get("answer_type") == "choice":
        preferred = [
            str(o.get("value")) for o in step.get("options") or [] if isinstance(o, Mapping)
        ]
    ordered = [k for k in preferred if k in keys]
    ordered += [k for k in keys if k not in ordered and k != OTHERWISE]
    ordered += [OTHERWISE] if OTHERWISE in keys else []
    by_target: dict[str, list[str]] = {}
    for key in ordered:
        by_target.setdefault(nxt[key], []).append(_answer_label(step, key))
    if len(by_target) == 1:  # every answer leads to the same step
        return [_Edge(step["id"], next(iter(by_target)), "")]
    return [_Edge(step["id"], target, ", ".join(labels)) for target, labels in by_target.items()]
