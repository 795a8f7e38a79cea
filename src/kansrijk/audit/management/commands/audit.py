"""`kansrijk audit verify`: check the audit log's hash chain.

Exits 0 when every event is intact; otherwise names the first broken sequence number, says why
(altered, missing, reordered, inserted) and exits 1. Reads a batch at a time, so it runs in
bounded memory on millions of events.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.audit.constants import ChainProblem
from kansrijk.audit.selectors import audit_chain_verify

EXPLANATIONS = {
    ChainProblem.ALTERED: lambda: _("its contents do not match its hash"),
    ChainProblem.MISSING: lambda: _("this event is missing"),
    ChainProblem.REORDERED: lambda: _(
        "it does not link to the event before it (events were renumbered or replaced)"
    ),
    ChainProblem.INSERTED: lambda: _("it was added outside the audit log's chain"),
}


class Command(BaseCommand):
    help = "Check the audit log: its hash chain, sequence numbers and links."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        verify = actions.add_parser(
            "verify", help="Recompute every hash; exit 1 at the first broken event."
        )
        verify.add_argument(
            "--batch-size",
            type=int,
            default=2000,
            help="Events read per query (default 2000).",
        )

    def handle(self, *args, action, **options):
        if options["batch_size"] < 1:
            raise CommandError(_("--batch-size must be 1 or more."))
        check = audit_chain_verify(batch_size=options["batch_size"])
        if check.ok:
            self.stdout.write(
                ngettext(
                    "audit chain OK: %(count)d event",
                    "audit chain OK: %(count)d events",
                    check.count,
                )
                % {"count": check.count}
            )
            return
        raise CommandError(
            _("audit chain broken at sequence %(sequence)d: %(problem)s, %(explanation)s")
            % {
                "sequence": check.sequence,
                "problem": check.problem.label,
                "explanation": EXPLANATIONS[check.problem](),
            },
            returncode=1,
        )
