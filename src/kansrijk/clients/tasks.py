"""Background work for clients, run by the django-tasks database worker
(`kansrijk db_worker`). Enqueue with `kansrijk clients pseudonymise-expired --enqueue`, e.g.
from cron once a day."""

from django_tasks import task

from kansrijk.clients import services


@task()
def pseudonymise_expired_clients() -> int:
    """Pseudonymise the clients whose retention period has passed; returns how many."""
    return services.clients_pseudonymise_expired()
