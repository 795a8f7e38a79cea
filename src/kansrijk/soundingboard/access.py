"""Who may work with a sounding board: the coordinators of its coalition (a user with the
coordinator role whose organisation is a member of the coalition). Only they see members' real
names. Everyone else sees only the public "you said, we did" page. Filtered in the query."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition


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
