"""FEEL's built-in functions (DMN 1.5, 10.3.4): the ones decision tables in care pathways need
and most of the rest. A function given arguments of the wrong type returns null."""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections.abc import Callable
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Decimal,
)

from kansrijk.rules.feel import temporal
from kansrijk.rules.feel.values import (
    CONTEXT,
    Function,
    Range,
    YearsMonths,
    compare,
    equal,
    text,
)

FUNCTIONS: dict[str, Function] = {}


class _Null(Exception):
    """Raised inside a built-in to return null."""


def builtin(name: str, *parameters: str, variadic: bool = False):
    """Register `fn` as FEEL function `name`. Named arguments map to `parameters`; a trailing
    `variadic` function also accepts its items as separate arguments (`max(1, 2)`)."""

    def register(fn: Callable) -> Callable:
        def body(args, env):
            if isinstance(args, dict):
                unknown = set(args) - set(parameters)
                if unknown:
                    env.note(f"{name} has no parameter {sorted(unknown)[0]!r}")
                    return None
                args = [args.get(p) for p in parameters if p in args]
            elif variadic and not (len(args) == 1 and isinstance(args[0], list)):
                args = [list(args)]
            try:
                return fn(*args)
            except _Null:
                return None
            except TypeError:
                env.note(f"{name} cannot take these arguments")
                return None

        FUNCTIONS[name] = Function(name, list(parameters), body, builtin=True)
        return fn

    return register


def _number(value) -> Decimal:
    if type(value) is not Decimal:
        raise _Null
    return value


def _string(value) -> str:
    if not isinstance(value, str):
        raise _Null
    return value


def _list(value) -> list:
    if value is None:
        raise _Null
    return value if isinstance(value, list) else [value]


def _integer(value) -> int:
    value = _number(value)
    if value != value.to_integral_value():
        raise _Null
    return int(value)


# -- conversion -------------------------------------------------------------------------------


@builtin("date", "from", "month", "day")
def _date(value, month=None, day=None):
    if month is not None:
        try:
            return dt.date(_integer(value), _integer(month), _integer(day))
        except ValueError:
            raise _Null from None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    result = temporal.parse_date(_string(value))
    if result is None:
        raise _Null
    return result


@builtin("time", "from", "minute", "second", "offset")
def _time(value, minute=None, second=None, offset=None):
    if minute is not None:
        seconds = _number(second)
        whole = int(seconds)
        micro = int((seconds - whole) * 1000000)
        zone = None
        if offset is not None:
            if not isinstance(offset, dt.timedelta):
                raise _Null
            zone = dt.timezone(offset)
        try:
            return dt.time(_integer(value), _integer(minute), whole, micro, tzinfo=zone)
        except ValueError:
            raise _Null from None
    if isinstance(value, dt.datetime):
        return value.timetz()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.date):
        return dt.time(0, 0, tzinfo=dt.UTC)
    result = temporal.parse_time(_string(value))
    if result is None:
        raise _Null
    return result


@builtin("date and time", "from", "time")
def _date_and_time(value, time=None):
    if time is not None:
        if not isinstance(value, dt.date) or not isinstance(time, dt.time):
            raise _Null
        date = value.date() if isinstance(value, dt.datetime) else value
        return dt.datetime.combine(date, time)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    result = temporal.parse_datetime(_string(value))
    if result is None:
        raise _Null
    return result


@builtin("duration", "from")
def _duration(value):
    result = temporal.parse_duration(_string(value))
    if result is None:
        raise _Null
    return result


@builtin("years and months duration", "from", "to")
def _years_and_months(start, end):
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise _Null
    return temporal.months_between(start, end)


