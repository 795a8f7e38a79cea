"""Writes of referrals: make one, move it along the transition table, ask and answer questions
back, close the loop after a rejection, and alert on referrals not answered in time.

Every step is one transaction. A step is taken only from the version the user saw
(`expected_lock_version`): the UPDATE is conditional on it (`WHERE lock_version = v`), so of
two people moving the same referral at once one wins and the other gets StaleReferral; nothing
is lost. Every write records a ReferralEvent (the timeline both sides see) and an audit event
with the client's id.
"""

from kansrijk.referrals.services._common import (
    ConsentMissing,
    ReferralError,
    ReferralInvalid,
    StaleReferral,
    TransitionNotAllowed,
    add_working_days,
    answer_working_days,
    audit_referral_read,
    audit_referrals_listed,
)
from kansrijk.referrals.services.alerts import (
    alert_mark_read,
    referral_alert_overdue,
    referrals_alert_overdue,
    referrals_alert_overdue_enqueue,
)
from kansrijk.referrals.services.questions import referral_question_answer, referral_question_ask
from kansrijk.referrals.services.referring import referral_create, referral_self_create
from kansrijk.referrals.services.transitions import referral_loop_close, referral_transition

__all__ = [
    "ReferralError",
    "ReferralInvalid",
    "ConsentMissing",
    "TransitionNotAllowed",
    "StaleReferral",
    "add_working_days",
    "audit_referral_read",
    "audit_referrals_listed",
    "answer_working_days",
    "referral_create",
    "referral_self_create",
    "referral_transition",
    "referral_loop_close",
    "referral_question_ask",
    "referral_question_answer",
    "alert_mark_read",
    "referral_alert_overdue",
    "referrals_alert_overdue",
    "referrals_alert_overdue_enqueue",
]
