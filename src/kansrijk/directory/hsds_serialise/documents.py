"""The public entry points: lists and single objects as complete HSDS documents."""

from collections.abc import Iterable
from typing import Any

from kansrijk.directory.hsds_serialise.records import (
    _Context,
    _location,
    _organization,
    _service,
    _service_at_location,
)
from kansrijk.directory.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
)

# --- public entry points ------------------------------------------------------------------


def services_to_hsds(
    services: Iterable[Service], *, full: bool, organisation_id: int | None = None
) -> list[dict[str, Any]]:
    """HSDS services: full (compiled/service.json) or compact (compiled/service_list.json).

    `organisation_id` is the partner organisation the output is for (None: the public), which
    decides whether confidential addresses are included. Prepare `services` with
    `services_with_hsds_related(..., full=full)`.
    """
    ctx = _Context(organisation_id=organisation_id)
    result = [_service(service, ctx, full=full) for service in services]
    ctx.attach_attributes()
    return result


def service_to_hsds(
    service: Service, *, full: bool = True, organisation_id: int | None = None
) -> dict[str, Any]:
    return services_to_hsds([service], full=full, organisation_id=organisation_id)[0]


def organizations_to_hsds(
    organizations: Iterable[Organization],
    *,
    full: bool,
    full_service: bool = False,
    organisation_id: int | None = None,
) -> list[dict[str, Any]]:
    """HSDS organizations: full (compiled/organization.json, with their services, compact unless
    `full_service`) or compact (compiled/organization_list.json). Prepare `organizations` with
    `organizations_with_hsds_related` and the same flags."""
    ctx = _Context(organisation_id=organisation_id)
    result = [
        _organization(organization, ctx, full=full, full_service=full_service)
        for organization in organizations
    ]
    ctx.attach_attributes()
    return result


def organization_to_hsds(
    organization: Organization,
    *,
    full: bool = True,
    full_service: bool = False,
    organisation_id: int | None = None,
) -> dict[str, Any]:
    return organizations_to_hsds(
        [organization], full=full, full_service=full_service, organisation_id=organisation_id
    )[0]


def service_at_locations_to_hsds(
    items: Iterable[ServiceAtLocation], *, full: bool, organisation_id: int | None = None
) -> list[dict[str, Any]]:
    """HSDS service_at_locations: full (compiled/service_at_location.json) or compact
    (compiled/service_at_location_list.json). Prepare `items` with
    `service_at_locations_with_hsds_related(..., full=full)`."""
    ctx = _Context(organisation_id=organisation_id)
    result = [_service_at_location(item, ctx, full=full) for item in items]
    ctx.attach_attributes()
    return result


def service_at_location_to_hsds(
    item: ServiceAtLocation, *, full: bool = True, organisation_id: int | None = None
) -> dict[str, Any]:
    return service_at_locations_to_hsds([item], full=full, organisation_id=organisation_id)[0]


def location_to_hsds(
    location: Location, *, full: bool = True, organisation_id: int | None = None
) -> dict[str, Any]:
    """An HSDS location (schema/location.json), its address only where allowed."""
    ctx = _Context(organisation_id=organisation_id)
    result = _location(location, ctx, full=full)
    ctx.attach_attributes()
    return result
