"""Referral states and the allowed transitions between them, as data.

The states are FHIR Task.status codes as the HL7 SDOH Clinical Care guide uses them, plus
`received` (see ../shared/spec/fhir-referral.md). `TRANSITIONS` is that spec's table; the
services, the buttons on the referral page, the API and the FHIR tests all read it from here.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import Role


class ReferralStatus(models.TextChoices):
    # FHIR Task.status (http://hl7.org/fhir/task-status), the subset Kansrijk uses.
    REQUESTED = "requested", _("Requested")
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in-progress", _("Support started")
    ON_HOLD = "on-hold", _("On hold")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Could not be delivered")
    ENTERED_IN_ERROR = "entered-in-error", _("Made by mistake")


class Side(models.TextChoices):
    """Which party to a referral acts: the one who referred, or the one who receives."""

    SENDER = "sender", _("Referring side")
    RECEIVER = "receiver", _("Receiving side")


S = ReferralStatus

# Terminal states: the loop ends here (a rejected or failed referral prompts the sender to
# choose another service).
TERMINAL_STATUSES = frozenset({S.REJECTED, S.COMPLETED, S.CANCELLED, S.FAILED, S.ENTERED_IN_ERROR})
# Waiting for the receiving side to decide: its "incoming, to accept" list.
AWAITING_ANSWER_STATUSES = (S.REQUESTED, S.RECEIVED)
# Counting towards the answer deadline: once the receiver has marked a referral received, the
# sender sees it was read and the overdue alert stops counting (../shared/spec/fhir-referral.md).
OVERDUE_STATUSES = (S.REQUESTED,)
# The receiving side is helping the family.
IN_CARE_STATUSES = (S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD)
# Open: not in a terminal state.
OPEN_STATUSES = tuple(s for s in S if s not in TERMINAL_STATUSES)
# Ended without support: the sender should choose another service or close the loop.
UNSUCCESSFUL_STATUSES = (S.REJECTED, S.FAILED)


@dataclass(frozen=True)
class Transition:
    """One row of the transition table: from which states, to which, who may, what is needed."""

    sources: frozenset[str]
    target: str
    sides: frozenset[str]
    reason_required: bool = False
    outcome_required: bool = False
    # Whether the step shares information about the client between the organisations. Once her
    # consent is withdrawn only steps that share nothing (stopping the referral) are allowed.
    shares_data: bool = True


def _t(sources, target, sides, **kwargs) -> Transition:
    return Transition(frozenset(sources), target, frozenset(sides), **kwargs)


_ALL_BUT_ERROR = [s for s in S if s != S.ENTERED_IN_ERROR]

# ../shared/spec/fhir-referral.md, "Task.status transitions used by Kansrijk". Creation
# ((new) -> requested, sender, consent covering the receiver) is referral_create.
TRANSITIONS: tuple[Transition, ...] = (
    _t([S.REQUESTED], S.RECEIVED, [Side.RECEIVER]),
    _t([S.REQUESTED, S.RECEIVED], S.ACCEPTED, [Side.RECEIVER]),
    _t([S.REQUESTED, S.RECEIVED], S.REJECTED, [Side.RECEIVER], reason_required=True),
    _t([S.ACCEPTED], S.IN_PROGRESS, [Side.RECEIVER]),
    _t([S.IN_PROGRESS], S.COMPLETED, [Side.RECEIVER], outcome_required=True),
    _t([S.ACCEPTED, S.IN_PROGRESS], S.ON_HOLD, [Side.RECEIVER], reason_required=True),
    _t([S.ON_HOLD], S.IN_PROGRESS, [Side.RECEIVER]),
    _t(
        [S.REQUESTED, S.RECEIVED, S.ACCEPTED, S.ON_HOLD],
        S.CANCELLED,
        [Side.SENDER],
        reason_required=True,
        shares_data=False,
    ),
    _t([S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD], S.FAILED, [Side.RECEIVER], reason_required=True),
    _t(_ALL_BUT_ERROR, S.ENTERED_IN_ERROR, [Side.SENDER, Side.RECEIVER], shares_data=False),
)


def transition_find(source: str, target: str) -> Transition | None:
    """The table's row for source -> target, or None when that step is not allowed at all."""
    for transition in TRANSITIONS:
        if transition.target == target and source in transition.sources:
            return transition
    return None


