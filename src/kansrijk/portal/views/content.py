"""The parent site's information pages (home, phases, topics, privacy, accessibility) and the
editors' pages (overview of what is due, the plain-language check, "tested with parents")."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.portal import selectors, services
from kansrijk.portal.constants import DEFAULT_LANGUAGE, LONG_SENTENCE_WORDS, Phase
from kansrijk.portal.plainlanguage import check_text
from kansrijk.portal.views._common import page, portal_view, private


def site_index(request: HttpRequest) -> HttpResponse:
    return private(render(request, "portal/index.html", {"sites": selectors.site_list()}))


def _best_language(request: HttpRequest, offered: list[str]) -> str:
    header = request.headers.get("Accept-Language", "")
    try:
        wanted = parse_accept_lang_header(header)
    except ValueError:
        wanted = ()
    for code, _quality in wanted:
        code = code.lower()
        for candidate in (code, code.split("-")[0]):
            if candidate in offered:
                return candidate
    return DEFAULT_LANGUAGE


def site_root(request: HttpRequest, site: str) -> HttpResponse:
    parent_site = selectors.site_get(slug=site)
    if parent_site is None:
        raise Http404
    lang = _best_language(request, selectors.site_languages(parent_site))
    response = HttpResponseRedirect(reverse("portal:home", args=[parent_site.slug, lang]))
    response["Vary"] = "Accept-Language"
    return private(response)


@portal_view
def home(request: HttpRequest, site, lang: str) -> HttpResponse:
    return page(
        request,
        "portal/home.html",
        {"phase_cards": selectors.phase_cards(), "trimesters": Phase.PREGNANCY},
    )


def _texts(pages, lang: str):
    return [text for text in (selectors.page_text(p, lang) for p in pages) if text is not None]


@portal_view
def phase(request: HttpRequest, site, lang: str, phase: str) -> HttpResponse:
    if phase not in Phase.values:
        raise Http404
    texts = _texts(selectors.phase_pages(site=site, phase=phase), lang)
    return page(
        request,
        "portal/phase.html",
        {
            "phase_code": phase,
            "phase_label": Phase(phase).label,
            "phase_icon": selectors.PHASE_ICONS[Phase(phase)],
            "texts": texts,
            "show_toc": len(texts) > 1,
        },
    )


@portal_view
def topic(request: HttpRequest, site, lang: str, topic: str) -> HttpResponse:
    chosen = selectors.topic_get(topic)
    if chosen is None:
        raise Http404
    topic_page = selectors.topic_page_get(site=site, topic=topic)
    text = selectors.page_text(topic_page, lang) if topic_page else None
    phase_code = request.GET.get("fase", "")
    if phase_code not in Phase.values:
        phase_code = ""
    return page(
        request,
        "portal/topic.html",
        {"topic": chosen, "text": text, "phase_code": phase_code},
    )


@portal_view
def info_page(request: HttpRequest, site, lang: str, slug: str) -> HttpResponse:
    info = selectors.info_page_get(site=site, slug=slug)
    text = selectors.page_text(info, lang) if info else None
    if text is None:
        raise Http404
    return page(request, "portal/info_page.html", {"text": text})


@portal_view
def privacy(request: HttpRequest, site, lang: str) -> HttpResponse:
    return page(
        request,
        "portal/privacy.html",
        {"retention_days": settings.KANSRIJK_RETENTION_DAYS, "coalition": site.coalition},
    )


# The date the accessibility statement was last checked (update it with each audit).
ACCESSIBILITY_CHECKED_ON = "2026-11-24"


@portal_view
def accessibility(request: HttpRequest, site, lang: str) -> HttpResponse:
    return page(
        request,
        "portal/accessibility.html",
        {"checked_on": datetime.date.fromisoformat(ACCESSIBILITY_CHECKED_ON)},
    )


# Editors (staff layout, session and CSRF as every staff page).


def _editor_site(request: HttpRequest, slug: str):
    site = selectors.editor_site_get(user=request.user, slug=slug)
    if site is None:
        raise Http404
    return site


@never_cache
@login_required_verified
def editor_overview(request: HttpRequest, site: str) -> HttpResponse:
    parent_site = _editor_site(request, site)
    return render(
        request,
        "portal/editor_overview.html",
        {"site": parent_site, "rows": selectors.editor_page_rows(site=parent_site)},
    )


class TestedForm(forms.Form):
    tested = forms.BooleanField(label=gettext_lazy("Tested with parents"), required=False)
    tested_on = forms.DateField(
        label=gettext_lazy("Date of the test"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        tested_on = data.get("tested_on")
        if data.get("tested") and tested_on is None and "tested_on" not in self.errors:
            self.add_error("tested_on", _("Give the date of the test."))
        if tested_on and tested_on > timezone.localdate():
            self.add_error("tested_on", _("This date is in the future."))
        return data


@never_cache
@login_required_verified
def editor_page(request: HttpRequest, site: str, page: str) -> HttpResponse:
    parent_site = _editor_site(request, site)
    chosen = selectors.editor_page_get(site=parent_site, page_uuid=page)
    if chosen is None:
        raise Http404
    status = 200
    stale = False
    if request.method == "POST":
        form = TestedForm(request.POST)
        if form.is_valid():
            try:
                services.page_mark_tested(
                    page=chosen,
                    lock_version=form.cleaned_data["lock_version"],
                    tested=form.cleaned_data["tested"],
                    tested_on=form.cleaned_data["tested_on"],
                )
            except services.PageChanged:
                # Someone saved first: show her choice again on top of the latest version, so
                # nothing is lost and a second click saves it.
                stale = True
                status = 409
                chosen.refresh_from_db()
                form = TestedForm(
                    initial={**form.cleaned_data, "lock_version": chosen.lock_version}
                )
            else:
                messages.success(request, _("Saved."))
                return HttpResponseRedirect(
                    reverse("portal:editor_page", args=[parent_site.slug, chosen.uuid])
                )
        else:
            status = 400
    elif request.method == "GET":
        form = TestedForm(
            initial={
                "tested": chosen.tested_with_parents,
                "tested_on": chosen.tested_with_parents_on or timezone.localdate(),
                "lock_version": chosen.lock_version,
            }
        )
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    checks = [
        (
            translation,
            check_text(f"{translation.title}.\n{translation.summary}\n{translation.body}"),
        )
        for translation in chosen.translations.all()
        if translation.language == DEFAULT_LANGUAGE
    ]
    return render(
        request,
        "portal/editor_page.html",
        {
            "site": parent_site,
            "page_obj": chosen,
            "checks": checks,
            "translations": list(chosen.translations.all()),
            "form": form,
            "stale": stale,
            "long_sentence_words": LONG_SENTENCE_WORDS,
            "overdue": chosen.review_due is not None and chosen.review_due < timezone.localdate(),
        },
        status=status,
    )
