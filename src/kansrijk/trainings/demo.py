"""Demo trainings: Zuid-Limburg's "Positieve Gezondheid" training, accredited by V&VN and KNOV
(SKJ applied for), with a past edition (registrations and attendance, so presence lists and
certificates can be tried) and a public upcoming edition that professionals can register for.
Participants are invented; register numbers are made up in the registers' formats. Fixed
ids, so loading twice adds nothing."""

from __future__ import annotations

import datetime
import uuid
import zoneinfo

from django.db import transaction
from django.utils import timezone

from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.trainings import services
from kansrijk.trainings.constants import (
    AccreditationStatus,
    Attendance,
    EditionStatus,
    Profession,
    Register,
)
from kansrijk.trainings.models import Course

DEMO_NAMESPACE = uuid.UUID("0f6f2d0e-7a51-4f0e-9d1c-3c2b8a9e4b17")
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
COALITION = "zuid-limburg"
PLACE = "Opleidingscentrum Parkstad (voorbeeldlocatie), Heerlen"

# (name, organisation, profession, register, number, attendance, hours if partly)
PAST_PARTICIPANTS = (
    (
        "Demo Verloskundige Heerlen",
        "Verloskundigen Heerlen",
        Profession.MIDWIFE,
        Register.KNOV,
        "19012345601",
        Attendance.PRESENT,
        None,
    ),
    (
        "Demo JGZ-verpleegkundige Kerkrade",
        "GGD Zuid-Limburg",
        Profession.YOUTH_HEALTH_NURSE,
        Register.VVN,
        "12345678",
        Attendance.PRESENT,
        None,
    ),
    (
        "Demo Wijkverpleegkundige Brunssum",
        "Zuyderland",
        Profession.NURSE,
        Register.VVN,
        "87654321",
        Attendance.PARTLY,
        "3",
    ),
    (
        "Demo Kraamverzorgende Landgraaf",
        "Kraamzorg Parkstad (voorbeeld)",
        Profession.MATERNITY_CARER,
        Register.KCKZ,
        "KCKZ-204518",
        Attendance.ABSENT,
        None,
    ),
)


def demo_uuid(key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, key)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


@transaction.atomic
def demo_load(*, organisations: dict, users: dict) -> None:
    """Create the demo training if it is missing. `organisations` is part of the demo
    loaders' shared signature; the training needs the coalition and the users."""
    if Course.objects.filter(uuid=demo_uuid("positive-health")).exists():
        return
    coalition = organisation_selectors.coalition_get(slug=COALITION)
    if coalition is None:
        return
    coordinator = users.get("coordinator.zuidlimburg")
    course = services.course_create(
        coalition=coalition,
        title="Positieve Gezondheid in de eerste 1000 dagen",
        description=(
            "Het gesprek over wat er voor (aanstaande) ouders echt toe doet, met het "
            "spinnenweb van Positieve Gezondheid. Met oefenen in kleine groepen."
        ),
        hours="6",
        target_professions=[
            Profession.MIDWIFE,
            Profession.MATERNITY_CARER,
            Profession.YOUTH_HEALTH_NURSE,
            Profession.NURSE,
            Profession.SOCIAL_WORKER,
        ],
        created_by=coordinator,
        uuid=demo_uuid("positive-health"),
    )
    services.accreditation_set(
        course=course,
        register=Register.VVN,
        status=AccreditationStatus.GRANTED,
        accreditation_id="VVN-DEMO-2026-0417",
        points="6",
    )
    services.accreditation_set(
        course=course,
        register=Register.KNOV,
        status=AccreditationStatus.GRANTED,
        accreditation_id="PE-DEMO-512345",
        points="6",
    )
    services.accreditation_set(
        course=course, register=Register.SKJ, status=AccreditationStatus.APPLIED, points="6"
    )

    today = timezone.localdate(timezone=AMSTERDAM)
    past_day = today - datetime.timedelta(days=14)
    past = services.edition_create(
        course=course,
        starts_at=_at(past_day, 9, 30),
        ends_at=_at(past_day, 16, 30),
        capacity=12,
        place=PLACE,
        uuid=demo_uuid("positive-health-past"),
    )
    social_worker = users.get("wijkwerker.heerlen")
    registrations = []
    if social_worker is not None:
        registrations.append(
            (
                services.registration_create(
                    edition=past,
                    user=social_worker,
                    profession=Profession.SOCIAL_WORKER,
                    register=Register.SKJ,
                    register_number="100012345",
                    created_by=social_worker,
                ),
                Attendance.PRESENT,
                None,
            )
        )
    for name, organisation, profession, register, number, attendance, hours in PAST_PARTICIPANTS:
        registration = services.registration_create(
            edition=past,
            name=name,
            organisation_name=organisation,
            profession=profession,
            register=register,
            register_number=number,
            created_by=coordinator,
        )
        registrations.append((registration, attendance, hours))
    for registration, attendance, hours in registrations:
        services.attendance_record(
            registration=registration, attendance=attendance, hours_attended=hours
        )
    services.edition_update(
        edition=past, expected_version=past.lock_version, status=EditionStatus.CLOSED
    )

    next_day = today + datetime.timedelta(days=37)
    upcoming = services.edition_create(
        course=course,
        starts_at=_at(next_day, 9, 30),
        ends_at=_at(next_day, 16, 30),
        capacity=16,
        place=PLACE,
        public=True,
        uuid=demo_uuid("positive-health-next"),
    )
    services.registration_create(
        edition=upcoming,
        name="Demo Verloskundige Sittard",
        organisation_name="Verloskundigen Heerlen",
        profession=Profession.MIDWIFE,
        register=Register.KNOV,
        register_number="49087654302",
        created_by=coordinator,
    )
