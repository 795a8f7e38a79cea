"""Writes of the volunteers app: a volunteer's path and certificate of conduct (VOG), a family's
request, and the match the coordinator makes. Every write about a family goes to the audit log
with her client id; a volunteer's name never goes into an audit detail.

Refusals raise ValidationError with a plain Dutch message; an edit based on an older version
raises StaleEditError (nothing is lost)."""

from kansrijk.clients.services import StaleEditError
from kansrijk.volunteers.services.follow_up import (
    check_in_done,
    check_ins_remind_missed,
    contact_log,
    worry_handle,
)
from kansrijk.volunteers.services.matches import (
    match_contact_route_set,
    match_propose,
    match_transition,
)
from kansrijk.volunteers.services.requests import (
    family_requests_pseudonymise,
    request_create,
)
from kansrijk.volunteers.services.volunteer_path import (
    vog_record,
    volunteer_approve,
    volunteer_register,
    volunteer_transition,
    volunteer_user_link,
)

__all__ = [
    "StaleEditError",
    "volunteer_register",
    "volunteer_transition",
    "volunteer_approve",
    "vog_record",
    "request_create",
    "family_requests_pseudonymise",
    "volunteer_user_link",
    "match_propose",
    "match_transition",
    "match_contact_route_set",
    "check_in_done",
    "contact_log",
    "worry_handle",
    "check_ins_remind_missed",
]
