"""Writing DMN: a model of one decision table, as DMN 1.5 XML that modellers can open."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

DMN15 = "https://www.omg.org/spec/DMN/20230324/MODEL/"


@dataclass(frozen=True)
class InputSpec:
    label: str
    expression: str
    type_ref: str = "string"
    allowed_values: str | None = None


@dataclass(frozen=True)
class OutputSpec:
    name: str
    type_ref: str = "string"
    allowed_values: str | None = None
    default: str | None = None


def _id(text: str) -> str:
    """An XML id (NCName) from a name."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "x"
    return cleaned if re.match(r"[A-Za-z_]", cleaned) else f"_{cleaned}"


def table_model_xml(
    *,
    name: str,
    hit_policy: str = "UNIQUE",
    aggregation: str | None = None,
    inputs: Sequence[InputSpec],
    outputs: Sequence[OutputSpec],
    rules: Sequence[tuple[Sequence[str], Sequence[str], str]],
    namespace: str = "https://kansrijk.nl/dmn",
) -> str:
    """A DMN 1.5 model with input data for each input that is a plain name and one decision
    `name` holding the table. `rules` are (input entries, output entries, annotation)."""
    ET.register_namespace("", DMN15)

    def element(parent, tag, **attributes):
        return ET.SubElement(
            parent, f"{{{DMN15}}}{tag}", {k: v for k, v in attributes.items() if v}
        )

    def text(parent, tag, value):
        container = element(parent, tag)
        ET.SubElement(container, f"{{{DMN15}}}text").text = value
        return container

    root = ET.Element(
        f"{{{DMN15}}}definitions",
        {"id": _id(f"definitions_{name}"), "name": name, "namespace": namespace},
    )
    decision = element(root, "decision", id=_id(f"decision_{name}"), name=name)
    # One output gives a single value, unless several rules' outputs are listed.
    single_hit = hit_policy in ("UNIQUE", "ANY", "PRIORITY", "FIRST") or bool(aggregation)
    single = len(outputs) == 1 and single_hit
    element(decision, "variable", name=name, typeRef=outputs[0].type_ref if single else None)
    for spec in inputs:
        requirement = element(decision, "informationRequirement", id=_id(f"req_{spec.expression}"))
        element(requirement, "requiredInput", href=f"#{_id(f'input_{spec.expression}')}")
    table = element(
        decision,
        "decisionTable",
        id=_id(f"table_{name}"),
        hitPolicy=hit_policy,
        aggregation=aggregation,
        outputLabel=name,
    )
    for number, spec in enumerate(inputs, 1):
        clause = element(table, "input", id=_id(f"in_{name}_{number}"), label=spec.label)
        expression = text(clause, "inputExpression", spec.expression)
        expression.set("typeRef", spec.type_ref)
        expression.set("id", _id(f"inexpr_{name}_{number}"))
        if spec.allowed_values:
            text(clause, "inputValues", spec.allowed_values)
    for number, spec in enumerate(outputs, 1):
        clause = element(
            table, "output", id=_id(f"out_{name}_{number}"), name=spec.name, typeRef=spec.type_ref
        )
        if spec.allowed_values:
            text(clause, "outputValues", spec.allowed_values)
        if spec.default:
            text(clause, "defaultOutputEntry", spec.default)
    for number, (input_entries, output_entries, annotation) in enumerate(rules, 1):
        rule = element(table, "rule", id=_id(f"rule_{name}_{number}"))
        for entry in input_entries:
            text(rule, "inputEntry", entry)
        for entry in output_entries:
            text(rule, "outputEntry", entry)
        text(rule, "annotationEntry", annotation or "")
    # Input data come after the decision, as modellers write them.
    for spec in inputs:
        data = element(root, "inputData", id=_id(f"input_{spec.expression}"), name=spec.expression)
        element(data, "variable", name=spec.expression, typeRef=spec.type_ref)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
