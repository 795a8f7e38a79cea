"""Who may manage the network's meetings: a coordinator whose organisation is a partner in the
event's coalition. Filtered in the query; a lookup that finds nothing answers 404, so whether
a meeting exists does not leak."""

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
