"""Single records and their children as HSDS objects."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from kansrijk.directory.confidentiality import address_visible
from kansrijk.directory.constants import EXTENT_TYPE_CBS_CODE
from kansrijk.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Program,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

HSDS_VERSION = "3.0"

# Extra properties Kansrijk adds to HSDS objects, by HSDS object; documented in the OpenAPI file.
EXTENSIONS = {
    "service": {
        "capacity_status": "Whether the service takes referrals now: open, waiting_list, closed.",
        "capacity_wait_weeks": "Expected wait in weeks (with waiting_list).",
        "capacity_updated": "When the capacity was last updated (date-time).",
        "self_referral": "Whether people can apply themselves, without a referral (boolean).",
    },
    "location": {
        "is_confidential": (
            "The address is confidential (a women's shelter, for example): addresses, "
            "coordinates, transport and accessibility details and the neighbourhood are left out; "
            "phones, contacts and schedules stay."
        ),
        "municipality": "CBS code of the municipality (GMxxxx).",
        "neighbourhood": "CBS code of the neighbourhood (BUxxxxxxxx).",
    },
}

# Location fields that tell where a confidential location is.
_CONFIDENTIAL_LOCATION_FIELDS = (
    "latitude",
    "longitude",
    "transportation",
    "external_identifier",
    "external_identifier_type",
    "neighbourhood",
)

# HSDS entities that can carry attributes in Kansrijk (Attribute.link_entity).
_ATTRIBUTE_ENTITIES = {"organization", "service", "location", "service_at_location"}


# --- serialising ----------------------------------------------------------------------------


def _json(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime.date | datetime.time):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, Decimal):
        # HSDS types ages, coordinates and amounts as numbers, not strings.
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _fields(obj: Any, names: Iterable[str], *, required: Iterable[str] = ()) -> dict[str, Any]:
    data = {}
    required = set(required)
    for name in names:
        value = getattr(obj, name)
        if name in required:
            data[name] = _json(value)
        elif value is not None and value != "":
            data[name] = _json(value)
    return data


@dataclass
class _Context:
    organisation_id: int | None
    # Full-form objects waiting for their attributes: (link_entity, id, object).
    attribute_owners: list[tuple[str, UUID, dict]] = field(default_factory=list)

    def owns_attributes(self, entity: str, obj_id: UUID, data: dict) -> None:
        data["attributes"] = []
        self.attribute_owners.append((entity, obj_id, data))

    def attach_attributes(self) -> None:
        # One query for the attributes of everything serialised.
        if not self.attribute_owners:
            return
        owners = {(entity, obj_id): data for entity, obj_id, data in self.attribute_owners}
        attributes = (
            Attribute.objects.filter(
                link_entity__in=_ATTRIBUTE_ENTITIES,
                link_id__in={obj_id for _, obj_id in owners},
            )
            .select_related("taxonomy_term__taxonomy")
            .order_by("link_type", "taxonomy_term__name", "id")
        )
        for attribute in attributes:
            owner = owners.get((attribute.link_entity, attribute.link_id))
            if owner is not None:
                owner["attributes"].append(attribute_to_hsds(attribute))


def taxonomy_to_hsds(taxonomy: Taxonomy) -> dict[str, Any]:
    return _fields(
        taxonomy, ("id", "name", "description", "uri", "version"), required=("description",)
    )


def taxonomy_term_to_hsds(term: TaxonomyTerm) -> dict[str, Any]:
    """A taxonomy term with its taxonomy (`taxonomy_detail`); select_related("taxonomy")."""
    data = _fields(
        term,
        ("id", "code", "name", "description", "parent_id", "taxonomy_id", "language", "term_uri"),
        required=("description",),
    )
    if term.taxonomy_id:
        # HSDS: "which taxonomy is in use; if possible, provide a URI".
        data["taxonomy"] = term.taxonomy.uri or term.taxonomy.name
        data["taxonomy_detail"] = taxonomy_to_hsds(term.taxonomy)
    return data


def attribute_to_hsds(attribute: Attribute) -> dict[str, Any]:
    data = _fields(
        attribute, ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value")
    )
    data["taxonomy_term"] = taxonomy_term_to_hsds(attribute.taxonomy_term)
    return data


def _language(language: Language) -> dict[str, Any]:
    return _fields(
        language, ("id", "service_id", "location_id", "phone_id", "name", "code", "note")
    )


def _phone(phone: Phone) -> dict[str, Any]:
    data = _fields(
        phone,
        (
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ),
        required=("number",),
    )
    data["languages"] = [_language(language) for language in phone.languages.all()]
    return data


def _contact(contact: Contact) -> dict[str, Any]:
    data = _fields(
        contact,
        (
            "id",
            "organization_id",
            "service_id",
            "service_at_location_id",
            "location_id",
            "name",
            "title",
            "department",
            "email",
        ),
    )
    data["phones"] = [_phone(phone) for phone in contact.phones.all()]
    return data


_SCHEDULE_FIELDS = (
    "id",
    "service_id",
    "location_id",
    "service_at_location_id",
    "valid_from",
    "valid_to",
    "dtstart",
    "timezone",
    "until",
    "count",
    "wkst",
    "freq",
    "interval",
    "byday",
    "byweekno",
    "bymonthday",
    "byyearday",
    "description",
    "opens_at",
    "closes_at",
    "schedule_link",
    "attending_type",
    "notes",
)


def _schedule(schedule: Schedule) -> dict[str, Any]:
    return _fields(schedule, _SCHEDULE_FIELDS)


def _address(address: Address) -> dict[str, Any]:
    return _fields(
        address,
        (
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ),
        required=("address_1", "city", "state_province", "postal_code", "country", "address_type"),
    )


def _accessibility(accessibility: Accessibility) -> dict[str, Any]:
    return _fields(accessibility, ("id", "location_id", "description", "details", "url"))


def _service_area(area: ServiceArea) -> dict[str, Any]:
    data = _fields(
        area, ("id", "service_id", "name", "description", "extent", "extent_type", "uri")
    )
    region = area.neighbourhood or area.district or area.municipality
    if region is not None:
        # Kansrijk's service area is one CBS region; HSDS carries it in `extent` (decision 0002).
        data.setdefault("name", region.name)
        if "extent" not in data:
            data["extent"] = region.code or region.name
            data.setdefault("extent_type", EXTENT_TYPE_CBS_CODE)
    return data


def _cost_option(option: CostOption) -> dict[str, Any]:
    return _fields(
        option,
        (
            "id",
            "service_id",
            "valid_from",
            "valid_to",
            "option",
            "currency",
            "amount",
            "amount_description",
        ),
    )


def _program(program: Program) -> dict[str, Any]:
    return _fields(
        program,
        ("id", "organization_id", "name", "alternate_name", "description"),
        required=("name", "description"),
    )


_ORGANIZATION_FIELDS = (
    "id",
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "tax_status",
    "tax_id",
    "year_incorporated",
    "legal_status",
    "logo",
    "uri",
    "parent_organization_id",
)


def _organization(
    organization: Organization, ctx: _Context, *, full: bool, full_service: bool
) -> dict[str, Any]:
    data = _fields(organization, _ORGANIZATION_FIELDS, required=("name", "description"))
    if not full:
        return data
    data["contacts"] = [_contact(contact) for contact in organization.contacts.all()]
    data["phones"] = [_phone(phone) for phone in organization.phones.all()]
    data["locations"] = [
        _location(location, ctx, full=True) for location in organization.locations.all()
    ]
    data["programs"] = [_program(program) for program in organization.programs.all()]
    ctx.owns_attributes("organization", organization.id, data)
    data["services"] = [
        _service(service, ctx, full=full_service) for service in organization.services.all()
    ]
    return data


_LOCATION_FIELDS = (
    "id",
    "location_type",
    "url",
    "organization_id",
    "name",
    "alternate_name",
    "description",
    "transportation",
    "latitude",
    "longitude",
    "external_identifier",
    "external_identifier_type",
)


def _location(location: Location, ctx: _Context, *, full: bool) -> dict[str, Any]:
    data = _fields(location, _LOCATION_FIELDS, required=("location_type",))
    data["is_confidential"] = location.is_confidential
    if location.municipality_id:
        data["municipality"] = location.municipality.code
    if location.neighbourhood_id and location.neighbourhood.code:
        data["neighbourhood"] = location.neighbourhood.code
    visible = address_visible(location=location, organisation_id=ctx.organisation_id)
    if not visible:
        for name in _CONFIDENTIAL_LOCATION_FIELDS:
            data.pop(name, None)
    if not full:
        return data
    data["addresses"] = (
        [_address(address) for address in location.addresses.all()] if visible else []
    )
    data["accessibility"] = (
        [_accessibility(item) for item in location.accessibility.all()] if visible else []
    )
    data["languages"] = [_language(language) for language in location.languages.all()]
    data["phones"] = [_phone(phone) for phone in location.phones.all()]
    data["contacts"] = [_contact(contact) for contact in location.contacts.all()]
    data["schedules"] = [_schedule(schedule) for schedule in location.schedules.all()]
    ctx.owns_attributes("location", location.id, data)
    return data


_SERVICE_FIELDS = (
    "id",
    "organization_id",
    "program_id",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "fees_description",
    "wait_time",
    "fees",
    "accreditations",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "licenses",
    "alert",
    "last_modified",
    # Extensions
    "capacity_status",
    "capacity_wait_weeks",
    "capacity_updated",
    "self_referral",
)


def _service(
    service: Service, ctx: _Context, *, full: bool, with_service_at_locations: bool = True
) -> dict[str, Any]:
    data = _fields(service, _SERVICE_FIELDS, required=("name", "status"))
    if service.organization_id:
        data["organization"] = _organization(
            service.organization, ctx, full=False, full_service=False
        )
    if service.program_id:
        data["program"] = _program(service.program)
    if not full:
        return data
    data["phones"] = [_phone(phone) for phone in service.phones.all()]
    data["schedules"] = [_schedule(schedule) for schedule in service.schedules.all()]
    data["service_areas"] = [_service_area(area) for area in service.service_areas.all()]
    if with_service_at_locations:
        data["service_at_locations"] = [
            _service_at_location(item, ctx, full=True, with_service=False)
            for item in service.service_at_locations.all()
        ]
    data["languages"] = [_language(language) for language in service.languages.all()]
    data["cost_options"] = [_cost_option(option) for option in service.cost_options.all()]
    data["contacts"] = [_contact(contact) for contact in service.contacts.all()]
    ctx.owns_attributes("service", service.id, data)
    return data


def _service_at_location(
    item: ServiceAtLocation, ctx: _Context, *, full: bool, with_service: bool = True
) -> dict[str, Any]:
    data = _fields(item, ("id", "service_id", "location_id", "description"))
    data["location"] = _location(item.location, ctx, full=full)
    if with_service:
        # The service without its own service_at_locations: that is where we come from.
        data["service"] = _service(item.service, ctx, full=full, with_service_at_locations=False)
    if full:
        data["contacts"] = [_contact(contact) for contact in item.contacts.all()]
        data["phones"] = [_phone(phone) for phone in item.phones.all()]
        data["schedules"] = [_schedule(schedule) for schedule in item.schedules.all()]
        ctx.owns_attributes("service_at_location", item.id, data)
    return data
