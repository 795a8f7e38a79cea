"""`kansrijk clients pseudonymise-expired [--enqueue | --daily]`: retention of client data.

Clients without activity for KANSRIJK_RETENTION_DAYS are pseudonymised: name and contact
details deleted, dates coarsened to the month, active consents ended. Without --enqueue the
command does it now; with --enqueue it hands one run to the background worker; with --daily it
starts the nightly schedule in the worker (each run queues the next; run it once).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.clients import services
from kansrijk.clients.tasks import pseudonymise_expired_clients, schedule_daily_retention


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
        expire.add_argument(
            "--daily",
            action="store_true",
            help="Start the nightly run in the background worker (03:00; each run queues the "
            "next).",
        )

    def handle(self, *args, action: str, enqueue: bool = False, daily: bool = False, **options):
        if daily:
            result = schedule_daily_retention()
            if result is None:
                self.stdout.write(_("The nightly run is already scheduled."))
            else:
                self.stdout.write(
                    _("Nightly run scheduled, first at %(when)s.")
                    % {"when": timezone.localtime(result.task.run_after).strftime("%Y-%m-%d %H:%M")}
                )
            return
        if enqueue:
            result = pseudonymise_expired_clients.enqueue()
            self.stdout.write(_("Enqueued task %(id)s.") % {"id": result.id})
            return
        count = services.clients_pseudonymise_expired()
        self.stdout.write(
            ngettext("Pseudonymised %(count)d client.", "Pseudonymised %(count)d clients.", count)
            % {"count": count}
        )
