"""A coalition's action programme (actieprogramma): action lines with their activities, the
targets it aims for per indicator and year, and the PDCA reviews of its activities. The
programme also fixes the baseline period (nulmeting) later periods are compared with."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.actionprogrammes.constants import NAME_MAX_LENGTH, ActivityStatus, PdcaPhase


class ActionProgramme(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.CASCADE,
        related_name="action_programmes",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    baseline_start = models.DateField(_("baseline period from"), null=True, blank=True)
    baseline_end = models.DateField(_("baseline period to"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("action programme")
        verbose_name_plural = _("action programmes")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class ActionLine(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        ActionProgramme,
        verbose_name=_("action programme"),
        on_delete=models.CASCADE,
        related_name="lines",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=NAME_MAX_LENGTH)
    goal = models.TextField(_("goal"), blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("action line")
        verbose_name_plural = _("action lines")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "number"], name="actionprogrammes_line_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Activity(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    line = models.ForeignKey(
        ActionLine,
        verbose_name=_("action line"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    # The activity's number within its line; its code is "<line>.<number>", like 2.3.
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=NAME_MAX_LENGTH)
    description = models.TextField(_("description"), blank=True)
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    pdca_phase = models.CharField(
        _("PDCA phase"), max_length=10, choices=PdcaPhase.choices, default=PdcaPhase.PLAN
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("indicators"), blank=True, related_name="+"
    )
    lock_version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["line__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["line", "number"], name="actionprogrammes_activity_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        return f"{self.line.number}.{self.number}"


class Target(models.Model):
    """What the programme aims for on one indicator in one year, for the whole programme or
    for one action line."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        ActionProgramme,
        verbose_name=_("action programme"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    line = models.ForeignKey(
        ActionLine,
        verbose_name=_("action line"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    year = models.PositiveSmallIntegerField(_("year"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["line__number", "indicator__order", "year"]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class ActivityReview(models.Model):
    """A PDCA check-and-act record: what the review found, what is adjusted, the next phase."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewed_on = models.DateField(_("reviewed on"))
    findings = models.TextField(_("findings"))
    adjustment = models.TextField(_("adjustment"), blank=True)
    new_phase = models.CharField(_("new phase"), max_length=10, choices=PdcaPhase.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity review")
        verbose_name_plural = _("activity reviews")
        ordering = ["-reviewed_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.activity} ({self.reviewed_on})"
