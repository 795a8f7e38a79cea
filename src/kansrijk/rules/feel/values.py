"""FEEL values as Python values, and the operations on them that follow FEEL's null semantics.

null is None; numbers are Decimal (FEEL numbers are IEEE 754-2008 Decimal128: 34 digits);
strings, booleans, lists and contexts (dict) map directly; dates and times are the datetime
types; a days-and-time duration is a timedelta and a years-and-months duration is
`YearsMonths`. Nothing here raises on a type mismatch: it gives null and, where a person would
want to know why, a message.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# FEEL's number semantics: Decimal128, round half even. Division by zero and invalid
# operations are signalled so that they can become null rather than Infinity or NaN.
CONTEXT = decimal.Context(
    prec=34,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.DivisionByZero, decimal.InvalidOperation, decimal.Overflow],
)


@dataclass(frozen=True, slots=True)
class YearsMonths:
    """A FEEL years-and-months duration, kept as a whole number of months."""

    months: int

    def __str__(self) -> str:
        sign = "-" if self.months < 0 else ""
        years, months = divmod(abs(self.months), 12)
        text = (f"{years}Y" if years else "") + (f"{months}M" if months or not years else "")
        return f"{sign}P{text}"


@dataclass(frozen=True, slots=True)
class Range:
    """A FEEL range (interval); an endpoint None means unbounded on that side."""

    start: Any
    end: Any
    start_included: bool = True
    end_included: bool = True

    def contains(self, value: Any) -> bool | None:
        if value is None:
            return None
        if self.start is not None:
            below = compare(value, self.start)
            if below is None:
                return None
            if below < 0 or (below == 0 and not self.start_included):
                return False
        if self.end is not None:
            above = compare(value, self.end)
            if above is None:
                return None
            if above > 0 or (above == 0 and not self.end_included):
                return False
        return True


class Function:
    """A FEEL function value: a business knowledge model, a `function(...)` literal or a
    built-in. `call` takes positional arguments, or named ones for those that declare names."""

    def __init__(self, name: str, parameters: list[str], body, *, builtin: bool = False):
        self.name = name
        self.parameters = parameters
        self.body = body
        self.builtin = builtin

    def __repr__(self) -> str:
        return f"<FEEL function {self.name}({', '.join(self.parameters)})>"


def is_number(value: Any) -> bool:
    return type(value) is Decimal


def is_date(value: Any) -> bool:
    return type(value) is dt.date


def is_datetime(value: Any) -> bool:
    return type(value) is dt.datetime


def type_name(value: Any) -> str:
    """The FEEL type name, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dt.datetime):
        return "date and time"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    if isinstance(value, dt.timedelta):
        return "days and time duration"
    if isinstance(value, YearsMonths):
        return "years and months duration"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "context"
    if isinstance(value, Range):
        return "range"
    if isinstance(value, Function):
        return "function"
    return type(value).__name__


def from_python(value: Any) -> Any:
    """Turn a Python input value into a FEEL value (ints and floats to Decimal, tuples to
    lists, recursively). Unknown objects pass through and fail later with a typed message."""
    if value is None or isinstance(value, bool | str | Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, list | tuple):
        return [from_python(v) for v in value]
    if isinstance(value, dict):
        return {str(k): from_python(v) for k, v in value.items()}
    return value


def to_python(value: Any) -> Any:
    """A FEEL value as plain Python for JSON and templates: numbers become int when whole."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, list):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    return value


def number_text(value: Decimal) -> str:
    """A number in plain notation, without exponent or trailing zeros ("2", "0.5")."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1), context=CONTEXT))
    text = format(value.normalize(CONTEXT), "f")
    return text


def text(value: Any) -> str:
    """The FEEL `string()` of a value (used for branch matching and display)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return duration_text(value)
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_literal(v)}" for k, v in value.items()) + "}"
    return str(value)


def _literal(value: Any) -> str:
    return '"' + value.replace('"', '\\"') + '"' if isinstance(value, str) else text(value)


def duration_text(value: dt.timedelta) -> str:
    total = Decimal(value.days * 86400 + value.seconds) + Decimal(value.microseconds) / 10**6
    sign = "-" if total < 0 else ""
    total = abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    out = f"{sign}P" + (f"{int(days)}D" if days else "")
    clock = (
        (f"{int(hours)}H" if hours else "")
        + (f"{int(minutes)}M" if minutes else "")
        + (f"{number_text(seconds)}S" if seconds else "")
    )
    if clock:
        out += "T" + clock
    return out if out not in ("P", "-P") else "PT0S"


def equal(a: Any, b: Any) -> bool | None:
    """FEEL `=`: null equals only null; values of different types are not comparable (null)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b if isinstance(a, bool) and isinstance(b, bool) else None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        for x, y in zip(a, b, strict=True):
            same = equal(x, y)
            if not same:
                return same
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return False
        return all(equal(a[k], b[k]) for k in a)
    if type_name(a) != type_name(b):
        return None
    return a == b


def compare(a: Any, b: Any) -> int | None:
    """-1, 0 or 1 for ordered values of the same type; None (null) otherwise."""
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return None
    kind = type_name(a)
    if kind != type_name(b) or kind in ("list", "context", "range", "function"):
        return None
    try:
        if isinstance(a, YearsMonths):
            a, b = a.months, b.months
        return (a > b) - (a < b)
    except TypeError:  # e.g. a time with and one without a time zone
        return None
