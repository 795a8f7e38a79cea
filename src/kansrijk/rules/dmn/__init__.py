"""DMN 1.1-1.5 decision models: `model = dmn.load(path_or_xml)`, then
`model.evaluate(decision_name, inputs)`."""

from kansrijk.rules.dmn.model import (
    BusinessKnowledgeModel,
    Decision,
    DecisionResult,
    DMNError,
    InputData,
    Model,
    load,
)
from kansrijk.rules.dmn.tables import DecisionTable, InputClause, MatchedRule, OutputClause, Rule
from kansrijk.rules.dmn.writer import InputSpec, OutputSpec, table_model_xml

__all__ = [
    "BusinessKnowledgeModel",
    "DMNError",
    "Decision",
    "DecisionResult",
    "DecisionTable",
    "InputClause",
    "InputData",
    "InputSpec",
    "MatchedRule",
    "Model",
    "OutputClause",
    "OutputSpec",
    "Rule",
    "load",
    "table_model_xml",
]
