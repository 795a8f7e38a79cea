"""Walking a pathway: the next question, or the outcome with the services of the sociale kaart
and the reasons (the answers given and the rules that fired).

Nothing is stored: the answers come in with the request and are gone after the response. Use
it through pathways.selectors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kansrijk.directory import selectors as directory_selectors
from kansrijk.pathways import tables
from kansrijk.pathways.constants import (
    FALSE,
    OTHERWISE,
    SERVICE_ACTIONS,
    TRUE,
    WALK_SERVICE_LIMIT,
    AnswerType,
    StepKind,
)
from kansrijk.pathways.validation import number_text, steps_by_id


@dataclass
class WalkEntry:
    """One step passed on the way: a question with its answer, or a decision with its outcome
    and the rules that fired."""

    step: dict
    answer: str = ""  # the answer as given ("true", an option value, a number)
    answer_label: str = ""  # as the professional read it
    outcome: str | None = None  # a decision's outcome as text (None: no outcome)
    matched_rules: list[Any] = field(default_factory=list)  # dmn.MatchedRule
    messages: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.step.get("kind", "")


@dataclass
class WalkOutcome:
    step: dict
    services: list[Any] = field(default_factory=list)  # directory ServiceCard
    broadened: bool = False  # no service matched the search words: found by theme only
    resolves_services: bool = False


@dataclass
class WalkResult:
    path: list[WalkEntry] = field(default_factory=list)
    question: dict | None = None  # the next question to answer
    error: str = ""  # why the given answer to `question` was not accepted
    outcome: WalkOutcome | None = None
    stuck: str = ""  # why the walk cannot go on (a pathway fault, not the user's)
    answers: dict[str, str] = field(default_factory=dict)  # the answers used, cleaned

    @property
    def finished(self) -> bool:
        return self.outcome is not None


def answer_parse(step: Mapping[str, Any], raw: Any) -> tuple[str, Any] | None:
    """(text as `next` maps match it, value for the decision tables), or None when the answer
    does not fit the question."""
    raw = str(raw).strip()
    answer_type = step.get("answer_type")
    if answer_type == AnswerType.BOOLEAN:
        if raw in (TRUE, FALSE):
            return raw, raw == TRUE
        return None
    if answer_type == AnswerType.CHOICE:
        values = [o.get("value") for o in step.get("options") or [] if isinstance(o, Mapping)]
        return (raw, raw) if raw in values else None
    if answer_type == AnswerType.NUMBER:
        text = number_text(raw) if raw else None
        return (text, Decimal(text)) if text is not None else None
    return None


def answer_label(step: Mapping[str, Any], text: str) -> str:
    answer_type = step.get("answer_type")
    if answer_type == AnswerType.BOOLEAN:
        return _("Yes") if text == TRUE else _("No")
    if answer_type == AnswerType.CHOICE:
        for option in step.get("options") or []:
            if isinstance(option, Mapping) and option.get("value") == text:
                return str(option.get("label", text))
    return text


def _branch(nxt: Any, key: str | None) -> str | None:
    if isinstance(nxt, str):
        return nxt
    if isinstance(nxt, Mapping):
        if key is not None and key in nxt:
            return nxt[key]
        return nxt.get(OTHERWISE)
    return None


def walk(
    *,
    definition: Mapping[str, Any],
    answers: Mapping[str, str],
    municipality_code: str,
    neighbourhood_code: str | None = None,
    organisation_id: int | None = None,
    resolve_services: bool = True,
) -> WalkResult:
    """Follow the pathway with the answers given so far (variable -> answer as text): the next
    question to ask, or the outcome with the services of the sociale kaart for the client's
    municipality (and neighbourhood). Answers to questions not on the way are ignored; the
    decision tables see only the answers given on the way. Never raises on bad answers."""
    result = WalkResult()
    steps = steps_by_id(definition)
    values: dict[str, Any] = {}
    current = definition.get("start")
    seen: set[str] = set()
    while True:
        if current not in steps or current in seen:
            result.stuck = _("The pathway cannot go on from here: step %(step)s is missing.") % {
                "step": current or "—"
            }
            return result
        seen.add(current)
        step = steps[current]
        kind = step.get("kind")
        if kind == StepKind.QUESTION:
            variable = step.get("variable", "")
            raw = answers.get(variable)
            if raw is None or str(raw).strip() == "":
                result.question = step
                return result
            parsed = answer_parse(step, raw)
            if parsed is None:
                result.question = step
                result.error = _("Choose one of the answers.")
                if step.get("answer_type") == AnswerType.NUMBER:
                    result.error = _("Fill in a number, for example 3.")
                return result
            text, value = parsed
            values[variable] = value
            result.answers[variable] = text
            result.path.append(
                WalkEntry(step=step, answer=text, answer_label=answer_label(step, text))
            )
            current = _branch(step.get("next"), text)
        elif kind == StepKind.DECISION:
            entry = _decide(step, definition, values)
            result.path.append(entry)
            current = _branch(step.get("next"), entry.outcome)
            if current is None:
                result.stuck = _(
                    "The decision table %(decision)s gave no outcome the pathway knows "
                    "(%(outcome)s). Discuss the situation with a colleague or coordinator."
                ) % {"decision": step.get("decision"), "outcome": entry.outcome or _("none")}
                return result
        elif kind == StepKind.ACTION:
            if not resolve_services:
                result.outcome = WalkOutcome(step=dict(step))
                return result
            result.outcome = _outcome(
                step,
                municipality_code=municipality_code,
                neighbourhood_code=neighbourhood_code,
                organisation_id=organisation_id,
            )
            return result
        else:
            result.stuck = _("The pathway cannot go on from here: step %(step)s is missing.") % {
                "step": current
            }
            return result


def _decide(step: Mapping[str, Any], definition: Mapping[str, Any], values: dict) -> WalkEntry:
    entry = WalkEntry(step=dict(step))
    source = (definition.get("tables") or {}).get(step.get("table"))
    try:
        model = tables.table_load(source)
        evaluation = model.evaluate(step.get("decision"), dict(values))
    except Exception as exc:  # noqa: BLE001  (a stored table was valid; never fail the walk)
        entry.messages = [str(exc)]
        return entry
    entry.matched_rules = list(evaluation.matched_rules or [])
    entry.messages = list(evaluation.messages or [])
    value = evaluation.value
    output = step.get("output")
    nxt = step.get("next")
    if isinstance(value, list):
        # Several hits: branch on the first outcome the pathway knows.
        texts = [tables.value_text(tables.decision_value(v, output)) for v in value]
        known = [t for t in texts if isinstance(nxt, Mapping) and t in nxt]
        entry.outcome = (known or texts or [None])[0]
    else:
        entry.outcome = tables.value_text(tables.decision_value(value, output))
    return entry


def _outcome(
    step: Mapping[str, Any],
    *,
    municipality_code: str,
    neighbourhood_code: str | None,
    organisation_id: int | None,
) -> WalkOutcome:
    outcome = WalkOutcome(step=dict(step))
    # Refer and urgent always show help nearby; another action does when it names a kind of
    # help (the case consultation step says which help to start meanwhile).
    names_help = step.get("themes") or step.get("query")
    if step.get("action") not in SERVICE_ACTIONS and not names_help:
        return outcome
    outcome.resolves_services = True
    filters = {
        "municipality_code": municipality_code,
        "neighbourhood_code": neighbourhood_code or None,
        "theme_codes": step.get("themes") or (),
        "target_group_codes": step.get("target_groups") or (),
        "phase_codes": step.get("phases") or (),
    }
    query = (step.get("query") or "").strip()
    services = list(directory_selectors.service_search(query=query, **filters)[:WALK_SERVICE_LIMIT])
    if not services and query:
        services = list(directory_selectors.service_search(**filters)[:WALK_SERVICE_LIMIT])
        outcome.broadened = bool(services)
    outcome.services = directory_selectors.service_cards(
        services=services, organisation_id=organisation_id
    )
    return outcome


def answers_before(*, result: WalkResult, variable: str) -> dict[str, str]:
    """The answers given on the way before the question of `variable`: to change that answer,
    the walk goes back there (later answers may no longer apply)."""
    kept: dict[str, str] = {}
    for entry in result.path:
        if entry.kind != StepKind.QUESTION:
            continue
        if entry.step.get("variable") == variable:
            break
        kept[entry.step["variable"]] = entry.answer
    return kept
