"""Errors, deadlines and the audit record shared by the referral services."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from kansrijk.audit.constants import SOURCE_SYSTEM, Outcome
from kansrijk.audit.services import audit_record
from kansrijk.referrals.constants import (
    AUDIT_OBJECT_REFERRAL,
    AUDIT_REFERRAL_LISTED,
    DEFAULT_ANSWER_WORKING_DAYS,
    ReferralStatus,
)
from kansrijk.referrals.models import Referral, ServiceAnswerTime

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


# --- errors ----------------------------------------------------------------------------------


class ReferralError(Exception):
    """A write was refused; `message` says why, in the user's language."""

    status_code = 422

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ReferralInvalid(ReferralError):
    """Bad input: a missing reason, an unknown service, an empty question."""


class ConsentMissing(ReferralError):
    """No active consent of the client covers the receiving organisation."""

    status_code = 409


class TransitionNotAllowed(ReferralError):
    """The step is not in the transition table, or not for this user's side."""

    status_code = 409


class StaleReferral(ReferralError):
    """Someone else changed the referral since the user saw it."""

    status_code = 409

    def __init__(self, message: str | None = None):
        super().__init__(
            message
            or _(
                "Someone else changed this referral in the meantime. Look at the new status "
                "and try again if it is still needed."
            )
        )


# --- helpers ---------------------------------------------------------------------------------


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days (Monday to Friday) after `start`. Dutch public holidays
    are not left out: a deadline over Easter or Christmas falls a day or two early."""
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def answer_working_days(*, service_id: Any) -> int:
    """The service's own answer time in working days, else the default (5)."""
    own = ServiceAnswerTime.objects.filter(service_id=service_id).values_list(
        "working_days", flat=True
    )
    return next(iter(own), None) or DEFAULT_ANSWER_WORKING_DAYS


def _audit(
    *,
    action: str,
    referral: Referral | None,
    user: User | None,
    detail: dict[str, Any] | None = None,
    outcome: str = Outcome.ALLOWED,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    """One audit event about this referral's client (NEN 7513: who, in which role and
    organisation, which client, what, when, from where). `audit_context` is
    audit.services.audit_request_context(request) for a step a request causes. Details hold
    ids and codes only, never free text about her. Write it as the last step of the
    transaction: it holds the audit chain's lock until commit."""
    fields: dict[str, Any] = {
        "action": action,
        "actor_id": str(user.uuid) if user else "",
        "actor_display": user.get_username() if user else "",
        "actor_organisation_id": (
            str(user.organisation.uuid) if user and user.organisation_id else ""
        ),
        "actor_role": ",".join(sorted(user.role_codes)) if user else "system",
        "client_id": str(referral.client.uuid) if referral else "",
        "object_type": AUDIT_OBJECT_REFERRAL,
        "object_id": str(referral.uuid) if referral else "",
        "detail": detail or {},
        "outcome": outcome,
        "source": SOURCE_SYSTEM,
        **(audit_context or {}),
    }
    audit_record(**fields)


def audit_referral_read(
    *,
    referral: Referral,
    user: User,
    action: str,
    outcome: str = Outcome.ALLOWED,
    detail: dict[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    """Record that a user read (or was refused) a referral, and so its client's data."""
    _audit(
        action=action,
        referral=referral,
        user=user,
        outcome=outcome,
        detail=detail,
        audit_context=audit_context,
    )


def audit_referrals_listed(
    *, user: User, count: int, audit_context: Mapping[str, Any] | None = None
) -> None:
    """Record that a user saw a list of referrals (with their clients' codes)."""
    _audit(
        action=AUDIT_REFERRAL_LISTED,
        referral=None,
        user=user,
        detail={"count": count},
        audit_context=audit_context,
    )


def _clean_text(value: str | None, *, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ReferralInvalid(
            _("Please keep it under %(limit)d characters (now %(length)d).")
            % {"limit": limit, "length": len(text)}
        )
    return text


def _status_label(status: str) -> str:
    return str(ReferralStatus(status).label).lower()
