"""`kansrijk actions remind-overdue [--daily]`.

kansrijk actions remind-overdue          # e-mail the owners of overdue agreements now
kansrijk actions remind-overdue --daily  # queue the daily 07:00 run for `kansrijk db_worker`
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.actions import services, tasks


class Command(BaseCommand):
    help = "Remind the owners of agreements that passed their due date."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        remind = actions.add_parser(
            "remind-overdue", help="E-mail each owner once about an overdue agreement."
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
        sent = services.action_items_remind_overdue()
        self.stdout.write(
            ngettext("%(count)d reminder sent.", "%(count)d reminders sent.", sent)
            % {"count": sent}
        )
