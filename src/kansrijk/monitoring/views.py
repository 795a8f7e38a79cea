"""Pages under /monitoring/: the coalition dashboard for policy advisers and coordinators, its
exports (CSV per table, Excel with every table) and the PDF factsheet. No page shows a client.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from kansrijk.accounts.selectors import forbidden_response, login_required_verified
from kansrijk.core.pdf import pdf_response
from kansrijk.core.spreadsheet import csv_response, xlsx_response
from kansrijk.monitoring import selectors
from kansrijk.monitoring.forms import DashboardFilterForm


def _coalition(request: HttpRequest, slug: str):
    coalition = selectors.coalition_get_for_user(request.user, slug)
    if coalition is None:
        raise Http404
    return coalition


def _dashboard(request: HttpRequest, slug: str) -> selectors.Dashboard:
    coalition = _coalition(request, slug)
    form = DashboardFilterForm(request.GET)
    choices = form.cleaned_choices()
    return selectors.dashboard_build(
        coalition,
        area_code=choices["gebied"],
        year=choices["jaar"],
        comparison_code=choices["vergelijk"],
        trend_period=choices["periode"],
    )


@never_cache
@login_required_verified
def index(request: HttpRequest) -> HttpResponse:
    if not selectors.user_sees_dashboards(request.user):
        return forbidden_response(request)
    return render(
        request,
        "monitoring/index.html",
        {"coalitions": selectors.dashboard_coalitions(request.user)},
    )


@never_cache
@login_required_verified
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    board = _dashboard(request, slug)
    return render(
        request,
        "monitoring/dashboard.html",
        {"board": board, "query": request.GET.urlencode()},
    )


def _filename(board: selectors.Dashboard, what: str, extension: str) -> str:
    area = slugify(board.area.name)
    return f"kansrijk-{board.coalition.slug}-{area}-{board.year}-{what}.{extension}"


@never_cache
@login_required_verified
def export_table(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    board = _dashboard(request, slug)
    found = board.table(table)
    if found is None:
        raise Http404
    return csv_response(
        filename=_filename(board, found.slug, "csv"), header=found.header, rows=found.rows
    )


@never_cache
@login_required_verified
def export_excel(request: HttpRequest, slug: str) -> HttpResponse:
    board = _dashboard(request, slug)
    return xlsx_response(
        filename=_filename(board, "dashboard", "xlsx"),
        sheets=[(table.title, table.header, table.rows) for table in board.tables],
    )


@never_cache
@login_required_verified
def factsheet(request: HttpRequest, slug: str) -> HttpResponse:
    board = _dashboard(request, slug)
    return pdf_response(
        "monitoring/factsheet_pdf.html",
        {"board": board},
        filename=_filename(board, "factsheet", "pdf"),
        request=request,
    )
