"""Writes of the volunteers app: a volunteer's path and certificate of conduct (VOG), a family's
request, and the match the coordinator makes. Every write about a family goes to the audit log
with her client id; a volunteer's name never goes into an audit detail.

Refusals raise ValidationError with a plain Dutch message; an edit based on an older version
raises StaleEditError (nothing is lost)."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts.constants import Role
from kansrijk.audit.services import audit_record
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.selectors import consent_covers
from kansrijk.clients.services import StaleEditError
from kansrijk.volunteers import schedule
from kansrijk.volunteers.constants import (
    AUDIT_CHECK_IN_DONE,
    AUDIT_CONTACT_LOGGED,
    AUDIT_REFERRER_NOTIFIED,
    AUDIT_WORRY_HANDLED,
    MATCH_TRANSITIONS,
    MAX_CONTACT_MINUTES,
    VOLUNTEER_TRANSITIONS,
    ContactKind,
    DayPart,
    EndReason,
    MatchStatus,
    RequestSource,
    RequestStatus,
    VolunteerStatus,
)
from kansrijk.volunteers.models import CheckIn, ContactLog, FamilyRequest, Match, Volunteer
from kansrijk.volunteers.ranking import (
    exclusion_reason,
    need_score,
    vog_is_valid,
    vog_valid_until,
)
from kansrijk.volunteers.selectors import check_ins_missed, volunteers_with_load
from kansrijk.volunteers.streets import street_key

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client
    from kansrijk.organisations.models import Coalition, Organisation
    from kansrijk.regions.models import Municipality, Neighbourhood

__all__ = [
    "StaleEditError",
    "volunteer_register",
    "volunteer_transition",
    "volunteer_approve",
    "vog_record",
    "request_create",
    "volunteer_user_link",
    "match_propose",
    "match_transition",
    "match_contact_route_set",
    "check_in_done",
    "contact_log",
    "worry_handle",
    "check_ins_remind_missed",
]

logger = logging.getLogger(__name__)


def _audit(
    *,
    action: str,
    user: User | None,
    object_type: str,
    object_id: str,
    client_id: str = "",
    detail: Mapping[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    organisation = getattr(user, "organisation", None) if user is not None else None
    who: dict[str, Any] = {
        "actor_id": str(user.uuid) if user is not None else "",
        "actor_display": user.get_username() if user is not None else "",
        "actor_role": ",".join(sorted(user.role_codes)) if user is not None else "",
        "actor_organisation_id": str(organisation.uuid) if organisation is not None else "",
        "source": "system",
    }
    who.update(audit_context or {})
    audit_record(
        action=action,
        client_id=client_id,
        object_type=object_type,
        object_id=object_id,
        detail=dict(detail or {}),
        **who,
    )


def _check_version(obj: Any, lock_version: int | None) -> None:
    if lock_version is not None and lock_version != obj.lock_version:
        raise StaleEditError(expected_version=lock_version, current_version=obj.lock_version)


def _check_codes(values: Iterable[str], allowed: Iterable[str], field: str) -> list[str]:
    values = list(dict.fromkeys(values))
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValidationError(
            {field: _("Unknown choice: %(values)s.") % {"values": ", ".join(unknown)}}
        )
    return values


# --- volunteers --------------------------------------------------------------------------------


@transaction.atomic
def volunteer_register(
    *,
    coalition: Coalition,
    organisation: Organisation,
    first_name: str,
    municipality: Municipality,
    neighbourhood: Neighbourhood | None = None,
    languages: Iterable[str] = ("nl",),
    postcode4: str = "",
    street: str = "",
    availability: Iterable[str] = (),
    support_themes: Iterable[str] = (),
    max_families: int = 1,
    registered_by: User | None = None,
) -> Volunteer:
    """A new volunteer at the start of her path (interest). First name only."""
    first_name = (first_name or "").strip()
    if not first_name:
        raise ValidationError({"first_name": _("Fill in the volunteer's first name.")})
    if max_families < 1:
        raise ValidationError(
            {"max_families": _("A volunteer walks along with at least one family.")}
        )
    postcode4 = (postcode4 or "").strip()
    if postcode4 and not (len(postcode4) == 4 and postcode4.isdigit()):
        raise ValidationError({"postcode4": _("Fill in the four digits of the postcode.")})
    volunteer = Volunteer.objects.create(
        coalition=coalition,
        organisation=organisation,
        first_name=first_name,
        municipality=municipality,
        neighbourhood=neighbourhood,
        languages=[code.strip().lower() for code in languages if code.strip()],
        street_key=street_key(postcode4, street),
        availability=_check_codes(availability, DayPart.values, "availability"),
        support_themes=list(dict.fromkeys(support_themes)),
        max_families=max_families,
    )
    _audit(
        action="volunteers.volunteer_registered",
        user=registered_by,
        object_type="volunteer",
        object_id=str(volunteer.uuid),
    )
    return volunteer


@transaction.atomic
def vog_record(
    *,
    volunteer: Volunteer,
    issued_on: datetime.date,
    user: User | None,
    today: datetime.date | None = None,
) -> Volunteer:
    """Record the issue date of her certificate of conduct; it is valid for three years. A
    certificate that has already expired is refused: she needs a new one."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    today = today or timezone.localdate()
    if issued_on > today:
        raise ValidationError(
            {"vog_issued_on": _("The issue date of the certificate of conduct is in the future.")}
        )
    if vog_valid_until(issued_on) <= today:
        raise ValidationError(
            {
                "vog_issued_on": _(
                    "This certificate of conduct (VOG) expired on %(date)s: it is valid for "
                    "three years. Ask the volunteer to apply for a new one."
                )
                % {"date": vog_valid_until(issued_on).strftime("%d-%m-%Y")}
            }
        )
    volunteer.vog_issued_on = issued_on
    volunteer.vog_valid_until = vog_valid_until(issued_on)
    volunteer.lock_version += 1
    volunteer.save(update_fields=["vog_issued_on", "vog_valid_until", "lock_version"])
    _audit(
        action="volunteers.vog_recorded",
        user=user,
        object_type="volunteer",
        object_id=str(volunteer.uuid),
        detail={"valid_until": volunteer.vog_valid_until.isoformat()},
    )
    return volunteer


