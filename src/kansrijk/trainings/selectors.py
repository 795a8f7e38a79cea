"""Reads of trainings: courses, editions, accreditations, registrations, presence lists."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet

from kansrijk.trainings import access
from kansrijk.trainings.constants import (
    POINTS_NEED_FULL_ATTENDANCE,
    AccreditationStatus,
    Attendance,
    EditionStatus,
    RegistrationStatus,
)
from kansrijk.trainings.models import Accreditation, Course, Edition, Registration


def _first(queryset: QuerySet, uuid: object):
    try:
        return queryset.filter(uuid=uuid).first()
    except ValidationError:  # not a UUID: nothing to find, not an error page
        return None


# --- coordinators -----------------------------------------------------------------------------


def courses_for_coordinator(user) -> QuerySet[Course]:
    return (
        Course.objects.filter(coalition__in=access.coalitions_coordinated_by(user).values("pk"))
        .select_related("coalition")
        .order_by("title")
    )


def course_get_for_coordinator(user, uuid: object) -> Course | None:
    return _first(courses_for_coordinator(user), uuid)


def edition_get_for_coordinator(user, uuid: object) -> Edition | None:
    editions = Edition.objects.select_related("course__coalition").filter(
        course__coalition__in=access.coalitions_coordinated_by(user).values("pk")
    )
    return _first(editions, uuid)


def registration_get_for_coordinator(user, uuid: object) -> Registration | None:
    registrations = Registration.objects.select_related("edition__course__coalition").filter(
        edition__course__coalition__in=access.coalitions_coordinated_by(user).values("pk")
    )
    return _first(registrations, uuid)


def editions_for_course(*, course: Course) -> QuerySet[Edition]:
    return (
        Edition.objects.filter(course=course)
        .annotate(
            registered_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )
        .order_by("starts_at")
    )


def registrations_for_edition(*, edition: Edition) -> QuerySet[Registration]:
    return Registration.objects.filter(edition=edition).select_related("user")


def registered_for_edition(*, edition: Edition) -> QuerySet[Registration]:
    return registrations_for_edition(edition=edition).filter(status=RegistrationStatus.REGISTERED)


def waiting_list(*, edition: Edition) -> QuerySet[Registration]:
    return (
        registrations_for_edition(edition=edition)
        .filter(status=RegistrationStatus.WAITING)
        .order_by("waiting_position", "pk")
    )


def places_taken(*, edition: Edition) -> int:
    return Registration.objects.filter(
        edition=edition, status=RegistrationStatus.REGISTERED
    ).count()


# --- accreditations and points ----------------------------------------------------------------


def accreditations_for_course(*, course: Course) -> QuerySet[Accreditation]:
    return Accreditation.objects.filter(course=course, edition__isnull=True)


def accreditations_for_edition(*, edition: Edition) -> dict[str, Accreditation]:
    """Per register the accreditation that holds for this edition: the edition's own, else
    the course's."""
    found: dict[str, Accreditation] = {}
    for accreditation in Accreditation.objects.filter(course_id=edition.course_id).filter(
        Q(edition__isnull=True) | Q(edition=edition)
    ):
        if accreditation.register not in found or accreditation.edition_id:
            found[accreditation.register] = accreditation
    return found


def points_for(*, registration: Registration, accreditation: Accreditation | None) -> Decimal:
    """The points the participant earns: a granted accreditation's points for being there
    (the whole training, see POINTS_NEED_FULL_ATTENDANCE); otherwise none."""
    if accreditation is None or accreditation.status != AccreditationStatus.GRANTED:
        return Decimal(0)
    if registration.attendance == Attendance.PRESENT:
        return accreditation.points
    if registration.attendance == Attendance.PARTLY and not POINTS_NEED_FULL_ATTENDANCE:
        return accreditation.points
    return Decimal(0)


@dataclass(frozen=True)
class PresenceRow:
    registration: Registration
    hours: Decimal
    points: Decimal


def presence_list(*, edition: Edition, register: str) -> list[PresenceRow]:
    """Who of this register was there (wholly or partly), with hours and points: what the
    register's presence list (e.g. the PE-online upload) needs."""
    accreditation = accreditations_for_edition(edition=edition).get(register)
    rows = []
    for registration in (
        registered_for_edition(edition=edition)
        .filter(register=register, attendance__in=[Attendance.PRESENT, Attendance.PARTLY])
        .order_by("name", "pk")
    ):
        rows.append(
            PresenceRow(
                registration=registration,
                hours=registration.hours_attended or Decimal(0),
                points=points_for(registration=registration, accreditation=accreditation),
            )
        )
    return rows


def registers_in_edition(*, edition: Edition) -> list[str]:
    """The registers that participants of this edition are in, or that accredit it."""
    used = set(
        registered_for_edition(edition=edition)
        .exclude(register="")
        .values_list("register", flat=True)
    )
    return sorted(used | set(accreditations_for_edition(edition=edition)))


# --- professionals ----------------------------------------------------------------------------


def user_sees_trainings(user) -> bool:
    """Whether the navigation shows "Scholing": professionals and coordinators of a partner
    organisation."""
    return access.may_take_part(user)


def _visible_to(user) -> Q:
    return Q(public=True) | Q(course__coalition__in=access.coalitions_of(user).values("pk"))


def editions_open_for(*, user, now: datetime.datetime) -> QuerySet[Edition]:
    """Editions still to come that take registrations and that the user may see: those of
    their own coalitions, and public ones."""
    if not access.may_take_part(user):
        return Edition.objects.none()
    return (
        Edition.objects.filter(_visible_to(user), status=EditionStatus.OPEN, starts_at__gt=now)
        .select_related("course__coalition")
        .order_by("starts_at")
    )


def edition_get_for_participant(user, uuid: object) -> Edition | None:
    if not access.may_take_part(user):
        return None
    editions = Edition.objects.select_related("course__coalition").filter(_visible_to(user))
    return _first(editions, uuid)


def registrations_for_user(*, user) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("edition__course__coalition")
        .order_by("-edition__starts_at")
    )


def registration_for_user(*, edition: Edition, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return registrations_for_user(user=user).filter(edition=edition).first()


def registration_get_for_certificate(user, uuid: object) -> Registration | None:
    """The participant's own registration, or one of an edition the user coordinates."""
    registration = registration_get_for_coordinator(user, uuid)
    if registration is not None:
        return registration
    if not user.is_authenticated or not user.is_active:
        return None
    return _first(
        Registration.objects.select_related("edition__course__coalition").filter(user=user), uuid
    )


# --- the coalition's public agenda ------------------------------------------------------------


def public_training_editions(*, coalition, since: datetime.datetime) -> QuerySet[Edition]:
    """Public editions of the coalition's trainings that end after `since`, cancelled ones
    included (a calendar feed marks them cancelled), soonest first. For the network app's
    public agenda and iCalendar feed."""
    return (
        Edition.objects.filter(course__coalition=coalition, public=True, ends_at__gte=since)
        .select_related("course__coalition")
        .order_by("starts_at")
    )
