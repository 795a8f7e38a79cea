"""The Dutch region hierarchy: province, GGD region, safety region, municipality, district and
neighbourhood (CBS codes GMxxxx, WKxxxxxx, BUxxxxxxxx).

CBS codes are never invented: a district or neighbourhood entered by name has no code until an
import of CBS's district and neighbourhood table fills it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GGDRegion(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, unique=True, help_text="GGxxxx")
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("GGD region")
        verbose_name_plural = _("GGD regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SafetyRegion(models.Model):
    code = models.CharField(_("code"), max_length=4, unique=True, help_text="VRxx")
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("safety region")
        verbose_name_plural = _("safety regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    code = models.CharField(_("CBS code"), max_length=6, unique=True, help_text="GMxxxx")
    name = models.CharField(_("name"), max_length=150)
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    ggd_region = models.ForeignKey(
        GGDRegion,
        verbose_name=_("GGD region"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    safety_region = models.ForeignKey(
        SafetyRegion,
        verbose_name=_("safety region"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A CBS wijk."""

    code = models.CharField(
        _("CBS code"), max_length=10, unique=True, null=True, blank=True, help_text="WKggggww"
    )
    name = models.CharField(_("name"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="districts",
    )
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["municipality__name", "name"]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    """A CBS buurt."""

    code = models.CharField(
        _("CBS code"), max_length=12, unique=True, null=True, blank=True, help_text="BUggggwwbb"
    )
    name = models.CharField(_("name"), max_length=150)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="neighbourhoods",
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.CASCADE,
        related_name="neighbourhoods",
        null=True,
        blank=True,
    )
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["municipality__name", "name"]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """The neighbourhood most addresses of a 4-digit postcode lie in, counted from CBS's
    postcode-and-house-number table ("Buurt, wijk en gemeente voor postcode huisnummer").
    Lets the parent site find help near a postcode that is itself never stored."""

    postcode = models.CharField(_("postcode (4 digits)"), max_length=4, unique=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="postcode_areas",
    )
    share = models.PositiveSmallIntegerField(_("share of the addresses (%)"))

    class Meta:
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
