"""A family's request for a volunteer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.selectors import consent_covers
from kansrijk.volunteers.constants import (
    AUDIT_REQUESTS_PSEUDONYMISED,
    DayPart,
    RequestSource,
)
from kansrijk.volunteers.models import CheckIn, ContactLog, FamilyRequest, Match
from kansrijk.volunteers.ranking import (
    need_score,
)
from kansrijk.volunteers.streets import street_key

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client
    from kansrijk.organisations.models import Coalition, Organisation

from kansrijk.volunteers.services._common import (
    _audit,
    _check_codes,
)


@transaction.atomic
def request_create(
    *,
    client: Client,
    coalition: Coalition,
    organisation: Organisation,
    needs: Iterable[str],
    created_by: User | None,
    availability: Iterable[str] = (),
    postcode4: str = "",
    street: str = "",
    extra_need: int = 0,
    referral: Any = None,
    audit_context: Mapping[str, Any] | None = None,
) -> FamilyRequest:
    """Put a family on the waiting list of `organisation` (the volunteer organisation). Refused
    unless she gave consent to share information with that organisation.

    With `referral` (a kansrijk.referrals referral of this client) the request comes from that
    referral and its sending organisation hears when a match starts and ends; otherwise from an
    intake by `created_by`, whose organisation hears it."""
    if referral is not None and referral.client_id != client.pk:
        raise ValidationError(_("This referral is about another client."))
    consent = consent_covers(client.pk, organisation.pk, ConsentPurpose.INFORMATION_EXCHANGE)
    if consent is None:
        raise ValidationError(
            _(
                "She has not given consent to share her details with %(organisation)s. Ask her "
                "consent first."
            )
            % {"organisation": organisation.name}
        )
    needs = list(dict.fromkeys(needs))
    if not needs:
        raise ValidationError({"needs": _("Choose at least one thing the family needs help with.")})
    request = FamilyRequest.objects.create(
        client=client,
        coalition=coalition,
        organisation=organisation,
        consent=consent,
        needs=needs,
        language=client.language,
        source=RequestSource.REFERRAL if referral is not None else RequestSource.INTAKE,
        referral=referral,
        referrer_organisation_id=(
            referral.sender_organisation_id
            if referral is not None
            else getattr(created_by, "organisation_id", None)
        ),
        street_key=street_key(postcode4, street),
        availability=_check_codes(availability, DayPart.values, "availability"),
        need_score=need_score(needs) + max(extra_need, 0),
        created_by=created_by,
    )
    _audit(
        action="volunteers.request_created",
        user=created_by,
        object_type="volunteer_request",
        object_id=str(request.uuid),
        client_id=str(client.uuid),
        detail={"need_score": request.need_score},
        audit_context=audit_context,
    )
    return request


@transaction.atomic
def family_requests_pseudonymise(*, client_id: int) -> int:
    """For the retention run (clients.services.clients_pseudonymise_expired): her requests
    lose the hashed street and her availability, and the volunteers' notes, check-in notes and
    agreed contact route about her are emptied. Dates, needs and the match itself stay, for
    the coalition's figures. Returns how many requests."""
    requests = list(FamilyRequest.objects.select_for_update().filter(client_id=client_id))
    if not requests:
        return 0
    FamilyRequest.objects.filter(pk__in=[r.pk for r in requests]).update(
        street_key="", availability=[]
    )
    matches = Match.objects.filter(request__in=requests)
    matches.update(contact_route="")
    ContactLog.objects.filter(match__in=matches).update(note="")
    CheckIn.objects.filter(match__in=matches).update(note="")
    client_uuid = str(requests[0].client.uuid)
    _audit(
        action=AUDIT_REQUESTS_PSEUDONYMISED,
        user=None,
        object_type="client",
        object_id=client_uuid,
        client_id=client_uuid,
        detail={"count": len(requests)},
    )
    return len(requests)
