"""Writes of trainings: courses, their accreditations, editions, registrations (with a waiting
list and no overbooking) and attendance."""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.trainings.constants import (
    REGISTER_RULES,
    AccreditationStatus,
    Attendance,
    EditionStatus,
    Profession,
    Register,
    RegistrationStatus,
)
from kansrijk.trainings.models import Accreditation, Course, Edition, Registration

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

EDITION_FIELDS = frozenset(
    {"starts_at", "ends_at", "place", "online_link", "capacity", "status", "public"}
)


class StaleEditionError(Exception):
    """Someone else changed the edition since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this edition in the meantime. Reload it and try again.")
        )


# --- register numbers -------------------------------------------------------------------------


def register_number_normalise(*, register: str, number: str) -> str:
    """The number as the register writes it (digits only), or ValidationError with the
    register's own rule in the message ("Een BIG-nummer heeft 11 cijfers.")."""
    rule = REGISTER_RULES.get(register)
    if rule is None:
        raise ValidationError({"register": _("Choose a register from the list.")})
    normalised = rule.normalise(number)
    if not normalised:
        raise ValidationError(
            {"register_number": _("Give the %(label)s.") % {"label": rule.number_label}}
        )
    if not rule.matches(normalised):
        raise ValidationError({"register_number": str(rule.message)})
    return normalised


# --- courses and accreditations ---------------------------------------------------------------


def _hours(value: Any, field: str = "hours") -> Decimal:
    try:
        # A Dutch decimal comma ("2,5") is what people type.
        hours = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: _("Give the number of hours, like 3 or 6.5.")}) from None
    if hours <= 0 or hours > 999:
        raise ValidationError({field: _("Give the number of hours, like 3 or 6.5.")})
    return hours


@transaction.atomic
def course_create(
    *,
    coalition,
    title: str,
    hours: Decimal | float | str,
    description: str = "",
    target_professions: Iterable[str] = (),
    created_by: User | None = None,
    uuid: uuid_module.UUID | None = None,
) -> Course:
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the training a title.")
    professions = list(dict.fromkeys(target_professions))
    if any(code not in Profession.values for code in professions):
        errors["target_professions"] = _("Choose professions from the list.")
    try:
        hours = _hours(hours)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return Course.objects.create(
        uuid=uuid or uuid_module.uuid4(),
        coalition=coalition,
        title=title.strip(),
        description=description,
        hours=hours,
        target_professions=professions,
        created_by=created_by,
    )


@transaction.atomic
def accreditation_set(
    *,
    course: Course,
    register: str,
    points: Decimal | float | str,
    status: str = AccreditationStatus.APPLIED,
    accreditation_id: str = "",
    edition: Edition | None = None,
) -> Accreditation:
    """Record a register's accreditation of the course (or of one edition): applied for,
    granted with its number and points, or refused. Setting it again updates it."""
    errors = {}
    if register not in Register.values:
        errors["register"] = _("Choose a register from the list.")
    if status not in AccreditationStatus.values:
        errors["status"] = _("Choose a status from the list.")
    try:
        points = Decimal(str(points))
        if points < 0 or points > 999:
            raise InvalidOperation
    except (InvalidOperation, TypeError, ValueError):
        errors["points"] = _("Give the number of points, like 4 or 6.5.")
    accreditation_id = (accreditation_id or "").strip()
    if status == AccreditationStatus.GRANTED and not accreditation_id:
        errors["accreditation_id"] = _("A granted accreditation has the register's number.")
    if edition is not None and edition.course_id != course.pk:
        errors["edition"] = _("This edition belongs to another training.")
    if errors:
        raise ValidationError(errors)
    accreditation, _created = Accreditation.objects.update_or_create(
        course=course,
        edition=edition,
        register=register,
        defaults={"points": points, "status": status, "accreditation_id": accreditation_id},
    )
    return accreditation


# --- editions ---------------------------------------------------------------------------------


