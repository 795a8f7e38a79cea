"""Pages under /programmas/: the groups of the user's coalitions and one group's page with
its sessions and participants. Every view of participants' codes goes to the audit log."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.audit.constants import Outcome
from kansrijk.audit.services import audit_record, audit_request_context
from kansrijk.programmes import selectors
from kansrijk.programmes.constants import AUDIT_GROUP_DENIED, AUDIT_GROUP_VIEWED

AUDIT_OBJECT_GROUP = "programmes.group"


@never_cache
@login_required_verified
def group_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.groups_visible_to(request.user).order_by("start_date", "name")
    return render(request, "programmes/group_list.html", {"groups": groups})


@never_cache
@login_required_verified
def group_detail(request: HttpRequest, group_id) -> HttpResponse:
    group = selectors.group_get_for_user(request.user, group_id)
    if group is None:
        audit_record(
            action=AUDIT_GROUP_DENIED,
            object_type=AUDIT_OBJECT_GROUP,
            object_id=str(group_id),
            outcome=Outcome.DENIED,
            **audit_request_context(request),
        )
        raise Http404
    participants = selectors.group_participants(group=group, user=request.user)
    for participant in participants:
        if participant.code:
            audit_record(
                action=AUDIT_GROUP_VIEWED,
                client_id=str(participant.enrolment.client.uuid),
                object_type=AUDIT_OBJECT_GROUP,
                object_id=str(group.uuid),
                **audit_request_context(request),
            )
    return render(
        request,
        "programmes/group_detail.html",
        {
            "group": group,
            "sessions": selectors.group_sessions(group=group),
            "participants": participants,
            "free_places": selectors.group_free_places(group=group),
        },
    )
