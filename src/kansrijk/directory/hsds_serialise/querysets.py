"""Querysets with everything the serialisers need prefetched, so they do not query row by row."""

from collections.abc import Callable, Sequence

from django.db.models import Prefetch, QuerySet

from kansrijk.directory.models import (
    Accessibility,
    Address,
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
    TaxonomyTerm,
)

# --- querysets ------------------------------------------------------------------------------


def _ordered(model, *order: str, select: Sequence[str] = ()) -> Callable[[], QuerySet]:
    # Child rows in a fixed order, so that the same data always gives the same JSON.
    return lambda: model.objects.select_related(*select).order_by(*order, "id")


_PHONES = {"phones": (_ordered(Phone, "number"), {"languages": (_ordered(Language, "name"), {})})}
_CONTACTS = {"contacts": (_ordered(Contact, "name"), _PHONES)}
_LOCATION_CHILDREN = {
    "addresses": (_ordered(Address, "address_type"), {}),
    "accessibility": (_ordered(Accessibility, "description"), {}),
    "languages": (_ordered(Language, "name"), {}),
    "schedules": (_ordered(Schedule, "dtstart", "opens_at"), {}),
    **_PHONES,
    **_CONTACTS,
}
_LOCATION_SELECT = ("organization", "municipality", "neighbourhood")
_SERVICE_AT_LOCATION_CHILDREN = {
    "schedules": (_ordered(Schedule, "dtstart", "opens_at"), {}),
    **_PHONES,
    **_CONTACTS,
}
_SERVICE_CHILDREN = {
    "schedules": (_ordered(Schedule, "dtstart", "opens_at"), {}),
    "service_areas": (
        _ordered(ServiceArea, "name", select=("municipality", "district", "neighbourhood")),
        {},
    ),
    "languages": (_ordered(Language, "name"), {}),
    "cost_options": (_ordered(CostOption, "option"), {}),
    **_PHONES,
    **_CONTACTS,
}
_SERVICE_AT_LOCATION_LOCATION = {"location": (None, _LOCATION_CHILDREN)}
_SERVICE_FULL = {
    **_SERVICE_CHILDREN,
    "service_at_locations": (
        _ordered(
            ServiceAtLocation,
            "location__name",
            select=tuple(f"location__{name}" for name in _LOCATION_SELECT),
        ),
        {**_SERVICE_AT_LOCATION_CHILDREN, **_SERVICE_AT_LOCATION_LOCATION},
    ),
}
_ORGANIZATION_FULL = {
    **_PHONES,
    **_CONTACTS,
    "programs": (_ordered(Program, "name"), {}),
    "locations": (_ordered(Location, "name", select=_LOCATION_SELECT[1:]), _LOCATION_CHILDREN),
}

# A tree of prefetches: name -> (queryset factory, or None for a relation already joined with
# select_related, and the tree of the relation's own children).
_Tree = dict[str, tuple[Callable[[], QuerySet] | None, "_Tree"]]


def _prefetches(tree: _Tree, prefix: str = "") -> list[Prefetch]:
    lookups = []
    for name, (queryset, children) in tree.items():
        path = prefix + name
        if queryset is not None:
            lookups.append(Prefetch(path, queryset=queryset()))
        lookups.extend(_prefetches(children, path + "__"))
    return lookups


def services_with_hsds_related(queryset: QuerySet[Service], *, full: bool) -> QuerySet[Service]:
    """`queryset` with what `services_to_hsds` needs, in a fixed number of queries."""
    queryset = queryset.select_related("organization", "program")
    return queryset.prefetch_related(*_prefetches(_SERVICE_FULL)) if full else queryset


def organizations_with_hsds_related(
    queryset: QuerySet[Organization], *, full: bool, full_service: bool = False
) -> QuerySet[Organization]:
    """`queryset` with what `organizations_to_hsds` needs, in a fixed number of queries."""
    if not full:
        return queryset
    services_tree = _SERVICE_FULL if full_service else {}
    tree = {
        **_ORGANIZATION_FULL,
        "services": (_ordered(Service, "name", select=("program",)), services_tree),
    }
    return queryset.prefetch_related(*_prefetches(tree))


def service_at_locations_with_hsds_related(
    queryset: QuerySet[ServiceAtLocation], *, full: bool
) -> QuerySet[ServiceAtLocation]:
    """`queryset` with what `service_at_locations_to_hsds` needs, in a fixed number of queries."""
    queryset = queryset.select_related(
        "service__organization",
        "service__program",
        *(f"location__{name}" for name in _LOCATION_SELECT),
    )
    if not full:
        return queryset
    tree = {
        **_SERVICE_AT_LOCATION_CHILDREN,
        **_SERVICE_AT_LOCATION_LOCATION,
        "service": (None, _SERVICE_CHILDREN),
    }
    return queryset.prefetch_related(*_prefetches(tree))


def taxonomy_terms_with_hsds_related(queryset: QuerySet[TaxonomyTerm]) -> QuerySet[TaxonomyTerm]:
    return queryset.select_related("taxonomy")
