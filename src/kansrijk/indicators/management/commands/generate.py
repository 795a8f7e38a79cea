"""`kansrijk generate`: synthetic national monitoring data for the dashboard and the benchmark.

kansrijk generate                  # all municipalities, 170,000 births a year, 5 years
kansrijk generate --births-per-year 2000 --years 2 --municipality GM0479 GM0917
kansrijk generate --seed 7 --last-year 2024 --quiet

See `kansrijk.indicators.synthetic` for what is written. Running it again replaces the synthetic
data of the municipalities generated.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kansrijk.indicators import synthetic

BAR_WIDTH = 30


class ProgressBar:
    """`[#####.....] 123/342 gemeenten` on stderr: redrawn in place on a terminal, one line per
    tenth otherwise (a log file or a pipe)."""

    def __init__(self, stream, label: str) -> None:
        self.stream = stream  # the command's OutputWrapper
        self.label = label
        self.tty = stream.isatty()
        self.tenth = -1

    def _write(self, text: str) -> None:
        self.stream.write(text, style_func=lambda plain: plain, ending="")
        self.stream.flush()

    def __call__(self, done: int, total: int) -> None:
        total = max(total, 1)
        filled = BAR_WIDTH * done // total
        line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} {self.label}"
        if self.tty:
            self._write("\r" + line + ("\n" if done >= total else ""))
            return
        tenth = 10 * done // total
        if tenth > self.tenth:
            self.tenth = tenth
            self._write(line + "\n")


def _non_negative(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("%(value)s is not a whole number.") % {"value": value}
        ) from None
    if number < 0:
        raise argparse.ArgumentTypeError(_("%(value)s is negative.") % {"value": value})
    return number


class Command(BaseCommand):
    help = (
        "Write synthetic monitoring data (screenings, referrals, cases, group participation "
        "and outcome indicators) for all or some municipalities, replacing earlier synthetic "
        "data of those municipalities."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--births-per-year",
            type=_non_negative,
            default=170_000,
            help="Births a year over all municipalities generated (170000).",
        )
        parser.add_argument("--years", type=_non_negative, default=5, help="Years (5).")
        parser.add_argument(
            "--last-year", type=_non_negative, help="The last year (default: last year)."
        )
        parser.add_argument("--seed", type=int, default=1000, help="Random seed (1000).")
        parser.add_argument(
            "--municipality",
            nargs="+",
            metavar="GM0479",
            help="Only these municipalities (CBS codes); default all.",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        from kansrijk.regions.models import Municipality
        from kansrijk.regions.services import municipalities_import, neighbourhoods_import

        if options["years"] < 1:
            raise CommandError(_("Generate at least one year."))
        # As `kansrijk demo` does: a fresh installation works without a separate migrate.
        call_command("migrate", interactive=False, verbosity=0)
        if not Municipality.objects.exists():
            if not options["quiet"]:
                self.stderr.write(_("Loading the regions first ..."))
            municipalities_import()
            neighbourhoods_import()
        progress = None
        if not options["quiet"]:
            progress = ProgressBar(self.stderr, _("municipalities"))
        try:
            result = synthetic.generate(
                births_per_year=options["births_per_year"],
                years=options["years"],
                last_year=options["last_year"],
                seed=options["seed"],
                municipality_codes=options["municipality"],
                progress=progress,
            )
        except synthetic.GenerateError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Synthetic data for %(municipalities)d municipalities, %(first)s to %(last)s: "
                "%(births)d births, %(screenings)d screenings, %(referrals)d referrals, "
                "%(cases)d cases discussed, %(participations)d group participants, "
                "%(values)d open-data values (%(seconds).1f s, of which the aggregate "
                "%(aggregate).1f s)."
            )
            % {
                "municipalities": result.municipalities,
                "first": result.first_day.isoformat(),
                "last": result.last_day.isoformat(),
                "births": result.births,
                "screenings": result.screenings,
                "referrals": result.referrals,
                "cases": result.cases,
                "participations": result.participations,
                "values": result.open_data_values,
                "seconds": result.seconds,
                "aggregate": result.aggregate_seconds,
            }
        )
