"""Pages under /vrijwilligers/.

Coordinators: the families waiting for a volunteer, with the suggested volunteers and why, the
decision to propose one, and the follow-up of running matches (check-ins, hours, worries).
Volunteers (/vrijwilligers/mijn-gezinnen/): their own families' first name, neighbourhood and
contact route, and the contact log. Nothing else."""

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
from kansrijk.clients.services import StaleEditError
from kansrijk.volunteers import access, selectors, services
from kansrijk.volunteers.constants import (
    AUDIT_DENIED,
    AUDIT_FAMILIES_VIEWED,
    AUDIT_MATCH_VIEWED,
    AUDIT_WAITING_LIST_VIEWED,
    MATCH_TRANSITIONS,
    NEED_LABELS,
    MatchStatus,
)
from kansrijk.volunteers.forms import (
    CheckInDoneForm,
    ContactLogForm,
    ContactRouteForm,
    MatchTransitionForm,
)

View = Callable[..., HttpResponse]
# How many suggestions the waiting list shows per family.
SUGGESTIONS_SHOWN = 3


def _audit(
    request: HttpRequest,
    *,
    action: str,
    outcome: str = Outcome.ALLOWED,
    object_type: str = "volunteer_request",
    object_id: str = "",
    **detail,
) -> None:
    client_id = str(detail.pop("client_id", ""))
    audit_record(
        action=action,
        client_id=client_id,
        object_type=object_type,
        object_id=object_id,
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


def volunteer_view(view: View) -> View:
    """Logged in with the second factor, as an approved volunteer (else 403)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if access.volunteer_for_user(request.user) is None:
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


# --- the coordinator's follow-up of matches ----------------------------------------------------


def _hours(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


@never_cache
@coordinator_view
def match_list(request: HttpRequest) -> HttpResponse:
    matches = list(selectors.matches_for(request.user))
    for match in matches:
        match.hours = _hours(match.minutes)
    _audit(
        request,
        action=AUDIT_MATCH_VIEWED,
        object_type="volunteer_match",
        clients=sorted({str(m.request.client.uuid) for m in matches}),
    )
    return render(request, "volunteers/match_list.html", {"matches": matches})


def _match_page(
    request: HttpRequest,
    match: Any,
    *,
    route_form: ContactRouteForm | None = None,
    transition_form: MatchTransitionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    check_ins = list(selectors.check_ins_of_match(match=match))
    for check_in in check_ins:
        check_in.missed = check_in.done_on is None and check_in.due_on < today
    contacts = list(selectors.contacts_of_match(match=match))
    _audit(
        request,
        action=AUDIT_MATCH_VIEWED,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(match.request.client.uuid),
    )
    next_statuses = [
        (code, MatchStatus(code).label) for code in sorted(MATCH_TRANSITIONS.get(match.status, ()))
    ]
    transition_form = transition_form or MatchTransitionForm(
        initial={"version": match.lock_version}
    )
    transition_form.fields["to_status"].choices = next_statuses
    return render(
        request,
        "volunteers/match_detail.html",
        {
            "match": match,
            "hours": _hours(match.minutes),
            "check_ins": check_ins,
            "contacts": contacts,
            "check_in_form": CheckInDoneForm(),
            "route_form": route_form
            or ContactRouteForm(
                initial={"contact_route": match.contact_route, "version": match.lock_version}
            ),
            "transition_form": transition_form if next_statuses else None,
        },
        status=status,
    )


def _match_or_404(request: HttpRequest, match_id: Any):
    match = selectors.match_get_for_user(request.user, match_id)
    if match is None:
        _audit(request, action=AUDIT_DENIED, outcome=Outcome.DENIED, path=request.path[:200])
        raise Http404
    return match


@never_cache
@coordinator_view
def match_detail(request: HttpRequest, match_id: Any) -> HttpResponse:
    return _match_page(request, _match_or_404(request, match_id))


@require_POST
@coordinator_view
def match_contact_route(request: HttpRequest, match_id: Any) -> HttpResponse:
    match = _match_or_404(request, match_id)
    form = ContactRouteForm(request.POST)
    if form.is_valid():
        try:
            services.match_contact_route_set(
                match=match,
                contact_route=form.cleaned_data["contact_route"],
                user=request.user,
                lock_version=form.cleaned_data["version"],
                audit_context=audit_request_context(request),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
            return _match_page(request, match, route_form=form, status=409)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The contact route has been saved."))
            return redirect("volunteers:match_detail", match_id=match.uuid)
    return _match_page(request, match, route_form=form, status=400)


@require_POST
@coordinator_view
def match_transition(request: HttpRequest, match_id: Any) -> HttpResponse:
    match = _match_or_404(request, match_id)
    form = MatchTransitionForm(request.POST)
    if form.is_valid():
        try:
            services.match_transition(
                match=match,
                to_status=form.cleaned_data["to_status"],
                end_reason=form.cleaned_data["end_reason"],
                user=request.user,
                lock_version=form.cleaned_data["version"],
                audit_context=audit_request_context(request),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
            return _match_page(request, match, transition_form=form, status=409)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The status of the match has been changed."))
            return redirect("volunteers:match_detail", match_id=match.uuid)
    return _match_page(request, match, transition_form=form, status=400)


@require_POST
@coordinator_view
def check_in_done(request: HttpRequest, check_in_id: Any) -> HttpResponse:
    check_in = selectors.check_in_get_for_user(request.user, check_in_id)
    if check_in is None:
        _audit(request, action=AUDIT_DENIED, outcome=Outcome.DENIED, path=request.path[:200])
        raise Http404
    form = CheckInDoneForm(request.POST)
    if form.is_valid():
        try:
            services.check_in_done(
                check_in=check_in,
                user=request.user,
                note=form.cleaned_data["note"],
                audit_context=audit_request_context(request),
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Marked as done."))
    return redirect("volunteers:match_detail", match_id=check_in.match.uuid)


@require_POST
@coordinator_view
def worry_handle(request: HttpRequest, contact_id: Any) -> HttpResponse:
    contact = selectors.contact_get_for_user(request.user, contact_id)
    if contact is None:
        _audit(request, action=AUDIT_DENIED, outcome=Outcome.DENIED, path=request.path[:200])
        raise Http404
    try:
        services.worry_handle(
            contact=contact, user=request.user, audit_context=audit_request_context(request)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The worry is marked as followed up."))
    return redirect("volunteers:match_detail", match_id=contact.match.uuid)


# --- the volunteer's own pages -----------------------------------------------------------------


@never_cache
@volunteer_view
def my_families(request: HttpRequest) -> HttpResponse:
    families = selectors.own_families(request.user)
    for family in families:
        # Her first name comes from the encrypted identity: every read is audited.
        _audit(
            request,
            action=AUDIT_FAMILIES_VIEWED,
            object_type="volunteer_match",
            object_id=str(family.match.uuid),
            client_id=str(family.match.request.client.uuid),
            fields=["first_name", "neighbourhood", "contact_route"],
        )
    return render(
        request,
        "volunteers/my_families.html",
        {"families": [(family, _hours(family.minutes)) for family in families]},
    )


@never_cache
@volunteer_view
def my_family(request: HttpRequest, match_id: Any) -> HttpResponse:
    match = selectors.own_match_get(request.user, match_id)
    family = selectors.own_family(match) if match is not None else None
    if family is None:
        _audit(request, action=AUDIT_DENIED, outcome=Outcome.DENIED, path=request.path[:200])
        raise Http404
    status = 200
    form = ContactLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_log(
                match=match,
                user=request.user,
                contact_on=form.cleaned_data["contact_on"],
                minutes=form.cleaned_data["minutes"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
                worry=form.cleaned_data["worry"],
                audit_context=audit_request_context(request),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            if form.cleaned_data["worry"]:
                messages.success(
                    request,
                    _(
                        "Your contact is saved. Your coordinator sees your worry and will "
                        "contact you."
                    ),
                )
            else:
                messages.success(request, _("Your contact is saved."))
            return redirect("volunteers:my_family", match_id=match.uuid)
    if request.method == "POST":
        status = 400
    _audit(
        request,
        action=AUDIT_FAMILIES_VIEWED,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(match.request.client.uuid),
        fields=["first_name", "neighbourhood", "contact_route"],
    )
    return render(
        request,
        "volunteers/my_family.html",
        {
            "family": family,
            "hours": _hours(family.minutes),
            "contacts": list(selectors.own_contacts(match=match)),
            "form": form,
        },
        status=status,
    )
