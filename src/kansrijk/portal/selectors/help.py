"""Reads for a parent's request for help and its status link."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kansrijk.portal.constants import RequestState
from kansrijk.portal.models import HelpRequest
from kansrijk.referrals import selectors as referral_selectors
from kansrijk.referrals.constants import ReferralStatus

__all__ = ["RequestStatus", "help_request_by_token", "help_request_status", "help_requests_waiting"]


def help_request_by_token(token: str) -> HelpRequest | None:
    """Her request by the secret in her status link (revoked ones too: the view says so)."""
    if not token or len(token) > 100:
        return None
    digest = hashlib.sha256(token.encode()).hexdigest()
    return (
        HelpRequest.objects.select_related(
            "site", "referral", "referral__receiver_organisation", "referral__client"
        )
        .filter(status_token_hash=digest)
        .first()
    )


@dataclass(frozen=True)
class Step:
    text: str
    at: datetime.datetime | None
    done: bool


@dataclass(frozen=True)
class RequestStatus:
    """Her request in plain words: where it is now and the steps so far."""

    headline: str
    organisation: str
    opened_at: datetime.datetime | None
    steps: list[Step] = field(default_factory=list)


def _now_text(status: str) -> str:
    # Written out so makemessages finds each text.
    texts = {
        ReferralStatus.REQUESTED: _("Your request is waiting at %(organisation)s."),
        ReferralStatus.RECEIVED: _("%(organisation)s has your request and will contact you."),
        ReferralStatus.ACCEPTED: _("%(organisation)s will help you. They will contact you."),
        ReferralStatus.IN_PROGRESS: _("%(organisation)s is helping you."),
        ReferralStatus.ON_HOLD: _(
            "Your request is on hold at %(organisation)s. They will contact you."
        ),
        ReferralStatus.COMPLETED: _("The help from %(organisation)s has finished."),
        ReferralStatus.REJECTED: _(
            "%(organisation)s cannot help you with this. They will look for other help with you."
        ),
        ReferralStatus.CANCELLED: _("Your request was stopped."),
        ReferralStatus.FAILED: _(
            "Your request could not be handled. Please ask for help again or call us."
        ),
        ReferralStatus.ENTERED_IN_ERROR: _("Your request was stopped."),
    }
    return texts.get(status, texts[ReferralStatus.REQUESTED])


def help_request_status(request: HelpRequest) -> RequestStatus:
    referral = request.referral
    received = Step(_("We received your request."), request.created_at, True)
    if referral is None:
        return RequestStatus(
            headline=_("We received your request. It will reach the right person soon."),
            organisation="",
            opened_at=None,
            steps=[received],
        )
    organisation = referral.receiver_organisation.name
    opened_at = referral_selectors.referral_first_opened(referral=referral)
    steps = [
        received,
        Step(
            _("Your request went to %(organisation)s.") % {"organisation": organisation},
            referral.created_at,
            True,
        ),
        Step(
            _("%(organisation)s opened your request.") % {"organisation": organisation}
            if opened_at
            else _("%(organisation)s has not opened your request yet.")
            % {"organisation": organisation},
            opened_at,
            opened_at is not None,
        ),
    ]
    if referral.status not in (ReferralStatus.REQUESTED, ReferralStatus.RECEIVED):
        steps.append(
            Step(
                _now_text(referral.status) % {"organisation": organisation},
                referral.updated_at,
                True,
            )
        )
    headline = _now_text(referral.status) % {"organisation": organisation}
    if referral.status == ReferralStatus.REQUESTED and opened_at:
        headline = _now_text(ReferralStatus.RECEIVED) % {"organisation": organisation}
    return RequestStatus(
        headline=headline, organisation=organisation, opened_at=opened_at, steps=steps
    )


def help_requests_waiting(*, coalition_ids: list[int]):
    """Requests that could not be forwarded yet, for the coalition's coordinators."""
    return HelpRequest.objects.filter(
        state=RequestState.FAILED, site__coalition_id__in=coalition_ids
    ).select_related("site")
