"""What hangs off a service: regions it serves, taxonomy terms, locations, and its phones,
opening hours, languages and cost options, each written with its history."""

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kansrijk.directory import search
from kansrijk.directory.constants import (
    EXTENT_TYPE_CBS_CODE,
    CapacityStatus,
)
from kansrijk.directory.kansrijke_start_taxonomy import taxonomy_id
from kansrijk.directory.models import (
    Attribute,
    CostOption,
    Language,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from kansrijk.directory.services._history import (
    _TAXONOMY_LINKS,
    FIELD_AREAS,
    FIELD_COST_OPTIONS,
    FIELD_LANGUAGES,
    FIELD_LOCATIONS,
    FIELD_PHONES,
    FIELD_SCHEDULES,
    _check_keys,
    _full_clean,
    history_value,
)
from kansrijk.regions import selectors as region_selectors

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