def _edition_check(*, starts_at, ends_at, capacity, status) -> None:
    errors = {}
    if starts_at is None or timezone.is_naive(starts_at):
        errors["starts_at"] = _("Give a start date and time.")
    if ends_at is None or timezone.is_naive(ends_at):
        errors["ends_at"] = _("Give an end date and time.")
    elif starts_at is not None and ends_at <= starts_at:
        errors["ends_at"] = _("The end must be after the start.")
    if capacity is None or int(capacity) < 1:
        errors["capacity"] = _("An edition has at least 1 place.")
    if status not in EditionStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def edition_create(
    *,
    course: Course,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int,
    place: str = "",
    online_link: str = "",
    public: bool = False,
    status: str = EditionStatus.OPEN,
    uuid: uuid_module.UUID | None = None,
) -> Edition:
    _edition_check(starts_at=starts_at, ends_at=ends_at, capacity=capacity, status=status)
    return Edition.objects.create(
        uuid=uuid or uuid_module.uuid4(),
        course=course,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        place=place.strip(),
        online_link=online_link,
        public=public,
        status=status,
    )


@transaction.atomic
def edition_update(*, edition: Edition, expected_version: int, **changes: Any) -> Edition:
    """Change an edition seen at `expected_version`; StaleEditionError when someone else
    changed it meanwhile. More places move people up from the waiting list."""
    unknown = set(changes) - EDITION_FIELDS
    if unknown:
        raise TypeError(f"edition_update: unknown fields {sorted(unknown)}")
    fresh = Edition.objects.select_for_update().get(pk=edition.pk)
    if fresh.lock_version != expected_version:
        raise StaleEditionError()
    for field, value in changes.items():
        setattr(fresh, field, value)
    _edition_check(
        starts_at=fresh.starts_at,
        ends_at=fresh.ends_at,
        capacity=fresh.capacity,
        status=fresh.status,
    )
    taken = fresh.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    if fresh.capacity < taken:
        raise ValidationError(
            {
                "capacity": _(
                    "%(count)d people are registered already: give at least %(count)d places."
                )
                % {"count": taken}
            }
        )
    fresh.lock_version = F("lock_version") + 1
    fresh.save()
    fresh.refresh_from_db()
    _waiting_list_move_up(fresh)
    return fresh


def _waiting_list_move_up(edition: Edition) -> list[Registration]:
    """Give free places to the first on the waiting list; the edition row must be locked."""
    if edition.status == EditionStatus.CANCELLED:
        return []
    free = (
        edition.capacity
        - edition.registrations.filter(status=RegistrationStatus.REGISTERED).count()
    )
    moved = []
    if free <= 0:
        return moved
    for registration in edition.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "waiting_position", "pk"
    )[:free]:
        registration.status = RegistrationStatus.REGISTERED
        registration.waiting_position = None
        registration.save(update_fields=["status", "waiting_position"])
        moved.append(registration)
    return moved


# --- registrations ----------------------------------------------------------------------------


def _participant(
    *, user: User | None, name: str, organisation_name: str, email: str
) -> tuple[str, str, str]:
    if user is not None:
        organisation = user.organisation.name if user.organisation_id else ""
        return (
            user.get_full_name() or user.get_username(),
            organisation_name.strip() or organisation,
            user.email or "",
        )
    errors = {}
    name = (name or "").strip()
    email = (email or "").strip().lower()
    if not name:
        errors["name"] = _("Give the participant's name.")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = _("Give a valid e-mail address, like naam@example.nl.")
    if errors:
        raise ValidationError(errors)
    return name, (organisation_name or "").strip(), email


