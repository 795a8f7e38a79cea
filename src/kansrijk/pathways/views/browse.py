"""Seeing care pathways: the list, a pathway with its flowchart and decision tables, the
version history, comparing two versions, and downloading a decision table (.dmn)."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.pathways import access, selectors
from kansrijk.pathways.forms import CompareForm, PathwayFilterForm
from kansrijk.pathways.views.common import pathway_and_version, scope_label, version_context
from kansrijk.regions import selectors as region_selectors


@login_required_verified
def pathway_list(request: HttpRequest) -> HttpResponse:
    themes = selectors.theme_choices()
    municipalities = list(
        region_selectors.municipality_list().order_by("name").values_list("code", "name")
    )
    bound = any(request.GET.get(name) for name in ("thema", "gemeente"))
    form = PathwayFilterForm(
        request.GET if bound else None, themes=themes, municipalities=municipalities
    )
    status = 200
    versions = []
    if bound and not form.is_valid():
        status = 400
    else:
        data = form.cleaned_data if bound else {}
        versions = list(
            selectors.approved_versions(
                theme=data.get("thema") or None, municipality_code=data.get("gemeente") or None
            )
        )
    names = dict(themes)
    rows = [
        {
            "version": version,
            "pathway": version.pathway,
            "theme": names.get(version.pathway.theme, version.pathway.theme),
            "scope": scope_label(version.pathway),
        }
        for version in versions
    ]
    user = request.user
    work = [
        {"pathway": p, "open": selectors.version_open(pathway=p), "scope": scope_label(p)}
        for p in access.pathways_editable_by(user=user).select_related(
            "coalition", "municipality", "ggd_region"
        )
    ]
    to_approve = list(access.pathways_to_approve_by(user=user))
    return render(
        request,
        "pathways/list.html",
        {
            "form": form,
            "rows": rows,
            "work": work,
            "to_approve": [
                {"pathway": p, "open": selectors.version_open(pathway=p)} for p in to_approve
            ],
            "can_create": access.user_can_create(user),
        },
        status=status,
    )


@login_required_verified
def pathway_detail(request: HttpRequest, pathway_id: UUID) -> HttpResponse:
    """The version in use; for editors and signatories without one, the latest version."""
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    version = selectors.version_current(pathway=pathway)
    if version is None:
        visible = selectors.version_list_for_user(request.user, pathway)
        if not visible:
            raise Http404
        version = visible[0]
    context = version_context(request, pathway, version)
    return render(request, "pathways/version.html", context)


@login_required_verified
def version_detail(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    pathway, version = pathway_and_version(request, pathway_id, number)
    return render(request, "pathways/version.html", version_context(request, pathway, version))


@login_required_verified
def version_history(request: HttpRequest, pathway_id: UUID) -> HttpResponse:
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    versions = selectors.version_list_for_user(request.user, pathway)
    numbers = [(v.number, str(v.number)) for v in versions]
    form = CompareForm(
        initial={
            "a": versions[1].number if len(versions) > 1 else None,
            "b": versions[0].number if versions else None,
        },
        numbers=numbers,
    )
    return render(
        request,
        "pathways/history.html",
        {
            "pathway": pathway,
            "versions": versions,
            "form": form,
            "scope": scope_label(pathway),
            "can_edit": access.user_can_edit(request.user, pathway),
        },
    )


@login_required_verified
def version_compare(request: HttpRequest, pathway_id: UUID) -> HttpResponse:
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    versions = {v.number: v for v in selectors.version_list_for_user(request.user, pathway)}
    form = CompareForm(request.GET or None, numbers=[(n, str(n)) for n in versions])
    context = {"pathway": pathway, "form": form, "lines": None}
    status = 200
    if form.is_bound and form.is_valid():
        a, b = versions[form.cleaned_data["a"]], versions[form.cleaned_data["b"]]
        context.update({"a": a, "b": b, "lines": selectors.version_compare(a=a, b=b)})
    elif form.is_bound:
        status = 400
    return render(request, "pathways/compare.html", context, status=status)


@login_required_verified
def table_export(
    request: HttpRequest, pathway_id: UUID, number: int, table_key: str
) -> HttpResponse:
    pathway, version = pathway_and_version(request, pathway_id, number)
    source = selectors.decision_table_export(version=version, table_key=table_key)
    if source is None:
        raise Http404
    response = HttpResponse(source.encode("utf-8"), content_type="application/xml; charset=utf-8")
    filename = f"{pathway.slug}-v{version.number}-{table_key}.dmn"
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in filename)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response


urlpatterns = [
    path("", pathway_list, name="list"),
    path("<uuid:pathway_id>/", pathway_detail, name="detail"),
    path("<uuid:pathway_id>/versies/", version_history, name="history"),
    path("<uuid:pathway_id>/vergelijken/", version_compare, name="compare"),
    path("<uuid:pathway_id>/versies/<int:number>/", version_detail, name="version"),
    path(
        "<uuid:pathway_id>/versies/<int:number>/tabellen/<str:table_key>/dmn/",
        table_export,
        name="table_export",
    ),
]
