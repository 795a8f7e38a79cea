"""kansrijk indicators refresh [--daily] | import-opendata FILE [--source S]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kansrijk.indicators import services


class Command(BaseCommand):
    help = "Monitoring: rebuild the extract and aggregate, or import an open-data CSV."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        refresh = commands.add_parser("refresh", help="rebuild the extract and the aggregate")
        refresh.add_argument("--daily", action="store_true", help="also queue the nightly refresh")
        load = commands.add_parser("import-opendata", help="import an open-data CSV")
        load.add_argument("file", type=Path)
        load.add_argument("--source", default="", help="where the figures come from")

    def handle(self, *args, command: str, **options):
        if command == "refresh":
            written = services.facts_refresh()
            refresh = services.aggregate_refresh()
            facts = ", ".join(f"{kind}: {count}" for kind, count in written.items())
            self.stdout.write(
                f"Extract: {facts}. Aggregate: {refresh.rows} rows from {refresh.facts} facts "
                f"in {refresh.seconds:.1f} s."
            )
            if options["daily"]:
                from kansrijk.indicators.tasks import schedule_daily_refresh

                schedule_daily_refresh()
                self.stdout.write("The nightly refresh is queued (run `kansrijk db_worker`).")
            return
        from kansrijk.indicators.opendata import OpenDataError, opendata_import

        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = opendata_import(
                file=path.read_bytes(), filename=path.name, source=options["source"]
            )
        except OpenDataError as error:
            lines = "\n".join(f"  {row}" for row in error.errors)
            raise CommandError(
                f"{path.name} is refused; nothing was imported. Bad rows:\n{lines}"
            ) from None
        self.stdout.write(f"Imported {result.rows} values from {path.name}.")
