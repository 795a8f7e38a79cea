"""Reads of volunteers, families waiting for one, and matches."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.selectors import client_identity_get, consent_covers
from kansrijk.volunteers.access import (
    coalitions_coordinated_by,
    organisations_matching_for,
    volunteer_for_user,
)
from kansrijk.volunteers.constants import (
    CHECK_IN_HORIZON_DAYS,
    LOAD_STATUSES,
    MatchStatus,
    RequestStatus,
)
from kansrijk.volunteers.models import CheckIn, ContactLog, FamilyRequest, Match, Volunteer
from kansrijk.volunteers.ranking import Suggestion, suggest_volunteers

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User


def volunteers_with_load() -> QuerySet[Volunteer]:
    """Volunteers annotated with `current_load`: matches that take one of their places."""
    return Volunteer.objects.select_related("municipality", "neighbourhood").annotate(
        current_load=Count("matches", filter=Q(matches__status__in=LOAD_STATUSES), distinct=True)
    )


def volunteer_list(*, coalition_id: int) -> QuerySet[Volunteer]:
    return volunteers_with_load().filter(coalition_id=coalition_id)


def family_requests_waiting(*, coalition_id: int) -> QuerySet[FamilyRequest]:
    """The waiting list: the greatest need first, then the longest waiting; never by arrival
    alone."""
    return (
        FamilyRequest.objects.filter(coalition_id=coalition_id, status=RequestStatus.WAITING)
        .select_related("client__municipality", "client__neighbourhood")
        .order_by("-need_score", "created_at", "id")
    )


def family_requests_waiting_for(user: User | AnonymousUser) -> QuerySet[FamilyRequest]:
    """The waiting list of this coordinator's volunteer organisation."""
    return (
        FamilyRequest.objects.filter(
            organisation__in=organisations_matching_for(user), status=RequestStatus.WAITING
        )
        .select_related("client__municipality", "client__neighbourhood", "coalition")
        .order_by("-need_score", "created_at", "id")
    )


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def family_request_get_for_user(user: User | AnonymousUser, uuid: Any) -> FamilyRequest | None:
    """The request when this coordinator works for its volunteer organisation; None otherwise
    (404)."""
    request_uuid = _as_uuid(uuid)
    if request_uuid is None:
        return None
    return (
        FamilyRequest.objects.filter(organisation__in=organisations_matching_for(user))
        .select_related(
            "client__municipality", "client__neighbourhood", "coalition", "organisation"
        )
        .filter(uuid=request_uuid)
        .first()
    )


def volunteer_get_for_user(user: User | AnonymousUser, uuid: Any) -> Volunteer | None:
    volunteer_uuid = _as_uuid(uuid)
    if volunteer_uuid is None:
        return None
    return (
        volunteers_with_load()
        .filter(coalition__in=coalitions_coordinated_by(user), uuid=volunteer_uuid)
        .first()
    )


def match_get_for_user(user: User | AnonymousUser, uuid: Any) -> Match | None:
    match_uuid = _as_uuid(uuid)
    if match_uuid is None:
        return None
    return (
        Match.objects.filter(
            request__organisation__in=organisations_matching_for(user), uuid=match_uuid
        )
        .select_related("request__client__neighbourhood", "request__organisation", "volunteer")
        .annotate(minutes=Coalesce(Sum("contacts__minutes"), 0))
        .first()
    )


def volunteer_suggestions(*, request: FamilyRequest, today: datetime.date) -> list[Suggestion]:
    """The ranked suggestions for this family from her coalition's volunteers."""
    return suggest_volunteers(
        request, volunteer_list(coalition_id=request.coalition_id), today=today
    )


# --- the coordinator's follow-up of matches ------------------------------------------------------


def works_with_volunteers(user: User | AnonymousUser) -> bool:
    """A coordinator of a volunteer organisation: one with volunteers or families' requests."""
    organisations = organisations_matching_for(user)
    return (
        Volunteer.objects.filter(organisation__in=organisations).exists()
        or FamilyRequest.objects.filter(organisation__in=organisations).exists()
    )


def matches_for(user: User | AnonymousUser) -> QuerySet[Match]:
    """The running matches of this coordinator's volunteer organisation, with the minutes the
    volunteer logged (`minutes`)."""
    return (
        Match.objects.filter(
            request__organisation__in=organisations_matching_for(user), status__in=LOAD_STATUSES
        )
        .select_related("request__client", "volunteer")
        .annotate(minutes=Coalesce(Sum("contacts__minutes"), 0))
        .order_by("volunteer__first_name", "created_at", "id")
    )


def check_ins_missed(*, today: datetime.date) -> QuerySet[CheckIn]:
    """Check-ins and reviews of active matches whose day passed without them being done (all
    organisations: for the daily reminder)."""
    return CheckIn.objects.filter(
        match__status=MatchStatus.ACTIVE, done_on__isnull=True, due_on__lt=today
    )


