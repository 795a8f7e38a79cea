"""Care pathways (zorgpaden, stroomschema's): versioned definitions agreed by partner
organisations.

A pathway's content lives in its versions (`definition`, JSON: questions, decision tables in
DMN, actions; see docs/HELPER_BRIEF or pathways.validation). Only an approved version is used in
practice; every saved edit of a draft is kept as a PathwayVersionEdit row. The partner
organisations' approvals of a version are kept in kansrijk.agreements' shared approval record
(subject kind "pathway_version", the version's uuid).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.pathways.constants import OPEN_STATUSES, ScopeKind, VersionStatus


class Pathway(models.Model):
    """One pathway for one theme and one area: a coalition, a municipality or a GGD region."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # A theme code of the sociale kaart's taxonomy (debts-and-money, housing, ...).
    theme = models.CharField(_("theme"), max_length=50)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathways",
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathways",
    )
    ggd_region = models.ForeignKey(
        "regions.GGDRegion",
        verbose_name=_("GGD region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathways",
    )
    lock_version = models.PositiveIntegerField(_("lock version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("care pathway")
        verbose_name_plural = _("care pathways")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(coalition__isnull=False, municipality__isnull=True, ggd_region__isnull=True)
                    | Q(coalition__isnull=True, municipality__isnull=False, ggd_region__isnull=True)
                    | Q(coalition__isnull=True, municipality__isnull=True, ggd_region__isnull=False)
                ),
                name="pathway_exactly_one_scope",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def scope_kind(self) -> str:
        if self.coalition_id:
            return ScopeKind.COALITION
        if self.municipality_id:
            return ScopeKind.MUNICIPALITY
        return ScopeKind.GGD_REGION

    @property
    def scope(self) -> models.Model:
        return self.coalition or self.municipality or self.ggd_region


class PathwayVersion(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    pathway = models.ForeignKey(
        Pathway, verbose_name=_("care pathway"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    definition = models.JSONField(_("definition"))
    change_note = models.TextField(_("change note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted for review at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    # Optimistic locking: every write claims the row with UPDATE ... WHERE lock_version = seen.
    lock_version = models.PositiveIntegerField(_("lock version"), default=1)

    class Meta:
        verbose_name = _("care pathway version")
        verbose_name_plural = _("care pathway versions")
        ordering = ["pathway", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["pathway", "number"], name="pathway_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["pathway"],
                condition=Q(status=VersionStatus.APPROVED),
                name="pathway_one_approved_version",
            ),
            models.UniqueConstraint(
                fields=["pathway"],
                condition=Q(status__in=OPEN_STATUSES),
                name="pathway_one_open_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pathway} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class PathwayVersionEdit(models.Model):
    """A snapshot of a draft as saved: every change to a version is kept."""

    version = models.ForeignKey(
        PathwayVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="edits",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    user_name = models.CharField(_("name of the editor"), max_length=300)
    edited_at = models.DateTimeField(_("changed at"))
    definition = models.JSONField(_("definition"))
    change_note = models.TextField(_("change note"), blank=True)
    lock_version = models.PositiveIntegerField(_("lock version"))

    class Meta:
        verbose_name = _("saved change")
        verbose_name_plural = _("saved changes")
        ordering = ["-edited_at", "-id"]

    def __str__(self) -> str:
        return f"{self.version} @ {self.edited_at:%Y-%m-%d %H:%M}"
