"""`kansrijk hsds export|import|openapi`: the sociale kaart as HSDS 3.0 data, and the API's
OpenAPI document.

kansrijk hsds export DIR [--organisation UUID] [--progress]
kansrijk hsds import PATH [--progress]        # CSV + datapackage.json, or JSON service objects
kansrijk hsds openapi --check FILE | --write FILE
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.core.openapi import openapi_write_or_check
from kansrijk.directory.hsds_api_check import hsds_api_check
from kansrijk.directory.hsds_io import HSDSImportError, ProgressLine, hsds_export, hsds_import
from kansrijk.organisations import selectors as organisation_selectors

# Lines of difference shown when the OpenAPI document drifted.


class _Unended:
    """The command's stderr without the newline Django adds to every write: the progress line
    rewrites itself."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")

    def flush(self) -> None:
        self.wrapper.flush()

    def isatty(self) -> bool:
        return self.wrapper.isatty()


class Command(BaseCommand):
    help = "Export or import the sociale kaart as HSDS 3.0 data; check the HSDS OpenAPI file."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser(
            "export",
            help="Write one CSV file per HSDS table and datapackage.json to DIR.",
        )
        export.add_argument("directory", type=Path, metavar="DIR")
        export.add_argument(
            "--organisation",
            metavar="UUID",
            help="Include the confidential addresses this partner organisation manages.",
        )
        export.add_argument("--progress", action="store_true", help="Show progress on stderr.")
        imports = actions.add_parser(
            "import",
            help="Import a directory with datapackage.json and CSV files, or a JSON file (or "
            "directory of them) with HSDS service objects. Nothing is written when anything "
            "is wrong.",
        )
        imports.add_argument("path", type=Path, metavar="PATH")
        imports.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr (shown anyway on a terminal).",
        )
        openapi = actions.add_parser(
            "openapi", help="Compare or write the HSDS API's OpenAPI document."
        )
        mode = openapi.add_mutually_exclusive_group(required=True)
        mode.add_argument("--check", type=Path, metavar="FILE", help="Fail when FILE differs.")
        mode.add_argument("--write", type=Path, metavar="FILE", help="Write the document to FILE.")
        check = actions.add_parser(
            "check-api",
            help="Validate a running server's HSDS API output against HSDS's JSON schemas.",
        )
        check.add_argument("url", metavar="URL", help="e.g. http://127.0.0.1:8765/api/hsds/")
        check.add_argument("--search", default="", help="Also a search, e.g. --search schulden.")

    def handle(self, *args, action, **options):
        if action == "export":
            self._export(options["directory"], options["organisation"], options["progress"])
        elif action == "import":
            self._import(options["path"], options["progress"])
        elif action == "check-api":
            self._check_api(options["url"], options["search"])
        else:
            self._openapi(check=options["check"], write=options["write"])

    def _check_api(self, url: str, search: str) -> None:
        failures = 0
        for checked in hsds_api_check(base_url=url, search=search):
            failures += bool(checked.errors)
            mark = _("wrong") if checked.errors else _("valid")
            self.stdout.write(f"{mark:>6}  {checked.objects:4d}  {checked.url}")
            for error in checked.errors[:20]:
                self.stdout.write(f"        {error}")
        if failures:
            raise CommandError(
                ngettext(
                    "%(count)d response does not follow HSDS 3.0.",
                    "%(count)d responses do not follow HSDS 3.0.",
                    failures,
                )
                % {"count": failures}
            )
        self.stdout.write(self.style.SUCCESS(_("Every response follows HSDS 3.0.")))

    def _progress(self, wanted: bool) -> ProgressLine | None:
        if wanted or self.stderr.isatty():
            return ProgressLine(_Unended(self.stderr))
        return None

    # -- export -------------------------------------------------------------------------------

    def _export(self, directory: Path, organisation: str | None, progress: bool) -> None:
        organisation_id = None
        if organisation:
            found = organisation_selectors.organisation_get(uuid=organisation)
            if found is None:
                raise CommandError(
                    _("There is no partner organisation with UUID %(uuid)s.")
                    % {"uuid": organisation}
                )
            organisation_id = found.pk
        if directory.exists() and not directory.is_dir():
            raise CommandError(_("%(path)s is not a directory.") % {"path": directory})
        line = self._progress(progress)
        try:
            counts = hsds_export(
                directory=directory, organisation_id=organisation_id, progress=line
            )
        except OSError as error:
            raise CommandError(
                _("Cannot write to %(path)s: %(error)s") % {"path": directory, "error": error}
            ) from error
        finally:
            if line is not None:
                line.close()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(
            _("Exported %(rows)d rows to %(path)s.")
            % {"rows": sum(counts.values()), "path": directory}
        )

    # -- import -------------------------------------------------------------------------------

    def _import(self, path: Path, progress: bool) -> None:
        line = self._progress(progress)
        try:
            report = hsds_import(path=path, progress=line)
        except HSDSImportError as error:
            if line is not None:
                line.close()
            for problem in error.errors:
                self.stderr.write(str(problem))
            if error.total > len(error.errors):
                self.stderr.write(
                    _("... and %(count)d more problems.")
                    % {"count": error.total - len(error.errors)}
                )
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)d problem found.",
                    "Nothing was imported: %(count)d problems found.",
                    error.total,
                )
                % {"count": error.total}
            ) from error
        if line is not None:
            line.close()
        for warning in report.warnings:
            self.stderr.write(_("Warning: %(warning)s") % {"warning": warning})
        for table, count in report.counts.items():
            self.stdout.write(
                _("%(table)s: %(created)d new, %(updated)d changed, %(unchanged)d unchanged.")
                % {
                    "table": table,
                    "created": count.created,
                    "updated": count.updated,
                    "unchanged": count.unchanged,
                }
            )

    # -- openapi ------------------------------------------------------------------------------

    def _openapi(self, *, check: Path | None, write: Path | None) -> None:
        from kansrijk.directory.api import openapi_document

        openapi_write_or_check(
            document=openapi_document(),
            command="kansrijk hsds openapi",
            check=check,
            write=write,
            stdout=self.stdout,
            stderr=self.stderr,
        )
