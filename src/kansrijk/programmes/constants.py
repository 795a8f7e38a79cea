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


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused (let us know)")
    ABSENT = "absent", _("Absent without notice")


# The usual programme codes (the rules themselves are data on Programme).
CENTERING_PREGNANCY = "centering-pregnancy"
CENTERING_PARENTING = "centering-parenting"
VOORZORG = "voorzorg"
ONLINE_PREGNANCY_GROUP = "online-pregnancy-group"
MOTHER_GROUP = "mother-group"
FATHER_GROUP = "father-group"

# Warn when a deadline in the eligibility rules (latest pregnancy week at start) is this near.
DEADLINE_WARNING_DAYS = 14

# The work list shows planned groups with free places that start within this many days.
STARTING_SOON_DAYS = 42
# A follow-up call after an absence is due this many working days later (next day, in practice).
FOLLOW_UP_DUE_DAYS = 2
# A participant completed a programme when she was present at this share of its sessions.
COMPLETED_SHARE = 0.8

AUDIT_OBJECT_ENROLMENT = "programmes.enrolment"
AUDIT_ENROLMENT_CREATED = "programmes.enrolment_created"
AUDIT_ENROLMENT_LEFT = "programmes.enrolment_left"
AUDIT_ENROLMENT_PSEUDONYMISED = "programmes.enrolment_pseudonymised"
AUDIT_ENROLMENT_MOVED_UP = "programmes.enrolment_moved_up"
AUDIT_GROUP_VIEWED = "programmes.group_viewed"
AUDIT_GROUP_DENIED = "programmes.group_access_denied"
AUDIT_ATTENDANCE_RECORDED = "programmes.attendance_recorded"
AUDIT_FOLLOW_UP_DONE = "programmes.follow_up_done"
AUDIT_FOLLOW_UP_LISTED = "programmes.follow_up_listed"
AUDIT_SESSION_VIEWED = "programmes.session_viewed"
AUDIT_CONTINUATION_CONSENT = "programmes.continuation_consent"
AUDIT_OBJECT_SESSION = "programmes.session"
AUDIT_OBJECT_GROUP = "programmes.group"
AUDIT_ELIGIBILITY_CHECKED = "programmes.eligibility_checked"
AUDIT_ENROLMENT_DENIED = "programmes.enrolment_access_denied"
AUDIT_ENROL_CLIENTS_LISTED = "programmes.enrol_clients_listed"
