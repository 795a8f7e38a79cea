"""The public HSDS 3.0 API under /api/hsds/ (../shared/spec/hsds/api_reference.md).

Read-only and public: a confidential location's address never appears (hsds_serialise). Lists
use HSDS's Page object; query parameters combine with AND. Every error is JSON with a `message`,
never a 500: 404 for an unknown or malformed id, 400 for a bad query parameter.

The OpenAPI document (`openapi_document()`) is committed as docs/api/hsds-openapi.json; CI fails
when it drifts (`kansrijk hsds openapi --check`).
"""

import json
import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError
from ninja.responses import NinjaJSONEncoder

from kansrijk.directory import hsds_serialise as hsds
from kansrijk.directory.models import (
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from kansrijk.directory.selectors import service_search

SPEC = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

PAGE_SCHEMA = {
    "type": "object",
    "description": "HSDS's Page: the header of every list.",
    "required": [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    ],
    "properties": {
        "total_items": {"type": "integer", "description": "Number of results in all pages."},
        "total_pages": {"type": "integer", "description": "Number of pages."},
        "page_number": {"type": "integer", "description": "This page's number (from 1)."},
        "size": {"type": "integer", "description": "Number of results on this page."},
        "first_page": {"type": "boolean", "description": "Whether this is the first page."},
        "last_page": {"type": "boolean", "description": "Whether this is the last page."},
        "empty": {"type": "boolean", "description": "Whether this page has no results."},
        "contents": {"type": "array", "description": "The results on this page."},
    },
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["message"],
    "properties": {
        "message": {"type": "string"},
        "errors": {
            "type": "array",
            "description": "One entry per bad query parameter.",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


class HSDSNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # Paths as HSDS writes them ("/services"), under the server URL where urls.py mounts
        # the API; this also keeps the document independent of the rest of the URLconf.
        schema = super().get_openapi_schema(path_prefix="", path_params=path_params)
        schema["components"]["schemas"].update({"Page": PAGE_SCHEMA, "Error": ERROR_SCHEMA})
        return schema


api = HSDSNinjaAPI(
    urls_namespace="hsds",
    servers=[{"url": "/api/hsds"}],
    # Ninja's interactive docs page loads Swagger UI from a CDN; the OpenAPI JSON is enough.
    docs_url=None,
    title="Kansrijk HSDS 3.0 API",
    version="3.0",
    description=(
        "The sociale kaart of Kansrijk as Open Referral HSDS 3.0 (read-only, public). "
        "Objects validate against HSDS's compiled schemas; Kansrijk's extra properties are "
        "described per response. Confidential addresses are never included."
    ),
)


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document as plain JSON data (as served at /api/hsds/openapi.json)."""
    return json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))


# --- errors -------------------------------------------------------------------------------


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"message": exc.message}, status=exc.status_code)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"parameter": str(error["loc"][-1]), "message": error["msg"]}
        for error in exc.errors
        if error.get("loc")
    ]
    return api.create_response(
        request, {"message": _("Invalid query parameters."), "errors": errors}, status=400
    )


def _bad_parameter(parameter: str, message: str) -> HttpError:
    return HttpError(400, f"{parameter}: {message}")


def _get_or_404(queryset: QuerySet, obj_id: str, message: str):
    # A malformed id cannot name a record: the same 404 as an unknown one.
    try:
        return queryset.get(id=UUID(obj_id))
    except (ValueError, queryset.model.DoesNotExist):
        raise HttpError(404, message) from None


# --- documentation helpers --------------------------------------------------------------------


def _hsds_schema(ref: str, extended: str | None = None) -> dict[str, Any]:
    # HSDS's own schema, plus a description of Kansrijk's extra properties of `extended`.
    if extended is None:
        return {"$ref": SPEC + ref}
    extensions = {
        name: {"description": f"Kansrijk extension. {text}"}
        for name, text in hsds.EXTENSIONS[extended].items()
    }
    return {"allOf": [{"$ref": SPEC + ref}, {"properties": extensions}]}


def _responses(description: str, schema: dict[str, Any], *, errors: Sequence[int]) -> dict:
    responses: dict[int, Any] = {
        200: {"description": description, "content": {"application/json": {"schema": schema}}}
    }
    for status in errors:
        responses[status] = {
            "description": {400: "Bad query parameter.", 404: "No such record."}[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    return {"responses": responses}


def _page_of(item_schema: dict[str, Any], description: str) -> dict:
    schema = {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": item_schema}},
    }
    return _responses(description, schema, errors=(400,))


# --- pagination ------------------------------------------------------------------------------


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    per_page: int | None = Field(
        None,
        ge=1,
        description="Results per page (default HSDS_PER_PAGE_DEFAULT, at most HSDS_PER_PAGE_MAX).",
    )


class SearchPageParams(PageParams):
    search: str | None = Field(None, description="Full text search.")


def _page(
    queryset: QuerySet,
    params: PageParams,
    serialise: Callable[[list], list[dict[str, Any]]],
) -> dict[str, Any]:
    per_page = params.per_page or settings.HSDS_PER_PAGE_DEFAULT
    if per_page > settings.HSDS_PER_PAGE_MAX:
        raise _bad_parameter(
            "per_page", _("at most %(max)d results per page.") % {"max": settings.HSDS_PER_PAGE_MAX}
        )
    total = queryset.count()
    offset = (params.page - 1) * per_page
    items = list(queryset[offset : offset + per_page]) if offset < total else []
    total_pages = math.ceil(total / per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": params.page,
        "size": len(items),
        "first_page": params.page == 1,
        "last_page": params.page >= total_pages,
        "empty": not items,
        "contents": serialise(items),
    }


# --- services -------------------------------------------------------------------------------


class ServiceFilters(SearchPageParams):
    taxonomy_term_id: UUID | None = Field(
        None, description="Only services with this taxonomy term."
    )
    taxonomy_id: UUID | None = Field(
        None, description="Only services with a term from this taxonomy."
    )
    organization_id: UUID | None = Field(None, description="Only services of this organization.")
    modified_after: datetime | None = Field(
        None, description="Only services modified on or after this date-time (ISO 8601)."
    )
    full: bool = Field(False, description="Fully nested objects instead of the compact form.")


def _matching_services(filters: ServiceFilters) -> QuerySet[Service]:
    modified_after = filters.modified_after
    if modified_after is not None and timezone.is_naive(modified_after):
        modified_after = timezone.make_aware(modified_after)
    return service_search(
        query=filters.search or None,
        taxonomy_term_ids=[filters.taxonomy_term_id] if filters.taxonomy_term_id else None,
        taxonomy_ids=[filters.taxonomy_id] if filters.taxonomy_id else None,
        organization_id=filters.organization_id,
        modified_after=modified_after,
        # HSDS carries the status: a consumer that syncs must see a service become inactive.
        include_inactive=True,
    )


@api.get(
    "/",
    summary="Information about this API and its relationship with HSDS.",
    operation_id="getAPIMetaInformation",
    openapi_extra=_responses(
        "HSDS version, profile and OpenAPI document of this API.",
        {
            "type": "object",
            "required": ["version", "profile", "openapi_url"],
            "properties": {
                "version": {"type": "string"},
                "profile": {"type": "string", "format": "uri"},
                "openapi_url": {"type": "string", "format": "uri"},
            },
        },
        errors=(),
    ),
)
def api_info(request: HttpRequest):
    return {
        "version": hsds.HSDS_VERSION,
        "profile": request.build_absolute_uri(reverse("hsds:profile")),
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi-json")),
    }


@api.get(
    "/profile",
    url_name="profile",
    summary="Kansrijk's HSDS profile: HSDS 3.0 with a few extra properties.",
    operation_id="getProfile",
    openapi_extra=_responses("The profile.", {"type": "object"}, errors=()),
)
def api_profile(request: HttpRequest):
    return {
        "name": "Kansrijk",
        "description": (
            "HSDS 3.0 without changes to its schemas; Kansrijk adds the extra properties below "
            "where HSDS allows additional properties. Confidential addresses are left out."
        ),
        "hsds_version": hsds.HSDS_VERSION,
        "extensions": hsds.EXTENSIONS,
    }


@api.get(
    "/services",
    summary="Paginated list of services.",
    operation_id="getPaginatedListOfServices",
    openapi_extra=_page_of(
        _hsds_schema("compiled/service_list.json", "service"),
        "Services: compact (one-to-one fields, organization and program), or fully nested "
        "with full=true.",
    ),
)
def services_list(request: HttpRequest, filters: Query[ServiceFilters]):
    queryset = hsds.services_with_hsds_related(_matching_services(filters), full=filters.full)
    return _page(queryset, filters, lambda items: hsds.services_to_hsds(items, full=filters.full))


@api.get(
    "/services/{id}",
    summary="A fully nested service.",
    operation_id="getFullyNestedServiceById",
    openapi_extra=_responses(
        "The service with all related data.",
        _hsds_schema("compiled/service.json", "service"),
        errors=(404,),
    ),
)
def services_detail(request: HttpRequest, id: str):
    queryset = hsds.services_with_hsds_related(Service.objects.all(), full=True)
    service = _get_or_404(queryset, id, _("No service with this id."))
    return hsds.service_to_hsds(service, full=True)


# --- organizations ------------------------------------------------------------------------


class OrganizationFilters(SearchPageParams):
    full: bool = Field(False, description="Fully nested organizations.")
    full_service: bool = Field(
        False, description="With full=true or on one organization: fully nested services."
    )


@api.get(
    "/organizations",
    summary="Paginated list of organizations.",
    operation_id="getPaginatedListOfOrganizations",
    openapi_extra=_page_of(
        _hsds_schema("compiled/organization_list.json"),
        "Organizations: compact (one-to-one fields), or fully nested with full=true.",
    ),
)
def organizations_list(request: HttpRequest, filters: Query[OrganizationFilters]):
    queryset = Organization.objects.order_by("name", "id")
    if filters.search:
        queryset = queryset.filter(
            Q(name__icontains=filters.search)
            | Q(alternate_name__icontains=filters.search)
            | Q(description__icontains=filters.search)
        )
    queryset = hsds.organizations_with_hsds_related(
        queryset, full=filters.full, full_service=filters.full_service
    )
    return _page(
        queryset,
        filters,
        lambda items: hsds.organizations_to_hsds(
            items, full=filters.full, full_service=filters.full_service
        ),
    )


@api.get(
    "/organizations/{id}",
    summary="A fully nested organization, its services compact unless full_service=true.",
    operation_id="getOrganizationById",
    openapi_extra=_responses(
        "The organization with all related data.",
        _hsds_schema("compiled/organization.json"),
        errors=(400, 404),
    ),
)
def organizations_detail(
    request: HttpRequest,
    id: str,
    full_service: bool = Query(False, description="Fully nested services."),
):
    queryset = hsds.organizations_with_hsds_related(
        Organization.objects.all(), full=True, full_service=full_service
    )
    organization = _get_or_404(queryset, id, _("No organization with this id."))
    return hsds.organization_to_hsds(organization, full=True, full_service=full_service)


# --- service at locations -------------------------------------------------------------------


@api.get(
    "/service_at_locations",
    summary="Paginated list of services at locations.",
    operation_id="getPaginatedListOfServiceAtLocation",
    openapi_extra=_page_of(
        _hsds_schema("compiled/service_at_location_list.json"),
        "Services at locations: compact (with the location's and service's one-to-one fields), "
        "or fully nested with full=true.",
    ),
)
def service_at_locations_list(request: HttpRequest, filters: Query[ServiceFilters]):
    queryset = ServiceAtLocation.objects.order_by("service__name", "location__name", "id")
    if any(
        value is not None
        for value in (
            filters.search or None,
            filters.taxonomy_term_id,
            filters.taxonomy_id,
            filters.organization_id,
            filters.modified_after,
        )
    ):
        queryset = queryset.filter(service__in=_matching_services(filters).values("id"))
    queryset = hsds.service_at_locations_with_hsds_related(queryset, full=filters.full)
    return _page(
        queryset,
        filters,
        lambda items: hsds.service_at_locations_to_hsds(items, full=filters.full),
    )


@api.get(
    "/service_at_locations/{id}",
    summary="A fully nested service at location.",
    operation_id="getServiceAtLocationWithNestedDataById",
    openapi_extra=_responses(
        "The service at location with its service and location, with all related data.",
        _hsds_schema("compiled/service_at_location.json"),
        errors=(404,),
    ),
)
def service_at_locations_detail(request: HttpRequest, id: str):
    queryset = hsds.service_at_locations_with_hsds_related(
        ServiceAtLocation.objects.all(), full=True
    )
    item = _get_or_404(queryset, id, _("No service at location with this id."))
    return hsds.service_at_location_to_hsds(item, full=True)


# --- taxonomies -----------------------------------------------------------------------------


@api.get(
    "/taxonomies",
    summary="Paginated list of taxonomies.",
    operation_id="getPaginatedListOfTaxonomies",
    openapi_extra=_page_of(_hsds_schema("taxonomy.json"), "Taxonomies."),
)
def taxonomies_list(request: HttpRequest, filters: Query[SearchPageParams]):
    queryset = Taxonomy.objects.order_by("name", "id")
    if filters.search:
        queryset = queryset.filter(
            Q(name__icontains=filters.search) | Q(description__icontains=filters.search)
        )
    return _page(queryset, filters, lambda items: [hsds.taxonomy_to_hsds(t) for t in items])


@api.get(
    "/taxonomies/{id}",
    summary="A taxonomy.",
    operation_id="getTaxonomyById",
    openapi_extra=_responses("The taxonomy.", _hsds_schema("taxonomy.json"), errors=(404,)),
)
def taxonomies_detail(request: HttpRequest, id: str):
    taxonomy = _get_or_404(Taxonomy.objects.all(), id, _("No taxonomy with this id."))
    return hsds.taxonomy_to_hsds(taxonomy)


class TaxonomyTermFilters(SearchPageParams):
    taxonomy_id: UUID | None = Field(None, description="Only terms of this taxonomy.")
    parent_id: UUID | None = Field(None, description="Only the children of this term.")
    top_only: bool = Field(False, description="Only top-level terms (without a parent).")


@api.get(
    "/taxonomy_terms",
    summary="Paginated list of taxonomy terms.",
    operation_id="getPaginatedListOfTaxonomyTerms",
    openapi_extra=_page_of(_hsds_schema("taxonomy_term.json"), "Taxonomy terms."),
)
def taxonomy_terms_list(request: HttpRequest, filters: Query[TaxonomyTermFilters]):
    queryset = TaxonomyTerm.objects.order_by("taxonomy__name", "name", "id")
    if filters.search:
        queryset = queryset.filter(
            Q(name__icontains=filters.search)
            | Q(code__icontains=filters.search)
            | Q(description__icontains=filters.search)
        )
    if filters.taxonomy_id:
        queryset = queryset.filter(taxonomy_id=filters.taxonomy_id)
    if filters.parent_id:
        queryset = queryset.filter(parent_id=filters.parent_id)
    if filters.top_only:
        queryset = queryset.filter(parent__isnull=True)
    queryset = hsds.taxonomy_terms_with_hsds_related(queryset)
    return _page(
        queryset, filters, lambda items: [hsds.taxonomy_term_to_hsds(term) for term in items]
    )


@api.get(
    "/taxonomy_terms/{id}",
    summary="A taxonomy term.",
    operation_id="getTaxonomyTermById",
    openapi_extra=_responses(
        "The taxonomy term.", _hsds_schema("taxonomy_term.json"), errors=(404,)
    ),
)
def taxonomy_terms_detail(request: HttpRequest, id: str):
    queryset = hsds.taxonomy_terms_with_hsds_related(TaxonomyTerm.objects.all())
    term = _get_or_404(queryset, id, _("No taxonomy term with this id."))
    return hsds.taxonomy_term_to_hsds(term)
