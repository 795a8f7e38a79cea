"""Help nearby, a service's card and its "Is this for me?" check, groups and meetings, the
parent's own list (share, text message, print, QR), the bilingual help card and calendar
reminders. Nothing a parent enters is stored: it lives in the URL or the one response."""

from __future__ import annotations

import datetime
from urllib.parse import quote, urlencode

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from kansrijk.portal import eligibility as checks
from kansrijk.portal import reminders as reminder_feed
from kansrijk.portal import selectors
from kansrijk.portal.constants import DEFAULT_LANGUAGE, TOPICS_BY_CODE, Phase
from kansrijk.portal.qr import qr_svg
from kansrijk.portal.views._common import page, portal_view

QUESTION_MAX = 1000


def _list_param(ids) -> str:
    return ",".join(str(pk) for pk in ids)


def _query(**params) -> str:
    clean = {k: v for k, v in params.items() if v}
    return f"?{urlencode(clean)}" if clean else ""


def _decorate(request, site, lang, cards, *, ids, gemeente="", onderwerp="", base_query=None):
    """What each card links to: its page, adding it to her list, asking for help here."""
    base_query = dict(base_query or {})
    for card in cards:
        pk = card.service.pk
        card.on_list = pk in ids
        card.detail_url = reverse(
            "portal:service", kwargs={"site": site.slug, "lang": lang, "service_id": pk}
        ) + _query(gemeente=gemeente, onderwerp=onderwerp, lijst=_list_param(ids))
        added = [*ids, pk] if pk not in ids else ids
        card.add_url = request.path + _query(
            **{**base_query, "lijst": _list_param(added[: selectors.MAX_LIST])}
        )
        card.list_full = pk not in ids and len(ids) >= selectors.MAX_LIST
        card.ask_url = reverse(
            "portal:help_request", kwargs={"site": site.slug, "lang": lang}
        ) + _query(dienst=str(pk), onderwerp=onderwerp)
    return cards


def _my_list_url(site, lang, ids) -> str:
    return reverse("portal:my_list", kwargs={"site": site.slug, "lang": lang}) + _query(
        lijst=_list_param(ids)
    )


@require_GET
@portal_view
def help_list(request, site, lang):
    municipalities = list(selectors.site_municipalities(site))
    by_code = {m.code: m for m in municipalities}
    postcode_lookup = selectors.postcode_lookup_available()
    errors: dict[str, str] = {}
    code = request.GET.get("gemeente", "").strip().upper()
    if not code and len(municipalities) == 1:
        code = municipalities[0].code
    municipality = by_code.get(code)
    if code and municipality is None:
        errors["gemeente"] = _(
            "This site does not know this municipality. Choose one from the list."
        )
    hoods = selectors.site_neighbourhoods(municipality=municipality) if municipality else []
    hood = request.GET.get("wijk", "").strip().upper()
    if hood and hood not in dict(hoods):
        errors["wijk"] = _(
            "This neighbourhood is not in the municipality. Choose one from the list."
        )
    phase = request.GET.get("fase", "").strip()
    if phase and phase not in Phase.values:
        errors["fase"] = _("Choose a phase from the list.")
    topic_code = request.GET.get("onderwerp", "").strip()
    topic = TOPICS_BY_CODE.get(topic_code)
    if topic_code and topic is None:
        errors["onderwerp"] = _("Choose a topic from the list.")
    ids, dropped = selectors.list_ids_parse(request.GET.get("lijst"))
    postcode = request.GET.get("postcode", "").strip()
    if postcode and postcode_lookup and not errors:
        area = selectors.postcode_area(postcode=postcode, municipalities=municipalities)
        if area is None:
            errors["postcode"] = _(
                "We cannot find this postcode in this site's area. Check it, or choose your "
                "municipality."
            )
        else:
            # The postcode only finds her neighbourhood: it goes no further than this line,
            # and the page she lands on has the neighbourhood in its address, not the postcode.
            query = request.GET.copy()
            query.pop("postcode")
            query["gemeente"], query["wijk"] = area
            return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")

    cards = []
    searched = municipality is not None and not errors
    if searched:
        cards = selectors.help_search(
            municipality_code=municipality.code,
            neighbourhood_code=hood,
            phase=phase,
            theme_codes=topic.themes if topic else (),
        )
        base_query = {"gemeente": code, "wijk": hood, "fase": phase, "onderwerp": topic_code}
        _decorate(
            request,
            site,
            lang,
            cards,
            ids=ids,
            gemeente=code,
            onderwerp=topic_code,
            base_query=base_query,
        )
    checked = selectors.eligibility_service_ids(site=site) if cards else set()
    for card in cards:
        card.has_check = card.service.pk in checked
    return page(
        request,
        "portal/help_list.html",
        {
            "municipalities": municipalities,
            "municipality": municipality,
            "code": code,
            "neighbourhoods": hoods,
            "hood": hood,
            "phase": phase,
            "topic_code": topic_code,
            "errors": errors,
            "cards": cards,
            "searched": searched,
            "ids": ids,
            "dropped": dropped,
            "list_param": _list_param(ids),
            "my_list_url": _my_list_url(site, lang, ids) if ids else "",
            "postcode_lookup": postcode_lookup,
        },
        status=400 if errors else 200,
    )


