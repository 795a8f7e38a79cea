"""Pages under /samenwerkingsafspraken/: a coalition's agreements with "27 of 40 partners
signed", a document's versions, a version's text and signatures, writing a draft
(optimistically locked), consultation, signing, adopting, comparing two versions and a PDF.

Every coalition, document and version comes through an access-checked lookup that answers 404
when the user may not see it; a user who sees it but may not do this gets 403.
"""

from __future__ import annotations

from uuid import UUID

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
from kansrijk.agreements import access, forms, selectors, services
from kansrijk.agreements.constants import SIGNABLE_STATUSES, AgreementStatus
from kansrijk.agreements.text import text_blocks
from kansrijk.core.pdf import pdf_response


def _error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def _coalition(request: HttpRequest, slug: str):
    coalition = selectors.coalition_get_for_user(request.user, slug)
    if coalition is None:
        raise Http404
    return coalition


def _document(request: HttpRequest, document_id: UUID):
    document = selectors.document_get_for_user(request.user, document_id)
    if document is None:
        raise Http404
    return document


def _document_and_version(request: HttpRequest, document_id: UUID, number: int):
    document = _document(request, document_id)
    version = selectors.version_get_for_user(request.user, document, number)
    if version is None:
        raise Http404
    return document, version


def _version_url(version) -> str:
    return reverse("agreements:version", args=[version.document.uuid, version.number])


@never_cache
@login_required_verified
def index(request: HttpRequest) -> HttpResponse:
    coalitions = list(selectors.coalitions_for_user(request.user))
    if len(coalitions) == 1:
        return redirect("agreements:coalition", coalitions[0].slug)
    return render(request, "agreements/index.html", {"coalitions": coalitions})


@never_cache
@login_required_verified
def coalition_detail(request: HttpRequest, coalition_slug: str) -> HttpResponse:
    coalition = _coalition(request, coalition_slug)
    return render(
        request,
        "agreements/coalition.html",
        {
            "coalition": coalition,
            "rows": selectors.document_rows(user=request.user, coalition=coalition),
            "partner_count": selectors.partners_of(coalition=coalition).count(),
            "can_edit": access.user_can_edit(request.user, coalition),
        },
    )


