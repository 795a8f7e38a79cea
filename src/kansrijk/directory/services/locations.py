"""Writes to locations and their addresses."""

import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.directory.constants import (
    LocationType,
)
from kansrijk.directory.models import (
    Address,
    Location,
    Organization,
)
from kansrijk.directory.services._history import (
    ACTION_CREATE,
    ACTION_UPDATE,
    ADDRESS_FIELDS,
    LOCATION_FIELDS,
    _apply,
    _check_keys,
    _creation_changes,
    _full_clean,
    _history_write,
)
from kansrijk.directory.services.related import _services_reindex, region_get

# --- locations ---------------------------------------------------------------------------------


def _location_regions(*, municipality_code: str, neighbourhood_code: str):
    municipality_code = (municipality_code or "").strip().upper()
    neighbourhood_code = (neighbourhood_code or "").strip().upper()
    if municipality_code and not municipality_code.startswith("GM"):
        raise ValidationError({"municipality": _("Choose a municipality.")})
    if neighbourhood_code and not neighbourhood_code.startswith("BU"):
        raise ValidationError({"neighbourhood": _("Choose a neighbourhood.")})
    municipality = region_get(code=municipality_code) if municipality_code else None
    neighbourhood = region_get(code=neighbourhood_code) if neighbourhood_code else None
    if neighbourhood is not None:
        if municipality is None:
            municipality = neighbourhood.municipality
        elif neighbourhood.municipality_id != municipality.pk:
            raise ValidationError(
                {"neighbourhood": _("This neighbourhood is not in the chosen municipality.")}
            )
    return municipality, neighbourhood


def _address_save(
    *, location: Location, address: Mapping[str, Any] | None
) -> list[tuple[str, Any, Any]]:
    """Create, change or (with an empty mapping) remove the location's one physical address."""
    if address is None:
        return []
    _check_keys(given=address.keys(), allowed=ADDRESS_FIELDS, what="address")
    if address and not address.get("state_province") and location.municipality_id:
        # The province follows from the municipality; editors need not type it.
        address = {**address, "state_province": location.municipality.province.name}
    current = location.addresses.order_by("address_type").first()
    if not address:
        if current is None:
            return []
        changes = [(f"address.{n}", getattr(current, n), None) for n in sorted(ADDRESS_FIELDS)]
        current.delete()
        return [c for c in changes if c[1] not in (None, "")]
    if current is None:
        current = Address(location=location, **address)
        _full_clean(current, exclude=["location"])
        current.save(force_insert=True)
        return [(f"address.{n}", o, v) for n, o, v in _creation_changes(current, ADDRESS_FIELDS)]
    changed = _apply(current, address)
    if changed:
        _full_clean(current, exclude=["location"])
        current.save(update_fields=[n for n, _o, _v in changed])
    return [(f"address.{n}", o, v) for n, o, v in changed]


@transaction.atomic
def location_create(
    *,
    organization: Organization,
    name: str = "",
    location_type: str = LocationType.PHYSICAL,
    description: str = "",
    alternate_name: str = "",
    url: str = "",
    transportation: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    external_identifier: str = "",
    external_identifier_type: str = "",
    is_confidential: bool = False,
    municipality_code: str = "",
    neighbourhood_code: str = "",
    address: Mapping[str, Any] | None = None,
    location_id: uuid.UUID | None = None,
    updated_by: str,
) -> Location:
    """Create a location. `address` holds Address fields (address_1, postal_code, city,
    state_province, ...). A confidential location's address is shown only within the owning
    organisation (see directory.confidentiality)."""
    municipality, neighbourhood = _location_regions(
        municipality_code=municipality_code, neighbourhood_code=neighbourhood_code
    )
    location = Location(
        id=location_id or uuid.uuid4(),
        organization=organization,
        name=name,
        location_type=location_type,
        description=description,
        alternate_name=alternate_name,
        url=url,
        transportation=transportation,
        latitude=latitude,
        longitude=longitude,
        external_identifier=external_identifier,
        external_identifier_type=external_identifier_type,
        is_confidential=is_confidential,
        municipality=municipality,
        neighbourhood=neighbourhood,
    )
    _full_clean(location)
    location.save(force_insert=True)
    changes = list(_creation_changes(location, LOCATION_FIELDS | {"municipality", "neighbourhood"}))
    changes += _address_save(location=location, address=address)
    _history_write(
        resource=location,
        resource_type="location",
        action=ACTION_CREATE,
        changes=changes,
        updated_by=updated_by,
        when=timezone.now(),
    )
    return location


@transaction.atomic
def location_update(
    *,
    location: Location,
    updated_by: str,
    address: Mapping[str, Any] | None = None,
    **changes: Any,
) -> Location:
    """Change a location's fields; `municipality_code`/`neighbourhood_code` move it, `address`
    changes its address ({} removes it)."""
    _check_keys(
        given=changes,
        allowed=LOCATION_FIELDS | {"municipality_code", "neighbourhood_code"},
        what="location_update",
    )
    location = Location.objects.select_for_update().get(pk=location.pk)
    values = {k: v for k, v in changes.items() if k in LOCATION_FIELDS}
    if "municipality_code" in changes or "neighbourhood_code" in changes:
        municipality, neighbourhood = _location_regions(
            municipality_code=changes.get(
                "municipality_code", location.municipality.code if location.municipality else ""
            ),
            neighbourhood_code=changes.get(
                "neighbourhood_code",
                location.neighbourhood.code if location.neighbourhood else "",
            ),
        )
        values["municipality"] = municipality
        values["neighbourhood"] = neighbourhood
    changed = _apply(location, values)
    if changed:
        _full_clean(location)
        location.save(update_fields=[n for n, _o, _v in changed])
    address_changes = _address_save(location=location, address=address)
    if changed or address_changes:
        _history_write(
            resource=location,
            resource_type="location",
            action=ACTION_UPDATE,
            changes=changed + address_changes,
            updated_by=updated_by,
            when=timezone.now(),
        )
        _services_reindex(location.service_at_locations.values_list("service_id", flat=True))
    return location
