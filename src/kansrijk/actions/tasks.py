"""Background work for agreements, run by the django-tasks database worker (`kansrijk db_worker`).

Every morning each owner of an agreement that passed its due date gets one e-mail:
`kansrijk actions remind-overdue --daily` (also done by the demo) queues the first run for
07:00, and each run queues the next one.
"""

import datetime

from django_tasks import task

from kansrijk.actions import services
from kansrijk.core import scheduling

DAILY_AT = datetime.time(7, 0)


@task()
def actions_remind_overdue(reschedule: bool = False) -> int:
    """E-mail the owners of newly overdue agreements; with `reschedule`, queue tomorrow's."""
    sent = services.action_items_remind_overdue()
    if reschedule:
        schedule_daily_reminder()
    return sent


def schedule_daily_reminder(*, now: datetime.datetime | None = None):
    """Queue the morning reminder unless one is already waiting; the queued result, or None."""
    return scheduling.schedule_daily(actions_remind_overdue, at=DAILY_AT, now=now, reschedule=True)
