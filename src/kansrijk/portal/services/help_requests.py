"""Requests for help ("Ik wil hulp"): stored first, then forwarded as a self-referral.

The order matters. `help_request_receive` commits her request on its own, before anything else
can fail; `help_request_forward` then registers her as a client of the intake organisation,
records her consent in the words she agreed to, and makes the self-referral that puts her on
the intake's work list. If forwarding fails, the request waits (FAILED) for the retry task and
a coordinator; it is never lost.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from kansrijk.audit.services import audit_record
from kansrijk.clients import services as client_services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.portal import selectors
from kansrijk.portal.constants import (
    AUDIT_HELP_REQUEST_FORWARDED,
    AUDIT_HELP_REQUEST_RECEIVED,
    AUDIT_OBJECT_HELP_REQUEST,
    AUDIT_STATUS_LINK_REVOKED,
    AUDIT_STATUS_VIEWED,
    TOPICS_BY_CODE,
    Phase,
    RequestState,
    SentBy,
)
from kansrijk.portal.models import HelpRequest, ParentSite
from kansrijk.referrals import services as referral_services

__all__ = [
    "TooManyRequests",
    "help_request_forward",
    "help_request_receive",
    "help_requests_expire",
    "help_requests_forward_waiting",
    "help_requests_pseudonymise",
    "status_link_revoke",
    "status_link_send",
    "status_viewed_record",
    "token_hash",
]

logger = logging.getLogger(__name__)


class TooManyRequests(Exception):
    """Too many requests from one network address in the last hour."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def source_key(address: str) -> str:
    """A keyed hash of her network address: enough to count requests, useless to find her."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Received:
    request: HelpRequest
    token: str  # the secret of her status link: shown once, never stored


def help_request_receive(
    *,
    site: ParentSite,
    values: Mapping[str, Any],
    consent_words: str,
    page_language: str,
    source_address: str,
    audit_context: Mapping[str, Any] | None = None,
) -> Received:
    """Store her request (its own transaction: committed before anything else is tried).
    `values` are the cleaned form fields. Raises TooManyRequests over the hourly limit."""
    key = source_key(source_address) if source_address else ""
    since = timezone.now() - timedelta(hours=1)
    limit = settings.KANSRIJK_PORTAL_REQUESTS_PER_HOUR
    if key and HelpRequest.objects.filter(source_key=key, created_at__gte=since).count() >= limit:
        raise TooManyRequests
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        request = HelpRequest.objects.create(
            site=site,
            page_language=page_language,
            language=values["language"],
            interpreter_needed=bool(values.get("interpreter_needed")),
            first_name=values["first_name"],
            phone=values.get("phone", ""),
            email=values.get("email", ""),
            best_time=values.get("best_time", ""),
            safe_contact=list(values.get("safe_contact") or []),
            phase=values.get("phase", ""),
            topics=list(values.get("topics") or []),
            service_id=values.get("service") or None,
            question=values.get("question", ""),
            municipality=values["municipality"],
            sent_by=values.get("sent_by") or SentBy.PARENT,
            helper_name=values.get("helper_name", ""),
            consent_words=consent_words,
            status_token_hash=token_hash(token),
            source_key=key,
        )
        _audit(AUDIT_HELP_REQUEST_RECEIVED, request, audit_context=audit_context)
    return Received(request=request, token=token)


def _reason(request: HelpRequest) -> str:
    """The question for the intake, in Dutch (the professionals' language); her own words
    as she wrote them."""
    with translation.override("nl"):
        lines = [
            _("Request for help through the parent site %(site)s.") % {"site": request.site.name}
        ]
        if request.phase:
            lines.append(_("Phase: %(phase)s.") % {"phase": Phase(request.phase).label})
        topics = [str(TOPICS_BY_CODE[c].label) for c in request.topics if c in TOPICS_BY_CODE]
        if topics:
            lines.append(_("What is on her mind: %(topics)s.") % {"topics": ", ".join(topics)})
        if request.question:
            lines.append(_("In her own words: %(question)s") % {"question": request.question})
        if request.sent_by != SentBy.PARENT:
            lines.append(
                _("Sent for her by: %(who)s (%(name)s), with her consent.")
                % {"who": SentBy(request.sent_by).label, "name": request.helper_name or "-"}
            )
    return "\n".join(lines)


def help_request_forward(*, request_id: int) -> HelpRequest:
    """Make her request a self-referral to the site's intake. Idempotent: a forwarded request
    is left alone. On failure the request is marked FAILED with the reason and kept."""
    try:
        with transaction.atomic():
            request = (
                HelpRequest.objects.select_for_update().select_related("site").get(pk=request_id)
            )
            if request.state == RequestState.FORWARDED or request.pseudonymised_at is not None:
                return request
            _forward(request)
        return request
    except Exception as error:  # noqa: BLE001 - any failure leaves her request waiting, not lost
        logger.warning("help request %s could not be forwarded: %s", request_id, error)
        HelpRequest.objects.filter(pk=request_id).exclude(state=RequestState.FORWARDED).update(
            state=RequestState.FAILED, failure=str(error)[:2000]
        )
        _retry_later()
        return HelpRequest.objects.get(pk=request_id)


def _forward(request: HelpRequest) -> None:
    request.attempts += 1
    service, receiver = selectors.request_receiver(request.site, request.service_id)
    if receiver is None:
        raise ValueError("the site has no intake service with a partner organisation")
    client = client_services.client_register(
        organisation=receiver,
        created_by=None,
        year_of_birth=None,
        municipality=request.municipality,
        language=request.language,
        interpreter_needed=request.interpreter_needed,
        complete=False,
    )
    client_services.identity_set(
        client=client,
        set_by=None,
        name=request.first_name,
        phone=request.phone,
        email=request.email,
    )
    consent = client_services.consent_record(
        client=client,
        purpose=ConsentPurpose.REFERRAL,
        organisations=[receiver],
        words=request.consent_words,
        given_to=None,
    )
    themes = [
        t for code in request.topics if code in TOPICS_BY_CODE for t in TOPICS_BY_CODE[code].themes
    ]
    referral = referral_services.referral_self_create(
        client_id=client.pk,
        service_id=service.pk,
        reason=_reason(request),
        theme_codes=themes,
        safe_contact=request.safe_contact,
        contact_time=request.best_time,
    )
    request.referral = referral
    request.state = RequestState.FORWARDED
    request.failure = ""
    request.save(update_fields=["referral", "state", "failure", "attempts"])
    _audit(
        AUDIT_HELP_REQUEST_FORWARDED,
        request,
        client_id=str(client.uuid),
        detail={"referral": str(referral.uuid), "consent": str(consent.uuid)},
    )


def _retry_later() -> None:
    from kansrijk.portal.tasks import schedule_retry

    try:
        schedule_retry()
    except Exception as error:  # noqa: BLE001 - the coordinator's work list still shows it
        logger.warning("could not queue the retry of waiting help requests: %s", error)


def help_requests_forward_waiting(*, coalition_ids: list[int] | None = None) -> int:
    """Try again for every request still waiting (the retry task, or a coordinator for her
    coalitions). Returns how many went."""
    forwarded = 0
    waiting = HelpRequest.objects.filter(
        state__in=[RequestState.RECEIVED, RequestState.FAILED], pseudonymised_at__isnull=True
    )
    if coalition_ids is not None:
        waiting = waiting.filter(site__coalition_id__in=coalition_ids)
    waiting = waiting.values_list("pk", flat=True)
    for request_id in list(waiting):
        if help_request_forward(request_id=request_id).state == RequestState.FORWARDED:
            forwarded += 1
    return forwarded


def status_link_send(*, request: HelpRequest, url: str) -> bool:
    """Send her status link by text message or e-mail through the configured sender. A failing
    sender costs only the message: the link was shown on screen."""
    sender = import_string(settings.KANSRIJK_PORTAL_SENDER)()
    with translation.override(request.page_language):
        message = _(
            "%(site)s: your request for help was received. See what happens with it: %(url)s"
        ) % {
            "site": request.site.name,
            "url": url,
        }
    try:
        return bool(sender.send(phone=request.phone, email=request.email, message=message))
    except Exception as error:  # noqa: BLE001
        logger.warning("status link for help request %s not sent: %s", request.pk, error)
        return False


def status_viewed_record(*, request: HelpRequest, audit_context: Mapping[str, Any] | None) -> None:
    """Reading her status shows client data (who opened it): logged like any read."""
    client_id = str(request.referral.client.uuid) if request.referral_id else ""
    _audit(AUDIT_STATUS_VIEWED, request, client_id=client_id, audit_context=audit_context)


@transaction.atomic
def status_link_revoke(*, request: HelpRequest, audit_context: Mapping[str, Any] | None) -> None:
    """She (or someone with her link) switches the link off: it shows nothing any more."""
    updated = HelpRequest.objects.filter(pk=request.pk, status_revoked_at__isnull=True).update(
        status_revoked_at=timezone.now()
    )
    if updated:
        client_id = str(request.referral.client.uuid) if request.referral_id else ""
        _audit(AUDIT_STATUS_LINK_REVOKED, request, client_id=client_id, audit_context=audit_context)


def help_requests_expire(*, now=None) -> int:
    """Empty requests that never became a referral once the retention period has passed
    (forwarded ones follow their client's retention). Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.KANSRIJK_RETENTION_DAYS)
    return _emptied(
        HelpRequest.objects.filter(referral__isnull=True, created_at__lt=cutoff), now=now
    )


def _emptied(requests, *, now) -> int:
    return requests.filter(pseudonymised_at__isnull=True).update(
        first_name="",
        phone="",
        email="",
        question="",
        helper_name="",
        consent_words="",
        status_revoked_at=now,
        pseudonymised_at=now,
    )


def help_requests_pseudonymise(*, client_id: int) -> None:
    """Her retention period ended (clients.extensions pseudonymiser): empty what identifies her
    in the request she sent, and switch her status link off."""
    _emptied(HelpRequest.objects.filter(referral__client_id=client_id), now=timezone.now())


def _audit(
    action: str,
    request: HelpRequest,
    *,
    client_id: str = "",
    detail: dict[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    fields: dict[str, Any] = {"source": "system", **(audit_context or {})}
    audit_record(
        action=action,
        client_id=client_id,
        object_type=AUDIT_OBJECT_HELP_REQUEST,
        object_id=str(request.uuid),
        detail={"site": request.site.slug, **(detail or {})},
        **fields,
    )
