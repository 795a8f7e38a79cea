"""Coalition agreements (samenwerkingsafspraken): covenants, manifests and working agreements
as versioned documents, and the partner approval record shared with the care pathways.

A document's text lives in its versions. A version moves draft -> consultation -> approved
(adopted by a coordinator) -> superseded (when a later version is adopted). Partner
organisations sign a version individually; that signature is a PartnerApproval, the same
record a partner gives when it agrees to a care pathway version.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.agreements.constants import (
    OPEN_STATUSES,
    AgreementStatus,
    DocumentKind,
    SubjectKind,
)


class PartnerApproval(models.Model):
    """A partner organisation's approval (signature) of one version of something agreed
    together: who signed, in what position, when, with what remark.

    Keyed by (subject kind, subject uuid) rather than a foreign key, so pathway versions and
    agreement versions share one record and one set of rules without this app importing the
    pathways app. The owner of the subject checks that the subject exists."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    subject_kind = models.CharField(_("subject"), max_length=30, choices=SubjectKind.choices)
    subject_id = models.UUIDField(_("subject ID"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The name as it was when they signed, so the record stays readable.
    user_name = models.CharField(_("name of the signatory"), max_length=300)
    position = models.CharField(_("position"), max_length=200, blank=True)
    approved_at = models.DateTimeField(_("approved at"))
    remark = models.TextField(_("remark"), blank=True)

    class Meta:
        verbose_name = _("partner approval")
        verbose_name_plural = _("partner approvals")
        ordering = ["approved_at", "id"]
        indexes = [models.Index(fields=["subject_kind", "subject_id"], name="approval_subject")]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_kind", "subject_id", "organisation"],
                name="approval_once_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.subject_kind} {self.subject_id})"


class AgreementDocument(models.Model):
    """One agreement of a coalition (its covenant, its manifest, a working agreement)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["coalition", "kind", "title"]

    def __str__(self) -> str:
        return self.title


class AgreementVersion(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    document = models.ForeignKey(
        AgreementDocument,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    # Plain text with light Markdown habits (headings with #, lists with -); shown as written.
    text = models.TextField(_("text"))
    change_note = models.TextField(_("change note"), blank=True)
    evaluation_due = models.DateField(_("evaluation date"), null=True, blank=True)
    # Set when the coordinators were reminded of the evaluation date, so they are told once.
    evaluation_reminded_at = models.DateTimeField(
        _("reminded of the evaluation at"), null=True, blank=True
    )
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
    consultation_at = models.DateTimeField(_("consultation started at"), null=True, blank=True)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by_name = models.CharField(_("adopted by"), max_length=300, blank=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    # Optimistic locking: every write claims the row with UPDATE ... WHERE lock_version = seen.
    lock_version = models.PositiveIntegerField(_("lock version"), default=1)

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="agreement_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status=AgreementStatus.APPROVED),
                name="agreement_one_approved_version",
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status__in=OPEN_STATUSES),
                name="agreement_one_open_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class AgreementComment(models.Model):
    """A partner's reaction to a version in consultation."""

    version = models.ForeignKey(
        AgreementVersion,
        verbose_name=_("version"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    user_name = models.CharField(_("name"), max_length=300)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"))

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.user_name} ({self.version})"
