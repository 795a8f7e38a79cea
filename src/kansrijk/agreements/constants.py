from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import Role


class DocumentKind(models.TextChoices):
    COVENANT = "covenant", _("Covenant")
    MANIFEST = "manifest", _("Manifest")
    WORKING_AGREEMENT = "working_agreement", _("Working agreement")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    APPROVED = "approved", _("Adopted")
    SUPERSEDED = "superseded", _("Superseded")


# A document has at most one version being worked on (draft or in consultation).
OPEN_STATUSES = (AgreementStatus.DRAFT, AgreementStatus.CONSULTATION)

# Partners sign a version in consultation, or late, once it is adopted.
SIGNABLE_STATUSES = (AgreementStatus.CONSULTATION, AgreementStatus.APPROVED)


class SubjectKind(models.TextChoices):
    """What a partner approval is about: the same record for every kind of agreement."""

    PATHWAY_VERSION = "pathway_version", _("Care pathway version")
    AGREEMENT_VERSION = "agreement_version", _("Agreement version")


# Who writes agreements (a coordinator in a member organisation of the coalition) and who
# signs them on behalf of a partner organisation.
EDITOR_ROLES = (Role.COORDINATOR,)
SIGNATORY_ROLE = Role.PARTNER_SIGNATORY

# The coordinators are reminded (once) this many days before a version's evaluation date.
EVALUATION_REMINDER_DAYS = 30

# Audit actions written by this app.
AUDIT_APPROVAL_RECORDED = "agreements.approval_recorded"
AUDIT_DOCUMENT_CREATED = "agreements.document_created"
AUDIT_VERSION_CREATED = "agreements.version_created"
AUDIT_VERSION_UPDATED = "agreements.version_updated"
AUDIT_CONSULTATION_STARTED = "agreements.consultation_started"
AUDIT_VERSION_ADOPTED = "agreements.version_adopted"
AUDIT_VERSION_SUPERSEDED = "agreements.version_superseded"
AUDIT_EVALUATION_SET = "agreements.evaluation_set"
AUDIT_EVALUATION_REMINDED = "agreements.evaluation_reminded"
AUDIT_COMMENT_ADDED = "agreements.comment_added"
