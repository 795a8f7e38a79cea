"""Writes to the sociale kaart: organisations, locations and services.

Used by the editing views, the importers and the demo data, so every function takes all of a
record's fields as keyword arguments. Every change writes HSDS Metadata rows (who, when, which
field, old and new value): that table *is* the change history. Services are locked
optimistically: an edit based on an older version is refused, so no update is lost.
"""

import datetime
import uuid
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.directory import search
from kansrijk.directory.constants import (
    EXTENT_TYPE_CBS_CODE,
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    PHASE_TAXONOMY,
    TARGET_GROUP_TAXONOMY,
    THEME_TAXONOMY,
    CapacityStatus,
    LocationType,
    ServiceStatus,
)
from kansrijk.directory.kansrijke_start_taxonomy import taxonomy_id
from kansrijk.directory.models import (
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Metadata,
    Organization,
    Phone,
    Program,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from kansrijk.regions import selectors as region_selectors

# Who wrote a change when no person did (an importer that passes no name).
SYSTEM_ACTOR = "system"

ACTION_CREATE = "create"
ACTION_UPDATE = "update"
ACTION_DELETE = "delete"

# The history's field names for what is not a column of the record itself.
FIELD_THEMES = "themes"
FIELD_TARGET_GROUPS = "target_groups"
FIELD_PHASES = "phases"
FIELD_AREAS = "service_areas"
FIELD_LOCATIONS = "locations"
FIELD_PHONES = "phones"
FIELD_SCHEDULES = "schedules"
FIELD_LANGUAGES = "languages"
FIELD_COST_OPTIONS = "cost_options"

# taxonomy code, attribute link_type, history field name, keyword argument
_TAXONOMY_LINKS = (
    (THEME_TAXONOMY, LINK_TYPE_THEME, FIELD_THEMES, "theme_codes"),
    (TARGET_GROUP_TAXONOMY, LINK_TYPE_ELIGIBILITY, FIELD_TARGET_GROUPS, "target_group_codes"),
    (PHASE_TAXONOMY, LINK_TYPE_PHASE, FIELD_PHASES, "phase_codes"),
)

# Columns that are bookkeeping, not content: never part of a change or of the history.
_NOT_EDITABLE = {"id", "version", "last_modified", "capacity_updated"}

SERVICE_FIELDS = frozenset(
    f.name
    for f in Service._meta.concrete_fields
    if f.name not in _NOT_EDITABLE and f.name not in {"assured_date", "assurer_email"}
)
SERVICE_COLLECTIONS = frozenset(
    {
        "theme_codes",
        "target_group_codes",
        "phase_codes",
        "area_codes",
        "location_ids",
        "phones",
        "schedules",
        "languages",
        "cost_options",
    }
)
ORGANIZATION_FIELDS = frozenset(
    f.name for f in Organization._meta.concrete_fields if f.name not in _NOT_EDITABLE
)
LOCATION_FIELDS = frozenset(
    f.name
    for f in Location._meta.concrete_fields
    if f.name not in _NOT_EDITABLE | {"municipality", "neighbourhood"}
)
ADDRESS_FIELDS = frozenset(
    f.name for f in Address._meta.concrete_fields if f.name not in {"id", "location"}
)


class StaleEditError(Exception):
    """The service changed since the editor loaded it; their edit would overwrite that change."""

    def __init__(self, *, service_id: uuid.UUID, expected_version: int, current_version: int):
        self.service_id = service_id
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            _(
                "Someone else changed this service while you were editing it. Your changes "
                "have not been saved yet. Check the current information and save again."
            )
        )


# --- history ---------------------------------------------------------------------------------


