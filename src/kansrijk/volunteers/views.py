"""Coordinator pages under /vrijwilligers/: the families waiting for a volunteer, with the
suggested volunteers and why, and the coordinator's decision to propose one."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import forbidden_response, login_required_verified
from kansrijk.audit.constants import Outcome
from kansrijk.audit.services import audit_record, audit_request_context
from kansrijk.clients.constants import LANGUAGE_CHOICES
from kansrijk.volunteers import access, selectors, services
from kansrijk.volunteers.constants import (
    AUDIT_DENIED,
    AUDIT_WAITING_LIST_VIEWED,
    NEED_LABELS,
)

View = Callable[..., HttpResponse]
# How many suggestions the waiting list shows per family.
SUGGESTIONS_SHOWN = 3


def _audit(request: HttpRequest, *, action: str, outcome: str = Outcome.ALLOWED, **detail) -> None:
    client_id = str(detail.pop("client_id", ""))
    audit_record(
        action=action,
        client_id=client_id,
        object_type="volunteer_request",
        outcome=outcome,
        detail=detail,
        **audit_request_context(request),
    )


def coordinator_view(view: View) -> View:
    """Logged in with the second factor, and a coordinator in a coalition (else 403)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.coalitions_coordinated_by(request.user).exists():
            _audit(request, action=AUDIT_DENIED, outcome=Outcome.DENIED, path=request.path[:200])
            return forbidden_response(request)
        return view(request, *args, **kwargs)

    return wrapper


@never_cache
@coordinator_view
def waiting_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    languages = dict(LANGUAGE_CHOICES)
    families = []
    for family_request in selectors.family_requests_waiting_for(request.user):
        suggestions = selectors.volunteer_suggestions(request=family_request, today=today)
        families.append(
            {
                "request": family_request,
                "language": languages.get(family_request.language, family_request.language),
                "needs": [NEED_LABELS.get(code, code) for code in family_request.needs],
                "suggested": [s for s in suggestions if s.suggested][:SUGGESTIONS_SHOWN],
                "excluded": [s for s in suggestions if not s.suggested],
            }
        )
    _audit(
        request,
        action=AUDIT_WAITING_LIST_VIEWED,
        clients=[str(f["request"].client.uuid) for f in families],
    )
    return render(request, "volunteers/waiting_list.html", {"families": families})


@require_POST
@coordinator_view
def match_propose(request: HttpRequest, request_id: Any) -> HttpResponse:
    family_request = selectors.family_request_get_for_user(request.user, request_id)
    volunteer = selectors.volunteer_get_for_user(request.user, request.POST.get("volunteer"))
    if family_request is None or volunteer is None:
        _audit(
            request,
            action=AUDIT_DENIED,
            outcome=Outcome.DENIED,
            path=request.path[:200],
        )
        raise Http404
    try:
        services.match_propose(
            request=family_request,
            volunteer=volunteer,
            user=request.user,
            audit_context=audit_request_context(request),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(name)s is proposed for family %(code)s.")
            % {"name": volunteer.first_name, "code": family_request.client.pseudonym},
        )
    return redirect("volunteers:waiting_list")
