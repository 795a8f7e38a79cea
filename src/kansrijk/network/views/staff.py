"""Coordinators' screens for the network's meetings: plan, change, cancel, invite, record
attendance, decisions and agreements. Only a coordinator of a partner organisation in the
event's coalition gets in (403 for others; 404 for a meeting of another coalition)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import forbidden_response, login_required_verified
from kansrijk.actions import selectors as action_selectors
from kansrijk.core.forms import form_errors_add
from kansrijk.core.spreadsheet import csv_response
from kansrijk.network import access, selectors, services
from kansrijk.network.constants import ACTION_CONTEXT_KIND, RsvpAnswer
from kansrijk.network.forms import (
    ActionItemForm,
    CancelForm,
    DecisionForm,
    EventForm,
    InviteForm,
)
from kansrijk.network.models import Event

View = Callable[..., HttpResponse]
EVENT_FORM_FIELDS = (
    "kind",
    "title",
    "theme",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_link",
    "public",
)


def coordinator_view(view: View) -> View:
    """Logged in with the second factor, and a coordinator in a coalition (else 403)."""

    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.coalitions_coordinated_by(request.user).exists():
            return forbidden_response(request)
        return view(request, *args, **kwargs)

    return wrapper


def _event_or_404(request: HttpRequest, event_uuid) -> Event:
    event = selectors.event_get_for_coordinator(request.user, event_uuid)
    if event is None:
        raise Http404
    return event


@never_cache
@coordinator_view
def event_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    events = list(selectors.events_for_coordinator(request.user))
    return render(
        request,
        "network/staff/event_list.html",
        {
            "upcoming": sorted((e for e in events if e.ends_at >= now), key=lambda e: e.starts_at),
            "past": [e for e in events if e.ends_at < now],
        },
    )


@never_cache
@coordinator_view
def event_create(request: HttpRequest) -> HttpResponse:
    coalitions = list(access.coalitions_coordinated_by(request.user))
    form = EventForm(request.POST or None, coalitions=coalitions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coalition = next(c for c in coalitions if c.slug == data["coalition"])
        try:
            event = services.event_create(
                coalition=coalition,
                created_by=request.user,
                **{field: data[field] for field in EVENT_FORM_FIELDS},
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The event is planned. Now invite people."))
            return redirect("network:event_detail", event.uuid)
    return render(
        request,
        "network/staff/event_form.html",
        {"form": form, "event": None},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@coordinator_view
def event_edit(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    initial = {field: getattr(event, field) for field in EVENT_FORM_FIELDS}
    initial["version"] = event.lock_version
    form = EventForm(request.POST or None, initial=initial, editing=True)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.event_update(
                    event=event,
                    expected_version=data["version"] or 0,
                    **{field: data[field] for field in EVENT_FORM_FIELDS},
                )
            except services.StaleEventError as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                form_errors_add(form, error)
            else:
                messages.success(request, _("The event is changed."))
                return redirect("network:event_detail", event.uuid)
    return render(
        request, "network/staff/event_form.html", {"form": form, "event": event}, status=status
    )


@require_POST
@coordinator_view
def event_cancel(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the page and try again."))
    else:
        try:
            services.event_cancel(
                event=event,
                expected_version=form.cleaned_data["version"],
                notify=form.cleaned_data["notify"],
            )
        except services.StaleEventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The event is cancelled."))
    return redirect("network:event_detail", event.uuid)


def _detail_context(request: HttpRequest, event: Event, **forms: Any) -> dict[str, Any]:
    users = selectors.partner_users_for(coalition=event.coalition)
    invitations = list(selectors.invitations_for_event(event=event))
    for invitation in invitations:
        invitation.current_answer = selectors.invitation_answer(invitation)
    answers = [invitation.current_answer for invitation in invitations]
    earlier = action_selectors.open_action_items_before(
        coalition=event.coalition, context_kind=ACTION_CONTEXT_KIND, before=event.starts_at
    ).exclude(context_uuid=event.uuid)
    return {
        "event": event,
        "invitations": invitations,
        "answer_counts": {
            "yes": answers.count(RsvpAnswer.YES),
            "maybe": answers.count(RsvpAnswer.MAYBE),
            "no": answers.count(RsvpAnswer.NO),
            "none": answers.count(""),
        },
        "started": event.starts_at <= timezone.now(),
        "decisions": selectors.decisions_for_event(event=event),
        "action_items": action_selectors.action_items_for_context(
            context_kind=ACTION_CONTEXT_KIND, context_uuid=event.uuid
        ),
        "earlier_items": earlier,
        "cancel_form": CancelForm(initial={"version": event.lock_version, "notify": True}),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "action_item_form": forms.get("action_item_form") or ActionItemForm(users=users),
        "here": reverse("network:event_detail", args=[event.uuid]),
        "context_kind": ACTION_CONTEXT_KIND,
    }


@never_cache
@coordinator_view
def event_detail(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    return render(request, "network/staff/event_detail.html", _detail_context(request, event))


@require_POST
@coordinator_view
def decision_add(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_create(
                event=event, text=form.cleaned_data["text"], recorded_by=request.user
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect(reverse("network:event_detail", args=[event.uuid]) + "#decisions")
    context = _detail_context(request, event, decision_form=form)
    return render(request, "network/staff/event_detail.html", context, status=400)


@require_POST
@coordinator_view
def action_item_add(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    form = ActionItemForm(
        request.POST, users=selectors.partner_users_for(coalition=event.coalition)
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.event_action_item_create(
                event=event,
                description=data["description"],
                owner_user=data["owner"],
                due_on=data["due_on"],
                created_by=request.user,
            )
        except ValidationError as error:
            form_errors_add(form, error)
        else:
            messages.success(request, _("The agreement is recorded."))
            return redirect(reverse("network:event_detail", args=[event.uuid]) + "#agreements")
    context = _detail_context(request, event, action_item_form=form)
    return render(request, "network/staff/event_detail.html", context, status=400)


@never_cache
@coordinator_view
def invite(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    invited = selectors.invitations_for_event(event=event).filter(user__isnull=False)
    users = selectors.partner_users_for(coalition=event.coalition).exclude(
        pk__in=invited.values("user_id")
    )
    form = InviteForm(request.POST or None, users=users)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                created = services.invitations_create(
                    event=event,
                    users=form.cleaned_data["users"],
                    emails=form.addresses(),
                    invited_by=request.user,
                )
            except ValidationError as error:
                form_errors_add(form, error)
            else:
                messages.success(
                    request,
                    _("%(count)d invitation(s) sent by e-mail, with the event for the calendar.")
                    % {"count": len(created)},
                )
                return redirect("network:event_detail", event.uuid)
    return render(
        request, "network/staff/invite.html", {"event": event, "form": form}, status=status
    )


@never_cache
@coordinator_view
def attendance(request: HttpRequest, event_uuid) -> HttpResponse:
    event = _event_or_404(request, event_uuid)
    error = ""
    if request.method == "POST":
        try:
            count = services.attendance_save(event=event, present=request.POST.getlist("present"))
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request, _("Attendance is saved: %(count)d present.") % {"count": count}
            )
            return redirect("network:attendance", event.uuid)
    invitations = list(selectors.invitations_for_event(event=event))
    for invitation in invitations:
        invitation.current_answer = selectors.invitation_answer(invitation)
        record = getattr(invitation, "attendance", None)
        invitation.present = record.present if record else None
    return render(
        request,
        "network/staff/attendance.html",
        {
            "event": event,
            "invitations": invitations,
            "started": event.starts_at <= timezone.now(),
            "error": error,
        },
        status=400 if error else 200,
    )


def _attended(invitation) -> str:
    record = getattr(invitation, "attendance", None)
    if record is None:
        return _("not recorded")
    return _("present") if record.present else _("absent")


@never_cache
@coordinator_view
def attendance_csv(request: HttpRequest, event_uuid) -> HttpResponse:
    """The attendance list as CSV (semicolons and a BOM, so Dutch Excel opens it right)."""
    event = _event_or_404(request, event_uuid)
    local_start = timezone.localtime(event.starts_at)
    answers = dict(RsvpAnswer.choices)
    rows = [
        [
            invitation.display_name,
            invitation.user.organisation.name
            if invitation.user_id and invitation.user.organisation_id
            else "",
            invitation.user.email if invitation.user_id else invitation.email,
            answers.get(selectors.invitation_answer(invitation), ""),
            _attended(invitation),
        ]
        for invitation in selectors.invitations_for_event(event=event)
    ]
    return csv_response(
        filename=f"aanwezigheid-{local_start:%Y-%m-%d}-{event.uuid}.csv",
        header=[_("Name"), _("Organisation"), _("E-mail address"), _("Answer"), _("Attendance")],
        rows=rows,
    )