def history_value(value: Any) -> str:
    """How a value is written into the history: plain text, regions with their CBS code."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, models.Model):
        code = getattr(value, "code", None)
        return f"{value} ({code})" if code else str(value)
    return str(value)


def _history_write(
    *,
    resource: models.Model,
    resource_type: str,
    action: str,
    changes: Iterable[tuple[str, Any, Any]],
    updated_by: str,
    when: datetime.datetime,
) -> None:
    rows = [
        Metadata(
            resource_id=resource.pk,
            resource_type=resource_type,
            last_action_date=when,
            last_action_type=action,
            field_name=field_name,
            previous_value=history_value(old),
            replacement_value=history_value(new),
            updated_by=updated_by or SYSTEM_ACTOR,
        )
        for field_name, old, new in changes
    ]
    Metadata.objects.bulk_create(rows)


def _creation_changes(instance: models.Model, field_names: Iterable[str]):
    # Empty values are left out; False is kept ("no self-referral" is information too).
    for name in sorted(field_names):
        value = getattr(instance, name)
        if value not in (None, ""):
            yield name, None, value


# --- field helpers -----------------------------------------------------------------------------


def _check_keys(*, given: Iterable[str], allowed: Iterable[str], what: str) -> None:
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise TypeError(f"{what}: unknown field(s) {', '.join(unknown)}")


def _same(field: models.Field, old: Any, new: Any) -> bool:
    if isinstance(field, models.ForeignKey):
        old_pk = old.pk if isinstance(old, models.Model) else old
        new_pk = new.pk if isinstance(new, models.Model) else new
        return old_pk == new_pk
    try:
        return field.to_python(old) == field.to_python(new)
    except ValidationError:
        return False


def _apply(instance: models.Model, values: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """Set the values that differ; answer (field, old, new) for each."""
    changed = []
    for name, new in values.items():
        field = instance._meta.get_field(name)
        old = getattr(instance, name)
        if _same(field, old, new):
            continue
        setattr(instance, name, new)
        changed.append((name, old, getattr(instance, name)))
    return changed


def _full_clean(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    # Validation errors come out in the active language (Dutch in the UI).
    instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)


# --- regions -----------------------------------------------------------------------------------


def region_get(*, code: str):
    """The municipality, district or neighbourhood with this CBS code; ValidationError if none."""
    code = (code or "").strip().upper()
    region = region_selectors.region_get_by_code(code=code) if code else None
    if region is None:
        raise ValidationError(
            _("%(code)s is not a known CBS code of a municipality, district or neighbourhood.")
            % {"code": code or "''"},
            code="unknown_region",
        )
    return region


def _area_code(area: ServiceArea) -> str:
    region = area.neighbourhood or area.district or area.municipality
    return region.code if region is not None else (area.extent or "")


def _areas_set(*, service: Service, area_codes: Iterable[str]) -> tuple[str, str] | None:
    codes = list(dict.fromkeys(c.strip().upper() for c in area_codes if c and c.strip()))
    regions = [region_get(code=c) for c in codes]
    existing = list(
        service.service_areas.select_related("municipality", "district", "neighbourhood")
    )
    old_codes = sorted(_area_code(a) for a in existing)
    if old_codes == sorted(codes):
        return None
    service.service_areas.all().delete()
    rows = []
    for code, region in zip(codes, regions, strict=True):
        kind = {"GM": "municipality", "WK": "district", "BU": "neighbourhood"}[code[:2]]
        # Exactly one CBS region per row; HSDS's extent carries the code in exports.
        rows.append(
            ServiceArea(
                service=service,
                name=region.name,
                extent=code,
                extent_type=EXTENT_TYPE_CBS_CODE,
                **{kind: region},
            )
        )
    ServiceArea.objects.bulk_create(rows)
    return ", ".join(old_codes), ", ".join(sorted(codes))


# --- taxonomy terms ----------------------------------------------------------------------------


def _terms_for(*, taxonomy_code: str, codes: Iterable[str]) -> list[TaxonomyTerm]:
    codes = list(dict.fromkeys(codes))
    terms = {
        t.code: t
        for t in TaxonomyTerm.objects.filter(taxonomy_id=taxonomy_id(taxonomy_code), code__in=codes)
    }
    unknown = [c for c in codes if c not in terms]
    if unknown:
        raise ValidationError(
            _("Unknown term(s): %(codes)s.") % {"codes": ", ".join(unknown)},
            code="unknown_term",
        )
    return [terms[c] for c in codes]


def service_term_codes(*, service: Service, link_type: str) -> list[str]:
    return sorted(
        Attribute.objects.filter(
            link_entity="service", link_id=service.pk, link_type=link_type
        ).values_list("taxonomy_term__code", flat=True)
    )


def _terms_set(
    *, service: Service, taxonomy_code: str, link_type: str, codes: Iterable[str]
) -> tuple[str, str] | None:
    terms = _terms_for(taxonomy_code=taxonomy_code, codes=codes)
    old = service_term_codes(service=service, link_type=link_type)
    new = sorted(t.code for t in terms)
    if old == new:
        return None
    Attribute.objects.filter(
        link_entity="service", link_id=service.pk, link_type=link_type
    ).delete()
    Attribute.objects.bulk_create(
        Attribute(link_entity="service", link_id=service.pk, link_type=link_type, taxonomy_term=t)
        for t in terms
    )
    return ", ".join(old), ", ".join(new)


# --- locations of a service --------------------------------------------------------------------


def _location_label(location: Location) -> str:
    return location.name or str(location.pk)


def _locations_set(
    *, service: Service, location_ids: Iterable[uuid.UUID | str]
) -> tuple[str, str] | None:
    wanted_ids = [uuid.UUID(str(i)) for i in dict.fromkeys(location_ids)]
    locations = {loc.pk: loc for loc in Location.objects.filter(pk__in=wanted_ids)}
    missing = [str(i) for i in wanted_ids if i not in locations]
    if missing:
        raise ValidationError(
            _("Unknown location(s): %(ids)s.") % {"ids": ", ".join(missing)},
            code="unknown_location",
        )
    links = list(service.service_at_locations.select_related("location"))
    old = {link.location_id: link.location for link in links}
    if set(old) == set(locations):
        return None
    service.service_at_locations.exclude(location_id__in=locations.keys()).delete()
    ServiceAtLocation.objects.bulk_create(
        ServiceAtLocation(service=service, location=loc)
        for pk, loc in locations.items()
        if pk not in old
    )
    return (
        ", ".join(sorted(_location_label(loc) for loc in old.values())),
        ", ".join(sorted(_location_label(loc) for loc in locations.values())),
    )


# --- phones, schedules, languages, cost options --------------------------------------------------


def _phone_text(phone: Phone) -> str:
    text = phone.number + (f" ({phone.extension})" if phone.extension else "")
    return f"{text} {phone.description}".strip()


def _schedule_text(schedule: Schedule) -> str:
    hours = ""
    if schedule.opens_at or schedule.closes_at:
        hours = f"{history_value(schedule.opens_at)}-{history_value(schedule.closes_at)}"
    parts = [schedule.description, schedule.byday, hours]
    return " ".join(p for p in parts if p) or schedule.freq


def _language_text(language: Language) -> str:
    return language.name or language.code


def _cost_text(option: CostOption) -> str:
    amount = f"{option.currency} {history_value(option.amount)}" if option.amount else ""
    return " ".join(p for p in (option.option, amount, option.amount_description) if p)


# model, related name on Service, history field, how a row reads in the history
_CHILDREN = {
    "phones": (Phone, "phones", FIELD_PHONES, _phone_text),
    "schedules": (Schedule, "schedules", FIELD_SCHEDULES, _schedule_text),
    "languages": (Language, "languages", FIELD_LANGUAGES, _language_text),
    "cost_options": (CostOption, "cost_options", FIELD_COST_OPTIONS, _cost_text),
}


def _child_content(instance: models.Model) -> dict[str, Any]:
    return {
        f.attname: f.value_from_object(instance)
        for f in instance._meta.concrete_fields
        if f.name not in {"id", "service"}
    }


def _children_set(
    *, service: Service, kind: str, rows: Sequence[Mapping[str, Any]]
) -> tuple[str, str] | None:
    model, related_name, _field, as_text = _CHILDREN[kind]
    allowed = {f.name for f in model._meta.concrete_fields} - {"id", "service"}
    new = []
    for row in rows:
        _check_keys(given=row.keys(), allowed=allowed, what=model.__name__)
        instance = model(service=service, **row)
        _full_clean(instance, exclude=["service"])
        new.append(instance)
    old = list(getattr(service, related_name).all())
    if [_child_content(o) for o in old] == [_child_content(n) for n in new]:
        return None
    getattr(service, related_name).all().delete()
    model.objects.bulk_create(new)
    return "; ".join(as_text(o) for o in old), "; ".join(as_text(n) for n in new)


def _collections_set(*, service: Service, values: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Replace the service's linked rows given in `values`; answer the history changes."""
    changes = []
    for taxonomy_code, link_type, field_name, argument in _TAXONOMY_LINKS:
        if argument in values:
            diff = _terms_set(
                service=service,
                taxonomy_code=taxonomy_code,
                link_type=link_type,
                codes=values[argument],
            )
            if diff:
                changes.append((field_name, *diff))
    if "area_codes" in values:
        diff = _areas_set(service=service, area_codes=values["area_codes"])
        if diff:
            changes.append((FIELD_AREAS, *diff))
    if "location_ids" in values:
        diff = _locations_set(service=service, location_ids=values["location_ids"])
        if diff:
            changes.append((FIELD_LOCATIONS, *diff))
    for kind, (_model, _related, field_name, _text) in _CHILDREN.items():
        if kind in values:
            diff = _children_set(service=service, kind=kind, rows=values[kind])
            if diff:
                changes.append((field_name, *diff))
    return changes


