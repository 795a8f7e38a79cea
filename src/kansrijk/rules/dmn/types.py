"""DMN types: the built-in FEEL types and item definitions, and checking a value against them.
A value that does not conform becomes null (DMN 1.5, 7.3.2 and 10.3.2.9)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kansrijk.rules.feel.compiler import Env
from kansrijk.rules.feel.values import Function, Range, YearsMonths

_BUILTIN_CHECKS = {
    "number": lambda v: type(v) is Decimal,
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "date": lambda v: type(v) is dt.date,
    "time": lambda v: isinstance(v, dt.time),
    "dateTime": lambda v: isinstance(v, dt.datetime),
    "date and time": lambda v: isinstance(v, dt.datetime),
    "dayTimeDuration": lambda v: isinstance(v, dt.timedelta),
    "days and time duration": lambda v: isinstance(v, dt.timedelta),
    "yearMonthDuration": lambda v: isinstance(v, YearsMonths),
    "years and months duration": lambda v: isinstance(v, YearsMonths),
    "duration": lambda v: isinstance(v, dt.timedelta | YearsMonths),
    "list": lambda v: isinstance(v, list),
    "context": lambda v: isinstance(v, dict),
    "range": lambda v: isinstance(v, Range),
    "function": lambda v: isinstance(v, Function),
    "Any": lambda v: True,
}


def base_type(type_ref: str | None) -> str | None:
    """`feel:number` and `number` alike; None for no or an unknown prefix-less type."""
    if not type_ref:
        return None
    return type_ref.split(":", 1)[1] if type_ref.startswith(("feel:", "FEEL:")) else type_ref


@dataclass
class ItemDefinition:
    name: str
    type_ref: str | None = None
    allowed_values: str | None = None
    is_collection: bool = False
    components: dict[str, ItemDefinition] = field(default_factory=dict)
    # Compiled by the model: a unary-test predicate for allowed_values.
    allowed_test: Any = None


class TypeChecker:
    """Checks values against typeRefs, resolving item definitions by name."""

    def __init__(self, item_definitions: dict[str, ItemDefinition]):
        self.items = item_definitions

    def conform(self, value: Any, type_ref: str | None, env: Env, what: str) -> Any:
        """The value if it conforms to `type_ref`, else null with a message."""
        if value is None or not type_ref:
            return value
        if self.conforms(value, type_ref, env):
            return value
        # A singleton list where a single value is expected is the value (DMN 1.5, 10.3.2.9.4).
        if isinstance(value, list) and len(value) == 1 and self.conforms(value[0], type_ref, env):
            return value[0]
        env.note(f"{what}: the value does not conform to type {type_ref}")
        return None

    def conforms(self, value: Any, type_ref: str, env: Env) -> bool:
        item = self.items.get(type_ref)
        if item is None:
            name = base_type(type_ref)
            item = self.items.get(name)
            if item is None:
                check = _BUILTIN_CHECKS.get(name)
                return True if check is None else check(value)
        return self._conforms_item(value, item, env)

    def _conforms_item(self, value: Any, item: ItemDefinition, env: Env) -> bool:
        if value is None:
            return True
        if item.is_collection:
            if not isinstance(value, list):
                return False
            single = ItemDefinition(item.name, item.type_ref, item.allowed_values, False,
                                    item.components, item.allowed_test)  # fmt: skip
            return all(self._conforms_item(v, single, env) for v in value)
        if item.components:
            if not isinstance(value, dict):
                return False
            return all(
                self._conforms_item(value.get(key), component, env)
                for key, component in item.components.items()
            )
        if item.type_ref and not self.conforms(value, item.type_ref, env):
            return False
        if item.allowed_test is not None:
            return item.allowed_test(value, env) is True
        return True

    def allowed_values(self, type_ref: str | None) -> str | None:
        """The allowedValues text of an item definition (for a table's output order)."""
        item = self.items.get(type_ref or "")
        while item is not None:
            if item.allowed_values:
                return item.allowed_values
            item = self.items.get(item.type_ref or "")
        return None
