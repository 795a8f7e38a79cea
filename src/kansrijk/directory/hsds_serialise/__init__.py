"""Directory records as HSDS 3.0 JSON objects (../shared/spec/hsds/schema/compiled/).

Used by the HSDS API and by the JSON export. The functions here never query on their own beyond
one query for the HSDS attributes (taxonomy terms) of everything they serialise: give them
querysets prepared by the `*_with_hsds_related` functions, or the rows are fetched one by one.

Output is plain JSON types (str, int, float, bool, list, dict). Fields without a value are left
out rather than sent as null or "", because HSDS's schemas type them as non-nullable strings and
an empty string is not a valid email address or URI. Required fields are always present. Lists of
child records are always present in the full form, empty or not.

A confidential location (a women's shelter, for example) keeps its contact route (phones,
contacts, opening hours) but loses everything that tells where it is, unless
`confidentiality.address_visible` allows the given partner organisation to see it.

Kansrijk's extensions (docs/decisions/0002-hsds-extensions.md) are added as extra properties,
which HSDS 3.0's schemas allow: see EXTENSIONS.
"""

from kansrijk.directory.hsds_serialise.documents import (
    location_to_hsds,
    organization_to_hsds,
    organizations_to_hsds,
    service_at_location_to_hsds,
    service_at_locations_to_hsds,
    service_to_hsds,
    services_to_hsds,
)
from kansrijk.directory.hsds_serialise.querysets import (
    organizations_with_hsds_related,
    service_at_locations_with_hsds_related,
    services_with_hsds_related,
    taxonomy_terms_with_hsds_related,
)
from kansrijk.directory.hsds_serialise.records import (
    EXTENSIONS,
    HSDS_VERSION,
    attribute_to_hsds,
    taxonomy_term_to_hsds,
    taxonomy_to_hsds,
)

__all__ = [
    "HSDS_VERSION",
    "EXTENSIONS",
    "taxonomy_to_hsds",
    "taxonomy_term_to_hsds",
    "attribute_to_hsds",
    "services_with_hsds_related",
    "organizations_with_hsds_related",
    "service_at_locations_with_hsds_related",
    "taxonomy_terms_with_hsds_related",
    "services_to_hsds",
    "service_to_hsds",
    "organizations_to_hsds",
    "organization_to_hsds",
    "service_at_locations_to_hsds",
    "service_at_location_to_hsds",
    "location_to_hsds",
]
