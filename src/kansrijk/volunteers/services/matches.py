"""Matches: proposed by the coordinator, their steps, the contact route, and telling the
referrer when a match starts and ends."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansrijk.accounts import selectors as account_selectors
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.selectors import consent_covers
from kansrijk.volunteers import schedule
from kansrijk.volunteers.constants import (
    AUDIT_REFERRER_NOTIFIED,
    MATCH_TRANSITIONS,
    EndReason,
    MatchStatus,
    RequestStatus,
    VolunteerStatus,
)
from kansrijk.volunteers.models import CheckIn, FamilyRequest, Match, Volunteer
from kansrijk.volunteers.ranking import (
    exclusion_reason,
    vog_is_valid,
)
from kansrijk.volunteers.selectors import volunteers_with_load

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client

from kansrijk.volunteers.services._common import (
    _audit,
    _check_version,
    logger,
)


def _planned_end(client: Client) -> datetime.date | None:
    """The child's second birthday (from the due date while she is not born yet)."""
    day = client.child_birth_date or client.due_date
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 2)
    except ValueError:
        return day.replace(year=day.year + 2, day=28)


def _refusal_to_propose(volunteer: Volunteer, *, today: datetime.date) -> str:
    """A plain message for the two refusals a coordinator meets most: an expired certificate of
    conduct and a full load. Also when she skips the suggestions and picks the volunteer
    herself."""
    if volunteer.vog_valid_until is not None and not vog_is_valid(volunteer, today=today):
        return _(
            "%(name)s cannot be proposed: her certificate of conduct (VOG) expired on %(date)s. "
            "Ask her for a new VOG first."
        ) % {"name": volunteer.first_name, "date": volunteer.vog_valid_until.strftime("%d-%m-%Y")}
    if (getattr(volunteer, "current_load", 0) or 0) >= volunteer.max_families:
        return _(
            "%(name)s cannot be proposed: she already walks along with %(count)d of the "
            "%(max)d families she agreed to. End or finish a match first, or agree on more "
            "families with her."
        ) % {
            "name": volunteer.first_name,
            "count": volunteer.current_load,
            "max": volunteer.max_families,
        }
    return ""


