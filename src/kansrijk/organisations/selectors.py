"""Reads of partner organisations and coalitions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.organisations.models import Coalition, Organisation

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("municipality")


def organisation_get(*, uuid: object) -> Organisation | None:
    try:
        return organisation_list().filter(uuid=uuid).first()
    except ValidationError:  # not a UUID: nothing to find, not an error page
        return None


def coalition_list() -> QuerySet[Coalition]:
    return Coalition.objects.prefetch_related("municipalities", "members")


def coalition_get(*, slug: str) -> Coalition | None:
    return coalition_list().filter(slug=slug).first()


def coalitions_for_organisation(*, organisation: Organisation) -> QuerySet[Coalition]:
    return coalition_list().filter(members=organisation)


def organisations_coordinated_by(user: User | AnonymousUser) -> QuerySet[Organisation]:
    """The organisations a coordinator works for: every member of every coalition their own
    organisation belongs to (their own included). Empty for anyone who is not a coordinator."""
    if (
        not user.is_authenticated
        or not user.is_active
        or user.organisation_id is None
        or not user.has_role(Role.COORDINATOR)
    ):
        return Organisation.objects.none()
    return organisation_list().filter(coalitions__members=user.organisation_id).distinct()
