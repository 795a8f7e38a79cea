"""Pathway definitions and helpers for the tests. Decision tables are written with the DMN
engine's own writer, so they are what a modeller would export."""

from __future__ import annotations

import copy
from typing import Any

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.pathways import services
from kansrijk.rules import dmn

ROUTE_XML = dmn.table_model_xml(
    name="Route",
    hit_policy="FIRST",
    inputs=[
        dmn.InputSpec(label="Schulden", expression="Schulden", type_ref="boolean"),
        dmn.InputSpec(label="Stress", expression="Stress", type_ref="string"),
    ],
    outputs=[
        dmn.OutputSpec(
            name="Actie", type_ref="string", allowed_values='"mdo","wijkteam","regulier"'
        )
    ],
    rules=[
        (["true", '"veel"'], ['"mdo"'], "Schulden en veel stress: bespreken in het MDO"),
        (["true", "-"], ['"wijkteam"'], "Schulden: naar het sociaal wijkteam"),
        (["-", "-"], ['"regulier"'], "Geen schulden: reguliere zorg"),
    ],
)

DEFINITION: dict[str, Any] = {
    "start": "signal-debts",
    "steps": [
        {
            "id": "signal-debts",
            "kind": "question",
            "text": "Heeft de cliënt schulden of geldzorgen?",
            "variable": "Schulden",
            "answer_type": "boolean",
            "next": "signal-stress",
        },
        {
            "id": "signal-stress",
            "kind": "question",
            "text": "Hoeveel stress ervaart de cliënt?",
            "variable": "Stress",
            "answer_type": "choice",
            "options": [
                {"value": "geen", "label": "Geen"},
                {"value": "wat", "label": "Wat"},
                {"value": "veel", "label": "Veel"},
            ],
            "next": "route",
        },
        {
            "id": "route",
            "kind": "decision",
            "table": "route",
            "decision": "Route",
            "output": None,
            "next": {"mdo": "mdo", "wijkteam": "to-team", "*": "regular"},
        },
        {
            "id": "to-team",
            "kind": "action",
            "action": "refer",
            "title": "Verwijs naar schuldhulp",
            "text": "Bespreek de verwijzing met de cliënt.",
            "themes": ["debts-and-money"],
            "query": "schulden",
        },
        {
            "id": "mdo",
            "kind": "action",
            "action": "case_consultation",
            "title": "Bespreek in het MDO",
            "text": "Meld de cliënt aan voor het maandelijkse overleg.",
        },
        {
            "id": "regular",
            "kind": "action",
            "action": "regular_care",
            "title": "Reguliere zorg",
            "text": "Ga door met de gewone zorg.",
        },
    ],
    "tables": {"route": ROUTE_XML},
}


def definition(**changes: Any) -> dict[str, Any]:
    """A fresh copy of the test definition, with top-level keys replaced."""
    result = copy.deepcopy(DEFINITION)
    result.update(changes)
    return result


def step(definition: dict, step_id: str) -> dict:
    return next(s for s in definition["steps"] if s["id"] == step_id)


def signatory(organisation):
    return make_user(organisation=organisation, roles=[Role.PARTNER_SIGNATORY])


def make_pathway(*, coalition, user=None, title="Schulden en stress", slug=None, **kwargs):
    return services.pathway_create(
        user=user,
        slug=slug or title.lower().replace(" ", "-"),
        title=title,
        theme=kwargs.pop("theme", "debts-and-money"),
        coalition=coalition,
        definition=kwargs.pop("definition", definition()),
        **kwargs,
    )


def approve_fully(version, organisations):
    """Submit the version and let a signatory of every organisation agree."""
    version = services.version_submit(version=version, user=None)
    for organisation in organisations:
        version = services.version_approve(version=version, user=signatory(organisation))
    return version
