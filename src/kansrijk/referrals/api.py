"""The referrals API under /api/ (django-ninja), for staff: the same permissions as the pages.

Authentication is the Django session of a logged-in professional who passed the second factor;
writes need the CSRF token (header X-CSRFToken). Every error is JSON with a `message`:
401 not logged in, 403 not a professional or no CSRF token, 404 for a referral or client the
user may not see (whether or not it exists), 409 for a step the transition table refuses or
that someone else took first (send the `lock_version` you saw as `expected_lock_version`),
422 for bad input. The OpenAPI document is committed as docs/api/referrals-openapi.json
(`kansrijk referrals openapi --check`).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.responses import NinjaJSONEncoder, Status
from ninja.security import SessionAuth

from kansrijk.accounts.selectors import user_needs_second_factor
from kansrijk.audit.services import audit_request_context
from kansrijk.clients import selectors as client_selectors
from kansrijk.referrals import access, selectors, services
from kansrijk.referrals.constants import (
    AUDIT_REFERRAL_EXPORTED,
    MESSAGE_MAX_LENGTH,
    OVERDUE_STATUSES,
    REASON_MAX_LENGTH,
    ReferralStatus,
)
from kansrijk.referrals.fhir import referral_fhir_bundle
from kansrijk.referrals.models import Referral

PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 200


class StaffSession(SessionAuth):
    """A logged-in, active user who passed the second factor where their roles need it."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if not user.is_authenticated or not user.is_active or user_needs_second_factor(user):
            return None
        return user


class ReferralsNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # Paths as "/referrals" under the server URL "/api", as served and as committed.
        return super().get_openapi_schema(path_prefix="", path_params=path_params)


