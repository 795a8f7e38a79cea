"""Handing a case lead over: it takes effect only when the receiver accepts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.casework import selectors
from kansrijk.casework.constants import (
    AUDIT_HANDOVER,
    HandoverStatus,
)
from kansrijk.casework.models import (
    Case,
    CaseLeadHandover,
)
from kansrijk.casework.services._common import StaleCaseworkError, _audit

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


@transaction.atomic
def handover_propose(
    *, case: Case, user: User, to_user: User, note: str = "", audit_context=None
) -> CaseLeadHandover:
    if not (selectors.keeps_minutes(user, case.consultation) or case.lead_user_id == user.pk):
        raise ValidationError(_("Only the case lead or the chair can hand the case over."))
    if case.lead_user_id == to_user.pk:
        raise ValidationError(_("This person already leads the case."))
    if not to_user.organisation_id:
        raise ValidationError(_("The new case lead must work for a partner of the coalition."))
    case.handovers.filter(status=HandoverStatus.PROPOSED).update(
        status=HandoverStatus.DECLINED, answered_at=timezone.now()
    )
    handover = CaseLeadHandover.objects.create(
        case=case,
        from_user_id=case.lead_user_id,
        to_user=to_user,
        to_organisation_id=to_user.organisation_id,
        note=note,
        proposed_by=user,
    )
    _audit(
        action=AUDIT_HANDOVER,
        user=user,
        case=case,
        detail={"to": str(to_user.uuid), "state": "proposed"},
        audit_context=audit_context,
    )
    return handover


@transaction.atomic
def handover_answer(
    *, handover: CaseLeadHandover, user: User, accept: bool, audit_context=None
) -> CaseLeadHandover:
    """The receiver accepts (and then leads the case) or declines (the lead stays)."""
    if handover.to_user_id != user.pk:
        raise ValidationError(_("Only the proposed case lead can answer."))
    state = HandoverStatus.ACCEPTED if accept else HandoverStatus.DECLINED
    claimed = CaseLeadHandover.objects.filter(
        pk=handover.pk, status=HandoverStatus.PROPOSED
    ).update(status=state, answered_at=timezone.now())
    if not claimed:
        raise StaleCaseworkError()
    case = handover.case
    if accept:
        Case.objects.filter(pk=case.pk).update(
            lead_user=user,
            lead_organisation_id=user.organisation_id,
            lock_version=F("lock_version") + 1,
        )
    _audit(
        action=AUDIT_HANDOVER,
        user=user,
        case=case,
        detail={"to": str(user.uuid), "state": str(state)},
        audit_context=audit_context,
    )
    handover.refresh_from_db()
    return handover
