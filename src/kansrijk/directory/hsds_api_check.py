"""Check a running server's HSDS API against HSDS 3.0's schemas: `kansrijk hsds check-api URL`.

Fetches every endpoint (list pages in compact and full form, and the first record of each list)
and validates each object. Operators use it after a deployment; it also shows the demo conforms.
"""

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field

from kansrijk.directory.hsds_schemas import hsds_errors

# endpoint -> (schema of a compact list item, schema of a full item / the record itself)
ENDPOINTS = {
    "services": ("compiled/service_list.json", "compiled/service.json"),
    "organizations": ("compiled/organization_list.json", "compiled/organization.json"),
    "service_at_locations": (
        "compiled/service_at_location_list.json",
        "compiled/service_at_location.json",
    ),
    "taxonomies": ("taxonomy.json", "taxonomy.json"),
    "taxonomy_terms": ("taxonomy_term.json", "taxonomy_term.json"),
}


@dataclass
class CheckedURL:
    url: str
    objects: int = 0
    errors: list[str] = field(default_factory=list)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (operator's URL)
        return json.load(response)


def hsds_api_check(*, base_url: str, per_page: int = 50, search: str = "") -> Iterator[CheckedURL]:
    base = base_url.rstrip("/") + "/"
    root = CheckedURL(url=base)
    info = _get(base)
    if "version" not in info:
        root.errors.append("the API root has no HSDS version")
    yield root
    for endpoint, (compact_schema, full_schema) in ENDPOINTS.items():
        first_id = None
        for full, schema in ((False, compact_schema), (True, full_schema)):
            params = {"per_page": per_page, "full": str(full).lower()}
            if search and endpoint == "services":
                params["search"] = search
            checked = CheckedURL(url=f"{base}{endpoint}?{urllib.parse.urlencode(params)}")
            page = _get(checked.url)
            for item in page.get("contents", []):
                checked.objects += 1
                checked.errors += [f"{item.get('id')}: {e}" for e in hsds_errors(item, schema)]
                first_id = first_id or item.get("id")
            yield checked
        if first_id:
            checked = CheckedURL(url=f"{base}{endpoint}/{first_id}", objects=1)
            checked.errors = hsds_errors(_get(checked.url), full_schema)
            yield checked
