"""Background work on django-tasks (database backend): run a worker with `kansrijk db_worker`.

Tasks take no objects (ids at most) and are enqueued on commit (services.py).
"""

from django.utils import timezone
from django_tasks import task

from kansrijk.referrals import services


@task()
def referrals_alert_overdue() -> int:
    """Alert the senders and coordinators of referrals not answered in time, once each.
    Returns the number of alerts made."""
    return services.referrals_alert_overdue(now=timezone.now())
