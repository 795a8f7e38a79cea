"""Walking a pathway: /zorgpaden/<id>/doorlopen/ (the approved version) and, for its editors
and signatories, a test walk of any version (clearly labelled).

Plain HTML forms, one question per page, no JavaScript. The answers travel in hidden fields of
a POST (not in the address, so not in logs or browser history) and are never stored.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from kansrijk.accounts.selectors import forbidden_response, login_required_verified
from kansrijk.pathways import access, extensions, selectors
from kansrijk.pathways.constants import ActionKind, AnswerType, VersionStatus
from kansrijk.pathways.models import Pathway, PathwayVersion
from kansrijk.pathways.views.common import current_or_404, pathway_and_version
from kansrijk.regions import selectors as region_selectors

ANSWER_PREFIX = "a:"
MAX_ANSWERS = 200


def _place(request: HttpRequest, pathway: Pathway) -> dict[str, Any]:
    """The client's municipality and neighbourhood from the request, checked against the
    pathway's area, with the choices and any error."""
    params = request.POST if request.method == "POST" else request.GET
    municipalities = list(selectors.scope_municipalities(pathway=pathway))
    by_code = {m.code: m for m in municipalities}
    code = (params.get("gemeente") or "").strip().upper()
    if not code and len(municipalities) == 1:
        code = municipalities[0].code
    place: dict[str, Any] = {
        "municipalities": municipalities,
        "municipality": by_code.get(code),
        "neighbourhood": None,
        "neighbourhoods": [],
        "error": "",
        "buurt_error": "",
        "confirmed": params.get("plaats") == "klaar",
    }
    if code and code not in by_code:
        place["error"] = _("Choose a municipality from the list.")
        place["confirmed"] = False
        return place
    municipality = place["municipality"]
    if municipality is None:
        place["confirmed"] = False
        return place
    place["neighbourhoods"] = list(
        region_selectors.neighbourhood_list(municipality=municipality)
        .exclude(code=None)
        .order_by("district__name", "name")
    )
    hood_code = (params.get("buurt") or "").strip().upper()
    if hood_code:
        place["neighbourhood"] = selectors.scope_neighbourhood(
            municipality=municipality, code=hood_code
        )
        if place["neighbourhood"] is None:
            place["buurt_error"] = _("Choose a neighbourhood from the list.")
            place["confirmed"] = False
    return place


def _answers(request: HttpRequest) -> dict[str, str]:
    answers = {}
    for key, value in request.POST.items():
        if key.startswith(ANSWER_PREFIX) and len(answers) < MAX_ANSWERS:
            answers[key[len(ANSWER_PREFIX) :]] = value
    question, answer = request.POST.get("vraag"), request.POST.get("antwoord")
    if question:
        answers[question] = answer or ""
    return answers


def _walk(request: HttpRequest, pathway: Pathway, version: PathwayVersion, *, test: bool):
    place = _place(request, pathway)
    context: dict[str, Any] = {
        "pathway": pathway,
        "version": version,
        "test": test,
        "place": place,
        "answer_prefix": ANSWER_PREFIX,
        "answer_types": AnswerType,
    }
    if request.method != "POST" or not place["confirmed"]:
        status = 400 if place["error"] or place["buurt_error"] else 200
        return render(request, "pathways/walk_place.html", context, status=status)
    municipality, neighbourhood = place["municipality"], place["neighbourhood"]
    answers = _answers(request)
    arguments = {
        "definition": version.definition,
        "municipality_code": municipality.code,
        "neighbourhood_code": neighbourhood.code if neighbourhood else None,
        "organisation_id": getattr(request.user, "organisation_id", None),
    }
    change = request.POST.get("wijzig")
    if change:
        before = selectors.walk(answers=answers, resolve_services=False, **arguments)
        answers = selectors.answers_before(result=before, variable=change)
    answered = request.POST.get("vraag")
    result = selectors.walk(answers=answers, **arguments)
    # An empty answer to the question on the page: say so (not on the first view of it).
    if result.question and not result.error and answered == result.question.get("variable"):
        result.error = (
            _("Fill in a number, for example 3.")
            if result.question.get("answer_type") == AnswerType.NUMBER
            else _("Choose one of the answers.")
        )
    context.update(
        {
            "result": result,
            "question_number": sum(1 for e in result.path if e.kind == "question") + 1,
            "action_label": (
                dict(ActionKind.choices).get(result.outcome.step.get("action"), "")
                if result.outcome
                else ""
            ),
            "outcome_links": (
                extensions.outcome_links(
                    result.outcome.step.get("action", ""), request, municipality
                )
                if result.outcome
                else []
            ),
        }
    )
    return render(request, "pathways/walk.html", context, status=400 if result.error else 200)


@login_required_verified
def walk(request: HttpRequest, pathway_id: UUID) -> HttpResponse:
    pathway = selectors.pathway_get_for_user(request.user, pathway_id)
    version = current_or_404(pathway)
    return _walk(request, pathway, version, test=False)


@login_required_verified
def version_walk(request: HttpRequest, pathway_id: UUID, number: int) -> HttpResponse:
    """A test walk of any version, for the pathway's editors and signatories."""
    pathway, version = pathway_and_version(request, pathway_id, number)
    if not access.user_sees_unapproved(request.user, pathway):
        return forbidden_response(request)
    return _walk(request, pathway, version, test=version.status != VersionStatus.APPROVED)


urlpatterns = [
    path("<uuid:pathway_id>/doorlopen/", walk, name="walk"),
    path("<uuid:pathway_id>/versies/<int:number>/proberen/", version_walk, name="version_walk"),
]
