"""Writes of the volunteers app: a volunteer's path and certificate of conduct (VOG), a family's
request, and the match the coordinator makes. Every write about a family goes to the audit log
with her client id; a volunteer's name never goes into an audit detail.

Refusals raise ValidationError with a plain Dutch message; an edit based on an older version
raises StaleEditError (nothing is lost)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.audit.services import audit_record
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.selectors import consent_covers
from kansrijk.clients.services import StaleEditError
from kansrijk.volunteers.constants import (
    MATCH_TRANSITIONS,
    VOLUNTEER_TRANSITIONS,
    DayPart,
    EndReason,
    MatchStatus,
    RequestStatus,
    VolunteerStatus,
)
from kansrijk.volunteers.models import FamilyRequest, Match, Volunteer
from kansrijk.volunteers.ranking import exclusion_reason, need_score, vog_valid_until
from kansrijk.volunteers.selectors import volunteers_with_load

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
    "match_propose",
    "match_transition",
]


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
        postcode4=postcode4,
        street=(street or "").strip(),
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
def vog_record(*, volunteer: Volunteer, issued_on: datetime.date, user: User | None) -> Volunteer:
    """Record the issue date of her certificate of conduct; it is valid for three years."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if issued_on > timezone.localdate():
        raise ValidationError(
            {"vog_issued_on": _("The issue date of the certificate of conduct is in the future.")}
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
    audit_context: Mapping[str, Any] | None = None,
) -> FamilyRequest:
    """Put a family on the waiting list of `organisation` (the volunteer organisation). Refused
    unless she gave consent to share information with that organisation."""
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
        municipality_id=client.municipality_id,
        neighbourhood_id=client.neighbourhood_id,
        postcode4=(postcode4 or "").strip(),
        street=(street or "").strip(),
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


@transaction.atomic
def match_transition(
    *,
    match: Match,
    to_status: str,
    user: User | None,
    lock_version: int | None = None,
    end_reason: str = "",
    audit_context: Mapping[str, Any] | None = None,
) -> Match:
    """Move a match one step: proposed → introduced → active ⇄ paused → ended. Ending needs a
    reason from the fixed list. A match that ends before it was active puts the family back on
    the waiting list; after that her request is closed."""
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
    match.status = to_status
    fields = ["status", "lock_version"]
    if to_status == MatchStatus.ACTIVE and match.started_at is None:
        match.started_at = now
        fields.append("started_at")
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
    return match
