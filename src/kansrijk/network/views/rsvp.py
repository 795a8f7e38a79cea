"""Answering an invitation: in Kansrijk when logged in, or with the secret link from the
e-mail (for invitees without an account)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.actions import selectors as action_selectors
from kansrijk.network import access, selectors, services
from kansrijk.network.constants import ACTION_CONTEXT_KIND
from kansrijk.network.forms import AnswerForm


def _answered_message(request: HttpRequest) -> None:
    messages.success(request, _("Thank you, your answer is saved."))


@never_cache
@login_required_verified
def event_page(request: HttpRequest, event_uuid) -> HttpResponse:
    """A meeting as its participants see it: when and where, their answer, and (for those
    taking part) its decisions and agreements."""
    event = selectors.event_get_for_participant(request.user, event_uuid)
    if event is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.rsvp_set(
                    event=event, user=request.user, answer=form.cleaned_data["answer"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                _answered_message(request)
                return redirect("network:event_page", event.uuid)
        status = 400
    else:
        form = AnswerForm(
            initial={"answer": selectors.rsvp_answer_for(event=event, user=request.user)}
        )
    participant = selectors.event_is_participant(event=event, user=request.user)
    context = {
        "event": event,
        "form": form,
        "participant": participant,
        "may_manage": access.may_coordinate(request.user, event.coalition_id),
    }
    if participant:
        context["decisions"] = selectors.decisions_for_event(event=event)
        context["action_items"] = action_selectors.action_items_for_context(
            context_kind=ACTION_CONTEXT_KIND, context_uuid=event.uuid
        )
    return render(request, "network/event_page.html", context, status=status)


@never_cache
def invitation_answer(request: HttpRequest, secret: str) -> HttpResponse:
    """The link in the invitation e-mail: answer without logging in. Unknown link: 404."""
    invitation = selectors.invitation_get_by_secret(secret=secret)
    if invitation is None:
        raise Http404
    status = 200
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.invitation_answer(
                    invitation=invitation, answer=form.cleaned_data["answer"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                _answered_message(request)
                return redirect("network:invitation_answer", secret)
        status = 400
    else:
        form = AnswerForm(initial={"answer": selectors.invitation_answer(invitation)})
    response = render(
        request,
        "network/invitation_answer.html",
        {"invitation": invitation, "event": invitation.event, "form": form},
        status=status,
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
