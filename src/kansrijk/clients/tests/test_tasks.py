"""Retention runs every night in the background worker without cron: each run queues the next."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from kansrijk.clients.tasks import (
    next_daily_run,
    pseudonymise_expired_clients,
    schedule_daily_retention,
)

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _waiting():
    return DBTaskResult.objects.filter(task_path=pseudonymise_expired_clients.module_path)


def test_the_next_run_is_the_coming_night_at_three():
    evening = datetime.datetime(2026, 11, 23, 22, 0, tzinfo=AMSTERDAM)
    assert next_daily_run(evening) == datetime.datetime(2026, 11, 24, 3, 0, tzinfo=AMSTERDAM)
    early = datetime.datetime(2026, 11, 23, 1, 0, tzinfo=AMSTERDAM)
    assert next_daily_run(early) == datetime.datetime(2026, 11, 23, 3, 0, tzinfo=AMSTERDAM)


def test_scheduling_twice_queues_one_nightly_run():
    out = StringIO()
    call_command("clients", "pseudonymise-expired", "--daily", stdout=out)
    assert "Nachtelijke run ingepland" in out.getvalue()
    assert schedule_daily_retention() is None
    (queued,) = _waiting()
    assert queued.run_after.astimezone(AMSTERDAM).time() == datetime.time(3, 0)
    assert queued.args_kwargs["kwargs"] == {"reschedule": True}


def test_a_nightly_run_queues_the_next_one():
    pseudonymise_expired_clients.call(reschedule=True)
    assert _waiting().count() == 1
