"""Moving a referral along the transition table, with optimistic locking."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.clients import services as client_services
from kansrijk.referrals.constants import (
    AUDIT_REFERRAL_LOOP_CLOSED,
    AUDIT_REFERRAL_TRANSITION,
    BUSINESS_STATUS_FAMILY_DECLINED,
    REASON_MAX_LENGTH,
    UNSUCCESSFUL_STATUSES,
    ReferralStatus,
    Side,
    Transition,
    transition_find,
)
from kansrijk.referrals.models import Referral, ReferralEvent
from kansrijk.referrals.selectors import user_sides
from kansrijk.referrals.services._common import (
    ReferralInvalid,
    StaleReferral,
    TransitionNotAllowed,
    _audit,
    _clean_text,
    _status_label,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


# --- moving a referral -----------------------------------------------------------------------


def _allowed_transition(referral: Referral, to_status: str, sides: set[str]) -> Transition:
    """The table's row for this step and these sides; TransitionNotAllowed with a reason a
    person understands when there is none."""
    if to_status not in ReferralStatus.values:
        raise ReferralInvalid(_("Unknown status: %(status)s.") % {"status": to_status})
    transition = transition_find(referral.status, to_status)
    if transition is None:
        raise TransitionNotAllowed(
            _("A referral that is %(from)s cannot become %(to)s.")
            % {"from": _status_label(referral.status), "to": _status_label(to_status)}
        )
    if not sides & transition.sides:
        if not sides:
            raise TransitionNotAllowed(_("Your organisation is not a party to this referral."))
        who = (
            _("the receiving organisation")
            if Side.RECEIVER in transition.sides
            else _("the referring organisation")
        )
        raise TransitionNotAllowed(
            _("Only %(who)s can make this referral %(to)s.")
            % {"who": who, "to": _status_label(to_status)}
        )
    if transition.shares_data and referral.consent.withdrawn_at is not None:
        raise TransitionNotAllowed(
            _(
                "The client withdrew her consent. Nothing more is shared about her; the "
                "referring organisation can only cancel the referral."
            )
        )
    return transition


@transaction.atomic
def referral_transition(
    *,
    referral_id: int,
    to_status: str,
    user: User,
    reason: str | None = None,
    outcome: str | None = None,
    expected_lock_version: int,
    support_started_on: datetime.date | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Referral:
    """Move a referral to `to_status` when the transition table allows it for the user's side
    (TransitionNotAllowed otherwise), with the reason or outcome the table asks for
    (ReferralInvalid without), from the version the user saw (StaleReferral when someone else
    moved it first). Records who and when on the timeline and in the audit log."""
    referral = Referral.objects.select_related("consent", "client").filter(pk=referral_id).first()
    if referral is None:
        raise TransitionNotAllowed(_("This referral does not exist."))
    sides = user_sides(user, referral)
    if not sides:
        raise TransitionNotAllowed(_("Your organisation is not a party to this referral."))
    if referral.lock_version != expected_lock_version:
        raise StaleReferral()
    transition = _allowed_transition(referral, to_status, sides)
    reason = _clean_text(reason, limit=REASON_MAX_LENGTH)
    outcome = _clean_text(outcome, limit=REASON_MAX_LENGTH)
    if transition.reason_required and not reason:
        raise ReferralInvalid(_("Give a reason: the other side reads it on the timeline."))
    if transition.outcome_required and not outcome:
        raise ReferralInvalid(_("Describe the outcome of the support."))

    now = timezone.now()
    today = timezone.localdate(now)
    if support_started_on is not None and support_started_on > today:
        raise ReferralInvalid(_("Support cannot have started in the future."))
    changes: dict[str, Any] = {
        "status": to_status,
        # FHIR Task.statusReason: why it is rejected, on hold, cancelled, failed or made by
        # mistake; any other step clears it (a note on it stays on the timeline).
        "status_reason": reason if transition.reason_required or not transition.shares_data else "",
        "updated_at": now,
        "lock_version": F("lock_version") + 1,
    }
    if to_status == ReferralStatus.COMPLETED:
        changes["outcome"] = outcome
    if to_status == ReferralStatus.IN_PROGRESS and referral.support_started_on is None:
        changes["support_started_on"] = support_started_on or today
    # Conditional on the version (and state) read above: a concurrent step makes this match
    # nothing. On PostgreSQL the UPDATE waits for the other transaction's row lock, then
    # re-checks the condition; on SQLite writers take turns (BEGIN IMMEDIATE).
    updated = Referral.objects.filter(
        pk=referral.pk, lock_version=expected_lock_version, status=referral.status
    ).update(**changes)
    if not updated:
        raise StaleReferral()
    side = Side.RECEIVER if Side.RECEIVER in (sides & transition.sides) else Side.SENDER
    ReferralEvent.objects.create(
        referral=referral,
        from_status=referral.status,
        to_status=to_status,
        user=user,
        organisation=user.organisation,
        side=side,
        at=now,
        note=outcome if to_status == ReferralStatus.COMPLETED else reason,
    )
    client_services.client_touch(client_id=referral.client_id, when=now)
    _audit(
        action=AUDIT_REFERRAL_TRANSITION,
        referral=referral,
        user=user,
        detail={"from": referral.status, "to": to_status, "side": side},
        audit_context=audit_context,
    )
    referral.refresh_from_db()
    return referral


@transaction.atomic
def referral_loop_close(
    *,
    referral_id: int,
    user: User,
    note: str,
    expected_lock_version: int,
    audit_context: Mapping[str, Any] | None = None,
) -> Referral:
    """After a rejection or failure the referring side either refers elsewhere or records
    that the family wants no other help (Task.businessStatus "family-declined")."""
    referral = Referral.objects.select_related("client").filter(pk=referral_id).first()
    if referral is None or Side.SENDER not in user_sides(user, referral):
        raise TransitionNotAllowed(_("Only the referring organisation can close this referral."))
    if referral.lock_version != expected_lock_version:
        raise StaleReferral()
    if referral.status not in UNSUCCESSFUL_STATUSES or referral.business_status:
        raise TransitionNotAllowed(
            _("Only a rejected or failed referral that is still open can be closed this way.")
        )
    note = _clean_text(note, limit=REASON_MAX_LENGTH)
    now = timezone.now()
    updated = Referral.objects.filter(
        pk=referral.pk, lock_version=expected_lock_version, business_status=""
    ).update(
        business_status=BUSINESS_STATUS_FAMILY_DECLINED,
        updated_at=now,
        lock_version=F("lock_version") + 1,
    )
    if not updated:
        raise StaleReferral()
    ReferralEvent.objects.create(
        referral=referral,
        from_status=referral.status,
        to_status=referral.status,
        business_status=BUSINESS_STATUS_FAMILY_DECLINED,
        user=user,
        organisation=user.organisation,
        side=Side.SENDER,
        at=now,
        note=note,
    )
    client_services.client_touch(client_id=referral.client_id, when=now)
    _audit(
        action=AUDIT_REFERRAL_LOOP_CLOSED,
        referral=referral,
        user=user,
        audit_context=audit_context,
    )
    referral.refresh_from_db()
    return referral