def _check_capacity(*, status: str, wait_weeks: int | None) -> None:
    if status not in CapacityStatus.values:
        raise ValidationError(
            {"capacity_status": _("Choose whether the service takes referrals.")},
            code="invalid_capacity",
        )
    if status == CapacityStatus.WAITING_LIST and wait_weeks is None:
        raise ValidationError(
            {"capacity_wait_weeks": _("Fill in the expected wait in weeks.")},
            code="wait_weeks_required",
        )


def _services_reindex(service_ids: Iterable[uuid.UUID]) -> None:
    ids = list(dict.fromkeys(service_ids))
    if ids:
        search.search_index_update(service_ids=ids)


# --- organisations -----------------------------------------------------------------------------


@transaction.atomic
def organization_create(
    *,
    name: str,
    description: str,
    managed_by=None,
    alternate_name: str = "",
    email: str = "",
    website: str = "",
    tax_status: str = "",
    tax_id: str = "",
    year_incorporated: int | None = None,
    legal_status: str = "",
    logo: str = "",
    uri: str = "",
    parent_organization: Organization | None = None,
    organization_id: uuid.UUID | None = None,
    updated_by: str,
) -> Organization:
    """Create a directory organisation. `managed_by` is the partner organisation
    (organisations.Organisation) whose directory editors may change it."""
    organization = Organization(
        id=organization_id or uuid.uuid4(),
        name=name,
        description=description,
        managed_by=managed_by,
        alternate_name=alternate_name,
        email=email,
        website=website,
        tax_status=tax_status,
        tax_id=tax_id,
        year_incorporated=year_incorporated,
        legal_status=legal_status,
        logo=logo,
        uri=uri,
        parent_organization=parent_organization,
    )
    _full_clean(organization)
    organization.save(force_insert=True)
    _history_write(
        resource=organization,
        resource_type="organization",
        action=ACTION_CREATE,
        changes=_creation_changes(organization, ORGANIZATION_FIELDS),
        updated_by=updated_by,
        when=timezone.now(),
    )
    return organization