@transaction.atomic
def volunteer_transition(
    *,
    volunteer: Volunteer,
    to_status: str,
    user: User | None,
    lock_version: int | None = None,
    today: datetime.date | None = None,
) -> Volunteer:
    """Move her one step along her path. Approval needs a valid certificate of conduct."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    _check_version(volunteer, lock_version)
    if to_status not in VOLUNTEER_TRANSITIONS.get(volunteer.status, ()):
        raise ValidationError(
            _("A volunteer cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": VolunteerStatus(volunteer.status).label,
                "to": VolunteerStatus(to_status).label
                if to_status in VolunteerStatus.values
                else to_status,
            }
        )
    today = today or timezone.localdate()
    if to_status == VolunteerStatus.APPROVED:
        if volunteer.vog_valid_until is None:
            raise ValidationError(
                _("Record the certificate of conduct (VOG) before you approve this volunteer.")
            )
        if volunteer.vog_valid_until <= today:
            raise ValidationError(
                _(
                    "The certificate of conduct (VOG) expired on %(date)s. Ask for a new one "
                    "before you approve this volunteer."
                )
                % {"date": volunteer.vog_valid_until.strftime("%d-%m-%Y")}
            )
    previous = volunteer.status
    volunteer.status = to_status
    volunteer.lock_version += 1
    volunteer.save(update_fields=["status", "lock_version"])
    _audit(
        action="volunteers.volunteer_status_changed",
        user=user,
        object_type="volunteer",
        object_id=str(volunteer.uuid),
        detail={"from": previous, "to": to_status},
    )
    return volunteer


def volunteer_approve(
    *,
    volunteer: Volunteer,
    user: User | None,
    lock_version: int | None = None,
    today: datetime.date | None = None,
) -> Volunteer:
    return volunteer_transition(
        volunteer=volunteer,
        to_status=VolunteerStatus.APPROVED,
        user=user,
        lock_version=lock_version,
        today=today,
    )


@transaction.atomic
def volunteer_user_link(*, volunteer: Volunteer, user: User, linked_by: User | None) -> Volunteer:
    """Give the volunteer her own log-in: a user with the role volunteer (and no other role, so
    she gets the least access of all) in the volunteer organisation."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if user.role_codes != {Role.VOLUNTEER}:
        raise ValidationError(_("A volunteer's log-in has the role volunteer and no other role."))
    if user.organisation_id != volunteer.organisation_id:
        raise ValidationError(_("The log-in belongs to another organisation."))
    if Volunteer.objects.filter(user=user).exclude(pk=volunteer.pk).exists():
        raise ValidationError(_("This log-in belongs to another volunteer."))
    volunteer.user = user
    volunteer.lock_version += 1
    volunteer.save(update_fields=["user", "lock_version"])
    _audit(
        action="volunteers.volunteer_user_linked",
        user=linked_by,
        object_type="volunteer",
        object_id=str(volunteer.uuid),
        detail={"user": str(user.uuid)},
    )
    return volunteer


# --- a family's request ------------------------------------------------------------------------


