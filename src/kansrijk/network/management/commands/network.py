"""`kansrijk network remind [--enqueue | --daily]` and `kansrijk network send-invitations`.

kansrijk network remind            # remind the invitees of tomorrow's meetings now
kansrijk network remind --enqueue  # leave one run to the worker (kansrijk db_worker)
kansrijk network remind --daily    # start the daily run in the worker (07:00)
kansrijk network send-invitations  # send invitation e-mails that did not go out

Each invitation is reminded once, so running it more often does no harm.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.network import services
from kansrijk.network.tasks import network_meetings_remind, schedule_daily_reminder


class Command(BaseCommand):
    help = "Remind invitees of tomorrow's meetings; send invitation e-mails that did not go out."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        remind = actions.add_parser(
            "remind",
            help="E-mail everyone invited to a meeting tomorrow who did not say no (once).",
        )
        mode = remind.add_mutually_exclusive_group()
        mode.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand one run to the background worker instead of doing it now.",
        )
        mode.add_argument(
            "--daily",
            action="store_true",
            help="Start the daily run in the background worker (07:00; each run queues the next).",
        )
        actions.add_parser(
            "send-invitations",
            help="Send the invitation e-mails to upcoming meetings that did not go out.",
        )

    def handle(self, *args, action: str, enqueue: bool = False, daily: bool = False, **options):
        if action == "send-invitations":
            count = services.invitations_send_unsent()
            self.stdout.write(
                ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", count)
                % {"count": count}
            )
            return
        if daily:
            result = schedule_daily_reminder()
            if result is None:
                self.stdout.write(_("The daily run is already scheduled."))
            else:
                when = timezone.localtime(result.task.run_after).strftime("%Y-%m-%d %H:%M")
                self.stdout.write(_("Daily run scheduled, first at %(when)s.") % {"when": when})
            return
        if enqueue:
            result = network_meetings_remind.enqueue()
            self.stdout.write(_("Enqueued task %(id)s.") % {"id": result.id})
            return
        count = services.meetings_remind()
        self.stdout.write(
            ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", count)
            % {"count": count}
        )