@transaction.atomic
def organization_update(
    *, organization: Organization, updated_by: str, **changes: Any
) -> Organization:
    _check_keys(given=changes, allowed=ORGANIZATION_FIELDS, what="organization_update")
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    changed = _apply(organization, changes)
    if not changed:
        return organization
    _full_clean(organization)
    organization.save(update_fields=[name for name, _o, _n in changed] + ["last_modified"])
    _history_write(
        resource=organization,
        resource_type="organization",
        action=ACTION_UPDATE,
        changes=changed,
        updated_by=updated_by,
        when=timezone.now(),
    )
    _services_reindex(organization.services.values_list("id", flat=True))
    return organization


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


# --- services ----------------------------------------------------------------------------------


@transaction.atomic
def service_create(
    *,
    organization: Organization,
    name: str,
    description: str = "",
    alternate_name: str = "",
    program: Program | None = None,
    url: str = "",
    email: str = "",
    status: str = ServiceStatus.ACTIVE,
    interpretation_services: str = "",
    application_process: str = "",
    fees_description: str = "",
    wait_time: str = "",
    fees: str = "",
    accreditations: str = "",
    eligibility_description: str = "",
    minimum_age: Decimal | None = None,
    maximum_age: Decimal | None = None,
    licenses: str = "",
    alert: str = "",
    capacity_status: str = CapacityStatus.OPEN,
    capacity_wait_weeks: int | None = None,
    self_referral: bool = False,
    assured_date: datetime.date | None = None,
    assurer_email: str = "",
    theme_codes: Iterable[str] = (),
    target_group_codes: Iterable[str] = (),
    phase_codes: Iterable[str] = (),
    area_codes: Iterable[str] = (),
    location_ids: Iterable[uuid.UUID | str] = (),
    phones: Sequence[Mapping[str, Any]] = (),
    schedules: Sequence[Mapping[str, Any]] = (),
    languages: Sequence[Mapping[str, Any]] = (),
    cost_options: Sequence[Mapping[str, Any]] = (),
    service_id: uuid.UUID | None = None,
    updated_by: str,
) -> Service:
    """Create a service with its terms, areas (CBS codes GM/WK/BU), locations, phones,
    schedules, languages and cost options. Rows are dicts of the HSDS table's fields."""
    _check_capacity(status=capacity_status, wait_weeks=capacity_wait_weeks)
    now = timezone.now()
    service = Service(
        id=service_id or uuid.uuid4(),
        organization=organization,
        program=program,
        name=name,
        alternate_name=alternate_name,
        description=description,
        url=url,
        email=email,
        status=status,
        interpretation_services=interpretation_services,
        application_process=application_process,
        fees_description=fees_description,
        wait_time=wait_time,
        fees=fees,
        accreditations=accreditations,
        eligibility_description=eligibility_description,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        licenses=licenses,
        alert=alert,
        capacity_status=capacity_status,
        capacity_wait_weeks=(
            capacity_wait_weeks if capacity_status == CapacityStatus.WAITING_LIST else None
        ),
        capacity_updated=now,
        self_referral=self_referral,
        assured_date=assured_date,
        assurer_email=assurer_email,
        version=1,
    )
    _full_clean(service)
    service.save(force_insert=True)
    changes = list(_creation_changes(service, SERVICE_FIELDS | {"assured_date", "assurer_email"}))
    collection_changes = _collections_set(
        service=service,
        values={
            "theme_codes": theme_codes,
            "target_group_codes": target_group_codes,
            "phase_codes": phase_codes,
            "area_codes": area_codes,
            "location_ids": location_ids,
            "phones": phones,
            "schedules": schedules,
            "languages": languages,
            "cost_options": cost_options,
        },
    )
    _history_write(
        resource=service,
        resource_type="service",
        action=ACTION_CREATE,
        changes=changes + [(f, None, new) for f, _old, new in collection_changes],
        updated_by=updated_by,
        when=now,
    )
    _services_reindex([service.pk])
    return service


