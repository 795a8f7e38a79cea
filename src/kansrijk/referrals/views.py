"""The referral pages under /verwijzingen/: the work lists, referring, a referral with its
timeline and next steps, and the coordinator's overview (counts, no client details).

Every referral comes through access.get_referral_for_user (404 for anyone who may not see it).
A refused step shows the service's Dutch message and answers 409 (refused or stale) or 400
(bad input), never a 500.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import (
    forbidden_response,
    login_required_verified,
    role_required,
)
from kansrijk.audit import services as audit_services
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.core.worklist import sections_for as worklist_sections_for
from kansrijk.directory import selectors as directory_selectors
from kansrijk.referrals import access, selectors, services
from kansrijk.referrals.constants import (
    ACTION_LABELS,
    AUDIT_REFERRAL_EXPORTED,
    OVERDUE_STATUSES,
    OVERVIEW_ROLES,
    TERMINAL_STATUSES,
    UNSUCCESSFUL_STATUSES,
    ReferralStatus,
    Side,
)
from kansrijk.referrals.fhir import referral_fhir_bundle
from kansrijk.referrals.forms import (
    AnswerForm,
    LoopCloseForm,
    QuestionForm,
    ReferralCreateForm,
    ServiceSearchForm,
    TransitionForm,
)
from kansrijk.referrals.models import Referral

SERVICE_RESULTS = 10


def _audit_context(request: HttpRequest) -> dict[str, Any]:
    """Who asks and from where, for the audit log (NEN 7513)."""
    return audit_services.audit_request_context(request)


def _theme_choices() -> list[tuple[str, str]]:
    return directory_selectors.search_options(municipality_code=None).themes


# --- work lists ------------------------------------------------------------------------------


@login_required_verified
def work_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    # Agreements, group sessions and volunteers add their own sections (core.worklist).
    sections = worklist_sections_for(user, timezone.localdate())
    works_with_referrals = selectors.user_works_with_referrals(user)
    if not works_with_referrals and not sections:
        if selectors.user_sees_overview(user):
            return redirect("referrals:overview")
        return forbidden_response(request)
    work = selectors.work_list_for_professional(user)
    return render(
        request,
        "referrals/work_list.html",
        {
            "work": work,
            "works_with_referrals": works_with_referrals,
            "sections": [
                render_to_string(template, context, request=request)
                for template, context in sections
            ],
            "needs_me_count": work.needs_me_count
            + sum(context.get("count", 0) for _, context in sections),
            "sees_overview": selectors.user_sees_overview(user),
        },
    )


@role_required(*OVERVIEW_ROLES)
def overview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "referrals/overview.html",
        {
            "overview": selectors.coordinator_overview(request.user),
            "alerts": list(selectors.alerts_for_coordinator(request.user)[:50]),
        },
    )


@require_POST
@login_required_verified
def alert_read(request: HttpRequest, alert_id: UUID) -> HttpResponse:
    alert = selectors.alert_get_for_user(request.user, alert_id)
    if alert is None:
        raise Http404
    services.alert_mark_read(alert_id=alert.pk, user=request.user)
    messages.success(request, _("The alert has been put away."))
    return redirect(
        "referrals:overview" if alert.audience == "coordinator" else "referrals:work_list"
    )


# --- referring -------------------------------------------------------------------------------


def _client_choices(user) -> list[tuple[str, str]]:
    return [
        (str(uuid), pseudonym)
        for uuid, pseudonym in client_selectors.clients_visible_to(user)
        .order_by("pseudonym")
        .values_list("uuid", "pseudonym")[:500]
    ]


@login_required_verified
def referral_create_view(request: HttpRequest) -> HttpResponse:
    """Refer in three steps on one page: choose the client, find a service for her
    municipality (capacity shown), then write the question and send. Her consent for the
    receiving organisation is checked before anything is sent."""
    user = request.user
    if not selectors.user_works_with_referrals(user):
        return forbidden_response(request)
    data = request.POST if request.method == "POST" else request.GET
    client = None
    if data.get("client"):
        client = client_selectors.client_get_for_user(user, data.get("client"))
        if client is None:
            raise Http404
    follow_up_of = None
    if data.get("follow_up_of"):
        follow_up_of = access.get_referral_for_user(user, data.get("follow_up_of"), audit=False)
        if Side.SENDER not in selectors.user_sides(user, follow_up_of):
            raise Http404
    themes = _theme_choices()
    service_card = None
    receiver = None
    consent = None
    if data.get("service"):
        service_card = selectors.service_for_referral(
            service_id=data.get("service"), organisation_id=user.organisation_id
        )
        if service_card is not None:
            receiver = selectors.service_receiver(service=service_card.service)
            if client is not None and receiver is not None:
                consent = client_selectors.consent_covers(
                    client.pk, receiver.pk, ConsentPurpose.REFERRAL
                )

    search = ServiceSearchForm(request.GET or None, themes=themes)
    results = []
    if client is not None and service_card is None and search.is_valid():
        found = directory_selectors.service_search(
            query=search.cleaned_data["q"] or "",
            municipality_code=client.municipality.code,
            theme_codes=[search.cleaned_data["thema"]] if search.cleaned_data["thema"] else (),
        )
        results = directory_selectors.service_cards(
            services=list(found[:SERVICE_RESULTS]), organisation_id=user.organisation_id
        )

    initial = {
        "client": str(client.uuid) if client else "",
        "service": data.get("service") or None,
        "follow_up_of": str(follow_up_of.uuid) if follow_up_of else None,
    }
    if follow_up_of is not None and request.method != "POST":
        initial["themes"] = follow_up_of.theme_codes
        initial["reason"] = follow_up_of.reason
    form = ReferralCreateForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        clients=_client_choices(user),
        themes=themes,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid() and client is not None:
            try:
                referral = services.referral_create(
                    client_id=client.pk,
                    service_id=form.cleaned_data["service"],
                    user=user,
                    reason=form.cleaned_data["reason"],
                    theme_codes=form.cleaned_data["themes"],
                    follow_up_of_id=follow_up_of.pk if follow_up_of else None,
                    audit_context=_audit_context(request),
                )
            except services.ReferralError as error:
                form.add_error(None, error.message)
                status = 409 if error.status_code == 409 else 400
            else:
                messages.success(
                    request,
                    _("The referral to %(service)s has been sent.")
                    % {"service": referral.service_name},
                )
                return redirect("referrals:detail", referral_id=referral.uuid)
        else:
            status = 400
    return render(
        request,
        "referrals/create.html",
        {
            "form": form,
            "search": search,
            "client": client,
            "results": results,
            "service_card": service_card,
            "receiver": receiver,
            "consent": consent,
            "follow_up_of": follow_up_of,
        },
        status=status,
    )


# --- one referral ----------------------------------------------------------------------------


def _detail_context(request: HttpRequest, referral: Referral, **forms: Any) -> dict[str, Any]:
    user = request.user
    sides = selectors.user_sides(user, referral)
    transitions = []
    for transition in selectors.referral_transitions_for_user(user, referral):
        posted = forms.get("transition_form")
        form = (
            posted
            if posted is not None and posted.data.get("to_status") == transition.target
            else TransitionForm(
                initial={"to_status": transition.target, "lock_version": referral.lock_version},
                auto_id=f"id_{transition.target}_%s",
            )
        )
        # Required where the table says (the service checks it too, with its own message).
        if transition.reason_required:
            form.fields["reason"].widget.attrs["required"] = True
        if transition.outcome_required:
            form.fields["outcome"].widget.attrs["required"] = True
        transitions.append(
            {
                "transition": transition,
                "label": ACTION_LABELS[transition.target],
                "form": form,
                "needs_input": transition.reason_required
                or transition.outcome_required
                or transition.target == ReferralStatus.IN_PROGRESS,
            }
        )
    open_questions = list(selectors.referral_open_questions(referral=referral))
    answer_forms = {
        q.pk: forms.get("answer_forms", {}).get(q.pk) or AnswerForm(auto_id=f"id_answer_{q.pk}_%s")
        for q in open_questions
    }
    consent_active = referral.consent.withdrawn_at is None
    today = timezone.localdate()
    can_close_loop = (
        Side.SENDER in sides
        and referral.status in UNSUCCESSFUL_STATUSES
        and not referral.business_status
        and not selectors.referral_follow_ups(referral=referral).exists()
    )
    return {
        "referral": referral,
        "client": referral.client,
        "sides": sides,
        "is_sender": Side.SENDER in sides,
        "is_receiver": Side.RECEIVER in sides,
        "timeline": selectors.referral_timeline(referral=referral),
        "transitions": transitions,
        "open_questions": [(q, answer_forms[q.pk]) for q in open_questions],
        "question_form": forms.get("question_form") or QuestionForm(),
        "can_ask": Side.RECEIVER in sides
        and consent_active
        and referral.status not in TERMINAL_STATUSES,
        "consent_active": consent_active,
        "is_overdue": referral.status in OVERDUE_STATUSES and referral.answer_due < today,
        "service_card": selectors.service_for_referral(
            service_id=referral.service_id, organisation_id=user.organisation_id
        ),
        "follow_ups": list(
            selectors.referrals_visible_to(user).filter(follow_up_of=referral).order_by("pk")
        ),
        "can_close_loop": can_close_loop,
        "loop_form": forms.get("loop_form")
        or LoopCloseForm(initial={"lock_version": referral.lock_version}),
        "error": forms.get("error"),
    }


def _render_detail(request: HttpRequest, referral: Referral, status: int = 200, **forms: Any):
    return render(
        request, "referrals/detail.html", _detail_context(request, referral, **forms), status=status
    )


@login_required_verified
def referral_detail(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    referral = access.get_referral_for_user(request.user, referral_id)
    return _render_detail(request, referral)


def _refused(request, referral_id, error: services.ReferralError, **forms) -> HttpResponse:
    referral = access.get_referral_for_user(request.user, referral_id, audit=False)
    status = 409 if error.status_code == 409 else 400
    return _render_detail(request, referral, status=status, error=error.message, **forms)


@require_POST
@login_required_verified
def referral_transition_view(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    referral = access.get_referral_for_user(request.user, referral_id, audit=False)
    form = TransitionForm(request.POST, auto_id=f"id_{request.POST.get('to_status', '')}_%s")
    if not form.is_valid():
        return _render_detail(
            request,
            referral,
            status=400,
            transition_form=form,
            error=_("Please check the form."),
        )
    data = form.cleaned_data
    try:
        services.referral_transition(
            referral_id=referral.pk,
            to_status=data["to_status"],
            user=request.user,
            reason=data["reason"],
            outcome=data["outcome"],
            expected_lock_version=data["lock_version"],
            support_started_on=data["support_started_on"],
            audit_context=_audit_context(request),
        )
    except services.ReferralError as error:
        return _refused(request, referral_id, error, transition_form=form)
    messages.success(
        request,
        _("The referral is now: %(status)s.") % {"status": ReferralStatus(data["to_status"]).label},
    )
    return redirect("referrals:detail", referral_id=referral.uuid)


@require_POST
@login_required_verified
def question_ask(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    referral = access.get_referral_for_user(request.user, referral_id, audit=False)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _render_detail(
            request, referral, status=400, question_form=form, error=_("Please check the form.")
        )
    try:
        services.referral_question_ask(
            referral_id=referral.pk,
            user=request.user,
            text=form.cleaned_data["text"],
            audit_context=_audit_context(request),
        )
    except services.ReferralError as error:
        return _refused(request, referral_id, error, question_form=form)
    messages.success(request, _("Your question has been sent."))
    return redirect("referrals:detail", referral_id=referral.uuid)


@require_POST
@login_required_verified
def question_answer(request: HttpRequest, referral_id: UUID, question_id: UUID) -> HttpResponse:
    referral = access.get_referral_for_user(request.user, referral_id, audit=False)
    question = selectors.referral_question_get(referral=referral, question_uuid=question_id)
    if question is None:
        raise Http404
    form = AnswerForm(request.POST, auto_id=f"id_answer_{question.pk}_%s")
    if not form.is_valid():
        return _render_detail(
            request,
            referral,
            status=400,
            answer_forms={question.pk: form},
            error=_("Please check the form."),
        )
    try:
        services.referral_question_answer(
            question_id=question.pk,
            user=request.user,
            text=form.cleaned_data["text"],
            audit_context=_audit_context(request),
        )
    except services.ReferralError as error:
        return _refused(request, referral_id, error, answer_forms={question.pk: form})
    messages.success(request, _("Your answer has been sent."))
    return redirect("referrals:detail", referral_id=referral.uuid)


@require_POST
@login_required_verified
def loop_close(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    referral = access.get_referral_for_user(request.user, referral_id, audit=False)
    form = LoopCloseForm(request.POST)
    if not form.is_valid():
        return _render_detail(
            request, referral, status=400, loop_form=form, error=_("Please check the form.")
        )
    try:
        services.referral_loop_close(
            referral_id=referral.pk,
            user=request.user,
            note=form.cleaned_data["note"],
            expected_lock_version=form.cleaned_data["lock_version"],
            audit_context=_audit_context(request),
        )
    except services.ReferralError as error:
        return _refused(request, referral_id, error, loop_form=form)
    messages.success(request, _("Closed: the family wants no other help now."))
    return redirect("referrals:detail", referral_id=referral.uuid)


@login_required_verified
def referral_fhir(request: HttpRequest, referral_id: UUID) -> HttpResponse:
    """The referral as a FHIR R4 Bundle (JSON download)."""
    referral = access.get_referral_for_user(request.user, referral_id, audit=False)
    services.audit_referral_read(
        referral=referral,
        user=request.user,
        action=AUDIT_REFERRAL_EXPORTED,
        audit_context=_audit_context(request),
    )
    response = JsonResponse(
        referral_fhir_bundle(referral.pk),
        content_type="application/fhir+json",
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    response["Content-Disposition"] = f'attachment; filename="verwijzing-{referral.uuid}.json"'
    return response
