"""Who may do what with trainings. Coordinators manage the trainings of the coalitions their
organisation is a partner in; professionals see the open editions of their coalitions and the
public ones of any coalition. Filtered in the query; a lookup that finds nothing answers 404,
so whether a training exists does not leak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition


def _active_with_organisation(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.organisation_id)


def coalitions_coordinated_by(user: User | AnonymousUser) -> QuerySet[Coalition]:
    if not _active_with_organisation(user) or not user.has_role(Role.COORDINATOR):
        return organisation_selectors.coalition_list().none()
    return organisation_selectors.coalition_list().filter(members=user.organisation_id)


def may_coordinate(user: User | AnonymousUser, coalition_id: int) -> bool:
    return coalitions_coordinated_by(user).filter(pk=coalition_id).exists()


def may_take_part(user: User | AnonymousUser) -> bool:
    """A professional (or coordinator) of a partner organisation may register themselves."""
    return _active_with_organisation(user) and user.has_role(Role.PROFESSIONAL, Role.COORDINATOR)


def coalitions_of(user: User | AnonymousUser) -> QuerySet[Coalition]:
    """The coalitions the user's organisation is a partner in."""
    if not _active_with_organisation(user):
        return organisation_selectors.coalition_list().none()
    return organisation_selectors.coalition_list().filter(members=user.organisation_id)
