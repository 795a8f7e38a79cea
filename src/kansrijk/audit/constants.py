from django.db import models
from django.utils.translation import gettext_lazy as _

# The `previous_hash` of the first event in the chain.
GENESIS_HASH = "0" * 64

# The one row of AuditChainHead.
CHAIN_HEAD_ID = 1

# `source` of an event that no request caused (a command, a background task).
SOURCE_SYSTEM = "system"


class Outcome(models.TextChoices):
    ALLOWED = "allowed", _("Allowed")
    DENIED = "denied", _("Denied")


class ChainProblem(models.TextChoices):
    """Why `kansrijk audit verify` stopped at an event."""

    ALTERED = "altered", _("altered")
    MISSING = "missing", _("missing")
    REORDERED = "reordered", _("reordered")
    INSERTED = "inserted", _("inserted")
