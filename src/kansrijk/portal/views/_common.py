"""What every parent-site view shares: the site and language from the URL, the language switch,
and the headers that keep a parent's visit private (no cookies, no cache, no referrer)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language_info

from kansrijk.portal import selectors
from kansrijk.portal.models import ParentSite


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name_local: str  # the language's name in itself: "العربية"
    name_here: str  # its name in the page's language: "Arabisch"
    bidi: bool
    url: str
    current: bool


def _switch_url(request: HttpRequest, code: str) -> str:
    match = request.resolver_match
    kwargs = {**match.kwargs, "lang": code}
    try:
        url = reverse(match.view_name, kwargs=kwargs)
    except NoReverseMatch:
        url = reverse("portal:home", kwargs={"site": kwargs["site"], "lang": code})
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def _language_info(code: str) -> dict[str, Any]:
    """Django's facts about a language; a code a coalition added that Django does not know
    is shown by its code, left to right, rather than breaking the page."""
    try:
        return get_language_info(code)
    except KeyError:
        return {"name": code, "name_local": code, "bidi": False}


def language_links(request: HttpRequest, site: ParentSite, current: str) -> list[LanguageLink]:
    links = []
    for code in selectors.site_languages(site):
        info = _language_info(code)
        links.append(
            LanguageLink(
                code=code,
                name_local=info["name_local"],
                name_here=str(translation.gettext(info["name"])),
                bidi=info["bidi"],
                url=_switch_url(request, code),
                current=code == current,
            )
        )
    return links


def private(response: HttpResponse) -> HttpResponse:
    """A parent's visit leaves as little as possible: nothing cached (the back-forward cache and
    the disk cache included), the next site is not told where she came from, and no cookie is
    set (Django sets none on these views: no session, no CSRF token)."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response.setdefault("X-Robots-Tag", "noindex" if response.status_code >= 400 else "all")
    return response


def portal_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Resolve `site` (slug) and `lang` from the URL: 404 for an unknown site or a language it
    does not offer. The view gets (request, site, lang, **rest) with the language active."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, site: str, lang: str, **kwargs: Any) -> HttpResponse:
        parent_site = selectors.site_get(slug=site)
        if parent_site is None or lang not in selectors.site_languages(parent_site):
            raise Http404
        with translation.override(lang):
            request.LANGUAGE_CODE = lang
            request.portal_site = parent_site
            response = view(request, parent_site, lang, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response["Content-Language"] = lang
        return private(response)

    return wrapper


def page(request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200):
    """Render a parent-site template with what the layout needs (site, language switch)."""
    site: ParentSite = request.portal_site
    lang = request.LANGUAGE_CODE
    base = {
        "site": site,
        "lang": lang,
        "lang_bidi": _language_info(lang)["bidi"],
        "language_links": language_links(request, site, lang),
        "topics": selectors.topics(),
        "phases": selectors.phases(),
        "exit_url": settings.KANSRIJK_PORTAL_EXIT_URL,
    }
    return render(request, template, {**base, **context}, status=status)