@transaction.atomic
def registration_create(
    *,
    edition: Edition,
    profession: str,
    register: str = "",
    register_number: str = "",
    user: User | None = None,
    name: str = "",
    organisation_name: str = "",
    email: str = "",
    created_by: User | None = None,
) -> Registration:
    """Register someone for an edition: a place while there is room, else the waiting list.
    The edition row is locked while counting, so two registrations at once never overbook
    it. A register number is checked against the register's format."""
    errors = {}
    if profession not in Profession.values:
        errors["profession"] = _("Choose a profession from the list.")
    number = ""
    if register:
        try:
            number = register_number_normalise(register=register, number=register_number)
        except ValidationError as error:
            errors.update(error.message_dict)
    elif (register_number or "").strip():
        errors["register"] = _("Choose the register this number belongs to.")
    try:
        name, organisation_name, email = _participant(
            user=user, name=name, organisation_name=organisation_name, email=email
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)

    locked = Edition.objects.select_for_update().get(pk=edition.pk)
    if locked.status != EditionStatus.OPEN:
        raise ValidationError(_("This edition does not take registrations."))
    active = locked.registrations.exclude(status=RegistrationStatus.CANCELLED)
    if user is not None and active.filter(user=user).exists():
        raise ValidationError(_("You are already registered for this edition."))
    if number and active.filter(register=register, register_number=number).exists():
        raise ValidationError(
            {"register_number": _("Someone with this registration number is already registered.")}
        )
    taken = active.filter(status=RegistrationStatus.REGISTERED).count()
    status, position = RegistrationStatus.REGISTERED, None
    if taken >= locked.capacity:
        status = RegistrationStatus.WAITING
        last = active.filter(status=RegistrationStatus.WAITING).aggregate(
            last=Max("waiting_position")
        )["last"]
        position = (last or 0) + 1
    return Registration.objects.create(
        edition=locked,
        user=user,
        name=name,
        organisation_name=organisation_name,
        email=email,
        profession=profession,
        register=register,
        register_number=number,
        status=status,
        waiting_position=position,
        created_by=created_by,
    )


@transaction.atomic
def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel a registration; a place that comes free goes to the first on the waiting list.
    Returns who moved up."""
    locked = Edition.objects.select_for_update().get(pk=registration.edition_id)
    current = Registration.objects.get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        return []
    current.status = RegistrationStatus.CANCELLED
    current.waiting_position = None
    current.save(update_fields=["status", "waiting_position"])
    registration.status = current.status
    return _waiting_list_move_up(locked)


# --- attendance -------------------------------------------------------------------------------


def _attendance_hours(edition: Edition, attendance: str, hours: Any) -> Decimal | None:
    course_hours = edition.course.hours
    if attendance == Attendance.PRESENT:
        return course_hours
    if attendance == Attendance.ABSENT:
        return Decimal(0)
    if attendance == Attendance.PARTLY:
        if hours in (None, ""):
            raise ValidationError(
                {"hours_attended": _("Give the hours attended for someone partly present.")}
            )
        hours = _hours(hours, "hours_attended")
        if hours >= course_hours:
            raise ValidationError(
                {
                    "hours_attended": _(
                        "Partly present is less than the %(hours)s hours of the training."
                    )
                    % {"hours": course_hours}
                }
            )
        return hours
    return None


@transaction.atomic
def attendance_record(
    *, registration: Registration, attendance: str, hours_attended: Any = None
) -> Registration:
    """Record whether a registered participant was there: present (the training's hours),
    partly (with the hours attended), absent, or not recorded."""
    if attendance not in Attendance.values:
        raise ValidationError({"attendance": _("Choose present, partly present or absent.")})
    edition = registration.edition
    if attendance and edition.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the edition has started."))
    if registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("Only registered participants can be present."))
    registration.attendance = attendance
    registration.hours_attended = _attendance_hours(edition, attendance, hours_attended)
    registration.save(update_fields=["attendance", "hours_attended"])
    return registration


@transaction.atomic
def attendance_save(
    *, edition: Edition, records: Mapping[str, tuple[str, Any]]
) -> dict[str, ValidationError]:
    """Record attendance for several participants at once: `records` maps a registration's
    uuid to (attendance, hours). Returns the errors per uuid; nothing is saved when any."""
    registrations = {
        str(r.uuid): r
        for r in Registration.objects.filter(
            edition=edition, status=RegistrationStatus.REGISTERED
        ).select_related("edition__course")
    }
    errors: dict[str, ValidationError] = {}
    for key, (attendance, hours) in records.items():
        registration = registrations.get(str(key))
        if registration is None:
            continue
        try:
            with transaction.atomic():
                attendance_record(
                    registration=registration, attendance=attendance, hours_attended=hours
                )
        except ValidationError as error:
            errors[str(key)] = error
    if errors:
        transaction.set_rollback(True)
    return errors
