"""Questions back from the receiving side, and the answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.clients import services as client_services
from kansrijk.referrals.constants import (
    AUDIT_REFERRAL_ANSWER,
    AUDIT_REFERRAL_QUESTION,
    MESSAGE_MAX_LENGTH,
    TERMINAL_STATUSES,
    MessageKind,
    Side,
)
from kansrijk.referrals.models import Referral, ReferralMessage
from kansrijk.referrals.selectors import user_sides
from kansrijk.referrals.services._common import (
    ReferralInvalid,
    StaleReferral,
    TransitionNotAllowed,
    _audit,
    _clean_text,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


# --- questions back --------------------------------------------------------------------------


@transaction.atomic
def referral_question_ask(
    *,
    referral_id: int,
    user: User,
    text: str,
    audit_context: Mapping[str, Any] | None = None,
) -> ReferralMessage:
    """The receiving side asks the referring side a question; both see it on the timeline."""
    referral = Referral.objects.select_related("consent", "client").filter(pk=referral_id).first()
    if referral is None or Side.RECEIVER not in user_sides(user, referral):
        raise TransitionNotAllowed(_("Only the receiving organisation can ask a question back."))
    if referral.status in TERMINAL_STATUSES:
        raise TransitionNotAllowed(_("This referral is closed; questions are no longer possible."))
    if referral.consent.withdrawn_at is not None:
        raise TransitionNotAllowed(_("The client withdrew her consent. Nothing more is shared."))
    text = _clean_text(text, limit=MESSAGE_MAX_LENGTH)
    if not text:
        raise ReferralInvalid(_("Write your question."))
    message = ReferralMessage.objects.create(
        referral=referral,
        kind=MessageKind.QUESTION,
        side=Side.RECEIVER,
        author=user,
        organisation=user.organisation,
        text=text,
    )
    client_services.client_touch(client_id=referral.client_id, when=message.created_at)
    _audit(
        action=AUDIT_REFERRAL_QUESTION,
        referral=referral,
        user=user,
        audit_context=audit_context,
    )
    return message


@transaction.atomic
def referral_question_answer(
    *,
    question_id: int,
    user: User,
    text: str,
    audit_context: Mapping[str, Any] | None = None,
) -> ReferralMessage:
    """The referring side answers a question back. One answer closes the question."""
    question = (
        ReferralMessage.objects.select_related("referral__consent", "referral__client")
        .filter(pk=question_id, kind=MessageKind.QUESTION)
        .first()
    )
    if question is None or Side.SENDER not in user_sides(user, question.referral):
        raise TransitionNotAllowed(_("Only the referring organisation can answer this question."))
    referral = question.referral
    if referral.consent.withdrawn_at is not None:
        raise TransitionNotAllowed(_("The client withdrew her consent. Nothing more is shared."))
    text = _clean_text(text, limit=MESSAGE_MAX_LENGTH)
    if not text:
        raise ReferralInvalid(_("Write your answer."))
    now = timezone.now()
    # Claim the question: of two answers at once, only one closes it.
    if not ReferralMessage.objects.filter(pk=question.pk, answered_at=None).update(answered_at=now):
        raise StaleReferral(_("This question has already been answered."))
    answer = ReferralMessage.objects.create(
        referral=referral,
        kind=MessageKind.ANSWER,
        question=question,
        side=Side.SENDER,
        author=user,
        organisation=user.organisation,
        text=text,
        created_at=now,
    )
    client_services.client_touch(client_id=referral.client_id, when=now)
    _audit(
        action=AUDIT_REFERRAL_ANSWER,
        referral=referral,
        user=user,
        audit_context=audit_context,
    )
    return answer