def check_ins_due_for(user: User | AnonymousUser, *, today: datetime.date) -> QuerySet[CheckIn]:
    """Missed ones and those due within two weeks, of this coordinator's active matches."""
    return (
        CheckIn.objects.filter(
            match__request__organisation__in=organisations_matching_for(user),
            match__status=MatchStatus.ACTIVE,
            done_on__isnull=True,
            due_on__lte=today + datetime.timedelta(days=CHECK_IN_HORIZON_DAYS),
        )
        .select_related("match__request__client", "match__volunteer")
        .order_by("due_on", "kind", "id")
    )


def check_ins_of_match(*, match: Match) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(match=match).select_related("done_by").order_by("due_on", "id")


def check_in_get_for_user(user: User | AnonymousUser, uuid: Any) -> CheckIn | None:
    check_in_uuid = _as_uuid(uuid)
    if check_in_uuid is None:
        return None
    return (
        CheckIn.objects.filter(
            match__request__organisation__in=organisations_matching_for(user), uuid=check_in_uuid
        )
        .select_related("match__request__client")
        .first()
    )


def worries_open_for(user: User | AnonymousUser) -> QuerySet[ContactLog]:
    """Worries volunteers logged that this coordinator's organisation has not followed up."""
    return (
        ContactLog.objects.filter(
            match__request__organisation__in=organisations_matching_for(user),
            worry=True,
            worry_handled_at__isnull=True,
        )
        .select_related("match__request__client", "match__volunteer")
        .order_by("contact_on", "id")
    )


def contacts_of_match(*, match: Match) -> QuerySet[ContactLog]:
    return ContactLog.objects.filter(match=match).order_by("-contact_on", "-id")


def contact_get_for_user(user: User | AnonymousUser, uuid: Any) -> ContactLog | None:
    contact_uuid = _as_uuid(uuid)
    if contact_uuid is None:
        return None
    return (
        ContactLog.objects.filter(
            match__request__organisation__in=organisations_matching_for(user), uuid=contact_uuid
        )
        .select_related("match__request__client")
        .first()
    )


# --- the volunteer's own families ------------------------------------------------------------


@dataclass(frozen=True)
class OwnFamily:
    """All a volunteer may know about a family: first name, neighbourhood, contact route."""

    match: Match
    first_name: str
    neighbourhood: str
    contact_route: str
    minutes: int


def _first_name(match: Match) -> str:
    identity = client_identity_get(client=match.request.client)
    name = identity.name.strip() if identity is not None else ""
    return name.split()[0] if name else ""


def _shared_with_volunteer(match: Match) -> bool:
    """Her consent to share with the volunteer organisation still stands."""
    return (
        consent_covers(
            match.request.client_id,
            match.request.organisation_id,
            ConsentPurpose.INFORMATION_EXCHANGE,
        )
        is not None
    )


def own_matches(user: User | AnonymousUser) -> QuerySet[Match]:
    """The active matches of the volunteer logged in as `user` (none for anyone else)."""
    volunteer = volunteer_for_user(user)
    if volunteer is None:
        return Match.objects.none()
    return (
        Match.objects.filter(volunteer=volunteer, status=MatchStatus.ACTIVE)
        .select_related("request__client__neighbourhood", "request__organisation", "volunteer")
        .annotate(minutes=Coalesce(Sum("contacts__minutes"), 0))
        .order_by("started_at", "id")
    )


def own_family(match: Match) -> OwnFamily | None:
    """What the volunteer sees of this family, or None when the family's consent is gone.
    Reads her identity (first name): the caller audits it."""
    if not _shared_with_volunteer(match):
        return None
    neighbourhood = match.request.client.neighbourhood
    return OwnFamily(
        match=match,
        first_name=_first_name(match),
        neighbourhood=neighbourhood.name if neighbourhood is not None else "",
        contact_route=match.contact_route,
        minutes=match.minutes,
    )


def own_families(user: User | AnonymousUser) -> list[OwnFamily]:
    """The families this volunteer walks along with now, only while their consent stands."""
    return [family for match in own_matches(user) if (family := own_family(match)) is not None]


def own_match_get(user: User | AnonymousUser, uuid: Any) -> Match | None:
    """One of the volunteer's own active matches whose family still consents; None -> 404."""
    match_uuid = _as_uuid(uuid)
    if match_uuid is None:
        return None
    match = own_matches(user).filter(uuid=match_uuid).first()
    if match is None or not _shared_with_volunteer(match):
        return None
    return match


def own_contacts(*, match: Match) -> QuerySet[ContactLog]:
    return ContactLog.objects.filter(match=match).order_by("-contact_on", "-id")
