"""Fixtures for the training tests: a course of the Zaanstad test `coalition` with an
upcoming edition of 10 places, and one that started yesterday (attendance can be recorded)."""

import pytest

from kansrijk.trainings.tests.factories import make_course, make_edition


@pytest.fixture
def course(coalition):
    return make_course(coalition=coalition)


@pytest.fixture
def edition(course):
    return make_edition(course=course)


@pytest.fixture
def past_edition(course):
    return make_edition(course=course, days_from_now=-1)