@transaction.atomic
def match_propose(
    *,
    request: FamilyRequest,
    volunteer: Volunteer,
    user: User | None,
    today: datetime.date | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Match:
    """The coordinator proposes this volunteer for this family. Refused when the family no
    longer waits, her consent was withdrawn, or the volunteer may not be suggested."""
    request = FamilyRequest.objects.select_for_update().select_related("client").get(pk=request.pk)
    Volunteer.objects.select_for_update().filter(pk=volunteer.pk).first()
    volunteer = volunteers_with_load().get(pk=volunteer.pk)
    today = today or timezone.localdate()
    if request.status != RequestStatus.WAITING:
        raise ValidationError(_("This family is no longer waiting for a volunteer."))
    if volunteer.coalition_id != request.coalition_id:
        raise ValidationError(_("This volunteer works for another coalition."))
    if (
        consent_covers(
            request.client_id, request.organisation_id, ConsentPurpose.INFORMATION_EXCHANGE
        )
        is None
    ):
        raise ValidationError(
            _("She withdrew her consent to share her details with the volunteer organisation.")
        )
    refusal = (
        _refusal_to_propose(volunteer, today=today)
        if volunteer.status == VolunteerStatus.APPROVED
        else ""
    )
    if refusal:
        raise ValidationError(refusal)
    reason = exclusion_reason(request, volunteer, today=today)
    if reason:
        raise ValidationError(
            _("%(name)s cannot be proposed: %(reason)s")
            % {"name": volunteer.first_name, "reason": reason}
        )
    match = Match.objects.create(
        request=request,
        volunteer=volunteer,
        planned_end=_planned_end(request.client),
        proposed_by=user,
    )
    request.status = RequestStatus.MATCHED
    request.lock_version += 1
    request.save(update_fields=["status", "lock_version"])
    _audit(
        action="volunteers.match_proposed",
        user=user,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(request.client.uuid),
        detail={"volunteer": str(volunteer.uuid), "request": str(request.uuid)},
        audit_context=audit_context,
    )
    return match


def _check_ins_create(match: Match, *, started_on: datetime.date) -> None:
    """The check-ins and reviews of a match that just became active, until the planned end (the
    child's second birthday; two years when that is unknown)."""
    planned_end = match.planned_end or _years_later(started_on, 2)
    CheckIn.objects.bulk_create(
        [
            CheckIn(match=match, kind=contact.kind, due_on=contact.due_on)
            for contact in schedule.contact_schedule(started_on=started_on, planned_end=planned_end)
        ],
        ignore_conflicts=True,
    )


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def match_transition(
    *,
    match: Match,
    to_status: str,
    user: User | None,
    lock_version: int | None = None,
    end_reason: str = "",
    today: datetime.date | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Match:
    """Move a match one step: proposed → introduced → active ⇄ paused → ended. Ending needs a
    reason from the fixed list. A match that ends before it was active puts the family back on
    the waiting list; after that her request is closed.

    The first time a match becomes active its check-ins and reviews are planned, and the
    referrer hears that it started; she also hears when a started match ends."""
    match = Match.objects.select_for_update().select_related("request__client").get(pk=match.pk)
    _check_version(match, lock_version)
    if to_status not in MATCH_TRANSITIONS.get(match.status, ()):
        raise ValidationError(
            _("A match cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": MatchStatus(match.status).label,
                "to": MatchStatus(to_status).label
                if to_status in MatchStatus.values
                else to_status,
            }
        )
    if to_status == MatchStatus.ENDED and end_reason not in EndReason.values:
        raise ValidationError({"end_reason": _("Choose why the match ends.")})
    previous = match.status
    now = timezone.now()
    today = today or timezone.localdate()
    match.status = to_status
    fields = ["status", "lock_version"]
    notice = ""
    if to_status == MatchStatus.ACTIVE and match.started_at is None:
        match.started_at = now
        fields.append("started_at")
        _check_ins_create(match, started_on=today)
        notice = "started"
    if to_status == MatchStatus.ENDED:
        match.end_reason = end_reason
        match.ended_at = now
        fields += ["end_reason", "ended_at"]
        request = FamilyRequest.objects.select_for_update().get(pk=match.request_id)
        request.status = (
            RequestStatus.WAITING
            if previous in (MatchStatus.PROPOSED, MatchStatus.INTRODUCED)
            else RequestStatus.CLOSED
        )
        request.lock_version += 1
        request.save(update_fields=["status", "lock_version"])
        # Nothing is due any more for a match that ended.
        CheckIn.objects.filter(match=match, done_on__isnull=True).delete()
        if match.started_at is not None:
            notice = "ended"
    match.lock_version += 1
    match.save(update_fields=fields)
    _audit(
        action="volunteers.match_status_changed",
        user=user,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(match.request.client.uuid),
        detail={"from": previous, "to": to_status, "end_reason": end_reason},
        audit_context=audit_context,
    )
    if notice:
        _referrer_notify(match=match, event=notice)
    return match


@transaction.atomic
def match_contact_route_set(
    *,
    match: Match,
    contact_route: str,
    user: User | None,
    lock_version: int | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Match:
    """How the volunteer and the family agreed to keep in touch; the volunteer sees it."""
    match = Match.objects.select_for_update().select_related("request__client").get(pk=match.pk)
    _check_version(match, lock_version)
    contact_route = " ".join((contact_route or "").split())
    if len(contact_route) > 200:
        raise ValidationError({"contact_route": _("Keep the contact route short (200 signs).")})
    match.contact_route = contact_route
    match.lock_version += 1
    match.save(update_fields=["contact_route", "lock_version"])
    _audit(
        action="volunteers.contact_route_set",
        user=user,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(match.request.client.uuid),
        audit_context=audit_context,
    )
    return match


def _referrer_recipients(request: FamilyRequest) -> list[User]:
    """Who hears about the match: the referring professional (the sender of the referral, or
    who made the request) while she still works at the referring organisation. Nobody when the
    volunteer organisation made the request itself (its coordinators know already)."""
    organisation_id = request.referrer_organisation_id
    if organisation_id is None or organisation_id == request.organisation_id:
        return []
    candidates = []
    if request.referral_id is not None and request.referral.sender_user_id:
        candidates.append(request.referral.sender_user_id)
    if request.created_by_id:
        candidates.append(request.created_by_id)
    return list(
        account_selectors.user_list()
        .filter(pk__in=candidates, is_active=True, organisation_id=organisation_id)
        .exclude(email="")
        .order_by("pk")
    )


def _referrer_notify(*, match: Match, event: str) -> None:
    """E-mail the referrer after commit that the match started or ended. The e-mail names the
    client's code only (e-mail is not secure) and never the volunteer."""
    request = FamilyRequest.objects.select_related("client", "referral", "organisation").get(
        pk=match.request_id
    )
    recipients = _referrer_recipients(request)
    if not recipients:
        return
    base = getattr(settings, "KANSRIJK_BASE_URL", "")
    link = base + reverse("clients:detail", args=[request.client.uuid])
    with translation.override(settings.LANGUAGE_CODE):
        if event == "started":
            subject = _("A volunteer walks along with %(code)s") % {
                "code": request.client.pseudonym
            }
            body = _(
                "The family %(code)s you referred now has a volunteer of %(organisation)s. "
                "The volunteer walks along until the child's second birthday at the latest."
            )
        else:
            subject = _("The volunteer of %(code)s has stopped") % {
                "code": request.client.pseudonym
            }
            body = _(
                "The match between the family %(code)s you referred and a volunteer of "
                "%(organisation)s has ended. Reason: %(reason)s."
            )
        body = (
            body
            % {
                "code": request.client.pseudonym,
                "organisation": request.organisation.name,
                "reason": EndReason(match.end_reason).label if match.end_reason else "",
            }
            + "\n\n"
            + _("See: %(link)s") % {"link": link}
            + "\n\n"
            + _("This e-mail contains no client details. Log in to Kansrijk to see more.")
        )
    addresses = [user.email for user in recipients]

    def send() -> None:
        try:
            send_mail(subject, body, None, addresses)
        except Exception:  # the match is saved; the e-mail is a courtesy
            logger.exception("Could not e-mail the referrer about match %s", match.pk)

    transaction.on_commit(send)
    _audit(
        action=AUDIT_REFERRER_NOTIFIED,
        user=None,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(request.client.uuid),
        detail={"event": event, "recipients": [str(user.uuid) for user in recipients]},
    )
