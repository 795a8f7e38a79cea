"""Who may edit which part of the sociale kaart, as querysets and access-checked lookups.

Directory editors edit the entries their own partner organisation manages
(Organization.managed_by); coordinators edit those of the organisations in the coalitions they
coordinate; administrators edit everything. A lookup of something the user may not edit answers
404, so its existence does not leak.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.directory.models import Location, Metadata, Organization, Service
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

# Roles that open the editing pages at all; which entries each may edit is decided below.
EDITOR_ROLES = (Role.DIRECTORY_EDITOR, Role.COORDINATOR, Role.ADMIN)


def user_is_directory_admin(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_role(Role.ADMIN))


def organizations_editable_by(*, user: User) -> QuerySet[Organization]:
    """The directory organisations whose entries this user may change."""
    organizations = Organization.objects.select_related("managed_by")
    if not user.is_authenticated or not user.is_active:
        return organizations.none()
    if user.has_role(Role.ADMIN):
        return organizations.all()
    allowed = Q(pk__in=[])
    if user.has_role(Role.DIRECTORY_EDITOR) and user.organisation_id:
        allowed |= Q(managed_by_id=user.organisation_id)
    if user.has_role(Role.COORDINATOR):
        coordinated = organisation_selectors.organisations_coordinated_by(user)
        allowed |= Q(managed_by__in=coordinated)
    return organizations.filter(allowed)


def services_editable_by(*, user: User) -> QuerySet[Service]:
    return Service.objects.filter(
        organization__in=organizations_editable_by(user=user)
    ).select_related("organization")


def locations_editable_by(*, user: User) -> QuerySet[Location]:
    return Location.objects.filter(
        organization__in=organizations_editable_by(user=user)
    ).select_related("organization", "municipality", "neighbourhood")


def _as_uuid(value: Any) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def get_service_for_editor(user: User, service_id: uuid.UUID | str) -> Service:
    """The service when this user may edit it; Http404 otherwise (also when it does not exist)."""
    service = services_editable_by(user=user).filter(pk=_as_uuid(service_id)).first()
    if service is None:
        raise Http404
    return service


def get_location_for_editor(user: User, location_id: uuid.UUID | str) -> Location:
    location = locations_editable_by(user=user).filter(pk=_as_uuid(location_id)).first()
    if location is None:
        raise Http404
    return location


def verification_cutoff(*, today: datetime.date | None = None) -> datetime.date:
    """Services last verified by a person before this date are overdue."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.DIRECTORY_VERIFICATION_MAX_AGE_DAYS)


def services_verification_overdue(
    *, user: User, today: datetime.date | None = None
) -> QuerySet[Service]:
    """The user's editable services not verified by a person for too long, or never; the
    never-verified and the oldest first."""
    cutoff = verification_cutoff(today=today)
    return (
        services_editable_by(user=user)
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lt=cutoff))
        .order_by(F("assured_date").asc(nulls_first=True), "name")
    )


def service_history(*, service: Service) -> QuerySet[Metadata]:
    """The service's change history (HSDS metadata), newest first. Check access first."""
    return Metadata.objects.filter(resource_id=service.pk, resource_type="service").order_by(
        "-last_action_date", "field_name"
    )


def location_history(*, location: Location) -> QuerySet[Metadata]:
    return Metadata.objects.filter(
        resource_id=location.pk, resource_type__in=("location", "address")
    ).order_by("-last_action_date", "field_name")
