"""What the case consultation adds elsewhere: the agreement engine's context, a work-list
section, the personal calendar and a proposal on the client's page."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.casework import selectors
from kansrijk.casework.models import Case
from kansrijk.core.calendar import CalendarItem
from kansrijk.screening import selectors as screening_selectors


def _case_of(item) -> Case | None:
    return Case.objects.select_related("consultation").filter(uuid=item.context_uuid).first()


def may_dispose(user: Any, item) -> bool:
    """The chair and the minute-taker record dispositions at the meeting."""
    case = _case_of(item)
    return case is not None and selectors.keeps_minutes(user, case.consultation)


def agreement_path(item) -> str:
    return reverse("casework:case", args=[item.context_uuid])


def work_list_section(user: Any, today: datetime.date) -> dict | None:
    if not selectors.user_works_with_consultations(user):
        return None
    now = timezone.now()
    upcoming = []
    for consultation in selectors.consultations_for_user(user):
        if selectors.is_member(user, consultation):
            meeting = selectors.next_meeting(consultation, now=now)
            if meeting is not None:
                upcoming.append(meeting)
    submitted = list(selectors.cases_submitted_by(user).exclude(status="closed")[:20])
    approvals = list(selectors.cases_awaiting_approval_by(user))
    handovers = list(selectors.handovers_for(user))
    if not (upcoming or submitted or approvals or handovers):
        return None
    return {
        "upcoming": upcoming,
        "submitted": submitted,
        "approvals": approvals,
        "handovers": handovers,
        "count": len(approvals) + len(handovers),
    }


def calendar_items(user: Any, since: datetime.datetime) -> Iterator[CalendarItem]:
    for consultation in selectors.consultations_for_user(user):
        if not selectors.is_member(user, consultation):
            continue
        for meeting in selectors.meetings_of(consultation).filter(ends_at__gte=since):
            yield CalendarItem(
                uid=f"consultation-{meeting.uuid}@kansrijk.nl",
                title=consultation.name,
                starts=meeting.starts_at,
                ends=meeting.ends_at,
                location=meeting.place,
                path=reverse("casework:meeting", args=[meeting.uuid]),
            )


def client_section(request, client) -> dict:
    """Accumulated problems (stapeling) propose a case consultation; nothing is submitted
    until the professional does it herself."""
    consultations = [
        consultation
        for consultation in selectors.consultations_for_user(request.user)
        if selectors.may_submit(request.user, consultation)
    ]
    if not consultations:
        return {"casework_proposal": None}
    profile = screening_selectors.risk_profile(client)
    return {
        "casework_proposal": profile.accumulates,
        "casework_consultations": consultations,
        "casework_reason": _("Problems in several domains (accumulation)"),
    }


def pathway_outcome_links(request, municipality) -> list[tuple[str, str]]:
    """At a pathway's outcome "discuss in the case consultation": a link to submit, for each
    consultation she may submit to, with the walk's municipality filled in."""
    query = f"?gemeente={municipality.code}" if municipality is not None else ""
    return [
        (
            _("Submit a case to %(name)s") % {"name": consultation.name},
            reverse("casework:submit", args=[consultation.uuid]) + query,
        )
        for consultation in selectors.consultations_for_user(request.user)
        if selectors.may_submit(request.user, consultation)
    ]
