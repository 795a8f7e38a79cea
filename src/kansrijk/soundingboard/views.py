"""Pages under /klankbord/: the coordinator's sounding board (members by pseudonym, sessions,
expenses, advice requests) and the public "you said, we did" page of a coalition.

Every object comes through an access-checked lookup (None -> 404); a user who coordinates no
coalition gets 403. A member's real name is shown on one page only, and every view of it is in
the audit log."""

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
from kansrijk.actionprogrammes import selectors as programme_selectors
from kansrijk.audit.constants import Outcome
from kansrijk.audit.services import audit_record, audit_request_context
from kansrijk.clients.constants import LANGUAGE_CHOICES
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.soundingboard import access, selectors, services
from kansrijk.soundingboard.constants import AUDIT_DENIED, AdviceOutcome, ExpenseKind
from kansrijk.soundingboard.forms import (
    AdviceForm,
    AdviceRequestForm,
    AnswerForm,
    AttendanceForm,
    BoardForm,
    ConsentForm,
    ExpenseForm,
    IdentityForm,
    MarkPaidForm,
    MemberForm,
    SessionForm,
)

View = Callable[..., HttpResponse]


def _denied(request: HttpRequest) -> None:
    audit_record(
        action=AUDIT_DENIED,
        outcome=Outcome.DENIED,
        detail={"path": request.path[:200]},
        **audit_request_context(request),
    )


def coordinator_view(view: View) -> View:
    """Logged in with the second factor, and a coordinator in a coalition (else 403)."""

    @never_cache
    @login_required_verified
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not access.coalitions_coordinated_by(request.user).exists():
            _denied(request)
            return forbidden_response(request)
        return view(request, *args, **kwargs)

    return wrapper


def _or_404(request: HttpRequest, obj: Any) -> Any:
    if obj is None:
        _denied(request)
        raise Http404
    return obj


def _stale_form(form_class: type[BoardForm], data: Any, version: int, error: Exception, **kw):
    """Keep what was typed; the version moves on, so saving again is a deliberate choice."""
    data = data.copy()
    data["version"] = str(version)
    form = form_class(data, **kw)
    form.is_valid()
    form.add_error(None, str(error))
    return form


# --- boards -------------------------------------------------------------------------------------


