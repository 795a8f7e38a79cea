"""Template filters of the action programme pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kansrijk.indicators.selectors import indicator_name as _indicator_name

register = template.Library()


@register.filter
def indicator_name(indicator) -> str:
    """The indicator's name in the current language."""
    return _indicator_name(indicator)


@register.filter
def target_value(target) -> str:
    """A target's value as people write it: 90%, 6,5%, 10 days, 600."""
    value: Decimal = target.value
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    number = number_format(value)
    unit = target.indicator.unit
    if unit == "percent":
        return f"{number}%"
    if unit == "days":
        return _("%(number)s days") % {"number": number}
    if unit == "per_1000":
        return _("%(number)s per 1,000") % {"number": number}
    return number
