"""One value of a CSV cell or JSON property, checked and turned into what the model stores.

CSV gives text ("" is no value); JSON gives text, numbers, booleans and null. Both go through
the same cleaners, so the tabular and the JSON form accept the same data.
"""

import datetime
import re
import uuid
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.directory.hsds_io.schema import Column
from kansrijk.regions.services import CODE_PATTERNS

# Frictionless's default true and false values.
TRUE_VALUES = {"true", "True", "TRUE", "1"}
FALSE_VALUES = {"false", "False", "FALSE", "0"}

# Amsterdam's districts and neighbourhoods have letters: WK0363AA, BU0363AA01.
CBS_CODE_PATTERNS = {prefix: CODE_PATTERNS[prefix] for prefix in ("GM", "WK", "BU")}

_validate_url = URLValidator()


class Problem(Exception):
    """A value that cannot be used; the message says why, in the active language."""


def is_missing(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _shown(raw: Any) -> str:
    text = str(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise Problem(_("Must be text, not %(value)s.") % {"value": _shown(raw)})
    return raw


def _length_checked(column: Column, value: str) -> str:
    if column.max_length is not None and len(value) > column.max_length:
        raise Problem(
            _("At most %(max)d characters (this has %(length)d).")
            % {"max": column.max_length, "length": len(value)}
        )
    return value


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid(column: Column, raw: Any) -> str:
    # Ids stay text in their canonical form (lower case, with hyphens): an import holds every
    # id in memory, and text is smaller and quicker than uuid.UUID. Django converts on save.
    if raw.__class__ is str and _CANONICAL_UUID.fullmatch(raw):
        return raw
    if isinstance(raw, uuid.UUID):
        return str(raw)
    try:
        return str(uuid.UUID(_text(raw).strip()))
    except ValueError:
        raise Problem(
            _("Not a valid identifier (UUID): %(value)s.") % {"value": _shown(raw)}
        ) from None


def _string(column: Column, raw: Any) -> str:
    return _length_checked(column, _text(raw))


def _email(column: Column, raw: Any) -> str:
    value = _length_checked(column, _text(raw).strip())
    try:
        validate_email(value)
    except ValidationError:
        raise Problem(_("Not a valid email address: %(value)s.") % {"value": _shown(raw)}) from None
    return value


def _url(column: Column, raw: Any) -> str:
    value = _length_checked(column, _text(raw).strip())
    try:
        _validate_url(value)
    except ValidationError:
        raise Problem(
            _("Not a valid web address (URL): %(value)s.") % {"value": _shown(raw)}
        ) from None
    return value


def _enum(column: Column, raw: Any) -> str:
    value = _text(raw).strip()
    if value not in column.enum:
        raise Problem(
            _("Choose one of %(choices)s, not %(value)s.")
            % {"choices": ", ".join(column.enum), "value": _shown(raw)}
        )
    return value


def _date(column: Column, raw: Any) -> datetime.date:
    if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
        return raw
    try:
        return datetime.date.fromisoformat(_text(raw).strip())
    except ValueError:
        raise Problem(
            _("Not a valid date (YYYY-MM-DD): %(value)s.") % {"value": _shown(raw)}
        ) from None


def _time(column: Column, raw: Any) -> datetime.time:
    if isinstance(raw, datetime.time):
        value = raw
    else:
        try:
            value = datetime.time.fromisoformat(_text(raw).strip())
        except ValueError:
            value = None
    if value is None or value.tzinfo is not None:
        raise Problem(
            _("Not a valid time (HH:MM or HH:MM:SS, without time zone): %(value)s.")
            % {"value": _shown(raw)}
        )
    return value


def _aware(value: datetime.datetime) -> datetime.datetime:
    # A moment without a time zone is read as Dutch time (the platform's TIME_ZONE).
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _datetime(column: Column, raw: Any) -> datetime.datetime:
    if isinstance(raw, datetime.datetime):
        return _aware(raw)
    try:
        return _aware(datetime.datetime.fromisoformat(_text(raw).strip()))
    except ValueError:
        raise Problem(
            _("Not a valid date and time (ISO 8601, such as 2024-05-01T09:30:00Z): %(value)s.")
            % {"value": _shown(raw)}
        ) from None


def _history_date(column: Column, raw: Any) -> datetime.datetime:
    # HSDS gives a date; Kansrijk's own history has the moment. Both are accepted.
    text = raw.strip() if isinstance(raw, str) else raw
    if isinstance(text, str) and len(text) == 10:
        day = _date(column, text)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return _datetime(column, raw)


def _number(raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise Problem(_("Not a number: %(value)s.") % {"value": _shown(raw)})
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise Problem(_("Not a number: %(value)s.") % {"value": _shown(raw)}) from None
    if not value.is_finite():
        raise Problem(_("Not a number: %(value)s.") % {"value": _shown(raw)})
    return value


def _range_checked(column: Column, value, raw: Any):
    if column.minimum is not None and value < column.minimum:
        raise Problem(
            _("Must be at least %(minimum)s, not %(value)s.")
            % {"minimum": column.minimum, "value": _shown(raw)}
        )
    if column.maximum is not None and value > column.maximum:
        raise Problem(
            _("Must be at most %(maximum)s, not %(value)s.")
            % {"maximum": column.maximum, "value": _shown(raw)}
        )
    return value


def _decimal(column: Column, raw: Any) -> Decimal:
    value = _number(raw)
    # More decimals than stored are rounded (a coordinate to a tenth of a metre).
    value = value.quantize(Decimal(1).scaleb(-column.decimal_places), rounding=ROUND_HALF_UP)
    if len(value.as_tuple().digits) > column.max_digits:
        raise Problem(_("The number %(value)s is too large.") % {"value": _shown(raw)})
    return _range_checked(column, value, raw)


def _integer(column: Column, raw: Any) -> int:
    value = _number(raw)
    if value != value.to_integral_value():
        raise Problem(_("Not a whole number: %(value)s.") % {"value": _shown(raw)})
    return _range_checked(column, int(value), raw)


def _boolean(column: Column, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip() in TRUE_VALUES:
        return True
    if isinstance(raw, str) and raw.strip() in FALSE_VALUES:
        return False
    raise Problem(_("Not true or false: %(value)s.") % {"value": _shown(raw)})


def _cbs_code(column: Column, raw: Any) -> str:
    code = _text(raw).strip().upper()
    if not CBS_CODE_PATTERNS[column.code_prefix].fullmatch(code):
        if column.code_prefix == "GM":
            message = _("Not a municipality code (GMxxxx): %(value)s.")
        else:
            message = _("Not a neighbourhood code (BUxxxxxxxx): %(value)s.")
        raise Problem(message % {"value": _shown(raw)})
    return code


CLEANERS: dict[str, Callable[[Column, Any], Any]] = {
    "uuid": _uuid,
    "string": _string,
    "email": _email,
    "url": _url,
    "enum": _enum,
    "date": _date,
    "time": _time,
    "datetime": _datetime,
    "history_date": _history_date,
    "decimal": _decimal,
    "integer": _integer,
    "boolean": _boolean,
    "cbs_code": _cbs_code,
}


def clean(column: Column, raw: Any) -> Any:
    """The stored value of `raw` for `column`; the column's default when it is empty."""
    if is_missing(raw):
        if column.required:
            raise Problem(_("This field is required."))
        return column.default
    return CLEANERS[column.kind](column, raw)


def _checked_text(column: Column, raw: Any) -> str:
    return _text(raw).strip()


# When writing rows that were checked already, text needs no second look (the slow email and
# URL validators); values that are converted (ids, numbers, dates, codes) are converted again.
_WRITE_CLEANERS = {
    "string": lambda column, raw: _text(raw),
    "email": _checked_text,
    "url": _checked_text,
    "enum": _checked_text,
}


def cleaner(column: Column, *, checked: bool = False) -> Callable[[Any], Any]:
    """`clean` for one column as a function of the value alone: an import calls it for every
    cell, twice, so the common case (text that is not empty) takes the shortest path. With
    `checked`, for rows that passed the check already."""
    kind = (checked and _WRITE_CLEANERS.get(column.kind)) or CLEANERS[column.kind]
    required = column.required
    default = column.default
    plain_text = column.kind == "string" and column.max_length is None

    def clean_value(raw: Any) -> Any:
        if raw.__class__ is str:
            if raw and not raw.isspace():
                return raw if plain_text else kind(column, raw)
        elif raw is not None:
            return kind(column, raw)
        if required:
            raise Problem(_("This field is required."))
        return default

    return clean_value


# --- the other way: stored value -> CSV text ------------------------------------------------


def as_text(column: Column, value: Any) -> str:
    if value is None:
        return ""
    kind = column.kind
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "decimal":
        return format(value.normalize(), "f") if value else "0"
    if kind == "datetime":
        # UTC with Z; fractions of a second only when there are any, so nothing is lost.
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if kind == "history_date":
        return timezone.localtime(value).date().isoformat()
    if kind in ("date", "time"):
        return value.isoformat()
    return str(value)
