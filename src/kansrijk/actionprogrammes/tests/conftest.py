import datetime

import pytest

from kansrijk.actionprogrammes import services
from kansrijk.indicators.models import Indicator


@pytest.fixture
def programme(coalition):
    return services.programme_create(
        coalition=coalition,
        name="Actieprogramma Zaanstad (test)",
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        baseline_start=datetime.date(2023, 1, 1),
        baseline_end=datetime.date(2023, 12, 31),
    )


@pytest.fixture
def line(programme):
    return services.line_create(programme=programme, number=1, title="Vroegsignalering")


@pytest.fixture
def activity(line, organisation):
    return services.activity_create(
        line=line, title="Screening invoeren", owner_organisation=organisation
    )


@pytest.fixture
def indicator(db):
    return Indicator.objects.get(code="answered-in-time")