def _service_or_404(site, service_id):
    municipalities = list(selectors.site_municipalities(site))
    card = selectors.help_service_get(
        site=site, service_id=service_id, municipalities=municipalities
    )
    if card is None:
        raise Http404
    return card, municipalities


def _context_params(request, municipalities):
    codes = {m.code for m in municipalities}
    gemeente = request.GET.get("gemeente", "").strip().upper()
    onderwerp = request.GET.get("onderwerp", "").strip()
    ids, _dropped = selectors.list_ids_parse(request.GET.get("lijst"))
    return (
        gemeente if gemeente in codes else "",
        onderwerp if onderwerp in TOPICS_BY_CODE else "",
        ids,
    )


@require_GET
@portal_view
def service_detail(request, site, lang, service_id):
    card, municipalities = _service_or_404(site, service_id)
    gemeente, onderwerp, ids = _context_params(request, municipalities)
    _decorate(request, site, lang, [card], ids=ids, gemeente=gemeente, onderwerp=onderwerp)
    card.add_url = request.path + _query(
        gemeente=gemeente,
        onderwerp=onderwerp,
        lijst=_list_param([*ids, card.service.pk] if card.service.pk not in ids else ids),
    )
    check = selectors.eligibility_check_get(site=site, service_id=service_id)
    return page(
        request,
        "portal/service.html",
        {
            "card": card,
            "check_url": reverse(
                "portal:eligibility",
                kwargs={"site": site.slug, "lang": lang, "service_id": service_id},
            )
            + _query(gemeente=gemeente, onderwerp=onderwerp, lijst=_list_param(ids))
            if check
            else "",
            "back_url": reverse("portal:help_list", kwargs={"site": site.slug, "lang": lang})
            + _query(gemeente=gemeente, onderwerp=onderwerp, lijst=_list_param(ids)),
            "my_list_url": _my_list_url(site, lang, ids) if ids else "",
        },
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
@portal_view
def eligibility(request, site, lang, service_id):
    card, municipalities = _service_or_404(site, service_id)
    check = selectors.eligibility_check_get(site=site, service_id=service_id)
    if check is None:
        raise Http404
    gemeente, onderwerp, ids = _context_params(request, municipalities)
    _decorate(request, site, lang, [card], ids=ids, gemeente=gemeente, onderwerp=onderwerp)
    questions = checks.check_questions(check=check, lang=lang)
    context = {
        "card": card,
        "questions": questions,
        "answers": {},
        "missing": [],
        "outcome": None,
        "failed": False,
        "alternatives": [],
        "service_url": card.detail_url,
    }
    status = 200
    if request.method == "POST":
        answers, missing = checks.answers_parse(check=check, data=request.POST)
        context["answers"] = {k: checks.YES if v else checks.NO for k, v in answers.items()}
        if missing:
            context["missing"] = missing
            status = 400
        else:
            try:
                outcome = checks.check_evaluate(check=check, answers=answers, lang=lang)
            except checks.CheckFailed:
                context["failed"] = True
            else:
                context["outcome"] = outcome
                if not outcome.fits:
                    codes = [gemeente] if gemeente else [m.code for m in municipalities]
                    context["alternatives"] = _decorate(
                        request,
                        site,
                        lang,
                        selectors.help_alternatives(service=card.service, municipality_codes=codes),
                        ids=ids,
                        gemeente=gemeente,
                        onderwerp=onderwerp,
                    )
    return page(request, "portal/eligibility.html", context, status=status)


@require_GET
@portal_view
def groups(request, site, lang):
    rows = []
    for item in selectors.public_groups(site=site):
        timed = isinstance(item.starts, datetime.datetime)
        rows.append(
            {
                "item": item,
                "starts": timezone.localtime(item.starts) if timed else item.starts,
                "ends": timezone.localtime(item.ends)
                if isinstance(item.ends, datetime.datetime)
                else None,
                "timed": timed,
            }
        )
    feed_path = reverse("network:feed", kwargs={"slug": site.coalition.slug}) + "?voor=ouders"
    feed_url = request.build_absolute_uri(feed_path)
    return page(
        request,
        "portal/groups.html",
        {"rows": rows, "feed_url": feed_url, "webcal_url": _webcal(feed_url)},
    )


def _webcal(url: str) -> str:
    return "webcal://" + url.split("://", 1)[-1]


@require_GET
@portal_view
def my_list(request, site, lang):
    ids, dropped = selectors.list_ids_parse(request.GET.get("lijst"))
    municipalities = list(selectors.site_municipalities(site))
    cards = selectors.help_cards_for_ids(ids=ids, municipalities=municipalities)
    found = [card.service.pk for card in cards]
    skipped = dropped or len(found) < len(ids)
    _decorate(request, site, lang, cards, ids=found)
    share_url = request.build_absolute_uri(_my_list_url(site, lang, found)) if found else ""
    return page(
        request,
        "portal/my_list.html",
        {
            "cards": cards,
            "skipped": skipped,
            "share_url": share_url,
            "sms_url": "sms:?&body=" + quote(share_url, safe="") if share_url else "",
            "qr": qr_svg(data=share_url, label=_("QR code with the link to your list"))
            if share_url
            else "",
            "card_url": reverse("portal:help_card", kwargs={"site": site.slug, "lang": lang})
            + _query(lijst=_list_param(found)),
            "list_param": _list_param(found),
        },
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
@portal_view
def help_card(request, site, lang):
    ids, dropped = selectors.list_ids_parse(request.GET.get("lijst"))
    municipalities = list(selectors.site_municipalities(site))
    cards = selectors.help_cards_for_ids(ids=ids, municipalities=municipalities)
    found = [card.service.pk for card in cards]
    context = {
        "cards": cards,
        "skipped": dropped or len(found) < len(ids),
        "question": "",
        "error": "",
        "columns": [],
        "list_url": _my_list_url(site, lang, found),
    }
    if request.method != "POST":
        return page(request, "portal/help_card.html", context)
    question = request.POST.get("vraag", "").strip()
    context["question"] = question
    if len(question) > QUESTION_MAX:
        context["error"] = _("Your question is too long. Use at most %(n)s characters.") % {
            "n": QUESTION_MAX
        }
        return page(request, "portal/help_card.html", context, status=400)
    if not cards and not question:
        context["error"] = _("Choose help for your list first, or type your question.")
        return page(request, "portal/help_card.html", context, status=400)
    columns = []
    for column_lang in dict.fromkeys([DEFAULT_LANGUAGE, lang]):
        with translation.override(column_lang):
            columns.append(
                render_to_string(
                    "portal/_nearby_help_card_column.html",
                    {
                        "cards": cards,
                        "question": question,
                        "column_lang": column_lang,
                        "column_bidi": get_language_info(column_lang)["bidi"],
                        "site": site,
                        "today": timezone.localdate(),
                    },
                )
            )
    context["columns"] = columns
    return page(request, "portal/help_card.html", context)


def _reminder_links(request, site, lang, param: str, value: str) -> dict[str, str]:
    path = reverse("portal:reminders_feed", kwargs={"site": site.slug, "lang": lang})
    url = request.build_absolute_uri(path) + _query(**{param: value})
    return {"https": url, "webcal": _webcal(url)}


def _reminder_date(request):
    """(due, born, error) from the query; the date is used for this response only."""
    today = timezone.localdate()
    due_value = request.GET.get("uitgerekend", "").strip()
    born_value = request.GET.get("geboren", "").strip()
    if due_value and born_value:
        return None, None, _("Give either your due date or the month of birth, not both.")
    try:
        if due_value:
            return reminder_feed.due_date_parse(due_value, today=today), None, ""
        if born_value:
            return None, reminder_feed.birth_month_parse(born_value, today=today), ""
    except reminder_feed.BadDate as e:
        return None, None, str(e)
    return None, None, ""


@require_GET
@portal_view
def reminders(request, site, lang):
    due, born, error = _reminder_date(request)
    links = None
    if due:
        links = _reminder_links(request, site, lang, "uitgerekend", due.isoformat())
    elif born:
        links = _reminder_links(request, site, lang, "geboren", born.strftime("%Y-%m"))
    return page(
        request,
        "portal/reminders.html",
        {
            "error": error,
            "links": links,
            "due_value": request.GET.get("uitgerekend", "")[:10],
            "born_value": request.GET.get("geboren", "")[:7],
            "error_field": "geboren" if request.GET.get("geboren") else "uitgerekend",
        },
        status=400 if error else 200,
    )


@require_GET
@portal_view
def reminders_feed(request, site, lang):
    due, born, error = _reminder_date(request)
    if not error and not (due or born):
        error = _("Give your due date or the month of birth.")
    if error:
        return page(
            request,
            "portal/reminders.html",
            {
                "error": error,
                "links": None,
                "due_value": "",
                "born_value": "",
                "error_field": "geboren" if request.GET.get("geboren") else "uitgerekend",
            },
            status=400,
        )
    site_url = request.build_absolute_uri(
        reverse("portal:home", kwargs={"site": site.slug, "lang": lang})
    )
    content = reminder_feed.calendar_bytes(
        reminders=reminder_feed.reminders_for(due=due, born=born),
        name=f"{site.name}: {_('reminders')}",
        site_url=site_url,
        uid_seed=f"{site.slug}:{(due or born).isoformat()}:{bool(due)}",
        from_due=due is not None,
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="herinneringen.ics"'
    return response
