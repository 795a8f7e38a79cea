"""A volunteer's path: register, certificate of conduct (VOG), steps, approval, log-in."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.constants import Role
from kansrijk.volunteers.constants import (
    VOLUNTEER_TRANSITIONS,
    DayPart,
    VolunteerStatus,
)
from kansrijk.volunteers.models import Volunteer
from kansrijk.volunteers.ranking import (
    vog_valid_until,
)
from kansrijk.volunteers.streets import street_key

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Coalition, Organisation
    from kansrijk.regions.models import Municipality, Neighbourhood

from kansrijk.volunteers.services._common import (
    _audit,
    _check_codes,
    _check_version,
)


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
