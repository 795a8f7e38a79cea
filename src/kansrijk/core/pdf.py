"""PDF documents (minutes, certificates, factsheets) rendered from HTML templates.

WeasyPrint lays out the same template language as the pages, so a PDF is translated,
right-to-left where the language is, and tagged for screen readers (PDF/UA). It fetches
nothing from the network: a PDF template carries its own CSS and images as data: URIs, so a
document cannot be made to call out to another server.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language_bidi


class PdfFetchRefused(Exception):
    pass


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict:
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url)
    raise PdfFetchRefused(url)


def render_pdf(template: str, context: dict[str, Any], request: HttpRequest | None = None) -> bytes:
    import weasyprint  # heavy import: only when a PDF is asked for

    html = render_to_string(template, {"rtl": get_language_bidi(), **context}, request=request)
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetch)
    return document.write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(
    template: str, context: dict[str, Any], *, filename: str, request: HttpRequest | None = None
) -> HttpResponse:
    """A PDF download; `filename` without a path. Not cached: it may hold personal data."""
    response = HttpResponse(render_pdf(template, context, request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
