"""Background work for agreements, run by the django-tasks database worker (`kansrijk db_worker`).

The evaluation reminder runs every morning: `kansrijk agreements remind-evaluation --daily`
(also done by the demo, once wired) queues the first run for 07:00 and each run queues the
next. Tasks take no objects; the reminder claims each version atomically, so an extra run
does no harm.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from kansrijk.agreements import services
from kansrijk.core import scheduling

DAILY_AT = datetime.time(7, 0)


@task()
def agreements_remind_evaluation(reschedule: bool = False) -> int:
    """E-mail the coordinators of agreements due for evaluation (once per version); returns
    how many e-mails. With `reschedule`, queue tomorrow's run."""
    sent = services.agreements_remind_evaluation(now=timezone.now())
    if reschedule:
        schedule_daily_reminder(after_run=True)
    return sent


def next_daily_run(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next run at DAILY_AT in the installation's time zone."""
    return scheduling.next_daily_run(DAILY_AT, now)


def schedule_daily_reminder(*, now: datetime.datetime | None = None, after_run: bool = False):
    """Queue the daily reminder unless one is already waiting; the queued result, or None."""
    return scheduling.schedule_daily(
        agreements_remind_evaluation, at=DAILY_AT, now=now, reschedule=True
    )
