"""Reads of the group programmes. Access: professionals of the member organisations of the
group's coalition see its page; a participant's client code only when they may see her (her
care team, a consented referral party) or when they lead the group."""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.clients import selectors as client_selectors
from kansrijk.programmes.constants import EnrolmentStatus
from kansrijk.programmes.models import Enrolment, Group, Programme, Session

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User

    AnyUser = User | AnonymousUser


def programme_get(*, code: str) -> Programme | None:
    return Programme.objects.filter(code=code).first()


def groups_visible_to(user: AnyUser) -> QuerySet[Group]:
    """The groups of the coalitions the user's organisation is a member of (professionals)."""
    if (
        not user.is_authenticated
        or not user.is_active
        or not user.organisation_id
        or not user.has_role(Role.PROFESSIONAL)
    ):
        return Group.objects.none()
    return (
        Group.objects.filter(coalition__members=user.organisation_id)
        .select_related("programme", "coalition")
        .distinct()
    )


def group_get_for_user(user: AnyUser, uuid: Any) -> Group | None:
    """One group the user may see, or None (also for a malformed id): the view answers 404."""
    try:
        group_uuid = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    return groups_visible_to(user).filter(uuid=group_uuid).first()


def group_sessions(*, group: Group) -> QuerySet[Session]:
    return group.sessions.prefetch_related("facilitators").order_by("number")


@dataclass
class Participant:
    enrolment: Enrolment
    code: str | None  # the client code, or None when the user may not see her


def group_participants(*, group: Group, user: AnyUser) -> list[Participant]:
    """Enrolled and waiting participants, in order (places first, then the waiting list)."""
    enrolments = list(
        group.enrolments.exclude(status=EnrolmentStatus.LEFT)
        .select_related("client")
        .order_by("-status", "waiting_position", "created_at", "id")
    )
    leads = group.facilitators.filter(pk=getattr(user, "pk", None)).exists()
    visible = set(
        client_selectors.clients_visible_to(user)
        .filter(pk__in=[e.client_id for e in enrolments])
        .values_list("pk", flat=True)
    )
    return [
        Participant(
            enrolment=enrolment,
            code=enrolment.client.pseudonym if leads or enrolment.client_id in visible else None,
        )
        for enrolment in sorted(
            enrolments,
            key=lambda e: (e.status != EnrolmentStatus.ENROLLED, e.waiting_position or 0),
        )
    ]


def group_free_places(*, group: Group) -> int:
    enrolled = group.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()
    return max(group.capacity - enrolled, 0)