@builtin("number", "from", "grouping separator", "decimal separator")
def _to_number(value, grouping=None, decimal_separator=None):
    value = _string(value)
    if grouping is not None:
        if grouping not in (" ", ",", "."):
            raise _Null
        value = value.replace(grouping, "")
    if decimal_separator is not None:
        if decimal_separator not in (",", ".") or decimal_separator == grouping:
            raise _Null
        value = value.replace(decimal_separator, ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", value):
        raise _Null
    return Decimal(value)


@builtin("string", "from")
def _to_string(value):
    return None if value is None else text(value)


# -- boolean ------------------------------------------------------------------------------------


@builtin("not", "negand")
def _not(value):
    if not isinstance(value, bool):
        raise _Null
    return not value


@builtin("is defined", "value")
def _is_defined(value):
    return value is not None


# -- strings ------------------------------------------------------------------------------------


@builtin("substring", "string", "start position", "length")
def _substring(value, start, length=None):
    chars = list(_string(value))  # by code point, as FEEL counts
    start = _integer(start)
    if start == 0 or abs(start) > len(chars):
        raise _Null if start == 0 else _Null
    begin = start - 1 if start > 0 else len(chars) + start
    if length is None:
        return "".join(chars[begin:])
    return "".join(chars[begin : begin + _integer(length)])


@builtin("string length", "string")
def _string_length(value):
    return Decimal(len(_string(value)))


@builtin("upper case", "string")
def _upper(value):
    return _string(value).upper()


@builtin("lower case", "string")
def _lower(value):
    return _string(value).lower()


@builtin("substring before", "string", "match")
def _before(value, match):
    value, match = _string(value), _string(match)
    index = value.find(match)
    return "" if index < 0 else value[:index]


@builtin("substring after", "string", "match")
def _after(value, match):
    value, match = _string(value), _string(match)
    index = value.find(match)
    return "" if index < 0 else value[index + len(match) :]


@builtin("contains", "string", "match")
def _contains(value, match):
    return _string(match) in _string(value)


@builtin("starts with", "string", "match")
def _starts_with(value, match):
    return _string(value).startswith(_string(match))


@builtin("ends with", "string", "match")
def _ends_with(value, match):
    return _string(value).endswith(_string(match))


def _regex(pattern: str, flags: str | None) -> re.Pattern:
    options = 0
    for flag in flags or "":
        options |= {"i": re.IGNORECASE, "s": re.DOTALL, "m": re.MULTILINE, "x": re.VERBOSE}.get(
            flag, 0
        )
        if flag not in "ismxq":
            raise _Null
    try:
        return re.compile(_string(pattern), options)
    except re.error:
        raise _Null from None


@builtin("matches", "input", "pattern", "flags")
def _matches(value, pattern, flags=None):
    return _regex(pattern, flags).search(_string(value)) is not None


@builtin("replace", "input", "pattern", "replacement", "flags")
def _replace(value, pattern, replacement, flags=None):
    # XPath writes group references as $1; Python as \1.
    python_replacement = re.sub(r"\$(\d+)", r"\\\1", _string(replacement))
    return _regex(pattern, flags).sub(python_replacement, _string(value))


@builtin("split", "string", "delimiter")
def _split(value, delimiter):
    return _regex(delimiter, None).split(_string(value))


@builtin("string join", "list", "delimiter")
def _join(items, delimiter=None):
    parts = [item for item in _list(items) if item is not None]
    if not all(isinstance(p, str) for p in parts):
        raise _Null
    return ("" if delimiter is None else _string(delimiter)).join(parts)


# -- lists --------------------------------------------------------------------------------------


@builtin("list contains", "list", "element")
def _list_contains(items, element):
    return any(equal(item, element) for item in _list(items))


@builtin("count", "list", variadic=True)
def _count(items):
    return Decimal(len(_list(items)))


def _ordered(items) -> list:
    items = _list(items)
    if not items or any(item is None for item in items):
        raise _Null
    first = items[0]
    if any(compare(first, item) is None for item in items):
        raise _Null
    return items


@builtin("min", "list", variadic=True)
def _min(items):
    items = _ordered(items)
    best = items[0]
    for item in items[1:]:
        if compare(item, best) < 0:
            best = item
    return best


@builtin("max", "list", variadic=True)
def _max(items):
    items = _ordered(items)
    best = items[0]
    for item in items[1:]:
        if compare(item, best) > 0:
            best = item
    return best


def _numbers(items) -> list[Decimal]:
    return [_number(item) for item in _list(items)]


@builtin("sum", "list", variadic=True)
def _sum(items):
    numbers = _numbers(items)
    if not numbers:
        return None
    total = Decimal(0)
    for n in numbers:
        total = CONTEXT.add(total, n)
    return total


@builtin("product", "list", variadic=True)
def _product(items):
    numbers = _numbers(items)
    if not numbers:
        return None
    total = Decimal(1)
    for n in numbers:
        total = CONTEXT.multiply(total, n)
    return total


@builtin("mean", "list", variadic=True)
def _mean(items):
    numbers = _numbers(items)
    if not numbers:
        return None
    return CONTEXT.divide(_sum(numbers), Decimal(len(numbers)))


@builtin("median", "list", variadic=True)
def _median(items):
    numbers = sorted(_numbers(items))
    if not numbers:
        return None
    middle = len(numbers) // 2
    if len(numbers) % 2:
        return numbers[middle]
    return CONTEXT.divide(numbers[middle - 1] + numbers[middle], Decimal(2))


@builtin("stddev", "list", variadic=True)
def _stddev(items):
    numbers = _numbers(items)
    if len(numbers) < 2:
        return None
    return CONTEXT.create_decimal(statistics.stdev(numbers))


@builtin("mode", "list", variadic=True)
def _mode(items):
    numbers = _numbers(items)
    if not numbers:
        return []
    return sorted(statistics.multimode(numbers))


@builtin("all", "list", variadic=True)
def _all(items):
    items = _list(items)
    if any(item is False for item in items):
        return False
    if all(item is True for item in items):
        return True
    return None


@builtin("any", "list", variadic=True)
def _any(items):
    items = _list(items)
    if any(item is True for item in items):
        return True
    if all(item is False for item in items):
        return False
    return None


@builtin("sublist", "list", "start position", "length")
def _sublist(items, start, length=None):
    items = _list(items)
    start = _integer(start)
    if start == 0 or abs(start) > len(items):
        raise _Null
    begin = start - 1 if start > 0 else len(items) + start
    return items[begin:] if length is None else items[begin : begin + _integer(length)]


@builtin("append", "list", "item", variadic=False)
def _append(items, *more):
    return [*_list(items), *more]


@builtin("concatenate", "list", variadic=False)
def _concatenate(*lists):
    result = []
    for items in lists:
        result.extend(_list(items))
    return result


@builtin("insert before", "list", "position", "newItem")
def _insert_before(items, position, new_item):
    items = list(_list(items))
    position = _integer(position)
    if position == 0 or abs(position) > len(items):
        raise _Null
    items.insert(position - 1 if position > 0 else len(items) + position, new_item)
    return items


@builtin("remove", "list", "position")
def _remove(items, position):
    items = list(_list(items))
    position = _integer(position)
    if position == 0 or abs(position) > len(items):
        raise _Null
    del items[position - 1 if position > 0 else position]
    return items


@builtin("reverse", "list")
def _reverse(items):
    return list(reversed(_list(items)))


@builtin("index of", "list", "match")
def _index_of(items, match):
    return [Decimal(i + 1) for i, item in enumerate(_list(items)) if equal(item, match)]


def _distinct(items) -> list:
    result: list = []
    for item in items:
        if not any(equal(item, seen) is True for seen in result):
            result.append(item)
    return result


@builtin("union", "list", variadic=False)
def _union(*lists):
    return _distinct([item for items in lists for item in _list(items)])


@builtin("distinct values", "list")
def _distinct_values(items):
    return _distinct(_list(items))


@builtin("flatten", "list")
def _flatten(items):
    result = []
    for item in _list(items):
        result.extend(_flatten(item) if isinstance(item, list) else [item])
    return result


# -- numbers ------------------------------------------------------------------------------------


def _rounded(value, scale, rounding) -> Decimal:
    value, scale = _number(value), _integer(scale)
    return value.quantize(Decimal(1).scaleb(-scale), rounding=rounding, context=CONTEXT)


@builtin("decimal", "n", "scale")
def _decimal(value, scale):
    return _rounded(value, scale, ROUND_HALF_EVEN)


@builtin("round up", "n", "scale")
def _round_up(value, scale):
    from decimal import ROUND_UP

    return _rounded(value, scale, ROUND_UP)


@builtin("round down", "n", "scale")
def _round_down(value, scale):
    from decimal import ROUND_DOWN

    return _rounded(value, scale, ROUND_DOWN)


@builtin("round half up", "n", "scale")
def _round_half_up(value, scale):
    return _rounded(value, scale, ROUND_HALF_UP)


@builtin("round half down", "n", "scale")
def _round_half_down(value, scale):
    return _rounded(value, scale, ROUND_HALF_DOWN)


@builtin("floor", "n", "scale")
def _floor(value, scale=Decimal(0)):
    return _rounded(value, scale, ROUND_FLOOR)


@builtin("ceiling", "n", "scale")
def _ceiling(value, scale=Decimal(0)):
    return _rounded(value, scale, ROUND_CEILING)


@builtin("abs", "n")
def _abs(value):
    if isinstance(value, dt.timedelta):
        return abs(value)
    if isinstance(value, YearsMonths):
        return YearsMonths(abs(value.months))
    return abs(_number(value))


@builtin("modulo", "dividend", "divisor")
def _modulo(dividend, divisor):
    dividend, divisor = _number(dividend), _number(divisor)
    if divisor == 0:
        raise _Null
    # FEEL's modulo takes the sign of the divisor, like Python's % on ints.
    remainder = CONTEXT.remainder(dividend, divisor)
    if remainder != 0 and (remainder < 0) != (divisor < 0):
        remainder += divisor
    return remainder


@builtin("sqrt", "number")
def _sqrt(value):
    value = _number(value)
    if value < 0:
        raise _Null
    return CONTEXT.sqrt(value)


@builtin("log", "number")
def _log(value):
    value = _number(value)
    if value <= 0:
        raise _Null
    return CONTEXT.ln(value)


@builtin("exp", "number")
def _exp(value):
    return CONTEXT.exp(_number(value))


@builtin("odd", "number")
def _odd(value):
    return _integer(value) % 2 == 1


@builtin("even", "number")
def _even(value):
    return _integer(value) % 2 == 0


# -- dates --------------------------------------------------------------------------------------

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _a_date(value) -> dt.date:
    if not isinstance(value, dt.date):
        raise _Null
    return value


@builtin("day of week", "date")
def _day_of_week(value):
    return _DAYS[_a_date(value).weekday()]


@builtin("day of year", "date")
def _day_of_year(value):
    return Decimal(_a_date(value).timetuple().tm_yday)


@builtin("week of year", "date")
def _week_of_year(value):
    return Decimal(_a_date(value).isocalendar()[1])


@builtin("month of year", "date")
def _month_of_year(value):
    return dt.date(2000, _a_date(value).month, 1).strftime("%B")


@builtin("today")
def _today():
    return dt.date.today()


@builtin("now")
def _now():
    return dt.datetime.now(dt.UTC)


# -- contexts and ranges ------------------------------------------------------------------------


@builtin("get value", "m", "key")
def _get_value(context, key):
    if not isinstance(context, dict):
        raise _Null
    return context.get(_string(key))


@builtin("get entries", "m")
def _get_entries(context):
    if not isinstance(context, dict):
        raise _Null
    return [{"key": k, "value": v} for k, v in context.items()]


@builtin("context put", "context", "key", "value")
def _context_put(context, key, value):
    if not isinstance(context, dict):
        raise _Null
    return {**context, _string(key): value}


@builtin("context merge", "contexts")
def _context_merge(contexts):
    result = {}
    for context in _list(contexts):
        if not isinstance(context, dict):
            raise _Null
        result.update(context)
    return result


@builtin("before", "point1", "point2")
def _before_range(a, b):
    if isinstance(a, Range) or isinstance(b, Range):
        raise _Null
    order = compare(a, b)
    if order is None:
        raise _Null
    return order < 0


@builtin("after", "point1", "point2")
def _after_range(a, b):
    if isinstance(a, Range) or isinstance(b, Range):
        raise _Null
    order = compare(a, b)
    if order is None:
        raise _Null
    return order > 0


def _pi() -> Decimal:
    return CONTEXT.create_decimal(math.pi)
