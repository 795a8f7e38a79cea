"""Who may see, write and sign which coalition agreement, as querysets and predicates.

The agreements of a coalition are for the people of its member organisations: they see the
versions in consultation, adopted and superseded. Drafts are for the coalition's
coordinators (and administrators), who also write, open consultation and adopt. Partner
signatories sign on behalf of their own member organisation. For anyone else a coalition's
agreements do not exist (404).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.agreements.constants import SIGNATORY_ROLE, AgreementStatus
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.agreements.models import AgreementVersion
    from kansrijk.organisations.models import Coalition

    AnyUser = User | AnonymousUser


def _active(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def user_is_admin(user: AnyUser) -> bool:
    return _active(user) and user.has_role(Role.ADMIN)


def coalitions_visible_to(*, user: AnyUser) -> QuerySet[Coalition]:
    coalitions = organisation_selectors.coalition_list().order_by("name")
    if user_is_admin(user):
        return coalitions
    if not _active(user) or not user.organisation_id:
        return coalitions.none()
    return coalitions.filter(members=user.organisation_id)


def user_is_member(user: AnyUser, coalition: Coalition) -> bool:
    if not _active(user) or not user.organisation_id:
        return False
    return coalition.members.filter(pk=user.organisation_id).exists()


def user_can_see(user: AnyUser, coalition: Coalition) -> bool:
    return user_is_admin(user) or user_is_member(user, coalition)


def user_can_edit(user: AnyUser, coalition: Coalition) -> bool:
    """Write drafts, open consultation, adopt, set the evaluation date."""
    if user_is_admin(user):
        return True
    return _active(user) and user.has_role(Role.COORDINATOR) and user_is_member(user, coalition)


def user_can_sign(user: AnyUser, coalition: Coalition) -> bool:
    """Sign on behalf of one's own member organisation."""
    return _active(user) and user.has_role(SIGNATORY_ROLE) and user_is_member(user, coalition)


def version_visible(user: AnyUser, version: AgreementVersion, coalition: Coalition) -> bool:
    if version.status == AgreementStatus.DRAFT:
        return user_can_edit(user, coalition)
    return user_can_see(user, coalition)
