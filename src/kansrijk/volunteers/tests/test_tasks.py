"""The morning reminder of missed check-ins runs in the background worker without cron."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kansrijk.volunteers.tasks import remind_missed_check_ins, schedule_daily_reminder

pytestmark = pytest.mark.django_db


def _waiting():
    return DBTaskResult.objects.filter(task_path=remind_missed_check_ins.module_path)


def test_scheduling_twice_queues_one_morning_reminder():
    out = StringIO()
    call_command("volunteers", "remind-check-ins", "--daily", stdout=out)
    assert "De ochtendherinnering staat ingepland." in out.getvalue()
    assert schedule_daily_reminder() is None
    (queued,) = _waiting()
    assert timezone.localtime(queued.run_after).time() == datetime.time(7, 0)


def test_a_reminder_run_queues_the_next_one():
    assert remind_missed_check_ins.call(reschedule=True) == 0
    assert _waiting().count() == 1


def test_the_command_reminds_now():
    out = StringIO()
    call_command("volunteers", "remind-check-ins", stdout=out)
    assert "0 herinneringen verstuurd." in out.getvalue()