api = ReferralsNinjaAPI(
    urls_namespace="api",
    servers=[{"url": "/api"}],
    docs_url=None,
    auth=StaffSession(),
    title="Kansrijk referrals API",
    version="1.0",
    description=(
        "Closed-loop referrals between Kansrijke Start partners, with FHIR Task states "
        "(requested, received, accepted, rejected, in-progress, on-hold, completed, cancelled, "
        "failed, entered-in-error). Session authentication for staff; writes need the CSRF "
        "token. Only parties to a referral see it and its client."
    ),
)


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI document as plain JSON data (as served at /api/openapi.json)."""
    return json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))


# --- errors ----------------------------------------------------------------------------------


class Message(Schema):
    message: str


class ErrorItem(Schema):
    field: str
    message: str


class ValidationMessage(Schema):
    message: str
    errors: list[ErrorItem] = []


def _error(request: HttpRequest, status: int, message: str, **extra: Any) -> HttpResponse:
    return api.create_response(request, {"message": message, **extra}, status=status)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, str(exc.message))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, _("Log in (with your second factor) to use this API."))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, _("Not found, or you may not see it."))


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"field": ".".join(str(p) for p in error.get("loc", ())[1:]), "message": error["msg"]}
        for error in exc.errors
    ]
    return _error(request, 422, _("The request is not valid."), errors=errors)


@api.exception_handler(services.ReferralError)
def _refused(request: HttpRequest, exc: services.ReferralError) -> HttpResponse:
    return _error(request, exc.status_code, exc.message)


def _professional(request: HttpRequest):
    user = request.auth
    if not selectors.user_works_with_referrals(user):
        raise HttpError(403, _("Only professionals of a partner organisation work with referrals."))
    return user


# --- schemas ---------------------------------------------------------------------------------


class OrganisationRef(Schema):
    id: UUID
    name: str


class ClientRef(Schema):
    id: UUID
    pseudonym: str
    year_of_birth: int | None
    municipality_code: str


class ServiceRef(Schema):
    id: UUID = Field(description="The service's id in the sociale kaart (HSDS service.id).")
    name: str


class ConsentRef(Schema):
    id: UUID
    active: bool


class ReferralOut(Schema):
    id: UUID
    client: ClientRef
    self_referral: bool
    sender_organisation: OrganisationRef | None
    receiver_organisation: OrganisationRef
    service: ServiceRef
    theme_codes: list[str]
    safe_contact: list[str] = Field(
        description="How the family may be contacted safely: text-only, no-voicemail, "
        "anonymous-caller, i-will-call. Respect it before anything else."
    )
    contact_time: str = Field(
        description="Best time to reach her: any, morning, afternoon, evening."
    )
    reason: str
    consent: ConsentRef
    status: ReferralStatus = Field(description="FHIR Task.status.")
    business_status: str = Field(description="FHIR Task.businessStatus, e.g. family-declined.")
    status_reason: str = Field(description="FHIR Task.statusReason.")
    outcome: str = Field(description="FHIR Task.output: the outcome when completed.")
    support_started_on: date | None
    answer_due: date
    overdue: bool
    lock_version: int = Field(description="Send it back as expected_lock_version.")
    created_at: datetime
    updated_at: datetime
    allowed_transitions: list[ReferralStatus] = Field(
        description="The statuses this user may move the referral to now."
    )


class EventOut(Schema):
    at: datetime
    from_status: ReferralStatus | None
    to_status: ReferralStatus
    business_status: str
    organisation: str
    note: str


class MessageOut(Schema):
    id: UUID
    kind: str = Field(description="question (from the receiving side) or answer.")
    at: datetime
    organisation: str
    text: str
    answered: bool


class ReferralDetailOut(ReferralOut):
    timeline: list[EventOut]
    messages: list[MessageOut]


class ReferralPage(Schema):
    count: int
    page: int
    per_page: int
    results: list[ReferralOut]


class ReferralIn(Schema):
    client_id: UUID = Field(description="The client's public id.")
    service_id: UUID = Field(description="The service's id in the sociale kaart.")
    reason: str = Field(min_length=1, max_length=REASON_MAX_LENGTH)
    theme_codes: list[str] = []
    follow_up_of: UUID | None = Field(
        None, description="The rejected or failed referral this one replaces."
    )


class TransitionIn(Schema):
    to_status: ReferralStatus
    expected_lock_version: int = Field(ge=1)
    reason: str | None = Field(None, max_length=REASON_MAX_LENGTH)
    outcome: str | None = Field(None, max_length=REASON_MAX_LENGTH)
    support_started_on: date | None = None


class QuestionIn(Schema):
    text: str = Field(min_length=1, max_length=MESSAGE_MAX_LENGTH)


class ListFilters(Schema):
    status: ReferralStatus | None = None
    side: str | None = Field(None, pattern="^(sent|received)$")
    page: int = Field(1, ge=1)
    per_page: int = Field(PER_PAGE_DEFAULT, ge=1, le=PER_PAGE_MAX)


def _organisation(organisation) -> dict[str, Any] | None:
    if organisation is None:
        return None
    return {"id": organisation.uuid, "name": organisation.name}


def _referral_out(user, referral: Referral) -> dict[str, Any]:
    client = referral.client
    return {
        "id": referral.uuid,
        "client": {
            "id": client.uuid,
            "pseudonym": client.pseudonym,
            "year_of_birth": client.year_of_birth,
            "municipality_code": client.municipality.code,
        },
        "self_referral": referral.self_referral,
        "sender_organisation": _organisation(referral.sender_organisation),
        "receiver_organisation": _organisation(referral.receiver_organisation),
        "service": {"id": referral.service_id, "name": referral.service_name},
        "theme_codes": list(referral.theme_codes),
        "safe_contact": list(referral.safe_contact),
        "contact_time": referral.contact_time,
        "reason": referral.reason,
        "consent": {
            "id": referral.consent.uuid,
            "active": referral.consent.withdrawn_at is None,
        },
        "status": referral.status,
        "business_status": referral.business_status,
        "status_reason": referral.status_reason,
        "outcome": referral.outcome,
        "support_started_on": referral.support_started_on,
        "answer_due": referral.answer_due,
        "overdue": referral.status in OVERDUE_STATUSES
        and referral.answer_due < timezone.localdate(),
        "lock_version": referral.lock_version,
        "created_at": referral.created_at,
        "updated_at": referral.updated_at,
        "allowed_transitions": [
            t.target for t in selectors.referral_transitions_for_user(user, referral)
        ],
    }


def _referral_detail(user, referral: Referral) -> dict[str, Any]:
    data = _referral_out(user, referral)
    timeline = selectors.referral_timeline(referral=referral)
    data["timeline"] = [
        {
            "at": e.event.at,
            "from_status": e.event.from_status or None,
            "to_status": e.event.to_status,
            "business_status": e.event.business_status,
            "organisation": e.event.organisation.name if e.event.organisation else "",
            "note": e.event.note,
        }
        for e in timeline
        if e.event is not None
    ]
    data["messages"] = [
        {
            "id": e.message.uuid,
            "kind": e.message.kind,
            "at": e.message.created_at,
            "organisation": e.message.organisation.name if e.message.organisation else "",
            "text": e.message.text,
            "answered": e.message.answered_at is not None,
        }
        for e in timeline
        if e.message is not None
    ]
    return data


ERRORS = {401: Message, 403: Message, 404: Message, 409: Message, 422: ValidationMessage}


def _responses(ok: int, schema, *codes: int) -> dict[int, Any]:
    return {ok: schema, **{code: ERRORS[code] for code in (401, 403, *codes)}}


# --- endpoints -------------------------------------------------------------------------------


@api.get(
    "/referrals",
    response=_responses(200, ReferralPage, 422),
    summary="The referrals the user may see, newest first.",
    operation_id="listReferrals",
)
def referrals_list(request: HttpRequest, filters: Query[ListFilters]):
    user = _professional(request)
    referrals = selectors.referrals_visible_to(user).order_by("-created_at", "-id")
    if filters.status:
        referrals = referrals.filter(status=filters.status)
    if filters.side == "sent":
        referrals = referrals.filter(sender_organisation_id=user.organisation_id)
    elif filters.side == "received":
        referrals = referrals.filter(receiver_organisation_id=user.organisation_id)
    count = referrals.count()
    offset = (filters.page - 1) * filters.per_page
    page = list(referrals[offset : offset + filters.per_page])
    services.audit_referrals_listed(
        user=user, count=len(page), audit_context=audit_request_context(request)
    )
    return {
        "count": count,
        "page": filters.page,
        "per_page": filters.per_page,
        "results": [_referral_out(user, r) for r in page],
    }


@api.post(
    "/referrals",
    response=_responses(201, ReferralDetailOut, 404, 409, 422),
    summary="Refer a client to a service (her consent must name the receiving organisation).",
    operation_id="createReferral",
)
def referrals_create(request: HttpRequest, payload: ReferralIn):
    user = _professional(request)
    client = client_selectors.client_get_for_user(user, payload.client_id)
    if client is None:
        raise Http404
    follow_up_of_id = None
    if payload.follow_up_of:
        follow_up_of_id = access.get_referral_for_user(user, payload.follow_up_of, audit=False).pk
    referral = services.referral_create(
        client_id=client.pk,
        service_id=payload.service_id,
        user=user,
        reason=payload.reason,
        theme_codes=payload.theme_codes,
        follow_up_of_id=follow_up_of_id,
        audit_context=audit_request_context(request),
    )
    referral = selectors.referral_get_for_user(user, referral.uuid)
    return Status(201, _referral_detail(user, referral))


@api.get(
    "/referrals/{referral_id}",
    response=_responses(200, ReferralDetailOut, 404),
    summary="One referral with its timeline and questions.",
    operation_id="getReferral",
)
def referrals_detail(request: HttpRequest, referral_id: str):
    user = _professional(request)
    referral = access.get_referral_for_user(user, referral_id)
    return _referral_detail(user, referral)


@api.post(
    "/referrals/{referral_id}/transitions",
    response=_responses(200, ReferralDetailOut, 404, 409, 422),
    summary="Move the referral to another status (FHIR Task.status).",
    description=(
        "Allowed steps and who may take them: ../shared/spec/fhir-referral.md. A reason is "
        "needed to reject, put on hold, cancel or fail; an outcome to complete. 409 when the "
        "step is not allowed, or when expected_lock_version is not the current lock_version "
        "(someone else moved it first)."
    ),
    operation_id="transitionReferral",
)
def referrals_transition(request: HttpRequest, referral_id: str, payload: TransitionIn):
    user = _professional(request)
    referral = access.get_referral_for_user(user, referral_id, audit=False)
    services.referral_transition(
        referral_id=referral.pk,
        to_status=payload.to_status,
        user=user,
        reason=payload.reason,
        outcome=payload.outcome,
        expected_lock_version=payload.expected_lock_version,
        support_started_on=payload.support_started_on,
        audit_context=audit_request_context(request),
    )
    return _referral_detail(user, selectors.referral_get_for_user(user, referral.uuid))


@api.post(
    "/referrals/{referral_id}/questions",
    response=_responses(201, ReferralDetailOut, 404, 409, 422),
    summary="The receiving side asks the referring side a question.",
    operation_id="askQuestion",
)
def referrals_question(request: HttpRequest, referral_id: str, payload: QuestionIn):
    user = _professional(request)
    referral = access.get_referral_for_user(user, referral_id, audit=False)
    services.referral_question_ask(
        referral_id=referral.pk,
        user=user,
        text=payload.text,
        audit_context=audit_request_context(request),
    )
    return Status(201, _referral_detail(user, referral))


@api.post(
    "/referrals/{referral_id}/questions/{question_id}/answer",
    response=_responses(201, ReferralDetailOut, 404, 409, 422),
    summary="The referring side answers a question.",
    operation_id="answerQuestion",
)
def referrals_answer(request: HttpRequest, referral_id: str, question_id: str, payload: QuestionIn):
    user = _professional(request)
    referral = access.get_referral_for_user(user, referral_id, audit=False)
    question = selectors.referral_question_get(referral=referral, question_uuid=question_id)
    if question is None:
        raise Http404
    services.referral_question_answer(
        question_id=question.pk,
        user=user,
        text=payload.text,
        audit_context=audit_request_context(request),
    )
    return Status(201, _referral_detail(user, referral))


@api.get(
    "/referrals/{referral_id}/fhir",
    response=_responses(200, dict[str, Any], 404),
    summary="The referral as a FHIR R4 Bundle (collection): Patient (pseudonymous), "
    "Organization, HealthcareService, PractitionerRole, Consent, ServiceRequest, Task.",
    operation_id="getReferralFhirBundle",
)
def referrals_fhir(request: HttpRequest, referral_id: str):
    user = _professional(request)
    referral = access.get_referral_for_user(user, referral_id, audit=False)
    services.audit_referral_read(
        referral=referral,
        user=user,
        action=AUDIT_REFERRAL_EXPORTED,
        audit_context=audit_request_context(request),
    )
    return referral_fhir_bundle(referral.pk)
