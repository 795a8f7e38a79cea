"""The one door to client pages: professionals only, past the second factor, and every client
through `selectors.client_get_for_user`. Refusals answer 403 (not a professional) or 404 (a
client this user may not see, or none at all: existence does not leak) and are written to the
audit log with outcome "denied"."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from kansrijk.accounts.selectors import forbidden_response, login_required_verified
from kansrijk.audit.constants import Outcome
from kansrijk.audit.services import audit_request_context
from kansrijk.clients import selectors, services
from kansrijk.clients.constants import AUDIT_CLIENT_DENIED

View = Callable[..., HttpResponse]


def audit_context(request: HttpRequest) -> dict[str, Any]:
    """Where a request came from, for the audit log."""
    return audit_request_context(request)


def _deny(request: HttpRequest, *, client_uuid: Any, reason: str) -> None:
    services.client_audit_record(
        action=AUDIT_CLIENT_DENIED,
        user=request.user,
        client_uuid=str(client_uuid or "")[:64],
        outcome=Outcome.DENIED,
        detail={"reason": reason, "path": request.path[:200]},
        audit_context=audit_context(request),
    )


def client_view(view: View) -> View:
    """For views of client data. Logged in with the second factor; a professional (else 403);
    a `client_id` URL argument becomes `client`, the client this user may see (else 404)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        client_uuid = kwargs.pop("client_id", None)
        if not selectors.user_works_with_clients(request.user):
            _deny(request, client_uuid=client_uuid, reason="role")
            return forbidden_response(request)
        if client_uuid is not None:
            client = selectors.client_get_for_user(request.user, client_uuid)
            if client is None:
                _deny(request, client_uuid=client_uuid, reason="not_visible")
                raise Http404
            kwargs["client"] = client
        return view(request, *args, **kwargs)

    return wrapper
