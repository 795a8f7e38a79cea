"""Validation against HSDS 3.0's own JSON schemas in ../shared/spec/hsds/schema.

Used by the tests and by `kansrijk hsds check-api`, which checks a running server's output.
"""

import datetime
import json
import re
from functools import cache

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

_format_checker = FormatChecker()
for _name, _check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
    _format_checker.checkers[_name] = _check


# jsonschema checks "uri" and "date-time" only with optional packages; check them here instead.
@_format_checker.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(
        re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+", value)
    )


@_format_checker.checks("date-time")
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
        return False
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


def schema_dir():
    return settings.SHARED_DIR / "spec" / "hsds" / "schema"


@cache
def hsds_validator(name: str) -> Draft202012Validator:
    """`name` is "compiled/service.json" or "taxonomy.json"; the latter refer to their siblings."""
    directory = schema_dir()
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in directory.glob("*.json")
        if path.name != "openapi.json"
    )
    schema = json.loads((directory / name).read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=_format_checker)


def hsds_errors(instance: dict, name: str) -> list[str]:
    """Every way `instance` breaks HSDS schema `name`, as "path: message" lines."""
    errors = sorted(hsds_validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{list(e.absolute_path)}: {e.message}" for e in errors]
