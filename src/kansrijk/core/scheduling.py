"""A daily schedule without cron: a django-tasks task that, when it runs, queues its next run.

`schedule_daily(task, at=...)` queues the next run at that local time unless one is already
waiting; each app's daily task calls it again at its end. The database worker
(`kansrijk db_worker`) runs what is due.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django_tasks import TaskResultStatus


def next_daily_run(at: datetime.time, now: datetime.datetime | None = None) -> datetime.datetime:
    """The next `at` (e.g. 07:00) in the installation's time zone."""
    local = timezone.localtime(now or timezone.now())
    run = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return run if run > local else run + datetime.timedelta(days=1)


def schedule_daily(
    task: Any, *, at: datetime.time, now: datetime.datetime | None = None, **kwargs: Any
):
    """Queue `task` for the next `at` unless a run is already waiting; the queued result, or
    None when there was one."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)
    if waiting.exists():
        return None
    return task.using(run_after=next_daily_run(at, now)).enqueue(**kwargs)
