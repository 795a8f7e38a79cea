"""Background work on django-tasks (database worker: `kansrijk db_worker`).

- A request for help that could not be forwarded is tried again an hour later (each failure
  queues one retry), and every night.
- Every night, requests that never became a referral and are older than the retention period
  are emptied (a forwarded one goes with its client's retention).
"""

import datetime

from django.utils import timezone
from django_tasks import task

from kansrijk.core import scheduling
from kansrijk.portal import services

DAILY_AT = datetime.time(3, 30)


@task()
def help_requests_retry() -> int:
    return services.help_requests_forward_waiting()


@task()
def help_requests_daily(reschedule: bool = False) -> int:
    forwarded = services.help_requests_forward_waiting()
    services.help_requests_expire()
    if reschedule:
        schedule_daily()
    return forwarded


def schedule_retry(*, now: datetime.datetime | None = None) -> None:
    """Queue a retry in an hour."""
    now = now or timezone.now()
    help_requests_retry.using(run_after=now + datetime.timedelta(hours=1)).enqueue()


def schedule_daily(*, now: datetime.datetime | None = None):
    """Queue the nightly run unless one is already waiting."""
    return scheduling.schedule_daily(help_requests_daily, at=DAILY_AT, now=now, reschedule=True)
