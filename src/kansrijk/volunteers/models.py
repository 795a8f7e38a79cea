"""Volunteers who walk along with a family for the first 1000 days, the families waiting for one,
and the matches between them. A volunteer is known by first name only; a family by her client
code (kansrijk.clients)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.volunteers.constants import EndReason, MatchStatus, RequestStatus, VolunteerStatus


class Volunteer(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        related_name="volunteers",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("volunteer organisation"),
        on_delete=models.PROTECT,
        related_name="volunteers",
    )
    first_name = models.CharField(_("first name"), max_length=60)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Only used to never match a volunteer with a family in her own street; never shown.
    postcode4 = models.CharField(_("postcode (digits)"), max_length=4, blank=True)
    street = models.CharField(_("street"), max_length=120, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    support_themes = models.JSONField(_("can support with"), default=list, blank=True)
    max_families = models.PositiveSmallIntegerField(_("families at once"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=VolunteerStatus.choices, default="interest"
    )
    vog_issued_on = models.DateField(_("certificate of conduct issued on"), null=True, blank=True)
    vog_valid_until = models.DateField(
        _("certificate of conduct valid until"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["first_name", "id"]

    def __str__(self) -> str:
        return self.first_name


class FamilyRequest(models.Model):
    """A family's request for a volunteer. Language, municipality and neighbourhood are copied
    from the client when the request is made; `street`/`postcode4` only serve the same-street
    rule."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(
        "clients.Client",
        verbose_name=_("client"),
        on_delete=models.CASCADE,
        related_name="volunteer_requests",
    )
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        related_name="volunteer_requests",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("volunteer organisation"),
        on_delete=models.PROTECT,
        related_name="volunteer_requests",
    )
    consent = models.ForeignKey(
        "clients.Consent",
        verbose_name=_("consent"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    needs = models.JSONField(_("needs"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    postcode4 = models.CharField(_("postcode (digits)"), max_length=4, blank=True)
    street = models.CharField(_("street"), max_length=120, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    need_score = models.PositiveSmallIntegerField(_("need score"), default=0)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default="waiting"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now, editable=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("request for a volunteer")
        verbose_name_plural = _("requests for a volunteer")
        ordering = ["-need_score", "created_at", "id"]

    def __str__(self) -> str:
        return str(self.uuid)


class Match(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(
        FamilyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="matches"
    )
    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.PROTECT, related_name="matches"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MatchStatus.choices, default="proposed"
    )
    end_reason = models.CharField(
        _("reason for ending"), max_length=24, choices=EndReason.choices, blank=True
    )
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now, editable=False)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return str(self.uuid)
