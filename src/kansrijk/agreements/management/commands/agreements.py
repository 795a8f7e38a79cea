"""`kansrijk agreements remind-evaluation [--enqueue | --daily]`.

kansrijk agreements remind-evaluation           # remind now, in this process
kansrijk agreements remind-evaluation --enqueue # leave one run to the worker (kansrijk db_worker)
kansrijk agreements remind-evaluation --daily   # start the daily run in the worker (07:00)

Each version due for evaluation is reminded once, so running it more often does no harm.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.agreements import services
from kansrijk.agreements.tasks import agreements_remind_evaluation, schedule_daily_reminder


class Command(BaseCommand):
    help = "Remind coordinators of agreements due for evaluation."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        remind = actions.add_parser(
            "remind-evaluation",
            help="E-mail the coordinators of every adopted agreement whose evaluation date is "
            "within 30 days (once per version).",
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

    def handle(self, *args, action: str, enqueue: bool = False, daily: bool = False, **options):
        if daily:
            result = schedule_daily_reminder()
            if result is None:
                self.stdout.write(_("The daily run is already scheduled."))
            else:
                when = timezone.localtime(result.task.run_after).strftime("%Y-%m-%d %H:%M")
                self.stdout.write(_("Daily run scheduled, first at %(when)s.") % {"when": when})
            return
        if enqueue:
            result = agreements_remind_evaluation.enqueue()
            self.stdout.write(_("Enqueued task %(id)s.") % {"id": result.id})
            return
        count = services.agreements_remind_evaluation()
        self.stdout.write(
            ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", count)
            % {"count": count}
        )
