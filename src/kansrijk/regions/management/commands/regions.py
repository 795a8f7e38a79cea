"""`kansrijk regions load|import-cbs|import-gebieden`: load and update the region hierarchy.

kansrijk regions load [--municipalities GM0479,GM0917]
kansrijk regions import-cbs FILE [--names FILE]
kansrijk regions import-gebieden FILE
kansrijk regions import-postcodes FILE
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.regions import services


class Command(BaseCommand):
    help = "Load the Dutch regions from ../shared/data, or import a CBS table (CSV)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser(
            "load",
            help="All municipalities with province, GGD and safety region, and the CBS "
            "districts and neighbourhoods from SHARED_DIR/data.",
        )
        load.add_argument(
            "--municipalities",
            metavar="CODE,...",
            help="Load districts and neighbourhoods of these municipalities only (GM codes).",
        )
        cbs = actions.add_parser(
            "import-cbs",
            help="CBS district and neighbourhood table: neighbourhoods.csv or a StatLine CSV "
            "of 'Kerncijfers wijken en buurten' (85984NED and later).",
        )
        cbs.add_argument("file", type=Path)
        cbs.add_argument(
            "--names",
            type=Path,
            metavar="FILE",
            help="CBS's list of area names (Key, Title), for a StatLine CSV that has codes only.",
        )
        gebieden = actions.add_parser(
            "import-gebieden",
            help="CBS 'Gebieden in Nederland' (85755NED and later) as CSV, or a CSV with "
            "gm_code, gm_naam, provincie, ggd_code, ggd_naam, vr_code, vr_naam.",
        )
        gebieden.add_argument("file", type=Path)
        postcodes = actions.add_parser(
            "import-postcodes",
            help="CBS 'Buurt, wijk en gemeente voor postcode huisnummer' (PC6;Huisnummer;"
            "Buurt...) or a CSV with a postcode and a buurt code: replaces the table of 4-digit "
            "postcodes and their neighbourhood (help nearby on the parent site).",
        )
        postcodes.add_argument("file", type=Path)

    def handle(self, *args, action, **options):
        try:
            if action == "load":
                self._load(options["municipalities"])
            elif action == "import-cbs":
                names = None
                if options["names"]:
                    names = services.cbs_area_names_read(path=options["names"])
                self._areas_report(
                    services.neighbourhoods_import(path=options["file"], names=names)
                )
            elif action == "import-postcodes":
                result = services.postcodes_import(path=options["file"])
                self.stdout.write(
                    _(
                        "Postcodes: %(postcodes)d with their neighbourhood; %(not_loaded)d "
                        "left out because their neighbourhood is not loaded."
                    )
                    % vars(result)
                )
            else:
                self._hierarchy_report(services.municipalities_import(path=options["file"]))
        except services.RegionImportError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            count = len(error.problems)
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)d problem found.",
                    "Nothing was imported: %(count)d problems found.",
                    count,
                )
                % {"count": count}
            ) from error

    def _load(self, codes: str | None) -> None:
        wanted = None
        if codes:
            wanted = [code.strip().upper() for code in codes.split(",") if code.strip()]
            unknown = [code for code in wanted if not services.CODE_PATTERNS["GM"].fullmatch(code)]
            if unknown:
                raise CommandError(
                    _("Not a municipality code: %(codes)s.") % {"codes": ", ".join(unknown)}
                )
        hierarchy, areas = services.regions_load(municipality_codes=wanted)
        self._hierarchy_report(hierarchy)
        self._areas_report(areas)

    def _hierarchy_report(self, result: services.HierarchyImportResult) -> None:
        self.stdout.write(
            _("Municipalities: %(added)d added, %(updated)d updated, %(unchanged)d unchanged.")
            % vars(result)
        )
        for old, new in result.provinces_renamed:
            self.stdout.write(
                _("Province renamed: %(old)s is now %(new)s.") % {"old": old, "new": new}
            )
        if result.not_in_file:
            self.stdout.write(
                _("Not in the file, kept as they are: %(codes)s.")
                % {"codes": ", ".join(result.not_in_file)}
            )

    def _areas_report(self, result: services.AreaImportResult) -> None:
        for label, counts in (
            (_("Districts"), result.districts),
            (_("Neighbourhoods"), result.neighbourhoods),
        ):
            self.stdout.write(
                _(
                    "%(label)s: %(added)d added, %(codes_filled)d codes filled, "
                    "%(updated)d updated, %(unchanged)d unchanged."
                )
                % {"label": label, **vars(counts)}
            )
        if result.not_in_file:
            self.stdout.write(
                _("%(count)d areas with a code are not in the file; they are kept as they are.")
                % {"count": result.not_in_file}
            )
        if result.left_without_code:
            self.stdout.write(
                _("Still without a CBS code (check by hand): %(names)s.")
                % {"names": ", ".join(result.left_without_code)}
            )
