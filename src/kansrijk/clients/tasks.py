"""Background work for clients, run by the django-tasks database worker (`kansrijk db_worker`).

Retention runs every night: `kansrijk clients pseudonymise-expired --daily` (also done by the
demo) queues the first run for 03:00, and each run queues the next one. `--enqueue` queues a
single run now, e.g. from cron.
"""

import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus, task

from kansrijk.clients import services

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
    """The next 03:00 in the installation's time zone."""
    local = timezone.localtime(now or timezone.now())
    at = local.replace(hour=DAILY_AT.hour, minute=DAILY_AT.minute, second=0, microsecond=0)
    return at if at > local else at + datetime.timedelta(days=1)


def schedule_daily_retention(*, now: datetime.datetime | None = None, after_run: bool = False):
    """Queue the nightly retention run unless one is already waiting; the queued result, or
    None when there was one."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=pseudonymise_expired_clients.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return None
    return pseudonymise_expired_clients.using(run_after=next_daily_run(now)).enqueue(
        reschedule=True
    )
