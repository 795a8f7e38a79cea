from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Not done: circumstances changed")


class Disposition(models.TextChoices):
    """What a meeting decides about an open agreement (every one must get one)."""

    DONE = "done", _("Done")
    CHANGED = "changed", _("Not done, because circumstances changed")
    CARRIED_OVER = "carried_over", _("Not done by the owner: stays open")


AUDIT_OBJECT_ACTION_ITEM = "action_item"
AUDIT_ACTION_CREATE = "actions.create"
AUDIT_ACTION_DISPOSE = "actions.dispose"

# How many days before the due date an agreement is shown as "due soon".
DUE_SOON_DAYS = 7