@transaction.atomic
def service_update(
    *, service: Service, expected_version: int, updated_by: str, **changes: Any
) -> Service:
    """Change a service. `changes` are Service fields and/or the collections of
    service_create (theme_codes, area_codes, location_ids, phones, ...), each replacing the
    current set. Refused with StaleEditError when the service is no longer at
    `expected_version`. The check is one UPDATE ... WHERE version = expected, which also locks
    the row until commit, so of two concurrent edits of one version exactly one wins and the
    other is told; a real change then raises the version by one. Saving without a change
    leaves version, last change date and history as they were."""
    _check_keys(given=changes, allowed=SERVICE_FIELDS | SERVICE_COLLECTIONS, what="service_update")
    claimed = Service.objects.filter(pk=service.pk, version=expected_version).update(
        version=F("version")
    )
    if not claimed:
        current = Service.objects.filter(pk=service.pk).values_list("version", flat=True).first()
        if current is None:
            raise Service.DoesNotExist(service.pk)
        raise StaleEditError(
            service_id=service.pk, expected_version=expected_version, current_version=current
        )
    now = timezone.now()
    # The row is ours until commit: read its current state, not the caller's copy.
    fresh = Service.objects.get(pk=service.pk)
    values = {k: v for k, v in changes.items() if k in SERVICE_FIELDS}
    status = values.get("capacity_status", fresh.capacity_status)
    wait_weeks = values.get("capacity_wait_weeks", fresh.capacity_wait_weeks)
    if "capacity_status" in values or "capacity_wait_weeks" in values:
        _check_capacity(status=status, wait_weeks=wait_weeks)
        if status != CapacityStatus.WAITING_LIST:
            values["capacity_wait_weeks"] = None
    changed = _apply(fresh, values)
    if changed:
        _full_clean(fresh)
    changed += _collections_set(service=fresh, values=changes)
    if not changed:
        return fresh
    if {"capacity_status", "capacity_wait_weeks"} & {n for n, _o, _v in changed}:
        fresh.capacity_updated = now
    fresh.version = expected_version + 1
    fresh.save()
    _history_write(
        resource=fresh,
        resource_type="service",
        action=ACTION_UPDATE,
        changes=changed,
        updated_by=updated_by,
        when=now,
    )
    _services_reindex([fresh.pk])
    _copy_state(source=fresh, target=service)
    return fresh


