"""What screening keeps in the database: a coalition's own cut-offs, and licensed instrument
texts an organisation imported. The instruments themselves are data files (instruments.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.screening.constants import Phase


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
