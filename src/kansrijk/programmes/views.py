"""Pages under /programmas/: the groups of the user's coalitions, one group's page with its
sessions and participants, a session's page (attendance, moving it), planning, the follow-on
group with each participant's consent, and marking a follow-up call as done. Every view of
participants' codes goes to the audit log."""

from __future__ import annotations

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
from kansrijk.clients import selectors as client_selectors
from kansrijk.programmes import selectors, services
from kansrijk.programmes.constants import (
    AUDIT_ELIGIBILITY_CHECKED,
    AUDIT_ENROL_CLIENTS_LISTED,
    AUDIT_ENROLMENT_DENIED,
    AUDIT_GROUP_DENIED,
    AUDIT_GROUP_VIEWED,
    AUDIT_OBJECT_ENROLMENT,
    AUDIT_OBJECT_GROUP,
    AUDIT_OBJECT_SESSION,
    AUDIT_SESSION_VIEWED,
)
from kansrijk.programmes.forms import (
    AttendanceForm,
    ContinuationAnswerForm,
    ContinueForm,
    EnrolConfirmForm,
    EnrolForm,
    FollowUpDoneForm,
    SessionMoveForm,
)
from kansrijk.referrals import selectors as referral_selectors


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def _group_or_404(request: HttpRequest, group_id):
    group = selectors.group_get_for_user(request.user, group_id)
    if group is None:
        audit_record(
            action=AUDIT_GROUP_DENIED,
            object_type=AUDIT_OBJECT_GROUP,
            object_id=str(group_id),
            outcome=Outcome.DENIED,
            **audit_request_context(request),
        )
        raise Http404
    return group


def _audit_viewed(request: HttpRequest, enrolments, *, action: str, object_type, object_id):
    for enrolment in enrolments:
        audit_record(
            action=action,
            client_id=str(enrolment.client.uuid),
            object_type=object_type,
            object_id=object_id,
            **audit_request_context(request),
        )


@never_cache
@login_required_verified
def group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.groups_visible_to(request.user).order_by("start_date", "name")
    return render(request, "programmes/group_list.html", {"groups": groups})


@never_cache
@login_required_verified
def group_detail(request: HttpRequest, group_id) -> HttpResponse:
    group = _group_or_404(request, group_id)
    participants = selectors.group_participants(group=group, user=request.user)
    _audit_viewed(
        request,
        [p.enrolment for p in participants if p.code],
        action=AUDIT_GROUP_VIEWED,
        object_type=AUDIT_OBJECT_GROUP,
        object_id=str(group.uuid),
    )
    return render(
        request,
        "programmes/group_detail.html",
        {
            "group": group,
            "sessions": selectors.group_sessions(group=group),
            "participants": participants,
            "free_places": selectors.group_free_places(group=group),
            "plans": selectors.user_plans_group(request.user, group),
            "leads": selectors.user_leads_group(request.user, group),
            "enrols": selectors.user_enrols_in_group(request.user, group)
            and selectors.group_takes_enrolments(group=group),
            "continuation": group.continuations.first(),
        },
    )


@require_POST
@login_required_verified
def group_plan(request: HttpRequest, group_id) -> HttpResponse:
    group = _group_or_404(request, group_id)
    if not selectors.user_plans_group(request.user, group):
        return forbidden_response(request)
    try:
        plan = services.group_plan_sessions(group)
    except ValidationError as error:
        messages.error(request, _messages(error))
    else:
        messages.success(
            request,
            _("All %(count)s sessions are planned.") % {"count": len(plan.sessions)},
        )
        for clash in plan.clashes:
            messages.warning(request, clash)
    return redirect("programmes:group_detail", group.uuid)


def _session_or_404(request: HttpRequest, session_id):
    session = selectors.session_get_for_user(request.user, session_id)
    if session is None:
        audit_record(
            action=AUDIT_GROUP_DENIED,
            object_type=AUDIT_OBJECT_SESSION,
            object_id=str(session_id),
            outcome=Outcome.DENIED,
            **audit_request_context(request),
        )
        raise Http404
    return session


