"""`kansrijk screening list|import-texts`: the screening instruments and their licensed texts.

kansrijk screening list
kansrijk screening import-texts FILE --instrument epds --language nl    # JSON or CSV
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.screening.i18n import current_language
from kansrijk.screening.selectors import instrument_list, licensed_languages
from kansrijk.screening.services import TextsImportError, instrument_texts_import


class Command(BaseCommand):
    help = "List the screening instruments; import licensed instrument texts."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="Print the instruments with their cut-offs.")
        texts = actions.add_parser(
            "import-texts",
            help="Import the licensed texts of an instrument in one language from a JSON or CSV "
            "file (item, text, option_1, option_2, ...). Nothing is written when anything is "
            "wrong; an earlier import in that language is replaced.",
        )
        texts.add_argument("file", type=Path, metavar="FILE")
        texts.add_argument("--instrument", required=True, help="e.g. epds")
        texts.add_argument("--language", required=True, help="e.g. nl")

    def handle(self, *args, action, **options):
        if action == "list":
            self._list()
        else:
            self._import(options["file"], options["instrument"], options["language"])

    def _list(self) -> None:
        language = current_language()
        for instrument in instrument_list():
            cutoffs = instrument.cutoffs
            kind = _("validated") if instrument.validated else _("conversation aid, not validated")
            self.stdout.write(
                f"{instrument.code:<12} {instrument.name_in(language)} "
                f"(v{instrument.version}, {kind})"
            )
            self.stdout.write(
                "             "
                + ngettext("%(count)d item", "%(count)d items", instrument.item_count)
                % {"count": instrument.item_count}
                + ", "
                + _("total 0-%(max)d") % {"max": instrument.max_total}
                + ", "
                + _("elevated from %(elevated)d") % {"elevated": cutoffs.elevated}
                + (
                    ", " + _("high from %(high)d") % {"high": cutoffs.high}
                    if cutoffs.high is not None
                    else ""
                )
            )
            texts = ", ".join(licensed_languages(instrument.code)) or "-"
            if instrument.texts_shipped:
                shipped = _("texts shipped")
            else:
                shipped = _("neutral labels")
            self.stdout.write(
                "             "
                + _("%(shipped)s; licensed texts imported: %(languages)s")
                % {"shipped": shipped, "languages": texts}
            )

    def _import(self, path: Path, instrument: str, language: str) -> None:
        try:
            count = instrument_texts_import(instrument=instrument, language=language, path=path)
        except TextsImportError as error:
            for problem in error.errors:
                self.stderr.write(problem)
            raise CommandError(
                ngettext(
                    "No texts were imported: %(count)d problem found.",
                    "No texts were imported: %(count)d problems found.",
                    len(error.errors),
                )
                % {"count": len(error.errors)}
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Imported the texts of %(count)d item (%(instrument)s, %(language)s).",
                    "Imported the texts of %(count)d items (%(instrument)s, %(language)s).",
                    count,
                )
                % {"count": count, "instrument": instrument, "language": language}
            )
        )
