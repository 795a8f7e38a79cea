"""Reads of volunteers, families waiting for one, and matches."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet

from kansrijk.volunteers.access import coalitions_coordinated_by, organisations_matching_for
from kansrijk.volunteers.constants import LOAD_STATUSES, RequestStatus
from kansrijk.volunteers.models import FamilyRequest, Match, Volunteer
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
        .select_related("client", "municipality", "neighbourhood")
        .order_by("-need_score", "created_at", "id")
    )


def family_requests_waiting_for(user: User | AnonymousUser) -> QuerySet[FamilyRequest]:
    """The waiting list of this coordinator's volunteer organisation."""
    return (
        FamilyRequest.objects.filter(
            organisation__in=organisations_matching_for(user), status=RequestStatus.WAITING
        )
        .select_related("client", "municipality", "neighbourhood", "coalition")
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
        .select_related("client", "municipality", "neighbourhood", "coalition", "organisation")
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
        .select_related("request__client", "volunteer")
        .first()
    )


def volunteer_suggestions(*, request: FamilyRequest, today: datetime.date) -> list[Suggestion]:
    """The ranked suggestions for this family from her coalition's volunteers."""
    return suggest_volunteers(
        request, volunteer_list(coalition_id=request.coalition_id), today=today
    )
