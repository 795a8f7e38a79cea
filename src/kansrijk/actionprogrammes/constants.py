"""Choices of the action programme: an activity's status and its PDCA phase."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("activity status", "Planned")
    RUNNING = "running", pgettext_lazy("activity status", "Running")
    DONE = "done", pgettext_lazy("activity status", "Done")
    DELAYED = "delayed", pgettext_lazy("activity status", "Delayed")
    STOPPED = "stopped", pgettext_lazy("activity status", "Stopped")


# An activity in one of these statuses is finished: it is never overdue.
FINISHED_STATUSES = frozenset({ActivityStatus.DONE, ActivityStatus.STOPPED})


class PdcaPhase(models.TextChoices):
    """Plan-do-check-act: where the activity is in its improvement cycle."""

    PLAN = "plan", pgettext_lazy("PDCA phase", "Plan")
    DO = "do", pgettext_lazy("PDCA phase", "Do")
    CHECK = "check", pgettext_lazy("PDCA phase", "Check")
    ACT = "act", pgettext_lazy("PDCA phase", "Act")


NAME_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 4000
# Years a target may be set for.
TARGET_YEAR_MIN = 2000
TARGET_YEAR_MAX = 2100

PHASE_HELP = _(
    "Plan: decide what to do. Do: carry it out. Check: look at what it brought. "
    "Act: adjust and start again."
)
