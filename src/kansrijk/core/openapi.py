"""Committed OpenAPI documents: write one, or check that the committed one is current (CI fails
on drift, as open-zaak's oas workflow does). Used by `kansrijk hsds openapi` and
`kansrijk referrals openapi`."""

import difflib
import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

DIFF_LINES = 40


def openapi_text(document: dict) -> str:
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def openapi_write_or_check(
    *, document: dict, command: str, check: Path | None, write: Path | None, stdout, stderr
) -> None:
    """Write the document to `write`, or compare it with the committed file `check`: show the
    first lines of the difference and raise CommandError when it drifted. `command` is how to
    regenerate it ("kansrijk hsds openapi")."""
    text = openapi_text(document)
    if write is not None:
        write.parent.mkdir(parents=True, exist_ok=True)
        write.write_text(text, encoding="utf-8")
        stdout.write(_("Wrote %(path)s.") % {"path": write})
        return
    if not check.is_file():
        raise CommandError(
            _("%(path)s does not exist. Write it with: %(command)s --write %(path)s")
            % {"path": check, "command": command}
        )
    committed = check.read_text(encoding="utf-8")
    if committed != text:
        diff = list(
            difflib.unified_diff(
                committed.splitlines(),
                text.splitlines(),
                fromfile=str(check),
                tofile="openapi_document()",
                lineterm="",
            )
        )
        for line in diff[:DIFF_LINES]:
            stderr.write(line)
        if len(diff) > DIFF_LINES:
            stderr.write("...")
        raise CommandError(
            _(
                "%(path)s is out of date: the API changed. Update it with: %(command)s "
                "--write %(path)s (make oas), and commit it."
            )
            % {"path": check, "command": command}
        )
    stdout.write(_("%(path)s is up to date.") % {"path": check})