@transaction.atomic
def request_create(
    *,
    client: Client,
    coalition: Coalition,
    organisation: Organisation,
    needs: Iterable[str],
    created_by: User | None,
    availability: Iterable[str] = (),
    postcode4: str = "",
    street: str = "",
    extra_need: int = 0,
    referral: Any = None,
    audit_context: Mapping[str, Any] | None = None,
) -> FamilyRequest:
    """Put a family on the waiting list of `organisation` (the volunteer organisation). Refused
    unless she gave consent to share information with that organisation.

    With `referral` (a kansrijk.referrals referral of this client) the request comes from that
    referral and its sending organisation hears when a match starts and ends; otherwise from an
    intake by `created_by`, whose organisation hears it."""
    if referral is not None and referral.client_id != client.pk:
        raise ValidationError(_("This referral is about another client."))
    consent = consent_covers(client.pk, organisation.pk, ConsentPurpose.INFORMATION_EXCHANGE)
    if consent is None:
        raise ValidationError(
            _(
                "She has not given consent to share her details with %(organisation)s. Ask her "
                "consent first."
            )
            % {"organisation": organisation.name}
        )
    needs = list(dict.fromkeys(needs))
    if not needs:
        raise ValidationError({"needs": _("Choose at least one thing the family needs help with.")})
    request = FamilyRequest.objects.create(
        client=client,
        coalition=coalition,
        organisation=organisation,
        consent=consent,
        needs=needs,
        language=client.language,
        source=RequestSource.REFERRAL if referral is not None else RequestSource.INTAKE,
        referral=referral,
        referrer_organisation_id=(
            referral.sender_organisation_id
            if referral is not None
            else getattr(created_by, "organisation_id", None)
        ),
        street_key=street_key(postcode4, street),
        availability=_check_codes(availability, DayPart.values, "availability"),
        need_score=need_score(needs) + max(extra_need, 0),
        created_by=created_by,
    )
    _audit(
        action="volunteers.request_created",
        user=created_by,
        object_type="volunteer_request",
        object_id=str(request.uuid),
        client_id=str(client.uuid),
        detail={"need_score": request.need_score},
        audit_context=audit_context,
    )
    return request


# --- matches -----------------------------------------------------------------------------------


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


# --- telling the referrer ----------------------------------------------------------------------


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


# --- check-ins and reviews ---------------------------------------------------------------------


@transaction.atomic
def check_in_done(
    *,
    check_in: CheckIn,
    user: User | None,
    note: str = "",
    done_on: datetime.date | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> CheckIn:
    """The coordinator did this check-in or review. Done once: a second time is refused."""
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("The date is in the future.")})
    check_in = (
        CheckIn.objects.select_for_update()
        .select_related("match__request__client")
        .get(pk=check_in.pk)
    )
    if check_in.done_on is not None:
        raise ValidationError(
            _("This was already marked as done on %(date)s.")
            % {"date": check_in.done_on.strftime("%d-%m-%Y")}
        )
    check_in.done_on = done_on
    check_in.done_by = user
    check_in.note = (note or "").strip()[:2000]
    check_in.save(update_fields=["done_on", "done_by", "note"])
    _audit(
        action=AUDIT_CHECK_IN_DONE,
        user=user,
        object_type="volunteer_match",
        object_id=str(check_in.match.uuid),
        client_id=str(check_in.match.request.client.uuid),
        detail={"kind": check_in.kind, "due_on": check_in.due_on.isoformat()},
        audit_context=audit_context,
    )
    return check_in


