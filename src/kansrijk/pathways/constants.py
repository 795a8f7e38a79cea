from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import Role


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    RETIRED = "retired", _("Retired")


# A pathway has at most one version that is still being worked on (draft or in review).
OPEN_STATUSES = (VersionStatus.DRAFT, VersionStatus.IN_REVIEW)


class ScopeKind(models.TextChoices):
    COALITION = "coalition", _("Coalition")
    MUNICIPALITY = "municipality", _("Municipality")
    GGD_REGION = "ggd_region", _("GGD region")


class StepKind(models.TextChoices):
    QUESTION = "question", _("Question")
    DECISION = "decision", _("Decision table")
    ACTION = "action", _("Action")


class AnswerType(models.TextChoices):
    BOOLEAN = "boolean", _("Yes or no")
    CHOICE = "choice", _("Choice")
    NUMBER = "number", _("Number")


class ActionKind(models.TextChoices):
    REGULAR_CARE = "regular_care", _("Regular care")
    REFER = "refer", _("Refer to a kind of help")
    CASE_CONSULTATION = "case_consultation", _("Discuss in the case consultation (MDO)")
    URGENT = "urgent", _("Urgent: Veilig Thuis or crisis line")


# Actions that resolve, at run time, to services of the sociale kaart.
SERVICE_ACTIONS = frozenset({ActionKind.REFER, ActionKind.URGENT})

# The key of the otherwise-branch in a step's `next` map.
OTHERWISE = "*"

# Answers of a yes/no question as they travel in forms and `next` maps.
TRUE = "true"
FALSE = "false"

# Who edits and submits pathways (in a member organisation of a coalition of the scope), and
# who agrees to them on behalf of a partner organisation.
EDITOR_ROLES = (Role.COORDINATOR, Role.ADMIN)
SIGNATORY_ROLE = Role.PARTNER_SIGNATORY

# How many services a walk shows per action.
WALK_SERVICE_LIMIT = 10

# Audit actions written by this app.
AUDIT_PATHWAY_CREATED = "pathways.pathway_created"
AUDIT_PATHWAY_UPDATED = "pathways.pathway_updated"
AUDIT_VERSION_CREATED = "pathways.version_created"
AUDIT_VERSION_UPDATED = "pathways.version_updated"
AUDIT_VERSION_SUBMITTED = "pathways.version_submitted"
AUDIT_VERSION_APPROVAL = "pathways.version_approval"
AUDIT_VERSION_APPROVED = "pathways.version_approved"
AUDIT_VERSION_RETIRED = "pathways.version_retired"
