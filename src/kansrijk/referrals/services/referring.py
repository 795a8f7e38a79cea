"""Making a referral: to a directory service whose partner receives it, with the client's
consent for that partner."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.clients import selectors as client_selectors
from kansrijk.clients import services as client_services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.directory import selectors as directory_selectors
from kansrijk.directory.constants import CapacityStatus, ServiceStatus
from kansrijk.referrals.constants import (
    AUDIT_REFERRAL_CREATED,
    REASON_MAX_LENGTH,
    REFERRAL_ROLES,
    ContactTime,
    ReferralStatus,
    SafeContact,
    Side,
)
from kansrijk.referrals.models import Referral, ReferralEvent
from kansrijk.referrals.services._common import (
    ConsentMissing,
    ReferralInvalid,
    TransitionNotAllowed,
    _audit,
    _clean_text,
    add_working_days,
    answer_working_days,
)
from kansrijk.referrals.services.alerts import _alert_task_schedule

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


# --- making a referral -----------------------------------------------------------------------


def _service_for_referral(service_id: Any, *, self_referral: bool):
    service = directory_selectors.service_get(service_id=service_id)
    if service is None or service.status != ServiceStatus.ACTIVE:
        raise ReferralInvalid(_("This service does not exist (any more) in the sociale kaart."))
    receiver = service.organization.managed_by if service.organization_id else None
    if receiver is None:
        raise ReferralInvalid(
            _(
                "%(service)s does not take referrals through Kansrijk. Use the way to refer "
                "that the sociale kaart describes."
            )
            % {"service": service.name}
        )
    if service.capacity_status == CapacityStatus.CLOSED:
        raise ReferralInvalid(
            _("%(service)s is not taking referrals now. Choose another service.")
            % {"service": service.name}
        )
    if self_referral and not service.self_referral:
        raise ReferralInvalid(
            _("Families cannot sign up for %(service)s themselves.") % {"service": service.name}
        )
    return service, receiver


def _consent_for(*, client_id: int, receiver) -> Any:
    consent = client_selectors.consent_covers(client_id, receiver.pk, ConsentPurpose.REFERRAL)
    if consent is None:
        raise ConsentMissing(
            _(
                "The client has not given consent to share her details with %(organisation)s "
                "for a referral. Record her consent first; nothing has been sent."
            )
            % {"organisation": receiver.name}
        )
    return consent


def _referral_insert(
    *,
    client,
    service,
    receiver,
    consent,
    reason: str,
    theme_codes: Sequence[str],
    sender_user: User | None,
    follow_up_of: Referral | None,
    audit_context: Mapping[str, Any] | None,
    safe_contact: Sequence[str] = (),
    contact_time: str = "",
) -> Referral:
    now = timezone.now()
    today = timezone.localdate(now)
    referral = Referral.objects.create(
        client=client,
        self_referral=sender_user is None,
        sender_organisation=sender_user.organisation if sender_user else None,
        sender_user=sender_user,
        receiver_organisation=receiver,
        service_id=service.pk,
        service_name=service.name[:255],
        theme_codes=list(dict.fromkeys(c for c in theme_codes if c)),
        safe_contact=list(dict.fromkeys(safe_contact)),
        contact_time=contact_time,
        reason=reason,
        consent=consent,
        follow_up_of=follow_up_of,
        status=ReferralStatus.REQUESTED,
        answer_due=add_working_days(today, answer_working_days(service_id=service.pk)),
        created_at=now,
        updated_at=now,
    )
    ReferralEvent.objects.create(
        referral=referral,
        from_status="",
        to_status=ReferralStatus.REQUESTED,
        user=sender_user,
        organisation=referral.sender_organisation,
        side=Side.SENDER,
        at=now,
    )
    client_services.client_touch(client_id=client.pk, when=now)
    _audit(
        action=AUDIT_REFERRAL_CREATED,
        referral=referral,
        user=sender_user,
        detail={
            "service_id": str(service.pk),
            "receiver_organisation_id": str(receiver.uuid),
            "consent_id": str(consent.uuid),
            "self_referral": sender_user is None,
        },
        audit_context=audit_context,
    )
    _alert_task_schedule(referral.answer_due)
    return referral


@transaction.atomic
def referral_create(
    *,
    client_id: int,
    service_id: Any,
    user: User,
    reason: str,
    theme_codes: Sequence[str] = (),
    follow_up_of_id: int | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Referral:
    """Refer a client to a directory service. The receiving organisation is the partner that
    manages the service's directory entry; an active consent of the client for "referral" must
    name it (ConsentMissing otherwise). The answer is due after the service's number of working
    days. `follow_up_of_id`: the rejected or failed referral this one replaces."""
    if not user.organisation_id or not user.has_role(*REFERRAL_ROLES):
        raise TransitionNotAllowed(_("Only professionals of a partner organisation can refer."))
    client = client_selectors.clients_visible_to(user).filter(pk=client_id).first()
    if client is None:
        raise ReferralInvalid(_("You cannot refer this client."))
    reason = _clean_text(reason, limit=REASON_MAX_LENGTH)
    if not reason:
        raise ReferralInvalid(_("Write down what the question for the other organisation is."))
    service, receiver = _service_for_referral(service_id, self_referral=False)
    follow_up_of = None
    if follow_up_of_id is not None:
        follow_up_of = Referral.objects.filter(
            pk=follow_up_of_id, client=client, sender_organisation_id=user.organisation_id
        ).first()
        if follow_up_of is None:
            raise ReferralInvalid(_("The referral this one replaces was not found."))
    consent = _consent_for(client_id=client.pk, receiver=receiver)
    return _referral_insert(
        client=client,
        service=service,
        receiver=receiver,
        consent=consent,
        reason=reason,
        theme_codes=theme_codes,
        sender_user=user,
        follow_up_of=follow_up_of,
        audit_context=audit_context,
    )


@transaction.atomic
def referral_self_create(
    *,
    client_id: int,
    service_id: Any,
    reason: str,
    theme_codes: Sequence[str] = (),
    safe_contact: Sequence[str] = (),
    contact_time: str = "",
    audit_context: Mapping[str, Any] | None = None,
) -> Referral:
    """A parent signs up for a service herself (the parent site calls this): a referral
    without a referring organisation, to a service that allows self-referral. Her consent for
    the receiving organisation is needed as for any referral. `safe_contact` (SafeContact
    codes) and `contact_time` (ContactTime) say how she may be reached."""
    unknown = set(safe_contact) - set(SafeContact.values)
    if unknown or (contact_time and contact_time not in ContactTime.values):
        raise ReferralInvalid(_("Choose how she may be contacted from the list."))
    client = client_selectors.client_get(client_id=client_id)
    if client is None or client.pseudonymised_at is not None:
        raise ReferralInvalid(_("This client does not exist."))
    reason = _clean_text(reason, limit=REASON_MAX_LENGTH)
    if not reason:
        raise ReferralInvalid(_("Write down what you would like help with."))
    service, receiver = _service_for_referral(service_id, self_referral=True)
    consent = _consent_for(client_id=client.pk, receiver=receiver)
    return _referral_insert(
        client=client,
        service=service,
        receiver=receiver,
        consent=consent,
        reason=reason,
        theme_codes=theme_codes,
        sender_user=None,
        follow_up_of=None,
        audit_context=audit_context,
        safe_contact=safe_contact,
        contact_time=contact_time,
    )
