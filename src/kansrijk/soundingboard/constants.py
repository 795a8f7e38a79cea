"""Fixed lists of the sounding board: how a member wants to be reached, the kinds of expenses,
the outcome of the coalition's answer to the parents' advice, and the audit actions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactRoute(models.TextChoices):
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message (SMS or WhatsApp)")
    EMAIL = "email", _("E-mail")
    VIA_PROFESSIONAL = "via_professional", _("Through a professional she knows")


class ExpenseKind(models.TextChoices):
    TRAVEL = "travel", _("Travel costs")
    CHILDCARE = "childcare", _("Childcare")
    FEE = "fee", _("Volunteer fee")


class AdviceOutcome(models.TextChoices):
    # "Advice ...": "Adopted" alone is an adopted agreement elsewhere ("vastgesteld").
    ADOPTED = "adopted", _("Advice adopted")
    PARTLY_ADOPTED = "partly_adopted", _("Advice partly adopted")
    NOT_ADOPTED = "not_adopted", _("Advice not adopted")


class AdviceRequestState(models.TextChoices):
    """Where an advice request stands; derived from its fields, never stored."""

    WAITING_FOR_ADVICE = "waiting_for_advice", _("Waiting for the parents' advice")
    WAITING_FOR_ANSWER = "waiting_for_answer", _("Waiting for the coalition's answer")
    ANSWERED = "answered", _("Answered")


MAX_PSEUDONYM_LENGTH = 40
MAX_IDENTITY_LENGTH = 200
# The largest single expense: a typo (an extra zero) is caught, a real claim is not refused.
MAX_EXPENSE_EUROS = 1000

AUDIT_OBJECT_MEMBER = "soundingboard.member"
AUDIT_IDENTITY_VIEWED = "soundingboard.member_identity_viewed"
AUDIT_IDENTITY_SET = "soundingboard.member_identity_set"
AUDIT_IDENTITY_ERASED = "soundingboard.member_identity_erased"
AUDIT_CONSENT_RECORDED = "soundingboard.member_consent_recorded"
AUDIT_CONSENT_WITHDRAWN = "soundingboard.member_consent_withdrawn"
AUDIT_DENIED = "soundingboard.access_denied"
