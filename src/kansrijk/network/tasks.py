"""Background work on django-tasks (database backend): run a worker with `kansrijk db_worker`.

Invitation e-mails go out right after the invitation is saved (enqueued on commit). The meeting
reminder runs every morning: `kansrijk network remind --daily` queues the first run for 07:00
and each run queues the next. Tasks take ids, not objects; the reminder claims each invitation
atomically, so an extra run does no harm.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from kansrijk.core import scheduling
from kansrijk.network import services

DAILY_AT = datetime.time(7, 0)


@task()
def network_invitations_send(invitation_ids: list[int]) -> int:
    """E-mail the invitations (with the .ics); returns how many went out."""
    return services.invitations_send(invitation_ids=invitation_ids)


@task()
def network_meetings_remind(reschedule: bool = False) -> int:
    """Remind the invitees of tomorrow's meetings; with `reschedule`, queue tomorrow's run."""
    sent = services.meetings_remind(now=timezone.now())
    if reschedule:
        schedule_daily_reminder(after_run=True)
    return sent


def next_daily_run(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next run at DAILY_AT in the installation's time zone."""
    return scheduling.next_daily_run(DAILY_AT, now)


def schedule_daily_reminder(*, now: datetime.datetime | None = None, after_run: bool = False):
    """Queue the daily reminder unless one is already waiting; the queued result, or None."""
    return scheduling.schedule_daily(network_meetings_remind, at=DAILY_AT, now=now, reschedule=True)