@coordinator_view
def board_list(request: HttpRequest) -> HttpResponse:
    boards = list(selectors.boards_visible_to(request.user))
    coalitions = list(access.coalitions_coordinated_by(request.user))
    status = 200
    if request.method == "POST":
        coalition = next(
            (c for c in coalitions if str(c.uuid) == request.POST.get("coalition", "")), None
        )
        if coalition is None:
            messages.error(request, _("Choose one of your coalitions."))
            status = 400
        else:
            try:
                board = services.board_create(
                    coalition=coalition,
                    name=request.POST.get("name", ""),
                    created_by=request.user,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                status = 400
            else:
                return redirect("soundingboard:board_detail", board_id=board.uuid)
    return render(
        request,
        "soundingboard/board_list.html",
        {"boards": boards, "coalitions": coalitions},
        status=status,
    )


@coordinator_view
def board_detail(request: HttpRequest, board_id: Any) -> HttpResponse:
    board = _or_404(request, selectors.board_get_for_user(request.user, board_id))
    return render(
        request,
        "soundingboard/board_detail.html",
        {
            "board": board,
            "members": selectors.board_members(board=board),
            "sessions": selectors.board_sessions(board=board),
            "advice_requests": selectors.board_advice_requests(board=board),
            "today": timezone.localdate(),
        },
    )


# --- members ------------------------------------------------------------------------------------


def _member_values(form: MemberForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "pseudonym": data["pseudonym"],
        "contact_route": data["contact_route"],
        "languages": data["languages"],
        "interpreter_needed": data["interpreter_needed"],
        "childcare_needed": data["childcare_needed"],
        "joined_on": data["joined_on"],
    }


@coordinator_view
def member_create(request: HttpRequest, board_id: Any) -> HttpResponse:
    board = _or_404(request, selectors.board_get_for_user(request.user, board_id))
    form = MemberForm(
        request.POST or None, initial={"joined_on": timezone.localdate(), "languages": ["nl"]}
    )
    del form.fields["left_on"]
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                member = services.member_register(
                    board=board, registered_by=request.user, **_member_values(form)
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(
                    request,
                    _("%(name)s has been added to the sounding board.")
                    % {"name": member.pseudonym},
                )
                return redirect("soundingboard:member_detail", member_id=member.uuid)
    return render(
        request,
        "soundingboard/form.html",
        {
            "form": form,
            "title": _("Add a member"),
            "board": board,
            "back_url": board_url(board),
            "submit": _("Add member"),
        },
        status=status,
    )


def board_url(board: Any) -> str:
    return reverse("soundingboard:board_detail", args=[board.uuid])


def _member_page(
    request: HttpRequest,
    member: Any,
    *,
    consent_form: ConsentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    active = selectors.member_active_consent(member=member)
    return render(
        request,
        "soundingboard/member_detail.html",
        {
            "member": member,
            "board": member.board,
            "active_consent": active,
            "consents": selectors.member_consents(member=member),
            "has_identity": selectors.member_has_identity(member=member),
            "consent_form": consent_form or ConsentForm(initial={"given_on": timezone.localdate()}),
            "languages": _language_names(member.languages),
        },
        status=status,
    )


def _language_names(codes: list[str]) -> list[str]:
    names = dict(LANGUAGE_CHOICES)
    return [str(names.get(code, code)) for code in codes]


@coordinator_view
def member_detail(request: HttpRequest, member_id: Any) -> HttpResponse:
    member = _or_404(request, selectors.member_get_for_user(request.user, member_id))
    return _member_page(request, member)


@coordinator_view
def member_edit(request: HttpRequest, member_id: Any) -> HttpResponse:
    member = _or_404(request, selectors.member_get_for_user(request.user, member_id))
    status = 200
    if request.method == "POST":
        form = MemberForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.member_update(
                    member=member,
                    lock_version=form.cleaned_data["version"],
                    left_on=form.cleaned_data["left_on"],
                    updated_by=request.user,
                    **_member_values(form),
                )
            except services.StaleEditError as error:
                member.refresh_from_db()
                form = _stale_form(MemberForm, request.POST, member.lock_version, error)
                status = 409
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("soundingboard:member_detail", member_id=member.uuid)
    else:
        form = MemberForm(
            initial={
                "version": member.lock_version,
                "pseudonym": member.pseudonym,
                "contact_route": member.contact_route,
                "languages": member.languages,
                "interpreter_needed": member.interpreter_needed,
                "childcare_needed": member.childcare_needed,
                "joined_on": member.joined_on,
                "left_on": member.left_on,
            }
        )
    return render(
        request,
        "soundingboard/form.html",
        {
            "form": form,
            "title": _("Change %(name)s") % {"name": member.pseudonym},
            "board": member.board,
            "back_url": _member_url(member),
            "submit": _("Save changes"),
        },
        status=status,
    )


def _member_url(member: Any) -> str:
    return reverse("soundingboard:member_detail", args=[member.uuid])


@require_POST
@coordinator_view
def member_consent(request: HttpRequest, member_id: Any) -> HttpResponse:
    member = _or_404(request, selectors.member_get_for_user(request.user, member_id))
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            services.member_consent_record(
                member=member,
                given_on=form.cleaned_data["given_on"],
                purpose=form.cleaned_data["purpose"],
                recorded_by=request.user,
                audit_context=audit_request_context(request),
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Her consent has been recorded."))
            return redirect("soundingboard:member_detail", member_id=member.uuid)
    return _member_page(request, member, consent_form=form, status=400)


@require_POST
@coordinator_view
def member_consent_withdraw(request: HttpRequest, member_id: Any) -> HttpResponse:
    member = _or_404(request, selectors.member_get_for_user(request.user, member_id))
    try:
        services.member_consent_withdraw(
            member=member,
            withdrawn_by=request.user,
            audit_context=audit_request_context(request),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Her consent is withdrawn. Her first name and contact details have been erased."),
        )
    return redirect("soundingboard:member_detail", member_id=member.uuid)


@coordinator_view
def member_identity(request: HttpRequest, member_id: Any) -> HttpResponse:
    """Her real first name and contact details: shown and changed here only. Opening the page
    is a read of her identity and goes to the audit log."""
    member = _or_404(request, selectors.member_get_for_user(request.user, member_id))
    context = audit_request_context(request)
    status = 200
    if request.method == "POST":
        form = IdentityForm(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.member_identity_set(
                    member=member,
                    set_by=request.user,
                    first_name=data["first_name"],
                    phone=data["phone"],
                    email=data["email"],
                    contact_note=data["contact_note"],
                    expected_version=data["version"] if data["version"] is not None else 0,
                    audit_context=context,
                )
            except services.StaleEditError as error:
                identity = services.member_identity_read(
                    member=member, user=request.user, purpose="stale_edit", audit_context=context
                )
                version = identity.lock_version if identity is not None else 0
                form = _stale_form(IdentityForm, request.POST, version, error)
                status = 409
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Her details have been saved."))
                return redirect("soundingboard:member_detail", member_id=member.uuid)
        identity = None
    else:
        identity = services.member_identity_read(
            member=member, user=request.user, audit_context=context
        )
        form = IdentityForm(
            initial={
                "version": identity.lock_version if identity is not None else 0,
                "first_name": identity.first_name if identity is not None else "",
                "phone": identity.phone if identity is not None else "",
                "email": identity.email if identity is not None else "",
                "contact_note": identity.contact_note if identity is not None else "",
            }
        )
    return render(
        request,
        "soundingboard/member_identity.html",
        {
            "member": member,
            "board": member.board,
            "identity": identity,
            "form": form,
            "active_consent": selectors.member_active_consent(member=member),
        },
        status=status,
    )


# --- sessions -----------------------------------------------------------------------------------


def _session_values(form: SessionForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        name: data[name]
        for name in (
            "date",
            "place",
            "theme",
            "childcare_arranged",
            "interpreter_arranged",
            "notes",
        )
    }


@coordinator_view
def session_create(request: HttpRequest, board_id: Any) -> HttpResponse:
    board = _or_404(request, selectors.board_get_for_user(request.user, board_id))
    form = SessionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                session = services.session_create(
                    board=board, created_by=request.user, **_session_values(form)
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("The session has been planned."))
                return redirect("soundingboard:session_detail", session_id=session.uuid)
    return render(
        request,
        "soundingboard/form.html",
        {
            "form": form,
            "title": _("Plan a session"),
            "board": board,
            "back_url": board_url(board),
            "submit": _("Plan session"),
        },
        status=status,
    )


def _session_page(
    request: HttpRequest,
    session: Any,
    *,
    attendance_form: AttendanceForm | None = None,
    expense_form: ExpenseForm | None = None,
    status: int = 200,
) -> HttpResponse:
    rows = selectors.session_attendance(session=session)
    members = [row.member for row in rows]
    if attendance_form is None:
        attendance_form = AttendanceForm(
            initial={
                "version": session.lock_version,
                "attended": [str(row.member.uuid) for row in rows if row.attended],
            },
            members=members,
        )
    if expense_form is None:
        expense_form = ExpenseForm(initial={"kind": ExpenseKind.TRAVEL}, members=members)
    return render(
        request,
        "soundingboard/session_detail.html",
        {
            "session": session,
            "board": session.board,
            "rows": rows,
            "attendance_form": attendance_form,
            "expense_form": expense_form,
            "expenses": selectors.session_expenses(session=session),
        },
        status=status,
    )


@coordinator_view
def session_detail(request: HttpRequest, session_id: Any) -> HttpResponse:
    session = _or_404(request, selectors.session_get_for_user(request.user, session_id))
    return _session_page(request, session)


@coordinator_view
def session_edit(request: HttpRequest, session_id: Any) -> HttpResponse:
    session = _or_404(request, selectors.session_get_for_user(request.user, session_id))
    status = 200
    if request.method == "POST":
        form = SessionForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                services.session_update(
                    session=session,
                    lock_version=form.cleaned_data["version"],
                    updated_by=request.user,
                    **_session_values(form),
                )
            except services.StaleEditError as error:
                session.refresh_from_db()
                form = _stale_form(SessionForm, request.POST, session.lock_version, error)
                status = 409
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("Your changes have been saved."))
                return redirect("soundingboard:session_detail", session_id=session.uuid)
    else:
        form = SessionForm(
            initial={
                "version": session.lock_version,
                "date": session.date,
                "place": session.place,
                "theme": session.theme,
                "childcare_arranged": session.childcare_arranged,
                "interpreter_arranged": session.interpreter_arranged,
                "notes": session.notes,
            }
        )
    return render(
        request,
        "soundingboard/form.html",
        {
            "form": form,
            "title": _("Change the session"),
            "board": session.board,
            "back_url": reverse("soundingboard:session_detail", args=[session.uuid]),
            "submit": _("Save changes"),
        },
        status=status,
    )


@require_POST
@coordinator_view
def session_attendance(request: HttpRequest, session_id: Any) -> HttpResponse:
    session = _or_404(request, selectors.session_get_for_user(request.user, session_id))
    members = [row.member for row in selectors.session_attendance(session=session)]
    form = AttendanceForm(request.POST, members=members)
    if form.is_valid():
        chosen = set(form.cleaned_data["attended"])
        try:
            services.session_attendance_set(
                session=session,
                attended=[m for m in members if str(m.uuid) in chosen],
                lock_version=form.cleaned_data["version"],
                recorded_by=request.user,
            )
        except services.StaleEditError as error:
            session.refresh_from_db()
            form = _stale_form(
                AttendanceForm, request.POST, session.lock_version, error, members=members
            )
            return _session_page(request, session, attendance_form=form, status=409)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The attendance has been saved."))
            return redirect("soundingboard:session_detail", session_id=session.uuid)
    return _session_page(request, session, attendance_form=form, status=400)


@require_POST
@coordinator_view
def expense_add(request: HttpRequest, session_id: Any) -> HttpResponse:
    session = _or_404(request, selectors.session_get_for_user(request.user, session_id))
    members = [row.member for row in selectors.session_attendance(session=session)]
    form = ExpenseForm(request.POST, members=members)
    if form.is_valid():
        data = form.cleaned_data
        member = next(m for m in members if str(m.uuid) == data["member"])
        try:
            services.expense_record(
                member=member,
                session=session,
                kind=data["kind"],
                amount=data["amount"],
                paid_on=data["paid_on"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The expense has been recorded."))
            return redirect("soundingboard:session_detail", session_id=session.uuid)
    return _session_page(request, session, expense_form=form, status=400)


@coordinator_view
def expense_list(request: HttpRequest, board_id: Any) -> HttpResponse:
    board = _or_404(request, selectors.board_get_for_user(request.user, board_id))
    return render(
        request,
        "soundingboard/expense_list.html",
        {
            "board": board,
            "totals": selectors.board_expense_totals(board=board),
            "kinds": ExpenseKind.choices,
            "expenses": selectors.board_expenses(board=board),
            "today": timezone.localdate(),
        },
    )


@require_POST
@coordinator_view
def expense_paid(request: HttpRequest, expense_id: Any) -> HttpResponse:
    expense = _or_404(request, selectors.expense_get_for_user(request.user, expense_id))
    form = MarkPaidForm(request.POST)
    if form.is_valid():
        try:
            services.expense_mark_paid(
                expense=expense,
                paid_on=form.cleaned_data["paid_on"],
                lock_version=form.cleaned_data["version"],
                user=request.user,
            )
        except (ValidationError, services.StaleEditError) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        else:
            messages.success(request, _("The expense is marked as paid."))
    else:
        messages.error(request, _("Fill in the date it was paid."))
    return redirect("soundingboard:expense_list", board_id=expense.member.board.uuid)


# --- advice requests ----------------------------------------------------------------------------


@coordinator_view
def advice_request_create(request: HttpRequest, board_id: Any) -> HttpResponse:
    board = _or_404(request, selectors.board_get_for_user(request.user, board_id))
    form = AdviceRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                advice_request = services.advice_request_create(
                    board=board,
                    title=form.cleaned_data["title"],
                    question=form.cleaned_data["question"],
                    deadline=form.cleaned_data["deadline"],
                    asked_by=request.user,
                )
            except ValidationError as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("The question has been put to the parents."))
                return redirect(
                    "soundingboard:advice_request_detail", request_id=advice_request.uuid
                )
    return render(
        request,
        "soundingboard/form.html",
        {
            "form": form,
            "title": _("Ask the parents for advice"),
            "board": board,
            "back_url": board_url(board),
            "submit": _("Ask for advice"),
        },
        status=status,
    )


def _activities(advice_request: Any):
    return programme_selectors.coalition_activities(coalition=advice_request.board.coalition)


def _advice_page(
    request: HttpRequest,
    advice_request: Any,
    *,
    advice_form: AdviceForm | None = None,
    answer_form: AnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    today = timezone.localdate()
    if advice_form is None:
        advice_form = AdviceForm(
            initial={
                "version": advice_request.lock_version,
                "advice": advice_request.advice,
                "given_on": advice_request.advice_given_on or today,
            }
        )
    if answer_form is None:
        answer_form = AnswerForm(
            initial={
                "version": advice_request.lock_version,
                "answered_on": today,
                "activity": advice_request.activity,
            },
            activities=_activities(advice_request),
        )
    return render(
        request,
        "soundingboard/advice_request_detail.html",
        {
            "advice_request": advice_request,
            "board": advice_request.board,
            "advice_form": advice_form,
            "answer_form": answer_form,
            "today": today,
        },
        status=status,
    )


@coordinator_view
def advice_request_detail(request: HttpRequest, request_id: Any) -> HttpResponse:
    advice_request = _or_404(
        request, selectors.advice_request_get_for_user(request.user, request_id)
    )
    return _advice_page(request, advice_request)


@require_POST
@coordinator_view
def advice_record(request: HttpRequest, request_id: Any) -> HttpResponse:
    advice_request = _or_404(
        request, selectors.advice_request_get_for_user(request.user, request_id)
    )
    form = AdviceForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.advice_record(
                request=advice_request,
                advice=form.cleaned_data["advice"],
                given_on=form.cleaned_data["given_on"],
                lock_version=form.cleaned_data["version"],
                recorded_by=request.user,
            )
        except services.StaleEditError as error:
            advice_request.refresh_from_db()
            form = _stale_form(AdviceForm, request.POST, advice_request.lock_version, error)
            status = 409
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The parents' advice has been recorded."))
            return redirect("soundingboard:advice_request_detail", request_id=advice_request.uuid)
    return _advice_page(request, advice_request, advice_form=form, status=status)


@require_POST
@coordinator_view
def advice_answer(request: HttpRequest, request_id: Any) -> HttpResponse:
    advice_request = _or_404(
        request, selectors.advice_request_get_for_user(request.user, request_id)
    )
    form = AnswerForm(request.POST, activities=_activities(advice_request))
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.advice_answer(
                request=advice_request,
                outcome=data["outcome"],
                answer=data["answer"],
                answered_on=data["answered_on"],
                action_line_reference=data["action_line_reference"],
                activity=data["activity"],
                lock_version=data["version"],
                answered_by=request.user,
            )
        except services.StaleEditError as error:
            advice_request.refresh_from_db()
            form = _stale_form(
                AnswerForm,
                request.POST,
                advice_request.lock_version,
                error,
                activities=_activities(advice_request),
            )
            status = 409
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(
                request,
                _("The answer has been saved and is on the “You said, we did” page."),
            )
            return redirect("soundingboard:advice_request_detail", request_id=advice_request.uuid)
    return _advice_page(request, advice_request, answer_form=form, status=status)


# --- public -------------------------------------------------------------------------------------


def you_said_we_did(request: HttpRequest, slug: str) -> HttpResponse:
    """Public, no log-in: what the parents advised and what the coalition did with it. Built
    from advice requests only; nothing about the members is read."""
    coalition = organisation_selectors.coalition_get(slug=slug)
    if coalition is None or not selectors.coalition_has_board(coalition=coalition):
        raise Http404
    return render(
        request,
        "soundingboard/you_said_we_did.html",
        {
            "coalition": coalition,
            "answered": selectors.advice_requests_answered_public(coalition=coalition),
            "open_count": selectors.advice_requests_open_count(coalition=coalition),
            "outcomes": AdviceOutcome,
        },
    )
