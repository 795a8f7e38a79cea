"""Fixed lists of the volunteers app: a volunteer's path, a family's request, a match's states,
the reasons a match ends and the parts of the week a volunteer can be available."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# A certificate of conduct (VOG) is renewed every three years.
VOG_VALID_YEARS = 3


class VolunteerStatus(models.TextChoices):
    INTEREST = "interest", _("Interested")
    INTAKE = "intake", _("Intake")
    TRAINING = "training", _("In training")
    APPROVED = "approved", _("Approved")
    STOPPED = "stopped", _("Stopped")


# The path a volunteer walks; "stopped" is possible from every step, and a stopped volunteer can
# start again with an intake.
VOLUNTEER_TRANSITIONS: dict[str, frozenset[str]] = {
    VolunteerStatus.INTEREST: frozenset({VolunteerStatus.INTAKE, VolunteerStatus.STOPPED}),
    VolunteerStatus.INTAKE: frozenset({VolunteerStatus.TRAINING, VolunteerStatus.STOPPED}),
    VolunteerStatus.TRAINING: frozenset({VolunteerStatus.APPROVED, VolunteerStatus.STOPPED}),
    VolunteerStatus.APPROVED: frozenset({VolunteerStatus.STOPPED}),
    VolunteerStatus.STOPPED: frozenset({VolunteerStatus.INTAKE}),
}


class RequestStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a volunteer")
    MATCHED = "matched", _("Matched")
    CLOSED = "closed", _("Closed")


class RequestSource(models.TextChoices):
    REFERRAL = "referral", _("A referral")
    INTAKE = "intake", _("An intake")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    INTRODUCED = "introduced", _("Introduced")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


MATCH_TRANSITIONS: dict[str, frozenset[str]] = {
    MatchStatus.PROPOSED: frozenset({MatchStatus.INTRODUCED, MatchStatus.ENDED}),
    MatchStatus.INTRODUCED: frozenset({MatchStatus.ACTIVE, MatchStatus.ENDED}),
    MatchStatus.ACTIVE: frozenset({MatchStatus.PAUSED, MatchStatus.ENDED}),
    MatchStatus.PAUSED: frozenset({MatchStatus.ACTIVE, MatchStatus.ENDED}),
    MatchStatus.ENDED: frozenset(),
}

# Matches that take one of the volunteer's places.
LOAD_STATUSES = (
    MatchStatus.PROPOSED,
    MatchStatus.INTRODUCED,
    MatchStatus.ACTIVE,
    MatchStatus.PAUSED,
)


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Completed: the child turned two")
    GOALS_REACHED = "goals_reached", _("The family's goals are reached")
    FAMILY_STOPPED = "family_stopped", _("The family stopped")
    VOLUNTEER_STOPPED = "volunteer_stopped", _("The volunteer stopped")
    NO_CLICK = "no_click", _("No good match")
    MOVED = "moved", _("The family moved away")
    REFERRED_ON = "referred_on", _("Referred to professional care")
    OTHER = "other", _("Other reason")


class CheckInKind(models.TextChoices):
    CHECK_IN = "check_in", _("Check-in")
    REVIEW = "review", _("Review")


class ContactKind(models.TextChoices):
    VISIT = "visit", _("Visit")
    PHONE = "phone", _("Phone call")
    WALK = "walk", _("Walk")


# A contact longer than a day is a typing error.
MAX_CONTACT_MINUTES = 12 * 60
# The coordinator's work list shows check-ins due within this many days.
CHECK_IN_HORIZON_DAYS = 14


class DayPart(models.TextChoices):
    MON_MORNING = "mon-morning", _("Monday morning")
    MON_AFTERNOON = "mon-afternoon", _("Monday afternoon")
    MON_EVENING = "mon-evening", _("Monday evening")
    TUE_MORNING = "tue-morning", _("Tuesday morning")
    TUE_AFTERNOON = "tue-afternoon", _("Tuesday afternoon")
    TUE_EVENING = "tue-evening", _("Tuesday evening")
    WED_MORNING = "wed-morning", _("Wednesday morning")
    WED_AFTERNOON = "wed-afternoon", _("Wednesday afternoon")
    WED_EVENING = "wed-evening", _("Wednesday evening")
    THU_MORNING = "thu-morning", _("Thursday morning")
    THU_AFTERNOON = "thu-afternoon", _("Thursday afternoon")
    THU_EVENING = "thu-evening", _("Thursday evening")
    FRI_MORNING = "fri-morning", _("Friday morning")
    FRI_AFTERNOON = "fri-afternoon", _("Friday afternoon")
    FRI_EVENING = "fri-evening", _("Friday evening")
    SAT_MORNING = "sat-morning", _("Saturday morning")
    SAT_AFTERNOON = "sat-afternoon", _("Saturday afternoon")
    SUN_AFTERNOON = "sun-afternoon", _("Sunday afternoon")


# Life-domain theme codes (the directory's) a family can need support with, and how much each
# weighs in the need score that orders the waiting list.
NEED_WEIGHTS: dict[str, int] = {
    "domestic-violence-and-safety": 5,
    "mental-health": 4,
    "debts-and-money": 3,
    "housing": 3,
    "social-network-and-loneliness": 3,
    "residence-status": 3,
    "substance-use": 3,
    "parenting-and-development": 2,
    "language-and-literacy": 2,
    "pregnancy-and-birth-care": 2,
    "lifestyle-and-smoking": 1,
}
DEFAULT_NEED_WEIGHT = 1

# Ranking weights: language matters most, then distance, then the rest.
SCORE_LANGUAGE = 50
SCORE_SAME_NEIGHBOURHOOD = 20
SCORE_SAME_MUNICIPALITY = 10
SCORE_PER_SHARED_DAY_PART = 3
MAX_SCORE_AVAILABILITY = 15
MAX_SCORE_FREE_PLACES = 10
SCORE_PER_SHARED_NEED = 4

# How the waiting list names a family's needs (the directory's theme codes).
NEED_LABELS = {
    "debts-and-money": _("Debts and money"),
    "housing": _("Housing"),
    "mental-health": _("Mental health"),
    "lifestyle-and-smoking": _("Lifestyle and smoking"),
    "domestic-violence-and-safety": _("Domestic violence and safety"),
    "substance-use": _("Substance use"),
    "language-and-literacy": _("Language and literacy"),
    "parenting-and-development": _("Parenting and development"),
    "pregnancy-and-birth-care": _("Pregnancy and birth care"),
    "social-network-and-loneliness": _("Social network and loneliness"),
    "residence-status": _("Residence status"),
}

AUDIT_WAITING_LIST_VIEWED = "volunteers.waiting_list_viewed"
AUDIT_FAMILIES_VIEWED = "volunteers.families_viewed_by_volunteer"
AUDIT_MATCH_VIEWED = "volunteers.match_viewed"
AUDIT_CONTACT_LOGGED = "volunteers.contact_logged"
AUDIT_CHECK_IN_DONE = "volunteers.check_in_done"
AUDIT_REQUESTS_PSEUDONYMISED = "volunteers.requests_pseudonymised"
AUDIT_WORRY_HANDLED = "volunteers.worry_handled"
AUDIT_WORK_LIST_VIEWED = "volunteers.work_list_viewed"
AUDIT_REFERRER_NOTIFIED = "volunteers.referrer_notified"
AUDIT_DENIED = "volunteers.access_denied"
