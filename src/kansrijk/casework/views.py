"""Pages of the case consultation. Every object comes through an access-checked selector; a
case someone may not see answers 404, and the attempt goes to the audit log."""

from __future__ import annotations

import datetime
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import forbidden_response, login_required_verified, user_list
from kansrijk.audit.services import audit_request_context
from kansrijk.casework import selectors, services
from kansrijk.casework.constants import DiscussionMode
from kansrijk.casework.forms import (
    AgendaForm,
    AgreementForm,
    CaseSubmitForm,
    MeetingPlanForm,
    MinutesForm,
)
from kansrijk.clients import selectors as client_selectors
from kansrijk.core.forms import form_errors_add
from kansrijk.core.pdf import pdf_response
from kansrijk.regions import selectors as region_selectors


def _people(consultation, *, professionals_only: bool = False) -> list[tuple[str, str]]:
    users = (
        user_list()
        .filter(is_active=True, organisation__coalitions=consultation.coalition)
        .select_related("organisation")
    )
    if professionals_only:
        users = users.filter(roles__role="professional")
    return [
        (str(user.uuid), f"{user.get_full_name() or user.username} ({user.organisation.name})")
        for user in users.distinct().order_by("organisation__name", "last_name", "username")
    ]


def _user_from(value: str):
    try:
        return user_list().filter(uuid=UUID(value), is_active=True).first() if value else None
    except ValueError:
        return None


# --- overview ----------------------------------------------------------------------------------


