"""Who may manage volunteers and matches. Volunteers (no client data): a coordinator whose
organisation is a member of the volunteer's coalition. Families' requests: only coordinators of
the volunteer organisation itself, the recipient her consent names. Filtered in the query.

A volunteer (role volunteer, linked to her Volunteer record) sees only her own active matches;
see selectors.own_families."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition, Organisation
    from kansrijk.volunteers.models import Volunteer


def coalitions_coordinated_by(user: User | AnonymousUser) -> QuerySet[Coalition]:
    if (
        not user.is_authenticated
        or not user.is_active
        or not user.organisation_id
        or not user.has_role(Role.COORDINATOR)
    ):
        return organisation_selectors.coalition_list().none()
    return organisation_selectors.coalition_list().filter(members=user.organisation_id)


def may_coordinate(user: User | AnonymousUser, coalition_id: int) -> bool:
    return coalitions_coordinated_by(user).filter(pk=coalition_id).exists()


def organisations_matching_for(user: User | AnonymousUser) -> QuerySet[Organisation]:
    """The volunteer organisation(s) whose families this coordinator may see: their own."""
    if not coalitions_coordinated_by(user).exists():
        return organisation_selectors.organisation_list().none()
    return organisation_selectors.organisation_list().filter(pk=user.organisation_id)


def volunteer_for_user(user: User | AnonymousUser) -> Volunteer | None:
    """The approved volunteer logged in as `user`, or None (not a volunteer, stopped, or no
    role)."""
    from kansrijk.volunteers.constants import VolunteerStatus
    from kansrijk.volunteers.models import Volunteer

    if not user.is_authenticated or not user.is_active or not user.has_role(Role.VOLUNTEER):
        return None
    return (
        Volunteer.objects.filter(user=user, status=VolunteerStatus.APPROVED)
        .select_related("organisation")
        .first()
    )