def transitions_from(source: str) -> list[Transition]:
    """The allowed steps out of a state, in the table's order."""
    return [t for t in TRANSITIONS if source in t.sources]


# What each step is called on its button ("Accept"), in the table's order of targets.
ACTION_LABELS = {
    S.RECEIVED: _("Mark as read"),
    S.ACCEPTED: _("Accept"),
    S.REJECTED: _("Reject"),
    S.IN_PROGRESS: _("Support has started"),
    S.COMPLETED: _("Complete"),
    S.ON_HOLD: _("Put on hold"),
    S.CANCELLED: _("Cancel the referral"),
    S.FAILED: _("Support cannot be delivered"),
    S.ENTERED_IN_ERROR: _("Made by mistake"),
}

# Only professionals work with clients and referrals; coordinators and policy advisers see
# counts only (the same rule as the clients app).
REFERRAL_ROLES = (Role.PROFESSIONAL,)
OVERVIEW_ROLES = (Role.COORDINATOR,)

# The receiving side answers within this many working days (Monday to Friday) unless the
# service sets its own number (ServiceAnswerTime). Public holidays are not counted out.
DEFAULT_ANSWER_WORKING_DAYS = 5
MAX_ANSWER_WORKING_DAYS = 60

# Finer steps (FHIR Task.businessStatus) that Kansrijk sets itself.
BUSINESS_STATUS_FAMILY_DECLINED = "family-declined"

REASON_MAX_LENGTH = 2000
MESSAGE_MAX_LENGTH = 4000


class MessageKind(models.TextChoices):
    QUESTION = "question", _("Question")
    ANSWER = "answer", _("Answer")


class AlertKind(models.TextChoices):
    OVERDUE = "overdue", _("Not answered in time")


class AlertAudience(models.TextChoices):
    SENDER = "sender", _("Referrer")
    COORDINATOR = "coordinator", _("Coordinator")


# Audit actions written by this app (client_id on every event about one client).
AUDIT_REFERRAL_CREATED = "referrals.created"
AUDIT_REFERRAL_TRANSITION = "referrals.transition"
AUDIT_REFERRAL_VIEWED = "referrals.viewed"
AUDIT_REFERRAL_LISTED = "referrals.listed"
AUDIT_REFERRAL_DENIED = "referrals.access_denied"
AUDIT_REFERRAL_EXPORTED = "referrals.fhir_exported"
AUDIT_REFERRAL_QUESTION = "referrals.question_asked"
AUDIT_REFERRAL_ANSWER = "referrals.question_answered"
AUDIT_REFERRAL_LOOP_CLOSED = "referrals.loop_closed"
AUDIT_REFERRAL_ALERTED = "referrals.overdue_alerted"
AUDIT_OBJECT_REFERRAL = "referral"

# Code systems of Kansrijk's own codes in the FHIR export.
FHIR_SYSTEM_BASE = "urn:kansrijk"


class SafeContact(models.TextChoices):
    """How a parent may be contacted safely (she chooses on the parent site). Shown first to
    the professional: a call at the wrong moment can put her at risk."""

    TEXT_ONLY = "text-only", _("Text messages only")
    NO_VOICEMAIL = "no-voicemail", _("Do not leave a voicemail")
    ANONYMOUS_CALLER = "anonymous-caller", _("Do not say who is calling")
    I_WILL_CALL = "i-will-call", _("Do not contact me: I will call you")


class ContactTime(models.TextChoices):
    ANY = "any", _("Any time")
    MORNING = "morning", _("In the morning")
    AFTERNOON = "afternoon", _("In the afternoon")
    EVENING = "evening", _("In the early evening")