@login_required_verified
def index(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    consultations = []
    for consultation in selectors.consultations_for_user(request.user):
        consultations.append(
            {
                "consultation": consultation,
                "member": selectors.is_member(request.user, consultation),
                "next": selectors.next_meeting(consultation, now=now),
                "may_submit": selectors.may_submit(request.user, consultation),
            }
        )
    return render(
        request,
        "casework/index.html",
        {
            "consultations": consultations,
            "submitted": list(selectors.cases_submitted_by(request.user)[:50]),
        },
    )


@login_required_verified
def consultation_detail(request: HttpRequest, consultation_uuid: UUID) -> HttpResponse:
    consultation = selectors.consultation_get_for_user(request.user, consultation_uuid)
    if consultation is None:
        raise Http404
    form = MeetingPlanForm()
    status = 200
    if request.method == "POST" and not selectors.chairs(request.user, consultation):
        return forbidden_response(request)
    if request.method == "POST":
        form = MeetingPlanForm(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.meeting_plan(
                    consultation=consultation,
                    user=request.user,
                    starts_at=_aware(data["day"], data["start"]),
                    ends_at=_aware(data["day"], data["end"]),
                    kind=data["kind"],
                    place=data["place"],
                )
            except ValidationError as error:
                form_errors_add(form, error)
            else:
                messages.success(request, _("The meeting is planned."))
                return redirect("casework:meeting", meeting_uuid=meeting.uuid)
    member = selectors.is_member(request.user, consultation)
    return render(
        request,
        "casework/consultation.html",
        {
            "plan_form": form,
            "chair": selectors.chairs(request.user, consultation),
            "consultation": consultation,
            "member": member,
            "role": selectors.member_role(request.user, consultation),
            "members": selectors.members_of(consultation) if member else [],
            "meetings": selectors.meetings_of(consultation) if member else [],
            "cases": selectors.cases_of(consultation)[:100] if member else [],
            "may_submit": selectors.may_submit(request.user, consultation),
        },
        status=status,
    )


def _aware(day, time):
    return timezone.make_aware(datetime.datetime.combine(day, time))


# --- submitting --------------------------------------------------------------------------------


def _submit_form(request: HttpRequest, consultation, data=None, initial=None) -> CaseSubmitForm:
    clients = client_selectors.clients_visible_to(request.user).order_by("pseudonym")[:500]
    municipalities = list(consultation.coalition.municipalities.order_by("name"))
    neighbourhoods = [
        (n.code, f"{n.name} ({m.name})")
        for m in municipalities
        for n in region_selectors.neighbourhood_list(municipality=m).order_by("name")
    ]
    approvers = [
        (str(member.user.uuid), f"{member.user.get_full_name() or member.user.username}")
        for member in selectors.members_of(consultation)
        if member.user_id != request.user.pk
    ]
    return CaseSubmitForm(
        data,
        initial=initial,
        clients=[(str(client.uuid), client.pseudonym) for client in clients],
        municipalities=[(m.code, m.name) for m in municipalities],
        neighbourhoods=neighbourhoods,
        approvers=approvers,
    )


@login_required_verified
def case_submit(request: HttpRequest, consultation_uuid: UUID) -> HttpResponse:
    consultation = selectors.consultation_get_for_user(request.user, consultation_uuid)
    if consultation is None or not selectors.may_submit(request.user, consultation):
        raise Http404
    warnings: list[str] = []
    status = 200
    if request.method == "POST":
        form = _submit_form(request, consultation, data=request.POST)
        if form.is_valid():
            data = form.cleaned_data
            municipality = region_selectors.municipality_get(code=data["municipality"])
            neighbourhood = (
                region_selectors.region_get_by_code(code=data["neighbourhood"])
                if data["neighbourhood"]
                else None
            )
            client = (
                client_selectors.client_get_for_user(request.user, data["client"])
                if data["client"]
                else None
            )
            try:
                case = services.case_submit(
                    consultation=consultation,
                    user=request.user,
                    mode=data["mode"],
                    age_band=data["age_band"],
                    phase=data["phase"],
                    municipality=municipality,
                    neighbourhood=neighbourhood,
                    due_precision=data["due_precision"],
                    domains=data["domains"],
                    question=data["question"],
                    client=client,
                    legal_basis=data["legal_basis"],
                    justification=data["justification"],
                    second_approver=_user_from(data["second_approver"]),
                    recognisable_checked=data["recognisable_checked"],
                    audit_context=audit_request_context(request),
                )
            except services.RecognisableError as error:
                warnings = error.warnings
                status = 400
            except ValidationError as error:
                form_errors_add(form, error)
                status = 400
            else:
                messages.success(
                    request,
                    _("Case %(code)s is submitted. The chair puts it on the agenda.")
                    % {"code": case.code},
                )
                return redirect("casework:case", case_uuid=case.uuid)
        else:
            status = 400
    else:
        initial = {}
        if request.GET.get("gemeente"):
            initial["municipality"] = request.GET["gemeente"][:6]
        client = client_selectors.client_get_for_user(request.user, request.GET.get("client"))
        if client is not None:
            initial = {"client": str(client.uuid), "municipality": client.municipality.code}
        form = _submit_form(request, consultation, initial=initial)
    return render(
        request,
        "casework/submit.html",
        {"consultation": consultation, "form": form, "warnings": warnings},
        status=status,
    )


# --- a case ------------------------------------------------------------------------------------


@login_required_verified
def case_detail(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    case = selectors.case_get_for_user(request.user, case_uuid)
    context = audit_request_context(request)
    if case is None:
        if selectors.case_exists(case_uuid):
            services.audit_case_denied(
                user=request.user, case_uuid=case_uuid, audit_context=context
            )
        raise Http404
    show_client = selectors.client_shown_to(request.user, case)
    if case.client_id:
        # Every view of a named case is client data seen: it goes to her audit trail.
        services.audit_case_view(
            user=request.user, case=case, shown=show_client, audit_context=context
        )
    today = timezone.localdate()
    agreements = list(selectors.agreements_for_case(case))
    for item in agreements:
        item.overdue = item.is_open and item.due_on < today
    return render(
        request,
        "casework/case.html",
        {
            "case": case,
            "show_client": show_client,
            "basis_holds": selectors.case_basis_holds(case),
            "member": selectors.is_member(request.user, case.consultation),
            "may_approve": case.second_approver_id == request.user.pk
            and case.status == "awaiting_approval",
            "agreements": agreements,
            "history": case.agenda_items.select_related("meeting").order_by("meeting__starts_at"),
            "handovers": selectors.pending_handovers(case),
            "handover_for_me": selectors.handovers_for(request.user).filter(case=case).first(),
            "named": case.mode != DiscussionMode.ANONYMOUS,
        },
    )


@require_POST
@login_required_verified
def case_approve(request: HttpRequest, case_uuid: UUID) -> HttpResponse:
    case = selectors.case_get_for_user(request.user, case_uuid)
    if case is None:
        raise Http404
    try:
        services.case_approve(
            case=case, user=request.user, audit_context=audit_request_context(request)
        )
    except (ValidationError, services.StaleCaseworkError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("You approved. The case can go on the agenda."))
    return redirect("casework:case", case_uuid=case.uuid)


@require_POST
@login_required_verified
def handover_answer(request: HttpRequest, handover_uuid: UUID) -> HttpResponse:
    handover = selectors.handover_get_for_receiver(request.user, handover_uuid)
    if handover is None:
        raise Http404
    accept = request.POST.get("answer") == "accept"
    try:
        services.handover_answer(
            handover=handover,
            user=request.user,
            accept=accept,
            audit_context=audit_request_context(request),
        )
    except (ValidationError, services.StaleCaseworkError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request,
            _("You now lead this case.") if accept else _("You declined; the lead stays."),
        )
    return redirect("casework:case", case_uuid=handover.case.uuid)


# --- a meeting ---------------------------------------------------------------------------------


def _meeting_or_404(request: HttpRequest, meeting_uuid: UUID):
    meeting = selectors.meeting_get_for_user(request.user, meeting_uuid)
    if meeting is None:
        raise Http404
    return meeting


def _meeting_context(request: HttpRequest, meeting, **forms: Any) -> dict[str, Any]:
    consultation = meeting.consultation
    user = request.user
    confirmed = selectors.has_confirmed(user, meeting)
    people = _people(consultation)
    leads = _people(consultation, professionals_only=True)
    items = list(selectors.agenda(meeting)) if confirmed else []
    today = timezone.localdate()
    for item in items:
        item.show_client = selectors.client_shown_to(user, item.case)
        item.basis_holds = selectors.case_basis_holds(item.case)
        item.minutes_form = forms.get(f"minutes-{item.pk}") or MinutesForm(
            prefix=f"m{item.pk}",
            people=leads,
            initial={
                "seen": item.seen,
                "conclusions": item.conclusions,
                "lead_user": str(item.case.lead_user.uuid) if item.case.lead_user_id else "",
                "follow_up_on": item.case.follow_up_on,
                "outcome_summary": item.case.outcome_summary,
                "version": item.lock_version,
            },
        )
        item.agreement_form = forms.get(f"agreement-{item.pk}") or AgreementForm(
            prefix=f"a{item.pk}", people=people
        )
        item.agreements = list(selectors.agreements_for_case(item.case))
        for agreement in item.agreements:
            agreement.overdue = agreement.is_open and agreement.due_on < today
    candidates = selectors.agenda_candidates(meeting)
    choices = [
        (str(case.uuid), _("%(code)s (new)") % {"code": case.code}) for case in candidates["new"]
    ] + [
        (str(case.uuid), _("%(code)s (follow-up)") % {"code": case.code})
        for case in candidates["follow_up"]
    ]
    earlier = selectors.earlier_open_agreements(meeting) if confirmed else []
    for agreement in earlier:
        agreement.overdue = agreement.due_on < today
    return {
        "meeting": meeting,
        "consultation": consultation,
        "confirmed": confirmed,
        "role": selectors.member_role(user, consultation),
        "chair": selectors.chairs(user, consultation),
        "keeps_minutes": selectors.keeps_minutes(user, consultation),
        "final": selectors.meeting_is_final(meeting),
        "items": items,
        "agenda_form": forms.get("agenda") or AgendaForm(candidates=choices),
        "has_candidates": bool(choices),
        "earlier_agreements": earlier,
        "agenda_closes_at": selectors.agenda_closes_at(meeting),
        "attendees": selectors.attendees(meeting),
        "error": forms.get("error"),
    }


@login_required_verified
def meeting_detail(request: HttpRequest, meeting_uuid: UUID) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    return render(request, "casework/meeting.html", _meeting_context(request, meeting))


def _meeting_refused(request, meeting, error, **forms) -> HttpResponse:
    text = " ".join(getattr(error, "messages", [str(error)]))
    return render(
        request,
        "casework/meeting.html",
        _meeting_context(request, meeting, error=text, **forms),
        status=400,
    )


@require_POST
@login_required_verified
def meeting_confirm(request: HttpRequest, meeting_uuid: UUID) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    if request.POST.get("confirm") != "yes":
        return _meeting_refused(
            request, meeting, ValidationError(_("Tick the box to confirm confidentiality."))
        )
    services.confidentiality_confirm(
        meeting=meeting, user=request.user, audit_context=audit_request_context(request)
    )
    return redirect("casework:meeting", meeting_uuid=meeting.uuid)


@require_POST
@login_required_verified
def meeting_agenda(request: HttpRequest, meeting_uuid: UUID) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    context = _meeting_context(request, meeting)
    form = AgendaForm(request.POST, candidates=context["agenda_form"].fields["cases"].choices)
    if not form.is_valid():
        return _meeting_refused(
            request, meeting, ValidationError(form.errors["cases"]), agenda=form
        )
    wanted = set(form.cleaned_data["cases"])
    cases = [case for case in selectors.cases_of(meeting.consultation) if str(case.uuid) in wanted]
    try:
        services.agenda_add(
            meeting=meeting,
            user=request.user,
            cases=cases,
            audit_context=audit_request_context(request),
        )
    except ValidationError as error:
        return _meeting_refused(request, meeting, error, agenda=form)
    messages.success(request, _("The agenda is updated."))
    return redirect("casework:meeting", meeting_uuid=meeting.uuid)


def _agenda_item(meeting, item_id: int):
    item = meeting.agenda_items.select_related("case__consultation", "meeting").filter(pk=item_id)
    found = item.first()
    if found is None:
        raise Http404
    return found


@require_POST
@login_required_verified
def minutes_save(request: HttpRequest, meeting_uuid: UUID, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    item = _agenda_item(meeting, item_id)
    form = MinutesForm(
        request.POST,
        prefix=f"m{item.pk}",
        people=_people(meeting.consultation, professionals_only=True),
    )
    key = f"minutes-{item.pk}"
    if not form.is_valid():
        return _meeting_refused(
            request,
            meeting,
            ValidationError(_("Check the minutes of %(code)s.") % {"code": item.case.code}),
            **{key: form},
        )
    data = form.cleaned_data
    try:
        services.minutes_record(
            item=item,
            user=request.user,
            seen=data["seen"],
            conclusions=data["conclusions"],
            lead_user=_user_from(data["lead_user"]),
            follow_up_on=data["follow_up_on"],
            outcome_summary=data["outcome_summary"],
            expected_version=data["version"],
            audit_context=audit_request_context(request),
        )
    except (ValidationError, services.StaleCaseworkError) as error:
        if isinstance(error, ValidationError):
            form_errors_add(form, error)
        return _meeting_refused(request, meeting, error, **{key: form})
    messages.success(request, _("Minutes of %(code)s saved.") % {"code": item.case.code})
    return redirect(reverse("casework:meeting", args=[meeting.uuid]) + f"#case-{item.case.code}")


@require_POST
@login_required_verified
def agreement_add(request: HttpRequest, meeting_uuid: UUID, item_id: int) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    item = _agenda_item(meeting, item_id)
    form = AgreementForm(request.POST, prefix=f"a{item.pk}", people=_people(meeting.consultation))
    key = f"agreement-{item.pk}"
    if not form.is_valid():
        return _meeting_refused(
            request,
            meeting,
            ValidationError(_("Check the agreement for %(code)s.") % {"code": item.case.code}),
            **{key: form},
        )
    data = form.cleaned_data
    try:
        services.agreement_add(
            item=item,
            user=request.user,
            description=data["description"],
            owner_user=_user_from(data["owner"]),
            due_on=data["due_on"],
        )
    except ValidationError as error:
        form_errors_add(form, error)
        return _meeting_refused(request, meeting, error, **{key: form})
    messages.success(request, _("Agreement recorded for %(code)s.") % {"code": item.case.code})
    return redirect("casework:meeting", meeting_uuid=meeting.uuid)


@require_POST
@login_required_verified
def meeting_finalise(request: HttpRequest, meeting_uuid: UUID) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        services.meeting_finalise(
            meeting=meeting,
            user=request.user,
            expected_version=version,
            audit_context=audit_request_context(request),
        )
    except (ValidationError, services.StaleCaseworkError) as error:
        return _meeting_refused(request, meeting, error)
    messages.success(request, _("The minutes are final. The submitters get the outcome."))
    return redirect("casework:meeting", meeting_uuid=meeting.uuid)


@login_required_verified
def minutes_pdf(request: HttpRequest, meeting_uuid: UUID) -> HttpResponse:
    meeting = _meeting_or_404(request, meeting_uuid)
    if not selectors.has_confirmed(request.user, meeting):
        raise Http404
    items = list(selectors.agenda(meeting))
    for item in items:
        item.show_client = selectors.client_shown_to(request.user, item.case)
        item.agreements = list(selectors.agreements_for_case(item.case))
    services.audit_minutes_export(
        user=request.user, meeting=meeting, audit_context=audit_request_context(request)
    )
    return pdf_response(
        "casework/minutes_pdf.html",
        {
            "meeting": meeting,
            "items": items,
            "attendees": selectors.attendees(meeting),
            "earlier_agreements": selectors.earlier_open_agreements(meeting),
        },
        filename=f"notulen-{meeting.starts_at:%Y-%m-%d}.pdf",
        request=request,
    )


@login_required_verified
def summary(request: HttpRequest, consultation_uuid: UUID) -> HttpResponse:
    """The anonymous summary for the coalition: counts only, no case and no client."""
    consultation = selectors.consultation_summary_get_for_user(request.user, consultation_uuid)
    if consultation is None:
        raise Http404
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    return render(
        request,
        "casework/summary.html",
        {
            "consultation": consultation,
            "start": start,
            "end": today,
            "summary": selectors.anonymous_summary(consultation, start=start, end=today),
        },
    )
