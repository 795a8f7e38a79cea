"""`kansrijk referrals alert-overdue [--enqueue]` and `kansrijk referrals openapi`.

kansrijk referrals alert-overdue            # alert overdue referrals now, in this process
kansrijk referrals alert-overdue --enqueue  # leave it to the worker (`kansrijk db_worker`)
kansrijk referrals openapi --check FILE | --write FILE

Run alert-overdue from cron (e.g. every morning); it alerts each referral once, so running it
more often, or in several places at once, does no harm.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.core.openapi import openapi_write_or_check
from kansrijk.referrals import services


class Command(BaseCommand):
    help = "Alert referrals not answered in time; check the referrals API's OpenAPI file."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        alert = actions.add_parser(
            "alert-overdue",
            help="Alert the referrer and the coordinators of every referral not answered in "
            "time (once per referral).",
        )
        alert.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the work in the task queue for `kansrijk db_worker` instead.",
        )
        openapi = actions.add_parser(
            "openapi", help="Compare or write the referrals API's OpenAPI document."
        )
        mode = openapi.add_mutually_exclusive_group(required=True)
        mode.add_argument("--check", type=Path, metavar="FILE", help="Fail when FILE differs.")
        mode.add_argument("--write", type=Path, metavar="FILE", help="Write the document to FILE.")

    def handle(self, *args, action, **options):
        if action == "alert-overdue":
            self._alert(enqueue=options["enqueue"])
        else:
            self._openapi(check=options["check"], write=options["write"])

    def _alert(self, *, enqueue: bool) -> None:
        if enqueue:
            services.referrals_alert_overdue_enqueue()
            self.stdout.write(_("The overdue check is queued for the worker (kansrijk db_worker)."))
            return
        count = services.referrals_alert_overdue()
        self.stdout.write(
            ngettext("%(count)d alert made.", "%(count)d alerts made.", count) % {"count": count}
        )

    def _openapi(self, *, check: Path | None, write: Path | None) -> None:
        from kansrijk.referrals.api import openapi_document

        openapi_write_or_check(
            document=openapi_document(),
            command="kansrijk referrals openapi",
            check=check,
            write=write,
            stdout=self.stdout,
            stderr=self.stderr,
        )
