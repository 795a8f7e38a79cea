"""Background work for volunteers, run by the django-tasks database worker (`kansrijk db_worker`).

Every morning the coordinators of a volunteer organisation get one e-mail about the check-ins
and reviews they missed: `kansrijk volunteers remind-check-ins --daily` queues the first run
for 07:00, and each run queues the next one. Without `--daily` it reminds now, in this process.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from kansrijk.core import scheduling
from kansrijk.volunteers import services

DAILY_AT = datetime.time(7, 0)


@task()
def remind_missed_check_ins(reschedule: bool = False) -> int:
    """E-mail the coordinators about missed check-ins; returns the number of e-mails. With
    `reschedule`, queue tomorrow's run (a daily schedule without cron)."""
    sent = services.check_ins_remind_missed(today=timezone.localdate())
    if reschedule:
        schedule_daily_reminder()
    return sent


def next_daily_run(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next run at DAILY_AT in the installation's time zone."""
    return scheduling.next_daily_run(DAILY_AT, now)


def schedule_daily_reminder(*, now: datetime.datetime | None = None, after_run: bool = False):
    """Queue the morning reminder unless one is already waiting; the queued result, or None."""
    return scheduling.schedule_daily(remind_missed_check_ins, at=DAILY_AT, now=now, reschedule=True)
