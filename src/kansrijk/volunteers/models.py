"""Volunteers who walk along with a family for the first 1000 days, the families waiting for one,
and the matches between them. A volunteer is known by first name only; a family by her client
code (kansrijk.clients)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.volunteers.constants import (
    CheckInKind,
    ContactKind,
    EndReason,
    MatchStatus,
    RequestSource,
    RequestStatus,
    VolunteerStatus,
)


class Volunteer(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    # Her log-in (role volunteer), when she logs her contacts herself.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("log-in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteer_profile",
    )
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
    # Only used to never match a volunteer with a family in her own street: a keyed hash
    # (streets.street_key), never the street itself.
    street_key = models.CharField(_("street (hashed)"), max_length=64, blank=True, editable=False)
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
    """A family's request for a volunteer, from a referral or an intake. Her municipality and
    neighbourhood are the client's (read through); the language is copied when the request is
    made; `street_key` (a keyed hash) only serves the same-street rule."""

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
    source = models.CharField(
        _("came from"), max_length=16, choices=RequestSource.choices, default="intake"
    )
    referral = models.ForeignKey(
        "referrals.Referral",
        verbose_name=_("referral"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Hears when a match starts and ends: the referring professional's organisation.
    referrer_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("referring organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    needs = models.JSONField(_("needs"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    street_key = models.CharField(_("street (hashed)"), max_length=64, blank=True, editable=False)
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

    # Where she lives is the client's, not a copy that can go stale.
    @property
    def municipality_id(self) -> int:
        return self.client.municipality_id

    @property
    def municipality(self):
        return self.client.municipality

    @property
    def neighbourhood_id(self) -> int | None:
        return self.client.neighbourhood_id

    @property
    def neighbourhood(self):
        return self.client.neighbourhood


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
    # How the volunteer and the family agreed to keep in touch (e.g. "WhatsApp, evenings"):
    # the volunteer sees it.
    contact_route = models.CharField(_("agreed contact route"), max_length=200, blank=True)
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


class CheckIn(models.Model):
    """A check-in or review of a match by the coordinator, due on a date (schedule.py); missed
    when the date passed and it is not done."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    match = models.ForeignKey(
        Match, verbose_name=_("match"), on_delete=models.CASCADE, related_name="check_ins"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=CheckInKind.choices)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["due_on", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "kind", "due_on"], name="volunteers_checkin_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on:%d-%m-%Y}"


class ContactLog(models.Model):
    """A contact the volunteer had with her family: when, how long, how, a short note, and
    whether she is worried (that alerts the coordinator only)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    match = models.ForeignKey(
        Match, verbose_name=_("match"), on_delete=models.CASCADE, related_name="contacts"
    )
    contact_on = models.DateField(_("date"))
    minutes = models.PositiveIntegerField(_("minutes"))
    kind = models.CharField(_("kind of contact"), max_length=16, choices=ContactKind.choices)
    note = models.CharField(_("short note"), max_length=500, blank=True)
    worry = models.BooleanField(_("worried"), default=False)
    worry_handled_at = models.DateTimeField(_("worry handled at"), null=True, blank=True)
    worry_handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("worry handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("logged at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("contact moment")
        verbose_name_plural = _("contact moments")
        ordering = ["-contact_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.contact_on:%d-%m-%Y}"