def _session_page(request, session, *, attendance_form=None, move_form=None, error="", status=200):
    group = session.group
    leads = selectors.user_leads_group(request.user, group)
    rows = selectors.session_attendance(session=session) if leads else []
    if leads:
        _audit_viewed(
            request,
            [row.enrolment for row in rows],
            action=AUDIT_SESSION_VIEWED,
            object_type=AUDIT_OBJECT_SESSION,
            object_id=str(session.uuid),
        )
        attendance_form = attendance_form or AttendanceForm(rows=rows)
    plans = selectors.user_plans_group(request.user, group)
    if plans and move_form is None:
        move_form = SessionMoveForm(
            initial={
                "starts_at": timezone.localtime(session.starts_at),
                "place": session.place,
                "online_link": session.online_link,
                "version": session.lock_version,
            }
        )
    calls = {row.enrolment.pk: row.call for row in rows}
    return render(
        request,
        "programmes/session_detail.html",
        {
            "session": session,
            "group": group,
            "leads": leads,
            "plans": plans,
            "started": session.starts_at <= timezone.now(),
            "attendance_form": attendance_form,
            "attendance_fields": [
                (field, calls.get(int(field.name.split("-")[1])))
                for field in (attendance_form or [])
            ],
            "move_form": move_form if plans else None,
            "error": error,
        },
        status=status,
    )


@never_cache
@login_required_verified
def session_detail(request: HttpRequest, session_id) -> HttpResponse:
    session = _session_or_404(request, session_id)
    if request.method != "POST":
        return _session_page(request, session)
    if not selectors.user_leads_group(request.user, session.group):
        return forbidden_response(request)
    form = AttendanceForm(request.POST, rows=selectors.session_attendance(session=session))
    if not form.is_valid():
        return _session_page(request, session, attendance_form=form, status=400)
    try:
        calls = services.session_attendance_record(
            session=session, statuses=form.statuses(), user=request.user
        )
    except ValidationError as error:
        return _session_page(
            request, session, attendance_form=form, error=_messages(error), status=400
        )
    messages.success(request, _("The attendance has been saved."))
    if calls:
        messages.info(
            request,
            _("A follow-up call is on your work list for everyone absent without notice."),
        )
    return redirect("programmes:session_detail", session.uuid)


@require_POST
@login_required_verified
def session_move(request: HttpRequest, session_id) -> HttpResponse:
    session = _session_or_404(request, session_id)
    if not selectors.user_plans_group(request.user, session.group):
        return forbidden_response(request)
    form = SessionMoveForm(request.POST)
    if not form.is_valid():
        return _session_page(request, session, move_form=form, status=400)
    try:
        clashes = services.session_move(
            session=session,
            starts_at=form.cleaned_data["starts_at"],
            place=form.cleaned_data["place"],
            online_link=form.cleaned_data["online_link"],
            expected_version=form.cleaned_data["version"],
            user=request.user,
        )
    except ValidationError as error:
        session.refresh_from_db()
        # Keep what she typed, on the current version: after looking, she may send it again.
        data = request.POST.copy()
        data["version"] = str(session.lock_version)
        form = SessionMoveForm(data)
        form.is_valid()
        return _session_page(request, session, move_form=form, error=_messages(error), status=400)
    messages.success(request, _("The session has been moved."))
    for clash in clashes:
        messages.warning(request, clash)
    return redirect("programmes:session_detail", session.uuid)


@require_POST
@login_required_verified
def follow_up_done(request: HttpRequest, call_id) -> HttpResponse:
    call = selectors.follow_up_call_get_for_user(request.user, call_id)
    if call is None:
        raise Http404
    form = FollowUpDoneForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.follow_up_call_done(call=call, user=request.user, note=note)
    except ValidationError as error:
        messages.error(request, _messages(error))
    else:
        messages.success(request, _("The call has been marked as done."))
    return redirect("programmes:session_detail", call.attendance.session.uuid)


