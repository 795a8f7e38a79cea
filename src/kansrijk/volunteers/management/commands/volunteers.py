"""`kansrijk volunteers remind-check-ins [--daily]`.

kansrijk volunteers remind-check-ins          # e-mail coordinators about missed check-ins now
kansrijk volunteers remind-check-ins --daily  # queue the daily 07:00 run for `kansrijk db_worker`
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.volunteers import services, tasks


class Command(BaseCommand):
    help = "Remind the coordinators of volunteer organisations of missed check-ins and reviews."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        remind = actions.add_parser(
            "remind-check-ins", help="E-mail each coordinator how many check-ins were missed."
        )
        remind.add_argument(
            "--daily",
            action="store_true",
            help="Queue a run every morning at 07:00 for `kansrijk db_worker` instead.",
        )

    def handle(self, *args, action: str, daily: bool = False, **options):
        if daily:
            queued = tasks.schedule_daily_reminder()
            self.stdout.write(
                _("The morning reminder is queued.")
                if queued is not None
                else _("The morning reminder was queued already.")
            )
            return
        sent = services.check_ins_remind_missed()
        self.stdout.write(
            ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", sent)
            % {"count": sent}
        )
