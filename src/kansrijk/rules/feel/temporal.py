"""FEEL dates, times and durations: parsing their text forms, their properties (`d.year`) and
arithmetic between them. Invalid text or a mismatched operation gives None (FEEL null)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kansrijk.rules.feel.values import CONTEXT, YearsMonths

_DATE_RE = re.compile(r"(-?\d{4,9})-(\d\d)-(\d\d)")
_TIME_RE = re.compile(r"(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d|@[A-Za-z_/+-]+)?")
_DURATION_RE = re.compile(
    r"(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?"
)


def parse_date(text: str) -> dt.date | None:
    match = _DATE_RE.fullmatch(text.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    match = _TIME_RE.fullmatch(text.strip())
    if not match:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3])
    micro = int((match[4] or ".0")[1:].ljust(6, "0")[:6])
    zone = _zone(match[5])
    if zone is False:
        return None
    try:
        return dt.time(hour, minute, second, micro, tzinfo=zone)
    except ValueError:
        return None


def _zone(text: str | None):
    if not text:
        return None
    if text == "Z":
        return dt.UTC
    if text.startswith("@"):
        try:
            return ZoneInfo(text[1:])
        except (ZoneInfoNotFoundError, ValueError):
            return False
    sign = -1 if text[0] == "-" else 1
    hours, minutes = int(text[1:3]), int(text[4:6])
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_datetime(text: str) -> dt.datetime | dt.date | None:
    text = text.strip()
    if "T" not in text:
        date = parse_date(text)
        return dt.datetime(date.year, date.month, date.day) if date else None
    date_text, time_text = text.split("T", 1)
    date, time = parse_date(date_text), parse_time(time_text)
    if date is None or time is None:
        return None
    return dt.datetime.combine(date, time)


def parse_duration(text: str) -> dt.timedelta | YearsMonths | None:
    text = text.strip()
    match = _DURATION_RE.fullmatch(text)
    if not match or text in ("P", "-P") or text.endswith("T"):
        return None
    negative, years, months, days, hours, minutes, seconds = match.groups()
    sign = -1 if negative else 1
    if (years or months) and not (days or hours or minutes or seconds):
        return YearsMonths(sign * (int(years or 0) * 12 + int(months or 0)))
    if years or months:
        return None  # FEEL has no duration mixing months and days
    delta = dt.timedelta(
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=float(seconds or 0),
    )
    return -delta if negative else delta


def parse_literal(text: str):
    """An `@"..."` literal: a date, time, date and time or duration."""
    if text.lstrip("-").startswith("P"):
        return parse_duration(text)
    if "T" in text:
        return parse_datetime(text)
    if ":" in text:
        return parse_time(text)
    return parse_date(text)


def member(value, key: str):
    """`value.key` for temporal values (`date.year`, `duration.days`, ...)."""
    if isinstance(value, dt.date):
        if key in ("year", "month", "day"):
            return Decimal(getattr(value, key))
        if key == "weekday":
            return Decimal(value.isoweekday())
    if isinstance(value, dt.datetime | dt.time):
        if key in ("hour", "minute", "second"):
            return Decimal(getattr(value, key))
        if key == "time offset":
            offset = value.utcoffset()
            return offset
        if key == "timezone":
            zone = value.tzinfo
            return getattr(zone, "key", None)
    if isinstance(value, dt.timedelta):
        total = value.days * 86400 + value.seconds
        sign = -1 if total < 0 else 1
        total = abs(total)
        parts = {
            "days": total // 86400,
            "hours": total % 86400 // 3600,
            "minutes": total % 3600 // 60,
            "seconds": total % 60,
        }
        if key in parts:
            return Decimal(sign * parts[key])
    if isinstance(value, YearsMonths):
        sign = -1 if value.months < 0 else 1
        if key == "years":
            return Decimal(sign * (abs(value.months) // 12))
        if key == "months":
            return Decimal(sign * (abs(value.months) % 12))
    return None


def add_months(value: dt.date | dt.datetime, months: int):
    month_index = value.year * 12 + value.month - 1 + months
    year, month = divmod(month_index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def months_between(start, end) -> YearsMonths:
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and (end.day, _clock(end)) < (start.day, _clock(start)):
        months -= 1
    elif months < 0 and (end.day, _clock(end)) > (start.day, _clock(start)):
        months += 1
    return YearsMonths(months)


def _clock(value):
    return value.time() if isinstance(value, dt.datetime) else dt.time()


def _as_datetime(value: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def arithmetic(op: str, a, b):
    """+, -, *, / between temporal values, durations and numbers; None when undefined."""
    try:
        return _arithmetic(op, a, b)
    except (OverflowError, ValueError, TypeError, ArithmeticError):
        return None


def _arithmetic(op: str, a, b):
    is_date_a = isinstance(a, dt.date)
    if op in ("+", "-"):
        if is_date_a and isinstance(b, dt.timedelta):
            result = a + b if op == "+" else a - b
            return result
        if is_date_a and isinstance(b, YearsMonths):
            return add_months(a, b.months if op == "+" else -b.months)
        if op == "+" and isinstance(a, dt.timedelta | YearsMonths) and isinstance(b, dt.date):
            return _arithmetic("+", b, a)
        if isinstance(a, dt.time) and isinstance(b, dt.timedelta):
            moment = dt.datetime.combine(dt.date(2000, 1, 1), a)
            return (moment + b if op == "+" else moment - b).timetz()
        if isinstance(a, dt.timedelta) and isinstance(b, dt.timedelta):
            return a + b if op == "+" else a - b
        if isinstance(a, YearsMonths) and isinstance(b, YearsMonths):
            return YearsMonths(a.months + b.months if op == "+" else a.months - b.months)
        if op == "-" and is_date_a and isinstance(b, dt.date):
            if isinstance(a, dt.datetime) != isinstance(b, dt.datetime):
                a, b = _as_datetime(a), _as_datetime(b)
            if isinstance(a, dt.datetime) and (a.tzinfo is None) != (b.tzinfo is None):
                return None
            return a - b
        if op == "-" and isinstance(a, dt.time) and isinstance(b, dt.time):
            day = dt.date(2000, 1, 1)
            return dt.datetime.combine(day, a) - dt.datetime.combine(day, b)
        return None
    if op == "*":
        if isinstance(b, dt.timedelta | YearsMonths) and isinstance(a, Decimal):
            a, b = b, a
        if isinstance(a, dt.timedelta) and isinstance(b, Decimal):
            return dt.timedelta(seconds=float(CONTEXT.multiply(_seconds(a), b)))
        if isinstance(a, YearsMonths) and isinstance(b, Decimal):
            return YearsMonths(int(CONTEXT.multiply(Decimal(a.months), b)))
        return None
    if op == "/":
        if isinstance(a, dt.timedelta) and isinstance(b, Decimal):
            return dt.timedelta(seconds=float(CONTEXT.divide(_seconds(a), b)))
        if isinstance(a, YearsMonths) and isinstance(b, Decimal):
            return YearsMonths(int(CONTEXT.divide(Decimal(a.months), b)))
        if isinstance(a, dt.timedelta) and isinstance(b, dt.timedelta):
            return CONTEXT.divide(_seconds(a), _seconds(b))
        if isinstance(a, YearsMonths) and isinstance(b, YearsMonths):
            return CONTEXT.divide(Decimal(a.months), Decimal(b.months))
    return None


def _seconds(value: dt.timedelta) -> Decimal:
    return Decimal(value.days * 86400 + value.seconds) + Decimal(value.microseconds) / 1000000
