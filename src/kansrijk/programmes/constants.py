from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduleAnchor(models.TextChoices):
    """What a programme's session offsets (in weeks) count from."""

    DUE_DATE = "due_date", _("Due date")
    BIRTH = "birth", _("Birth")
    START = "start", _("Start date of the group")


class GroupStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITING_LIST = "waiting_list", _("On the waiting list")
    LEFT = "left", _("Left")


class LeaveReason(models.TextChoices):
    MOVED = "moved", _("Moved away")
    NO_LONGER_WANTED = "no_longer_wanted", _("No longer wanted")
    MEDICAL = "medical", _("Medical reasons")
    PRACTICAL = "practical", _("Practical reasons (time, travel, childcare)")
    OTHER = "other", _("Other reason")


# The usual programme codes (the rules themselves are data on Programme).
CENTERING_PREGNANCY = "centering-pregnancy"
CENTERING_PARENTING = "centering-parenting"
VOORZORG = "voorzorg"

# Warn when a deadline in the eligibility rules (latest pregnancy week at start) is this near.
DEADLINE_WARNING_DAYS = 14

AUDIT_OBJECT_ENROLMENT = "programmes.enrolment"
AUDIT_ENROLMENT_CREATED = "programmes.enrolment_created"
AUDIT_ENROLMENT_LEFT = "programmes.enrolment_left"
AUDIT_ENROLMENT_MOVED_UP = "programmes.enrolment_moved_up"
AUDIT_GROUP_VIEWED = "programmes.group_viewed"
AUDIT_GROUP_DENIED = "programmes.group_access_denied"
