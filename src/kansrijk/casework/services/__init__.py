"""Writes of the case consultation: submit and approve cases, build the agenda, confirm
confidentiality, record the minutes with a case lead and agreements, hand the lead over, and
close the minutes only when every earlier agreement got a disposition. Other apps and the views
import from here."""

from kansrijk.casework.services._common import (
    RecognisableError,
    StaleCaseworkError,
    audit_case_denied,
    audit_case_view,
    audit_minutes_export,
)
from kansrijk.casework.services.cases import case_approve, case_submit, cases_pseudonymise
from kansrijk.casework.services.handover import handover_answer, handover_propose
from kansrijk.casework.services.meetings import (
    agenda_add,
    agreement_add,
    confidentiality_confirm,
    meeting_finalise,
    minutes_record,
)
from kansrijk.casework.services.setup import consultation_create, meeting_plan, member_set

__all__ = [
    "RecognisableError",
    "StaleCaseworkError",
    "agenda_add",
    "agreement_add",
    "audit_case_denied",
    "audit_case_view",
    "audit_minutes_export",
    "case_approve",
    "case_submit",
    "cases_pseudonymise",
    "confidentiality_confirm",
    "consultation_create",
    "handover_answer",
    "handover_propose",
    "meeting_finalise",
    "meeting_plan",
    "member_set",
    "minutes_record",
]