def _copy_state(*, source: Service, target: Service) -> None:
    # Callers keep working with their instance; make it reflect what was saved.
    if source is target:
        return
    for field in Service._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


@transaction.atomic
def service_verify(*, service: Service, verified_by_email: str) -> Service:
    """Record that a person checked the whole entry today (HSDS assured_date/assurer_email),
    apart from its last change. Does not raise the version: nothing an editor can see in the
    form changes, so an open edit need not be refused."""
    today = timezone.localdate()
    fresh = Service.objects.select_for_update().get(pk=service.pk)
    changed = [
        (name, getattr(fresh, name), value)
        for name, value in (("assured_date", today), ("assurer_email", verified_by_email))
        if getattr(fresh, name) != value
    ]
    Service.objects.filter(pk=fresh.pk).update(assured_date=today, assurer_email=verified_by_email)
    _history_write(
        resource=fresh,
        resource_type="service",
        action=ACTION_UPDATE,
        # Verifying again on the same day still leaves a trace of who looked.
        changes=changed or [("assured_date", today, today)],
        updated_by=verified_by_email,
        when=timezone.now(),
    )
    service.assured_date = today
    service.assurer_email = verified_by_email
    return service


@transaction.atomic
def service_capacity_set(
    *,
    service: Service,
    status: str,
    wait_weeks: int | None = None,
    updated_by: str = SYSTEM_ACTOR,
) -> Service:
    """Set whether the service takes referrals now (open, waiting list with the expected wait
    in weeks, closed). Always succeeds on the current version and raises it, so an open edit
    form cannot silently undo the new capacity."""
    _check_capacity(status=status, wait_weeks=wait_weeks)
    if status != CapacityStatus.WAITING_LIST:
        wait_weeks = None
    now = timezone.now()
    fresh = Service.objects.select_for_update().get(pk=service.pk)
    changed = _apply(fresh, {"capacity_status": status, "capacity_wait_weeks": wait_weeks})
    update = {"capacity_status": status, "capacity_wait_weeks": wait_weeks}
    update["capacity_updated"] = now
    if changed:
        update["version"] = F("version") + 1
        update["last_modified"] = now
    Service.objects.filter(pk=fresh.pk).update(**update)
    fresh.refresh_from_db()
    if changed:
        _history_write(
            resource=fresh,
            resource_type="service",
            action=ACTION_UPDATE,
            changes=changed,
            updated_by=updated_by,
            when=now,
        )
        _services_reindex([fresh.pk])
    _copy_state(source=fresh, target=service)
    return fresh
