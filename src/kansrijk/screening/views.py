"""Screening a client, under /clienten/<id>/screening/: choose an instrument, fill it in, see
the result with her risk profile and what it proposes (pathways, help nearby). Nothing is sent
from here: referring is a separate, deliberate step on the referral page.

Every client comes through clients.access.client_view (404 for a client this user may not
see); every page that shows her screenings writes an audit event, and so does every save."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_info

from kansrijk.audit.services import audit_request_context
from kansrijk.clients.access import client_view
from kansrijk.screening import selectors, services
from kansrijk.screening.constants import SCREENING_HISTORY_LIMIT
from kansrijk.screening.forms import InstrumentForm, result_summary
from kansrijk.screening.i18n import current_language
from kansrijk.screening.instruments import Instrument

if TYPE_CHECKING:
    from kansrijk.clients.models import Client

# The languages the shipped texts come in; licensed texts may add others.
SHIPPED_LANGUAGES = ("nl", "en")


def _proposals_context(request: HttpRequest, client: Client) -> dict[str, Any]:
    profile = selectors.risk_profile(client)
    proposals = selectors.support_proposals(
        client, organisation_id=request.user.organisation_id, profile=profile
    )
    return {"client": client, "profile": profile, "proposals": proposals}


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _question_languages(instrument: Instrument) -> list[tuple[str, str]]:
    codes = list(SHIPPED_LANGUAGES)
    codes += [c for c in selectors.licensed_languages(instrument.code) if c not in codes]
    return [(code, _language_name(code)) for code in codes]


@client_view
def screening_overview(request: HttpRequest, client: Client) -> HttpResponse:
    context = _proposals_context(request, client)
    context.update(
        {
            "instruments": [
                {
                    "code": instrument.code,
                    "name": instrument.name_in(current_language()),
                    "item_count": instrument.item_count,
                    "validated": instrument.validated,
                }
                for instrument in selectors.instrument_list()
            ],
            "screenings": list(selectors.screenings_for_client(client)[:SCREENING_HISTORY_LIMIT]),
        }
    )
    services.screening_read_record(
        client=client,
        user=request.user,
        page="overview",
        audit_context=audit_request_context(request),
    )
    return render(request, "screening/overview.html", context)


@client_view
def screening_fill(request: HttpRequest, client: Client, code: str) -> HttpResponse:
    instrument = selectors.instrument_get(code)
    if instrument is None or instrument.code != code:
        raise Http404
    languages = _question_languages(instrument)
    params = request.POST if request.method == "POST" else request.GET
    language = params.get("taal") or current_language()
    if language not in dict(languages):
        language = SHIPPED_LANGUAGES[0]
    form = InstrumentForm(
        request.POST if request.method == "POST" else None,
        instrument=instrument.code,
        language=language,
        cutoffs=selectors.screening_cutoffs_for_client(client=client, instrument=instrument.code),
    )
    if request.method == "POST" and form.is_valid():
        try:
            response = services.screening_record(
                client=client,
                instrument=instrument.code,
                answers=form.result.answers,
                user=request.user,
                language=form.texts.language,
                audit_context=audit_request_context(request),
            )
        except services.ScreeningError as exc:
            form.add_error(None, str(exc))
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            return redirect(
                "clients:screening:result", client_id=client.uuid, screening_id=response.uuid
            )
    services.screening_read_record(
        client=client,
        user=request.user,
        page=f"form:{instrument.code}",
        audit_context=audit_request_context(request),
    )
    return render(
        request,
        "screening/fill.html",
        {
            "client": client,
            "form": form,
            "instrument": instrument,
            "languages": languages if len(languages) > 1 else [],
            "language": form.texts.language,
        },
    )


@client_view
def screening_result(request: HttpRequest, client: Client, screening_id: UUID) -> HttpResponse:
    response = selectors.screening_get(client=client, uuid=screening_id)
    if response is None:
        raise Http404
    result = selectors.screening_result(response)
    context = _proposals_context(request, client)
    context.update(result_summary(result))
    context.update(
        {
            "screening": response,
            "urgent_actions": selectors.urgent_actions(result.flags),
            "cutoff_source": selectors.cutoff_source_label(response.cutoff_source),
        }
    )
    services.screening_read_record(
        client=client,
        user=request.user,
        page="result",
        screening=response,
        audit_context=audit_request_context(request),
    )
    return render(request, "screening/result.html", context)
