"""`kansrijk clients pseudonymise-expired [--enqueue]`: retention of client data.

Clients without activity for KANSRIJK_RETENTION_DAYS are pseudonymised: name and contact
details deleted, dates coarsened to the month, active consents ended. Without --enqueue the
command does it now; with --enqueue it hands the work to the background worker (schedule it
daily, e.g. with cron or a systemd timer).
"""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from kansrijk.clients import services
from kansrijk.clients.tasks import pseudonymise_expired_clients


class Command(BaseCommand):
    help = "Retention of client data."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        expire = actions.add_parser(
            "pseudonymise-expired",
            help="Pseudonymise clients whose retention period (KANSRIJK_RETENTION_DAYS since "
            "the last activity) has passed.",
        )
        expire.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the work to the background worker instead of doing it now.",
        )

    def handle(self, *args, action: str, enqueue: bool = False, **options):
        if enqueue:
            result = pseudonymise_expired_clients.enqueue()
            self.stdout.write(f"Enqueued task {result.id}.")
            return
        count = services.clients_pseudonymise_expired()
        self.stdout.write(
            ngettext("Pseudonymised %(count)d client.", "Pseudonymised %(count)d clients.", count)
            % {"count": count}
        )
