"""Partner organisations and the Kansrijke Start coalitions they form."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.organisations.constants import Domain


class Organisation(models.Model):
    """A partner organisation whose staff use Kansrijk (a GGD, a midwifery practice, ...)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality of establishment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Coalition(models.Model):
    """A Kansrijke Start coalition: a local network covering one or more municipalities."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipalities = models.ManyToManyField(
        "regions.Municipality", verbose_name=_("municipalities"), related_name="coalitions"
    )
    members = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations"), related_name="coalitions", blank=True
    )

    class Meta:
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
