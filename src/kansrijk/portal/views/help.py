""" "Ik wil hulp" and the status link. Both work without JavaScript and without cookies."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.audit.services import audit_request_context, request_source
from kansrijk.portal import integration, selectors, services
from kansrijk.portal.constants import TOPICS_BY_CODE
from kansrijk.portal.forms import HelpRequestForm
from kansrijk.portal.models import ParentSite
from kansrijk.portal.views._common import page, portal_view
from kansrijk.referrals import services as referral_services
from kansrijk.referrals.constants import DEFAULT_ANSWER_WORKING_DAYS


def _intake_name(site: ParentSite, service_id=None) -> str:
    return selectors.intake_organisation_name(site, service_id) or site.coalition.name


def consent_text(site: ParentSite, service_id=None) -> str:
    """What she reads before sending, in the page's language; stored as her words of consent."""
    service, _receiver = selectors.request_receiver(site, service_id)
    days = (
        referral_services.answer_working_days(service_id=service.pk)
        if service is not None
        else DEFAULT_ANSWER_WORKING_DAYS
    )
    return _(
        "Your request goes to %(organisation)s, a partner in %(coalition)s. Only the people there "
        "who handle requests for help will see it. They will contact you as you chose, usually "
        "within %(days)s working days. Nothing is shared with anyone else unless you agree first."
    ) % {
        "organisation": _intake_name(site, service_id),
        "coalition": site.coalition.name,
        "days": days,
    }


def _chosen_service(site: ParentSite, value):
    """The service she chose on a card, if it takes requests here; else None (the intake)."""
    try:
        service_id = uuid.UUID(str(value)) if value else None
    except ValueError:
        return None
    service, _receiver = selectors.request_receiver(site, service_id)
    return service if service is not None and service.pk == service_id else None


@csrf_exempt  # no cookies on the parent site; spam is held off by the honeypot and rate limit
@portal_view
def request_form(request: HttpRequest, site: ParentSite, lang: str) -> HttpResponse:
    municipalities = list(selectors.site_municipalities(site))
    initial = {}
    topic = request.GET.get("onderwerp", "")
    if topic in TOPICS_BY_CODE:
        initial["topics"] = [topic]
    if request.GET.get("fase"):
        initial["phase"] = request.GET["fase"]
    chosen = _chosen_service(site, request.POST.get("service") or request.GET.get("dienst"))
    if chosen is not None:
        initial["service"] = chosen.pk
    status = 200
    error = ""
    if request.method == "POST":
        form = HelpRequestForm(request.POST, municipalities=municipalities, language=lang)
        if form.is_spam:
            form.add_error(None, _("Leave the last field empty and send again."))
            status = 400
        elif form.is_valid():
            try:
                received = services.help_request_receive(
                    site=site,
                    values=form.cleaned_data,
                    consent_words=consent_text(site, form.cleaned_data.get("service")),
                    page_language=lang,
                    source_address=request_source(request),
                    audit_context=audit_request_context(request),
                )
            except services.TooManyRequests:
                error = _(
                    "You sent several requests in a short time. Wait an hour and try again, or "
                    "call us. Your answers are still here."
                )
                status = 429
            else:
                help_request = services.help_request_forward(request_id=received.request.pk)
                status_path = reverse(
                    "portal:status",
                    kwargs={"site": site.slug, "lang": lang, "token": received.token},
                )
                if form.cleaned_data.get("send_status_link"):
                    services.status_link_send(
                        request=help_request, url=request.build_absolute_uri(status_path)
                    )
                return HttpResponseRedirect(f"{status_path}?verstuurd=1", status=303)
        else:
            status = 400
    else:
        form = HelpRequestForm(initial=initial, municipalities=municipalities, language=lang)
    return page(
        request,
        "portal/help_request.html",
        {
            "form": form,
            "error": error,
            "consent_text": consent_text(site, chosen.pk if chosen else None),
            "chosen_service": chosen,
            "one_municipality": len(municipalities) == 1,
        },
        status=status,
    )


def _status_or_gone(request: HttpRequest, token: str):
    help_request = selectors.help_request_by_token(token)
    if help_request is None or help_request.site_id != request.portal_site.pk:
        return None, page(request, "portal/status_gone.html", {"unknown": True}, status=404)
    if help_request.status_revoked_at is not None:
        return None, page(request, "portal/status_gone.html", {"unknown": False}, status=410)
    return help_request, None


@portal_view
def status(request: HttpRequest, site: ParentSite, lang: str, token: str) -> HttpResponse:
    help_request, gone = _status_or_gone(request, token)
    if gone is not None:
        return gone
    services.status_viewed_record(
        request=help_request, audit_context=audit_request_context(request)
    )
    response = page(
        request,
        "portal/status.html",
        {
            "help_request": help_request,
            "status": selectors.help_request_status(help_request),
            "just_sent": request.GET.get("verstuurd") == "1",
            "status_url": request.build_absolute_uri(request.path),
            "token": token,
        },
    )
    # A secret link: search engines must never list it, even if it leaks.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@csrf_exempt
@portal_view
def status_revoke(request: HttpRequest, site: ParentSite, lang: str, token: str) -> HttpResponse:
    help_request, gone = _status_or_gone(request, token)
    if gone is not None:
        return gone
    if request.method != "POST":
        return HttpResponseRedirect(
            reverse("portal:status", kwargs={"site": site.slug, "lang": lang, "token": token})
        )
    services.status_link_revoke(request=help_request, audit_context=audit_request_context(request))
    return page(
        request, "portal/status_gone.html", {"unknown": False, "just_revoked": True}, status=200
    )


@require_POST
@login_required_verified
def retry_waiting(request: HttpRequest) -> HttpResponse:
    """A coordinator tries the waiting requests of her coalitions again (staff page)."""
    coalition_ids = integration.coordinated_coalitions(request.user)
    if not coalition_ids:
        raise Http404
    forwarded = services.help_requests_forward_waiting(coalition_ids=coalition_ids)
    waiting = selectors.help_requests_waiting(coalition_ids=coalition_ids).count()
    messages.info(
        request,
        _("Forwarded now: %(forwarded)d. Still waiting: %(waiting)d.")
        % {"forwarded": forwarded, "waiting": waiting},
    )
    return HttpResponseRedirect(reverse("referrals:work_list"))
