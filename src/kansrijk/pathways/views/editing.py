"""Working on care pathways: create one, edit a draft (JSON, optimistically locked), import a
decision table (.dmn), submit for review, agree on behalf of a partner, retire a version.

Every pathway comes through the access-checked lookup (404 when the user may not see it); a
user who sees it but may not do this gets 403.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import login_required_verified, role_required
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.pathways import access, selectors, services
from kansrijk.pathways.constants import EDITOR_ROLES, VersionStatus
from kansrijk.pathways.flowchart import flowchart_text
from kansrijk.pathways.forms import (
    ApproveForm,
    NewDraftForm,
    PathwayCreateForm,
    PathwayDetailsForm,
    TableImportForm,
    VersionEditForm,
    definition_as_text,
)
from kansrijk.pathways.models import Pathway
from kansrijk.pathways.views.common import forbidden_response, pathway_and_version, scope_label
from kansrijk.regions import selectors as region_selectors


def _form_after_conflict(request, saved, error, form_class, **form_kwargs):
    """The form again after a lost race: keep what the editor typed, move only the lock version
    on (so saving again knowingly replaces the other change), and say what happened."""
    saved.refresh_from_db()
    post = request.POST.copy()
    post["lock_version"] = str(saved.lock_version)
    form = form_class(post, **form_kwargs)
    form.is_valid()
    form.add_error(None, str(error))
    return form


def _version_url(version) -> str:
    return reverse(
        "pathways:version",
        kwargs={"pathway_id": version.pathway.uuid, "number": version.number},
    )


def _error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def _area_choices(user):
    """Coalitions, municipalities and GGD regions the user may make a pathway for."""
    coalitions = organisation_selectors.coalition_list().order_by("name")
    municipalities = region_selectors.municipality_list().order_by("name")
    regions = Pathway._meta.get_field("ggd_region").related_model.objects.order_by("name")
    if not access.user_is_admin(user):
        coalitions = coalitions.filter(members=user.organisation_id)
        municipalities = municipalities.filter(coalitions__in=coalitions.values("pk")).distinct()
        regions = regions.filter(municipalities__in=municipalities.values("pk")).distinct()
    return {"coalitions": coalitions, "municipalities": municipalities, "ggd_regions": regions}


@role_required(*EDITOR_ROLES)
def pathway_create(request: HttpRequest) -> HttpResponse:
    areas = _area_choices(request.user)
    form = PathwayCreateForm(request.POST or None, themes=selectors.theme_choices(), **areas)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pathway = services.pathway_create(
                user=request.user,
                slug=data["slug"],
                title=data["title"],
                description=data["description"],
                theme=data["theme"],
                **form.scope(),
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    name = field if field in form.fields else None
                    for error in errors:
                        form.add_error(name, error)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("The pathway has been made. Now fill in its steps."))
            return redirect("pathways:version_edit", pathway_id=pathway.uuid, number=1)
    return render(
        request,
        "pathways/create.html",
        {"form": form, "has_areas": any(qs.exists() for qs in areas.values())},
        status=400 if form.errors else 200,
    )


@login_required_verified
def pathway_details_edit(request: HttpRequest, pathway_id: UUID) -> HttpResponse:
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    if not access.user_can_edit(request.user, pathway):
        return forbidden_response(request)
    themes = selectors.theme_choices()
    initial = {
        "lock_version": pathway.lock_version,
        "title": pathway.title,
        "description": pathway.description,
        "theme": pathway.theme,
    }
    form = PathwayDetailsForm(request.POST or None, initial=initial, themes=themes)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.pathway_update(
                pathway=pathway,
                expected_lock_version=data["lock_version"],
                user=request.user,
                title=data["title"],
                description=data["description"],
                theme=data["theme"],
            )
        except services.PathwayConflictError as exc:
            form = _form_after_conflict(request, pathway, exc, PathwayDetailsForm, themes=themes)
            status = 409
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("pathways:detail", pathway_id=pathway.uuid)
    if form.errors and status == 200:
        status = 400
    return render(
        request,
        "pathways/details_edit.html",
        {"form": form, "pathway": pathway, "scope": scope_label(pathway)},
        status=status,
    )


@login_required_verified
def draft_create(request: HttpRequest, pathway_id: UUID) -> HttpResponse:
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    if not access.user_can_edit(request.user, pathway):
        return forbidden_response(request)
    form = NewDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.version_draft_create(
                pathway=pathway, user=request.user, change_note=form.cleaned_data["change_note"]
            )
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            messages.success(
                request,
                _("Version %(number)s is a new draft. Make your changes.")
                % {"number": version.number},
            )
            return redirect("pathways:version_edit", pathway_id=pathway.uuid, number=version.number)
    return render(
        request,
        "pathways/draft_create.html",
        {
            "form": form,
            "pathway": pathway,
            "latest": selectors.version_latest(pathway=pathway),
            "open_version": selectors.version_open(pathway=pathway),
        },
        status=400 if form.errors else 200,
    )


def _edit_page(request, pathway, version, *, form, import_form, conflict=None, status=200):
    return render(
        request,
        "pathways/version_edit.html",
        {
            "pathway": pathway,
            "version": version,
            "form": form,
            "import_form": import_form,
            "conflict": conflict,
            "table_keys": sorted((version.definition.get("tables") or {}).keys()),
            "flow_steps": flowchart_text(version.definition),
            "scope": scope_label(pathway),
        },
        status=status,
    )


def _editable_draft(request, pathway_id, number):
    """(pathway, version, refusal): refusal is a 403 response, or a redirect when the version
    is no longer a draft."""
    pathway, version = pathway_and_version(request, pathway_id, number)
    if not access.user_can_edit(request.user, pathway):
        return pathway, version, forbidden_response(request)
    if version.status != VersionStatus.DRAFT:
        messages.error(
            request,
            _("Version %(number)s is no longer a draft, so it cannot be changed.")
            % {"number": version.number},
        )
        return pathway, version, redirect(_version_url(version))
    return pathway, version, None


@login_required_verified
def version_edit(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    pathway, version, refusal = _editable_draft(request, pathway_id, number)
    if refusal:
        return refusal
    import_form = TableImportForm(initial={"lock_version": version.lock_version})
    tables = version.definition.get("tables") or {}
    if request.method != "POST":
        form = VersionEditForm(
            tables=tables,
            initial={
                "lock_version": version.lock_version,
                "definition": definition_as_text(version.definition),
                "change_note": version.change_note,
            },
        )
        return _edit_page(request, pathway, version, form=form, import_form=import_form)
    form = VersionEditForm(request.POST, tables=tables)
    if not form.is_valid():
        return _edit_page(request, pathway, version, form=form, import_form=import_form, status=400)
    data = form.cleaned_data
    try:
        services.version_update(
            version=version,
            expected_lock_version=data["lock_version"],
            user=request.user,
            definition=data["definition"],
            change_note=data["change_note"],
        )
    except services.PathwayConflictError as exc:
        # Show what is saved now, as a comparison with what the editor typed.
        version.refresh_from_db()
        form = _form_after_conflict(
            request, version, exc, VersionEditForm, tables=version.definition.get("tables") or {}
        )
        conflict = selectors.definition_compare(old=version.definition, new=data["definition"])
        import_form = TableImportForm(initial={"lock_version": version.lock_version})
        return _edit_page(
            request,
            pathway,
            version,
            form=form,
            import_form=import_form,
            conflict=conflict,
            status=409,
        )
    except ValidationError as exc:
        form.add_error(None, _error_text(exc))
        return _edit_page(request, pathway, version, form=form, import_form=import_form, status=400)
    messages.success(request, _("Your changes have been saved."))
    return redirect("pathways:version_edit", pathway_id=pathway.uuid, number=version.number)


@login_required_verified
def table_import(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    pathway, version, refusal = _editable_draft(request, pathway_id, number)
    if refusal:
        return refusal
    if request.method != "POST":
        return redirect("pathways:version_edit", pathway_id=pathway.uuid, number=version.number)
    import_form = TableImportForm(request.POST, request.FILES)
    status = 400
    if import_form.is_valid():
        data = import_form.cleaned_data
        try:
            services.decision_table_import(
                version=version,
                expected_lock_version=data["lock_version"],
                user=request.user,
                table_key=data["table_key"],
                source=data["file"],
            )
        except services.PathwayConflictError as exc:
            import_form.add_error(None, str(exc))
            status = 409
        except ValidationError as exc:
            for message in exc.messages:
                import_form.add_error("file", message)
        else:
            messages.success(
                request,
                _("The decision table %(table)s has been imported.") % {"table": data["table_key"]},
            )
            return redirect("pathways:version_edit", pathway_id=pathway.uuid, number=version.number)
    version.refresh_from_db()
    form = VersionEditForm(
        tables=version.definition.get("tables") or {},
        initial={
            "lock_version": version.lock_version,
            "definition": definition_as_text(version.definition),
            "change_note": version.change_note,
        },
    )
    return _edit_page(request, pathway, version, form=form, import_form=import_form, status=status)


@require_POST
@login_required_verified
def table_remove(request: HttpRequest, pathway_id: UUID, number: int, table_key: str):
    pathway, version, refusal = _editable_draft(request, pathway_id, number)
    if refusal:
        return refusal
    try:
        services.decision_table_remove(
            version=version,
            expected_lock_version=_int(request.POST.get("lock_version")) or 0,
            user=request.user,
            table_key=table_key,
        )
    except services.PathwayConflictError as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request, _("The decision table %(table)s has been removed.") % {"table": table_key}
        )
    return redirect("pathways:version_edit", pathway_id=pathway.uuid, number=version.number)


@require_POST
@login_required_verified
def version_submit(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    pathway, version, refusal = _editable_draft(request, pathway_id, number)
    if refusal:
        return refusal
    try:
        services.version_submit(
            version=version,
            user=request.user,
            expected_lock_version=_int(request.POST.get("lock_version")),
        )
    except services.PathwayConflictError as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request,
            _("Version %(number)s is now in review. The partner organisations can agree to it.")
            % {"number": version.number},
        )
    return redirect(_version_url(version))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required_verified
def version_approve(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    pathway, version = pathway_and_version(request, pathway_id, number)
    if not access.user_can_approve(request.user, pathway):
        return forbidden_response(request)
    form = ApproveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.version_approve(
                version=version,
                user=request.user,
                remark=form.cleaned_data["remark"],
                position=form.cleaned_data["position"],
            )
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            if version.status == VersionStatus.APPROVED:
                text = _("Thank you. Every partner has agreed: version %(number)s is now in use.")
            else:
                text = _("Thank you. Your organisation's agreement has been recorded.")
            messages.success(request, text % {"number": version.number})
            return redirect(_version_url(version))
    return render(
        request,
        "pathways/approve.html",
        {
            "form": form,
            "pathway": pathway,
            "version": version,
            "organisation": request.user.organisation,
            "state": selectors.approval_state(version=version),
        },
        status=400 if form.errors else 200,
    )


@login_required_verified
def version_retire(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    pathway, version = pathway_and_version(request, pathway_id, number)
    if not access.user_can_edit(request.user, pathway):
        return forbidden_response(request)
    error = ""
    if request.method == "POST":
        try:
            services.version_retire(
                version=version,
                user=request.user,
                expected_lock_version=_int(request.POST.get("lock_version")),
            )
        except services.PathwayConflictError as exc:
            error = str(exc)
            version.refresh_from_db()
        except ValidationError as exc:
            error = _error_text(exc)
        else:
            messages.success(
                request, _("Version %(number)s has been retired.") % {"number": version.number}
            )
            return redirect(_version_url(version))
    return render(
        request,
        "pathways/retire.html",
        {"pathway": pathway, "version": version, "error": error},
        status=400 if error else 200,
    )


urlpatterns = [
    path("nieuw/", pathway_create, name="create"),
    path("<uuid:pathway_id>/gegevens/", pathway_details_edit, name="details_edit"),
    path("<uuid:pathway_id>/versies/nieuw/", draft_create, name="draft_create"),
    path("<uuid:pathway_id>/versies/<int:number>/bewerken/", version_edit, name="version_edit"),
    path(
        "<uuid:pathway_id>/versies/<int:number>/tabellen/importeren/",
        table_import,
        name="table_import",
    ),
    path(
        "<uuid:pathway_id>/versies/<int:number>/tabellen/<str:table_key>/verwijderen/",
        table_remove,
        name="table_remove",
    ),
    path("<uuid:pathway_id>/versies/<int:number>/indienen/", version_submit, name="version_submit"),
    path(
        "<uuid:pathway_id>/versies/<int:number>/akkoord/", version_approve, name="version_approve"
    ),
    path(
        "<uuid:pathway_id>/versies/<int:number>/intrekken/", version_retire, name="version_retire"
    ),
]
