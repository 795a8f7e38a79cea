"""Indicator pages: the catalogue of every indicator (any staff member), and the upload of
open-data outcome and context figures (policy advisers, coordinators and administrators;
403 for others)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.cache import never_cache

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import login_required_verified, role_required
from kansrijk.indicators import opendata, selectors
from kansrijk.indicators.constants import Level, Period, Unit
from kansrijk.indicators.forms import OpenDataUploadForm

UPLOAD_ROLES = (Role.POLICY_ADVISER, Role.COORDINATOR, Role.ADMIN)
RECENT_IMPORTS = 20
# "number" alone is a house number elsewhere in Kansrijk; here it is a count.
UNIT_LABELS = {Unit.COUNT: pgettext_lazy("indicator unit", "number")}


def _labels(choices, values) -> list[str]:
    return [str(choices(value).label) if value in choices.values else value for value in values]


def _indicator_rows(indicators) -> list[dict]:
    return [
        {
            "indicator": indicator,
            "name": selectors.indicator_name(indicator),
            "levels": _labels(Level, indicator.levels),
            "periods": _labels(Period, indicator.periods),
            "unit": UNIT_LABELS.get(indicator.unit) or indicator.get_unit_display(),
        }
        for indicator in indicators
    ]


@never_cache
@login_required_verified
def indicator_list(request: HttpRequest) -> HttpResponse:
    """Every indicator with its definition: the indicators as data."""
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "rows": _indicator_rows(selectors.indicator_list()),
            "may_import": request.user.has_role(*UPLOAD_ROLES),
        },
    )


def _import_page(request: HttpRequest, form: OpenDataUploadForm, errors=(), status: int = 200):
    return render(
        request,
        "indicators/opendata_import.html",
        {
            "form": form,
            "row_errors": errors,
            "rows": _indicator_rows(selectors.indicator_list(kind="outcome")),
            "imports": opendata.recent_imports(limit=RECENT_IMPORTS),
            "max_megabytes": opendata.MAX_FILE_BYTES // (1024 * 1024),
            "first_year": opendata.FIRST_YEAR,
        },
        status=status,
    )


@never_cache
@role_required(*UPLOAD_ROLES)
def opendata_import(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _import_page(request, OpenDataUploadForm())
    form = OpenDataUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, form, status=400)
    upload = form.cleaned_data["file"]
    try:
        result = opendata.opendata_import(
            file=upload,
            filename=upload.name,
            user=request.user,
            source=form.cleaned_data["source"],
        )
    except opendata.OpenDataError as refused:
        return _import_page(request, form, errors=refused.errors, status=400)
    messages.success(
        request,
        ngettext("%(count)d value imported.", "%(count)d values imported.", result.rows)
        % {"count": result.rows},
    )
    return redirect("indicators:opendata_import")
