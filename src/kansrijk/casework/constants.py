from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MINUTE_TAKER = "minute_taker", _("Minute-taker")
    MEMBER = "member", _("Member")


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular consultation")
    URGENT = "urgent", _("Urgent consultation")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    MINUTES_FINAL = "minutes_final", _("Minutes final")


class DiscussionMode(models.TextChoices):
    """How a case is discussed: always chosen explicitly by the submitter, never a default."""

    ANONYMOUS = "anonymous", _("Anonymous")
    NAMED_CONSENT = "named_consent", _("Named, with the client's consent")
    NAMED_LEGAL_BASIS = "named_legal_basis", _("Named without consent, on a legal basis")


class LegalBasis(models.TextChoices):
    MELDCODE = "meldcode", _("Reporting code for domestic violence and child abuse (meldcode)")
    CONFLICT_OF_DUTIES = "conflict_of_duties", _("Conflict of duties")


class CaseStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting_approval", _("Waiting for a second approver")
    SUBMITTED = "submitted", _("Submitted")
    SCHEDULED = "scheduled", _("On the agenda")
    DISCUSSED = "discussed", _("Discussed")
    CLOSED = "closed", _("Closed")


class AgendaItemKind(models.TextChoices):
    NEW = "new", _("New case")
    FOLLOW_UP = "follow_up", _("Follow-up")


class Phase(models.TextChoices):
    FIRST_TRIMESTER = "first_trimester", _("Pregnant, first trimester")
    SECOND_TRIMESTER = "second_trimester", _("Pregnant, second trimester")
    THIRD_TRIMESTER = "third_trimester", _("Pregnant, third trimester")
    BABY_0_6 = "baby_0_6", _("Baby 0 to 6 months")
    CHILD_6_24 = "child_6_24", _("Child 6 to 24 months")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_22 = "18_22", _("18 to 22")
    AGE_23_29 = "23_29", _("23 to 29")
    AGE_30_39 = "30_39", _("30 to 39")
    AGE_40_PLUS = "40_plus", _("40 or older")


class DuePrecision(models.TextChoices):
    """How precisely an anonymous case gives the due date: the finer, the more recognisable."""

    NONE = "", _("Not given")
    MONTH = "month", _("Month")
    WEEK = "week", _("Week")
    DAY = "day", _("Day")


class HandoverStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the receiver")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


# The agreement engine (kansrijk.actions) names a case consultation's agreements so.
ACTION_CONTEXT = "casework.case"

AUDIT_OBJECT_CASE = "consultation_case"
AUDIT_OBJECT_MEETING = "consultation_meeting"
AUDIT_CASE_SUBMITTED = "casework.case_submitted"
AUDIT_CASE_APPROVED = "casework.case_approved"
AUDIT_CASE_VIEWED = "casework.case_viewed"
AUDIT_CASE_DENIED = "casework.case_denied"
AUDIT_CASE_SCHEDULED = "casework.case_scheduled"
AUDIT_CASE_DISCUSSED = "casework.case_discussed"
AUDIT_CASE_LEAD = "casework.case_lead"
AUDIT_CASE_PSEUDONYMISED = "casework.case_pseudonymised"
AUDIT_HANDOVER = "casework.handover"
AUDIT_CONFIDENTIALITY = "casework.confidentiality_confirmed"
AUDIT_MINUTES_FINAL = "casework.minutes_final"
AUDIT_MINUTES_EXPORTED = "casework.minutes_exported"

# Fewer people than this who could match an anonymous case's details: warn the submitter.
RECOGNISABLE_BELOW = 5
# Live births per inhabitant per year in the Netherlands (CBS, about 9.5 per 1,000).
BIRTHS_PER_INHABITANT = 0.0095
# Roughly which share of mothers is in each age band (CBS birth statistics, rounded).
AGE_BAND_SHARE = {
    AgeBand.UNDER_18: 0.002,
    AgeBand.AGE_18_22: 0.04,
    AgeBand.AGE_23_29: 0.34,
    AgeBand.AGE_30_39: 0.58,
    AgeBand.AGE_40_PLUS: 0.04,
}
DUE_PRECISION_SHARE = {"": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}
