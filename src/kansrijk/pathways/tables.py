"""Decision tables of a pathway: DMN models loaded once per text, and their outputs as text.

The DMN engine (kansrijk.rules) is pure Python; this module is the only place that calls it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from kansrijk.rules import dmn

# A values list of a string output: "mdo","wijkteam".
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


@lru_cache(maxsize=128)
def _load(source: str) -> dmn.Model:
    return dmn.load(source)


def table_load(source: str) -> dmn.Model:
    """The compiled model of this DMN XML, compiled once per distinct text. Raises
    dmn.DMNError when the XML is not a valid DMN model."""
    return _load(source)


def value_text(value: Any) -> str | None:
    """A FEEL value as `next` maps match it: strings as they are, booleans "true"/"false",
    numbers in plain notation; None (null) stays None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, int | float):
        return value_text(Decimal(str(value)))
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def output_names(model: Any, decision_name: str) -> list[str]:
    decision = model.decision(decision_name)
    table = getattr(decision, "table", None)
    if table is None:
        return []
    return [clause.name for clause in table.outputs]


def allowed_output_values(model: Any, decision_name: str, output: str | None) -> list[str]:
    """The string values an output may take according to its values list ([] when open)."""
    table = getattr(model.decision(decision_name), "table", None)
    if table is None or not table.outputs:
        return []
    clause = next((c for c in table.outputs if c.name == output), table.outputs[0])
    return [m.group(1) for m in _QUOTED.finditer(clause.allowed_values or "")]


def required_input_names(model: Any, decision_name: str) -> list[str]:
    """The input data a decision reads, directly or through the decisions it needs."""
    return [item.name for item in model.required_inputs(decision_name)]


def decision_value(value: Any, output: str | None) -> Any:
    """The value to branch on: the named output of a multi-output row."""
    if isinstance(value, dict):
        if output and output in value:
            return value[output]
        if len(value) == 1:
            return next(iter(value.values()))
        return None
    return value


@dataclass
class TableView:
    """One decision table of a pathway, for showing as an HTML table."""

    key: str
    decision_name: str
    table: Any = None  # dmn.DecisionTable
    error: str = ""
    used_by: list[str] = field(default_factory=list)  # step ids
    help: str = ""  # the hit policy in words, filled in by the page


def table_views(definition: dict) -> list[TableView]:
    """Every decision table in the definition's tables, in key order; a table that does not
    load shows its error instead."""
    used: dict[tuple[str, str], list[str]] = {}
    for step in definition.get("steps", []):
        if isinstance(step, dict) and step.get("kind") == "decision":
            used.setdefault((step.get("table"), step.get("decision")), []).append(step.get("id"))
    views = []
    for key, source in sorted((definition.get("tables") or {}).items()):
        try:
            model = table_load(source)
        except dmn.DMNError as exc:
            views.append(TableView(key=key, decision_name="", error=str(exc)))
            continue
        for name in model.decision_names:
            decision = model.decision(name)
            if decision.table is None:
                continue
            views.append(
                TableView(
                    key=key,
                    decision_name=name,
                    table=decision.table,
                    used_by=used.get((key, name), []),
                )
            )
    return views
