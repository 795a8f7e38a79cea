"""Courses and editions for the training tests; times relative to now."""

from __future__ import annotations

import datetime

from django.utils import timezone

from kansrijk.trainings import services
from kansrijk.trainings.constants import AccreditationStatus, Register


def make_course(*, coalition, title: str = "Positieve Gezondheid", hours: str = "6"):
    return services.course_create(coalition=coalition, title=title, hours=hours)


def make_edition(*, course, capacity: int = 10, days_from_now: float = 14, **kwargs):
    starts_at = (timezone.now() + datetime.timedelta(days=days_from_now)).replace(microsecond=0)
    return services.edition_create(
        course=course,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=7),
        capacity=capacity,
        place="Opleidingscentrum (test), Heerlen",
        **kwargs,
    )


def accredit(course, register: str = Register.KNOV, points: str = "6", edition=None):
    return services.accreditation_set(
        course=course,
        register=register,
        status=AccreditationStatus.GRANTED,
        accreditation_id=f"{register.upper()}-TEST-1",
        points=points,
        edition=edition,
    )
