"""Fixtures for the programme tests: a Centering Pregnancy programme and a group in the
Zaanstad `coalition`, planned around a due date 26 weeks from today; `professional` (GGD)
enrols clients."""

import datetime

import pytest
from django.utils import timezone, translation

from kansrijk.programmes.tests.factories import make_centering_pregnancy, make_group


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def centering(db):
    return make_centering_pregnancy()


@pytest.fixture
def due_date():
    return timezone.localdate() + datetime.timedelta(weeks=26)


@pytest.fixture
def group(centering, coalition, due_date):
    return make_group(programme=centering, coalition=coalition, reference_date=due_date)
