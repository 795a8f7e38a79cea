"""Indicators, the pseudonymous monitoring extract they are computed from, the monthly
aggregate that makes them fast, and open data imported per region and year.

The extract ("facts") holds one row per screening, referral, discussed case and group
participation: dates, area and yes/no facts, never a client's name, code or words. Whoever
sees the dashboard never touches a client record, and the figures survive a client's
retention period (her record is pseudonymised; the fact never pointed at her).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.indicators.constants import (
    Breakdown,
    IndicatorKind,
    Origin,
    Period,
    Statistic,
    TargetGroup,
    Unit,
)


class Indicator(models.Model):
    """One indicator as health information systems define one. The rows come from
    `indicators/data/catalogue.json` (synced at every migrate); the admin shows them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    numerator = models.TextField(_("numerator"))
    denominator = models.TextField(_("denominator"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    statistic = models.CharField(_("statistic"), max_length=10, choices=Statistic.choices)
    # Process indicators: the aggregate's measures (constants.MEASURES) they are made of.
    numerator_measure = models.CharField(_("numerator measure"), max_length=40, blank=True)
    denominator_measure = models.CharField(_("denominator measure"), max_length=40, blank=True)
    levels = models.JSONField(_("region levels"), default=list)
    periods = models.JSONField(_("periods"), default=list)
    breakdowns = models.JSONField(_("breakdowns"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=200)
    higher_is_better = models.BooleanField(_("higher is better"), null=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.name_nl}"


class Fact(models.Model):
    """What every row of the extract has: where it came from and where it happened."""

    source_uuid = models.UUIDField(_("source record"), unique=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_group = models.CharField(
        _("target group"), max_length=20, choices=TargetGroup.choices, default=TargetGroup.OTHER
    )

    class Meta:
        abstract = True


class ScreeningFact(Fact):
    """A client's first screening in a pregnancy or first 1000 days."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    screened_on = models.DateField(_("screened on"))
    elevated = models.BooleanField(_("elevated risk"))
    accumulated = models.BooleanField(_("accumulated problems"))

    class Meta:
        verbose_name = _("screening (extract)")
        verbose_name_plural = _("screenings (extract)")
        indexes = [models.Index(fields=["municipality", "screened_on"])]


class ReferralFact(Fact):
    sender_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    receiver_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    theme = models.CharField(_("theme"), max_length=40, blank=True)
    sent_on = models.DateField(_("sent on"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_in_time = models.BooleanField(_("answered within 5 working days"), default=False)
    support_started_on = models.DateField(_("support started on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_with_outcome = models.BooleanField(_("closed with an outcome"), default=False)

    class Meta:
        verbose_name = _("referral (extract)")
        verbose_name_plural = _("referrals (extract)")
        indexes = [models.Index(fields=["municipality", "sent_on"])]


class CaseFact(Fact):
    discussed_on = models.DateField(_("discussed on"))

    class Meta:
        verbose_name = _("discussed case (extract)")
        verbose_name_plural = _("discussed cases (extract)")


class ParticipationFact(Fact):
    programme = models.CharField(_("programme"), max_length=100, blank=True)
    started_on = models.DateField(_("started on"))
    completed = models.BooleanField(_("completed"), default=False)

    class Meta:
        verbose_name = _("group participation (extract)")
        verbose_name_plural = _("group participations (extract)")


class MonthlyAggregate(models.Model):
    """The extract counted per month for the whole country (municipality null), a
    municipality (neighbourhood null) or a neighbourhood, in total or broken down by one
    dimension. Rebuilt from the extract by `aggregate_refresh`; every process indicator is
    read from here. The country has rows of its own so a national trend reads 60 rows, not
    20,000."""

    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # A month's row, or a quarter's or year's summed from them; `month` is its first day.
    grain = models.CharField(
        _("period"), max_length=7, choices=Period.choices, default=Period.MONTH
    )
    month = models.DateField(_("first day"))
    breakdown = models.CharField(
        _("breakdown"), max_length=20, choices=Breakdown.choices, blank=True, default=""
    )
    breakdown_value = models.CharField(_("value"), max_length=60, blank=True, default="")
    screened = models.PositiveIntegerField(default=0)
    elevated = models.PositiveIntegerField(default=0)
    accumulated = models.PositiveIntegerField(default=0)
    referrals = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    answered_in_time = models.PositiveIntegerField(default=0)
    support_started = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)
    closed_with_outcome = models.PositiveIntegerField(default=0)
    cases_discussed = models.PositiveIntegerField(default=0)
    participants = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    # {"days": number of referrals}: days from referral to support started.
    support_days = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("monthly aggregate")
        verbose_name_plural = _("monthly aggregates")
        # Serves every read: the country (municipality null), municipalities (neighbourhood
        # null) and neighbourhoods, each for a range of months.
        indexes = [
            models.Index(fields=["grain", "breakdown", "neighbourhood", "municipality", "month"]),
        ]


class AggregateRefresh(models.Model):
    """When the aggregate was last rebuilt, so the dashboard can say how fresh it is."""

    finished_at = models.DateTimeField(_("finished at"))
    facts = models.PositiveIntegerField(_("facts"))
    rows = models.PositiveIntegerField(_("rows"))
    seconds = models.FloatField(_("seconds"))

    class Meta:
        verbose_name = _("aggregate refresh")
        verbose_name_plural = _("aggregate refreshes")
        ordering = ["-finished_at"]


class OpenDataImport(models.Model):
    """One imported open-data file: all its rows or none."""

    filename = models.CharField(_("file"), max_length=255)
    source = models.CharField(_("source"), max_length=200, blank=True)
    rows = models.PositiveIntegerField(_("rows"))
    imported_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.KANSRIJK
    )

    class Meta:
        verbose_name = _("open-data import")
        verbose_name_plural = _("open-data imports")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.filename


class OpenDataValue(models.Model):
    """An outcome or context figure for one area and year: numerator and denominator where the
    source gives them (so areas can be added up), else only the value."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    batch = models.ForeignKey(OpenDataImport, on_delete=models.CASCADE, related_name="values")
    region_code = models.CharField(_("region code"), max_length=12)
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    numerator = models.PositiveIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=3)

    class Meta:
        verbose_name = _("open-data value")
        verbose_name_plural = _("open-data values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "region_code", "year"], name="indicators_one_value_per_area"
            )
        ]
        indexes = [models.Index(fields=["indicator", "year"])]