def _coordinators_of(organisation_id: int) -> list[User]:
    return list(
        account_selectors.user_list()
        .filter(is_active=True, roles__role=Role.COORDINATOR, organisation_id=organisation_id)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _mail_later(subject: str, body: str, addresses: list[str], *, what: str) -> None:
    def send() -> None:
        try:
            send_mail(subject, body, None, addresses)
        except Exception:  # the work list shows it anyway; mail is a courtesy
            logger.exception("Could not e-mail %s", what)

    if addresses:
        transaction.on_commit(send)


def check_ins_remind_missed(*, today: datetime.date | None = None) -> int:
    """E-mail every volunteer organisation's coordinators how many check-ins and reviews they
    missed (no client details). Returns the number of e-mails."""
    today = today or timezone.localdate()
    missed: dict[int, int] = {}
    for check_in in check_ins_missed(today=today).select_related("match__request"):
        organisation_id = check_in.match.request.organisation_id
        missed[organisation_id] = missed.get(organisation_id, 0) + 1
    base = getattr(settings, "KANSRIJK_BASE_URL", "")
    sent = 0
    for organisation_id, count in sorted(missed.items()):
        addresses = [user.email for user in _coordinators_of(organisation_id)]
        if not addresses:
            continue
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Check-ins of volunteer matches missed: %(count)d") % {"count": count}
            body = (
                _(
                    "%(count)d check-ins or reviews of volunteer matches were due and are not "
                    "done yet. They are on your work list."
                )
                % {"count": count}
                + "\n\n"
                + _("See: %(link)s") % {"link": base + reverse("referrals:work_list")}
                + "\n\n"
                + _("This e-mail contains no client details. Log in to Kansrijk to see more.")
            )
        _mail_later(subject, body, addresses, what="missed check-ins")
        sent += 1
    return sent


# --- the volunteer's contacts ------------------------------------------------------------------


@transaction.atomic
def contact_log(
    *,
    match: Match,
    user: User,
    contact_on: datetime.date,
    minutes: int,
    kind: str,
    note: str = "",
    worry: bool = False,
    audit_context: Mapping[str, Any] | None = None,
) -> ContactLog:
    """The volunteer logs a contact with her family. Only her own active match, and only while
    the family's consent stands. A worry alerts the coordinators of the volunteer organisation
    (work list and e-mail), never the referrer."""
    match = (
        Match.objects.select_for_update()
        .select_related("request__client", "request__organisation", "volunteer")
        .get(pk=match.pk)
    )
    if match.volunteer.user_id != user.pk:
        raise ValidationError(_("You can only log contacts with your own families."))
    if match.status != MatchStatus.ACTIVE:
        raise ValidationError(_("You can only log contacts while the match is active."))
    if (
        consent_covers(
            match.request.client_id,
            match.request.organisation_id,
            ConsentPurpose.INFORMATION_EXCHANGE,
        )
        is None
    ):
        raise ValidationError(_("The family withdrew her consent: you cannot log contacts."))
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if contact_on > today:
        errors["contact_on"] = _("The date is in the future.")
    elif match.started_at and contact_on < timezone.localdate(match.started_at):
        errors["contact_on"] = _("The date is before the match started.")
    if not 1 <= minutes <= MAX_CONTACT_MINUTES:
        errors["minutes"] = _("Fill in how long the contact took, between 1 minute and 12 hours.")
    if kind not in ContactKind.values:
        errors["kind"] = _("Choose the kind of contact.")
    note = " ".join((note or "").split())
    if len(note) > 500:
        errors["note"] = _("Keep the note short (500 signs).")
    if errors:
        raise ValidationError(errors)
    contact = ContactLog.objects.create(
        match=match,
        contact_on=contact_on,
        minutes=minutes,
        kind=kind,
        note=note,
        worry=worry,
        logged_by=user,
    )
    _audit(
        action=AUDIT_CONTACT_LOGGED,
        user=user,
        object_type="volunteer_match",
        object_id=str(match.uuid),
        client_id=str(match.request.client.uuid),
        detail={"minutes": minutes, "kind": kind, "worry": worry},
        audit_context=audit_context,
    )
    if worry:
        base = getattr(settings, "KANSRIJK_BASE_URL", "")
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("A volunteer is worried about a family")
            body = (
                _(
                    "A volunteer of %(organisation)s logged a contact with the family %(code)s "
                    "and is worried. Please get in touch with the volunteer."
                )
                % {
                    "organisation": match.request.organisation.name,
                    "code": match.request.client.pseudonym,
                }
                + "\n\n"
                + _("See: %(link)s")
                % {"link": base + reverse("volunteers:match_detail", args=[match.uuid])}
                + "\n\n"
                + _("This e-mail contains no client details. Log in to Kansrijk to see more.")
            )
        _mail_later(
            subject,
            body,
            [u.email for u in _coordinators_of(match.request.organisation_id)],
            what="a worry",
        )
    return contact


@transaction.atomic
def worry_handle(
    *, contact: ContactLog, user: User | None, audit_context: Mapping[str, Any] | None = None
) -> ContactLog:
    """The coordinator followed up the volunteer's worry: it leaves the work list."""
    contact = (
        ContactLog.objects.select_for_update()
        .select_related("match__request__client")
        .get(pk=contact.pk)
    )
    if not contact.worry or contact.worry_handled_at is not None:
        raise ValidationError(_("This worry was already handled."))
    contact.worry_handled_at = timezone.now()
    contact.worry_handled_by = user
    contact.save(update_fields=["worry_handled_at", "worry_handled_by"])
    _audit(
        action=AUDIT_WORRY_HANDLED,
        user=user,
        object_type="volunteer_match",
        object_id=str(contact.match.uuid),
        client_id=str(contact.match.request.client.uuid),
        audit_context=audit_context,
    )
    return contact
