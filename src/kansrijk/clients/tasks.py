"""Background work for clients, run by the django-tasks database worker (`kansrijk db_worker`).

Retention runs every night: `kansrijk clients pseudonymise-expired --daily` (also done by the
demo) queues the first run for 03:00, and each run queues the next one. `--enqueue` queues a
single run now, e.g. from cron.
"""

import datetime

from django_tasks import task

from kansrijk.clients import services
from kansrijk.core import scheduling

DAILY_AT = datetime.time(3, 0)


@task()
def pseudonymise_expired_clients(reschedule: bool = False) -> int:
    """Pseudonymise the clients whose retention period has passed; returns how many. With
    `reschedule`, queue tomorrow's run (a daily schedule without cron)."""
    done = services.clients_pseudonymise_expired()
    if reschedule:
        schedule_daily_retention(after_run=True)
    return done


def next_daily_run(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next run at DAILY_AT in the installation's time zone."""
    return scheduling.next_daily_run(DAILY_AT, now)


def schedule_daily_retention(*, now: datetime.datetime | None = None, after_run: bool = False):
    """Queue the nightly retention run unless one is already waiting; the queued result, or None."""
    return scheduling.schedule_daily(
        pseudonymise_expired_clients, at=DAILY_AT, now=now, reschedule=True
    )
