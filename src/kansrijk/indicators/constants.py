"""The vocabulary of indicators: kinds, units, statistics, region levels, periods, and the
measures that the monthly aggregate counts (the columns an indicator's numerator and
denominator name)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IndicatorKind(models.TextChoices):
    PROCESS = "process", _("Process indicator")
    OUTCOME = "outcome", _("Outcome indicator")
    CONTEXT = "context", _("Context indicator")


class Unit(models.TextChoices):
    COUNT = "count", pgettext_lazy("indicator unit", "number")
    PERCENT = "percent", pgettext_lazy("indicator unit", "percentage")
    PER_1000 = "per_1000", pgettext_lazy("indicator unit", "per 1,000")
    DAYS = "days", pgettext_lazy("indicator unit", "days")


class Statistic(models.TextChoices):
    """How a figure is made from the counts: a sum, numerator over denominator, or the median
    of a distribution of days."""

    COUNT = "count", _("count")
    RATIO = "ratio", _("ratio")
    MEDIAN = "median", _("median")


class Level(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")
    MUNICIPALITY = "municipality", _("municipality")
    GGD_REGION = "ggd_region", _("GGD region")
    COUNTRY = "country", _("the Netherlands")


class Period(models.TextChoices):
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")


class Origin(models.TextChoices):
    """Where a fact came from: Kansrijk's own records, or `kansrijk generate`."""

    KANSRIJK = "kansrijk", _("Kansrijk records")
    SYNTHETIC = "synthetic", _("synthetic data")


class Breakdown(models.TextChoices):
    TOTAL = "", _("total")
    THEME = "theme", _("theme")
    TARGET_GROUP = "target_group", _("target group")
    ORGANISATION = "organisation", _("organisation")


class TargetGroup(models.TextChoices):
    """Target groups the extract can tell from the records without asking anything extra."""

    TEENAGE = "teenage", _("teenage parent (under 20)")
    OTHER_LANGUAGE = "other_language", _("speaks another language than Dutch")
    OTHER = "other", _("other")


# The counts the monthly aggregate keeps (its columns). An indicator's numerator and
# denominator are one of these; adding an indicator that combines them needs no code.
COUNT_MEASURES = (
    "screened",  # clients with a first screening (one per pregnancy) in the month
    "elevated",  # ... whose first screening was elevated or high
    "accumulated",  # ... with problems in two or more domains (stapeling)
    "referrals",  # referrals sent
    "answered",  # referrals the receiver answered (accepted or rejected)
    "answered_in_time",  # ... within 5 working days
    "support_started",  # referrals where support started
    "closed",  # referrals closed
    "closed_with_outcome",  # ... with an outcome recorded
    "cases_discussed",  # cases discussed in a case consultation
    "participants",  # clients who started a group programme
    "completed",  # ... and attended most of it
)
# Distributions (days -> number of referrals) for medians.
DISTRIBUTION_MEASURES = ("support_days",)
MEASURES = COUNT_MEASURES + DISTRIBUTION_MEASURES

# No figure is shown that rests on fewer people than this (Kansrijke Start monitor rule).
SMALL_NUMBER = 10
# Years pooled into a multi-year average when one year is too small.
POOLED_YEARS = 3
ANSWER_WORKING_DAYS = 5
COUNTRY_CODE = "NL01"