@never_cache
@login_required_verified
def document_create(request: HttpRequest, coalition_slug: str) -> HttpResponse:
    coalition = _coalition(request, coalition_slug)
    if not access.user_can_edit(request.user, coalition):
        return forbidden_response(request)
    form = forms.DocumentCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(
                user=request.user, coalition=coalition, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("The agreement has been saved as a draft."))
            return redirect("agreements:version", document.uuid, 1)
    return render(
        request,
        "agreements/create.html",
        {"coalition": coalition, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required_verified
def document_detail(request: HttpRequest, document_id: UUID) -> HttpResponse:
    document = _document(request, document_id)
    versions = selectors.versions_for_user(request.user, document)
    rows = [
        {
            "version": version,
            "summary": (
                None
                if version.status == AgreementStatus.DRAFT
                else selectors.version_summary(version=version)
            ),
        }
        for version in versions
    ]
    can_edit = access.user_can_edit(request.user, document.coalition)
    return render(
        request,
        "agreements/document.html",
        {
            "document": document,
            "rows": rows,
            "can_edit": can_edit,
            "can_start_draft": can_edit and selectors.version_open(document=document) is None,
            "can_compare": len(versions) > 1,
        },
    )


@require_POST
@login_required_verified
def version_draft_create(request: HttpRequest, document_id: UUID) -> HttpResponse:
    document = _document(request, document_id)
    if not access.user_can_edit(request.user, document.coalition):
        return forbidden_response(request)
    try:
        version = services.version_draft_create(document=document, user=request.user)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
        return redirect("agreements:document", document.uuid)
    messages.success(request, _("A new draft has been made from the latest version."))
    return redirect(_version_url(version))


def _version_context(request: HttpRequest, document, version) -> dict:
    user = request.user
    coalition = document.coalition
    can_edit = access.user_can_edit(user, coalition)
    summary = (
        None
        if version.status == AgreementStatus.DRAFT
        else selectors.version_summary(version=version)
    )
    signed = bool(
        summary and any(a.organisation_id == user.organisation_id for a in summary.approvals)
    )
    return {
        "document": document,
        "coalition": coalition,
        "version": version,
        "blocks": text_blocks(version.text),
        "summary": summary,
        "comments": selectors.version_comments(version=version),
        "current": selectors.version_current(document=document),
        "can_edit_draft": can_edit and version.status == AgreementStatus.DRAFT,
        "can_start_consultation": can_edit and version.status == AgreementStatus.DRAFT,
        "can_adopt": can_edit and version.status == AgreementStatus.CONSULTATION,
        "can_set_evaluation": can_edit
        and version.status in (AgreementStatus.CONSULTATION, AgreementStatus.APPROVED),
        "can_sign": (
            access.user_can_sign(user, coalition)
            and version.status in SIGNABLE_STATUSES
            and not signed
        ),
        "has_signed": signed,
        "can_comment": access.user_can_see(user, coalition)
        and version.status == AgreementStatus.CONSULTATION,
        "today": timezone.localdate(),
    }


@never_cache
@login_required_verified
def version_detail(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    document, version = _document_and_version(request, document_id, number)
    context = _version_context(request, document, version)
    context["comment_form"] = forms.CommentForm()
    context["evaluation_form"] = forms.EvaluationForm(
        initial={"evaluation_due": version.evaluation_due, "lock_version": version.lock_version}
    )
    return render(request, "agreements/version.html", context)


@never_cache
@login_required_verified
def version_pdf(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    document, version = _document_and_version(request, document_id, number)
    context = _version_context(request, document, version)
    return pdf_response(
        "agreements/version_pdf.html",
        context,
        filename=f"samenwerkingsafspraak-{document.uuid}-v{version.number}.pdf",
        request=request,
    )


def _conflict_form(request, version, error, form_class):
    """The form again after a lost race: keep what was typed, move the lock version on (so
    saving again knowingly replaces the other change) and say what happened."""
    version.refresh_from_db()
    post = request.POST.copy()
    post["lock_version"] = str(version.lock_version)
    form = form_class(post)
    form.is_valid()
    form.add_error(None, str(error))
    return form


@never_cache
@login_required_verified
def version_edit(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    document, version = _document_and_version(request, document_id, number)
    if not access.user_can_edit(request.user, document.coalition):
        return forbidden_response(request)
    if version.status != AgreementStatus.DRAFT:
        messages.error(request, _("Only a draft can be changed."))
        return redirect(_version_url(version))
    form = forms.VersionEditForm(
        request.POST if request.method == "POST" else None,
        initial={
            "text": version.text,
            "change_note": version.change_note,
            "evaluation_due": version.evaluation_due,
            "lock_version": version.lock_version,
        },
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.version_update(
                version=version,
                expected_lock_version=data["lock_version"],
                user=request.user,
                text=data["text"],
                change_note=data["change_note"],
                evaluation_due=data["evaluation_due"],
            )
        except services.AgreementConflictError as exc:
            form = _conflict_form(request, version, exc, forms.VersionEditForm)
            conflict = True
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(_version_url(version))
    return render(
        request,
        "agreements/edit.html",
        {"document": document, "version": version, "form": form},
        status=409 if conflict else 400 if form.errors else 200,
    )


def _confirm_step(request, document_id, number, *, allowed, template, do, done_message):
    """A confirming page (GET) and its POST for consultation and adoption."""
    document, version = _document_and_version(request, document_id, number)
    if not access.user_can_edit(request.user, document.coalition):
        return forbidden_response(request)
    form = forms.LockForm(
        request.POST if request.method == "POST" else None,
        initial={"lock_version": version.lock_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            do(
                version=version,
                user=request.user,
                expected_lock_version=form.cleaned_data["lock_version"],
            )
        except (ValidationError, services.AgreementConflictError) as exc:
            form.add_error(
                None,
                _error_text(exc) if isinstance(exc, ValidationError) else str(exc),
            )
        else:
            messages.success(request, done_message % {"number": version.number})
            return redirect(_version_url(version))
    context = _version_context(request, document, version)
    context.update(form=form, allowed=version.status == allowed)
    return render(request, template, context, status=400 if form.errors else 200)


@never_cache
@login_required_verified
def version_consultation(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    return _confirm_step(
        request,
        document_id,
        number,
        allowed=AgreementStatus.DRAFT,
        template="agreements/consultation.html",
        do=services.version_consultation_start,
        done_message=_("Version %(number)s is now in consultation: the partners can sign it."),
    )


@never_cache
@login_required_verified
def version_adopt(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    return _confirm_step(
        request,
        document_id,
        number,
        allowed=AgreementStatus.CONSULTATION,
        template="agreements/adopt.html",
        do=services.version_adopt,
        done_message=_("Version %(number)s has been adopted."),
    )


@never_cache
@login_required_verified
def version_sign(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    document, version = _document_and_version(request, document_id, number)
    if not access.user_can_sign(request.user, document.coalition):
        return forbidden_response(request)
    form = forms.SignForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.version_sign(version=version, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("Thank you. Your organisation's signature is recorded."))
            return redirect(_version_url(version))
    context = _version_context(request, document, version)
    context.update(form=form, organisation=request.user.organisation)
    return render(request, "agreements/sign.html", context, status=400 if form.errors else 200)


@require_POST
@login_required_verified
def version_evaluation(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    document, version = _document_and_version(request, document_id, number)
    if not access.user_can_edit(request.user, document.coalition):
        return forbidden_response(request)
    form = forms.EvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.version_evaluation_set(
                version=version,
                expected_lock_version=form.cleaned_data["lock_version"],
                user=request.user,
                evaluation_due=form.cleaned_data["evaluation_due"],
            )
        except (ValidationError, services.AgreementConflictError) as exc:
            form.add_error(None, _error_text(exc) if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, _("The evaluation date has been saved."))
            return redirect(_version_url(version))
    context = _version_context(request, document, version)
    context.update(comment_form=forms.CommentForm(), evaluation_form=form)
    return render(request, "agreements/version.html", context, status=400)


@require_POST
@login_required_verified
def version_comment(request: HttpRequest, document_id: UUID, number: int) -> HttpResponse:
    document, version = _document_and_version(request, document_id, number)
    if not access.user_can_see(request.user, document.coalition):
        return forbidden_response(request)
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(version=version, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("Your comment has been added."))
            return redirect(_version_url(version) + "#comments-title")
    context = _version_context(request, document, version)
    context.update(
        comment_form=form,
        evaluation_form=forms.EvaluationForm(
            initial={"evaluation_due": version.evaluation_due, "lock_version": version.lock_version}
        ),
    )
    return render(request, "agreements/version.html", context, status=400)


@never_cache
@login_required_verified
def version_compare(request: HttpRequest, document_id: UUID) -> HttpResponse:
    document = _document(request, document_id)
    versions = {v.number: v for v in selectors.versions_for_user(request.user, document)}
    numbers = sorted(versions)
    data = request.GET if "a" in request.GET or "b" in request.GET else None
    initial = {"a": numbers[-2], "b": numbers[-1]} if len(numbers) > 1 else {}
    form = forms.CompareForm(data, numbers=numbers, initial=initial)
    lines = a = b = None
    if form.is_bound and form.is_valid():
        a, b = versions[form.cleaned_data["a"]], versions[form.cleaned_data["b"]]
        lines = selectors.version_compare(a=a, b=b)
    return render(
        request,
        "agreements/compare.html",
        {"document": document, "form": form, "lines": lines, "a": a, "b": b},
        status=400 if form.errors else 200,
    )
