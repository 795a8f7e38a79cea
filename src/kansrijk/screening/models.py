"""What screening keeps in the database: a coalition's own cut-offs, licensed instrument texts
an organisation imported, and the screenings of clients. The instruments themselves are data
files (instruments.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.screening.constants import Level, Phase
from kansrijk.screening.i18n import current_language
from kansrijk.screening.instruments import instrument_find


class ScreeningCutoff(models.Model):
    """A coalition's cut-offs for one instrument, for every phase (phase "") or for one phase
    (e.g. 11 on the EPDS in the first trimester). Without a row the instrument's own apply."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.CASCADE,
        related_name="screening_cutoffs",
    )
    instrument = models.CharField(_("instrument"), max_length=30)
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.ANY, blank=True
    )
    elevated = models.PositiveSmallIntegerField(_("elevated from"))
    high = models.PositiveSmallIntegerField(_("high from"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("Why, and the source."))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    set_at = models.DateTimeField(_("set at"), auto_now=True)
    lock_version = models.PositiveIntegerField(_("lock version"), default=1)

    class Meta:
        verbose_name = _("screening cut-off")
        verbose_name_plural = _("screening cut-offs")
        ordering = ["coalition__name", "instrument", "phase"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "instrument", "phase"], name="screening_cutoff_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.coalition} · {self.instrument} · {self.elevated}/{self.high}"


class InstrumentText(models.Model):
    """The licensed text of one item of an instrument in one language, with its answer texts in
    printed order. Imported as a whole set per instrument and language."""

    instrument = models.CharField(_("instrument"), max_length=30)
    language = models.CharField(_("language"), max_length=10)
    item = models.PositiveSmallIntegerField(_("item number"))
    text = models.TextField(_("item text"))
    options = models.JSONField(_("answer texts"), default=list)
    source = models.CharField(_("source file"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("licensed instrument text")
        verbose_name_plural = _("licensed instrument texts")
        ordering = ["instrument", "language", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "language", "item"], name="instrument_text_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.language}) {self.item}"


class ScreeningResponse(models.Model):
    """One screening of a client: her answers and their scored result, with the cut-offs that
    applied (a coalition's or the instrument's own), so the result reads the same later."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(
        "clients.Client",
        verbose_name=_("client"),
        on_delete=models.CASCADE,
        related_name="screenings",
    )
    instrument = models.CharField(_("instrument"), max_length=30)
    instrument_version = models.CharField(_("instrument version"), max_length=30)
    # Item number (as text, JSON) -> position of the chosen answer as printed (0 = first).
    answers = models.JSONField(_("answers"), default=dict)
    total = models.PositiveSmallIntegerField(_("total score"))
    max_total = models.PositiveSmallIntegerField(_("highest possible score"))
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    flags = models.JSONField(_("signals"), default=list)
    domains = models.JSONField(_("domains"), default=list)
    urgent = models.BooleanField(_("urgent"), default=False)
    cutoff_elevated = models.PositiveSmallIntegerField(_("elevated from"))
    cutoff_high = models.PositiveSmallIntegerField(_("high from"), null=True, blank=True)
    # "instrument", or "coalition:<slug>" (":<phase>" when set for one phase).
    cutoff_source = models.CharField(_("cut-offs from"), max_length=150)
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.ANY, blank=True
    )
    language = models.CharField(_("language of the questions"), max_length=10)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("screened by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    screened_by_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("screened by organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    screened_at = models.DateTimeField(_("screened at"), default=timezone.now)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        ordering = ["-screened_at", "-id"]
        indexes = [models.Index(fields=["client", "instrument", "-screened_at"])]

    def __str__(self) -> str:
        return f"{self.instrument} · {self.screened_at:%Y-%m-%d}"

    @property
    def instrument_name(self) -> str:
        """The instrument's name in the active language."""
        found = instrument_find(self.instrument)
        return found.name_in(current_language()) if found is not None else self.instrument

    @property
    def validated(self) -> bool:
        """False for a conversation aid (the signal list)."""
        found = instrument_find(self.instrument)
        return found.validated if found is not None else True
