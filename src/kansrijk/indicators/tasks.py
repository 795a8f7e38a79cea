"""The nightly refresh of the monitoring extract and aggregate, run by the django-tasks
database worker (`kansrijk db_worker`). `kansrijk indicators refresh --daily` (also done by
the demo) queues the first run for 02:00; each run queues the next."""

import datetime

from django_tasks import task

from kansrijk.core import scheduling
from kansrijk.indicators import services

DAILY_AT = datetime.time(2, 0)


@task()
def indicators_refresh(reschedule: bool = False) -> int:
    refresh = services.monitoring_refresh()
    if reschedule:
        schedule_daily_refresh()
    return refresh.rows


def schedule_daily_refresh(*, now: datetime.datetime | None = None):
    return scheduling.schedule_daily(indicators_refresh, at=DAILY_AT, now=now, reschedule=True)