@never_cache
@login_required_verified
def group_continue(request: HttpRequest, group_id) -> HttpResponse:
    group = _group_or_404(request, group_id)
    if not selectors.user_plans_group(request.user, group):
        return forbidden_response(request)
    existing = group.continuations.first()
    if existing is not None:
        return redirect("programmes:continuation_answers", existing.uuid)
    programmes = selectors.programme_list().exclude(pk=group.programme_id)
    form = ContinueForm(request.POST or None, programmes=programmes)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            continuation = services.group_continue(
                group=group, user=request.user, **form.cleaned_data
            )
        except ValidationError as failure:
            error = _messages(failure)
        else:
            messages.success(
                request,
                _("%(group)s has been made. Now record who agrees to move on.")
                % {"group": continuation},
            )
            return redirect("programmes:continuation_answers", continuation.uuid)
    return render(
        request,
        "programmes/group_continue.html",
        {"group": group, "form": form, "error": error},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required_verified
def continuation_answers(request: HttpRequest, group_id) -> HttpResponse:
    continuation = _group_or_404(request, group_id)
    if continuation.continues_from is None or not selectors.user_leads_group(
        request.user, continuation.continues_from
    ):
        # Only those who lead the first group know and may see all its participants.
        return forbidden_response(request)
    rows = selectors.continuation_rows(continuation=continuation, user=request.user)
    form = ContinuationAnswerForm(request.POST or None, rows=rows)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        enrolments = {row.enrolment.pk: row.enrolment for row in rows}
        for enrolment_id, agreed in form.answers().items():
            try:
                outcome = services.continuation_answer_record(
                    continuation=continuation,
                    enrolment=enrolments[enrolment_id],
                    agreed=agreed,
                    user=request.user,
                )
            except ValidationError as failure:
                errors.append(_messages(failure))
            except services.EnrolmentRefused as refused:
                errors.append(" ".join([refused.message, *refused.reasons]))
            else:
                if outcome is not None:
                    messages.success(request, outcome.message)
        if not errors:
            return redirect("programmes:continuation_answers", continuation.uuid)
        rows = selectors.continuation_rows(continuation=continuation, user=request.user)
        form = ContinuationAnswerForm(rows=rows)
    _audit_viewed(
        request,
        [row.enrolment for row in rows],
        action=AUDIT_GROUP_VIEWED,
        object_type=AUDIT_OBJECT_GROUP,
        object_id=str(continuation.continues_from.uuid),
    )
    return render(
        request,
        "programmes/continuation_answers.html",
        {
            "group": continuation,
            "first": continuation.continues_from,
            "rows": rows,
            "form": form,
            "errors": errors,
        },
        status=400 if errors else 200,
    )


# --- enrolling a client ----------------------------------------------------------------------


def _denied(request: HttpRequest, *, object_id: str, detail: dict) -> None:
    audit_record(
        action=AUDIT_ENROLMENT_DENIED,
        object_type=AUDIT_OBJECT_ENROLMENT,
        object_id=object_id,
        detail=detail,
        outcome=Outcome.DENIED,
        **audit_request_context(request),
    )


def _enrol_referral(request: HttpRequest, group, referral_id):
    """The referral she comes from, when the user may see it and its client; else 404."""
    if not referral_id:
        return None
    referral = referral_selectors.referral_get_for_user(request.user, referral_id)
    if (
        referral is None
        or client_selectors.client_get_for_user(request.user, referral.client.uuid) is None
    ):
        _denied(request, object_id=str(group.uuid), detail={"referral": str(referral_id)})
        raise Http404
    return referral


def _enrol_client(request: HttpRequest, group, client_uuid):
    client = client_selectors.client_get_for_user(request.user, client_uuid)
    if client is None:
        _denied(request, object_id=str(group.uuid), detail={"client": str(client_uuid)})
        raise Http404
    return client


def _enrol_page(request, group, *, form, referral, status=200):
    return render(
        request,
        "programmes/group_enrol.html",
        {"group": group, "form": form, "referral": referral},
        status=status,
    )


def _confirm_page(request, group, *, client, first_child, referral, error="", status=200):
    """The eligibility result in plain words, and what confirming will do."""
    ok, notes = services.eligibility_check(
        group.programme,
        client,
        today=timezone.localdate(),
        first_child=first_child,
        start_date=group.start_date,
    )
    audit_record(
        action=AUDIT_ELIGIBILITY_CHECKED,
        client_id=str(client.uuid),
        object_type=AUDIT_OBJECT_GROUP,
        object_id=str(group.uuid),
        detail={"eligible": ok},
        **audit_request_context(request),
    )
    free = selectors.group_free_places(group=group)
    answer = {True: "yes", False: "no", None: "unknown"}[first_child]
    return render(
        request,
        "programmes/group_enrol_confirm.html",
        {
            "group": group,
            "client": client,
            "referral": referral,
            "first_child": answer,
            "eligible": ok,
            "refusals": [] if ok else notes,
            "warnings": notes if ok else [],
            "free_places": free,
            "waiting_number": selectors.group_waiting_count(group=group) + 1,
            "version": group.lock_version,
            "error": error,
        },
        status=status,
    )


@never_cache
@login_required_verified
def group_enrol(request: HttpRequest, group_id) -> HttpResponse:
    """Enrol a client in two steps: choose her (and whether it is her first child), see
    whether she may join and what happens, then confirm. `?verwijzing=<uuid>` starts from a
    referral: its client is the only choice and the enrolment keeps the referral's id."""
    group = _group_or_404(request, group_id)
    if not selectors.user_enrols_in_group(request.user, group):
        return forbidden_response(request)
    if not selectors.group_takes_enrolments(group=group):
        messages.error(
            request,
            _("The group %(group)s no longer takes new participants.") % {"group": group},
        )
        return redirect("programmes:group_detail", group.uuid)
    referral = _enrol_referral(
        request, group, request.POST.get("referral") or request.GET.get("verwijzing")
    )
    if referral is not None:
        clients = [(str(referral.client.uuid), referral.client.pseudonym)]
    else:
        clients = selectors.enrolment_client_choices(group=group, user=request.user)
        audit_record(
            action=AUDIT_ENROL_CLIENTS_LISTED,
            object_type=AUDIT_OBJECT_GROUP,
            object_id=str(group.uuid),
            detail={"count": len(clients)},
            **audit_request_context(request),
        )
    if request.method != "POST":
        initial = {"first_child": "unknown"}
        if referral is not None:
            initial.update(client=referral.client.uuid, referral=referral.uuid)
        return _enrol_page(
            request, group, form=EnrolForm(initial=initial, clients=clients), referral=referral
        )
    confirming = "enrol" in request.POST
    form = (EnrolConfirmForm if confirming else EnrolForm)(request.POST, clients=clients)
    if not form.is_valid():
        return _enrol_page(request, group, form=form, referral=referral, status=400)
    client = _enrol_client(request, group, form.cleaned_data["client"])
    if referral is not None and client.pk != referral.client_id:
        form.add_error("client", _("This referral is for another client."))
        return _enrol_page(request, group, form=form, referral=referral, status=400)
    first_child = form.first_child_answer()
    page = {"client": client, "first_child": first_child, "referral": referral}
    if not confirming:
        return _confirm_page(request, group, **page)
    try:
        outcome = services.enrolment_create(
            group=group,
            client=client,
            user=request.user,
            first_child=first_child,
            referral_uuid=referral.uuid if referral is not None else None,
            expected_version=form.cleaned_data["version"],
            audit_context=audit_request_context(request),
        )
    except services.EnrolmentRefused as refused:
        group.refresh_from_db()
        # The page checks her again and lists the reasons; the message says what was refused.
        return _confirm_page(request, group, error=refused.message, status=400, **page)
    messages.success(request, outcome.message)
    for warning in outcome.warnings:
        messages.warning(request, warning)
    return redirect("programmes:group_detail", group.uuid)
