"""A simple progress line for long imports and exports, on a terminal or in a log."""

import time
from typing import TextIO

from django.utils.translation import gettext as _


class ProgressLine:
    """Call it with (stage, label, done, total). On a terminal one line is rewritten in place
    (at most ten times a second); elsewhere (a log file) a line is written when a table is done
    and every `interval` seconds while one is busy."""

    def __init__(self, stream: TextIO, *, interactive: bool | None = None, interval: float = 5.0):
        self.stream = stream
        self.interactive = stream.isatty() if interactive is None else interactive
        self.interval = 0.1 if self.interactive else interval
        self._last = 0.0
        self._open_line = False

    def _text(self, stage: str, label: str, done: int, total: int | None) -> str:
        if stage == "check":
            return _("Checking %(table)s: %(done)d rows") % {"table": label, "done": done}
        if stage == "export":
            return _("Exporting %(table)s: %(done)d rows") % {"table": label, "done": done}
        return _("Writing %(table)s: %(done)d of %(total)d rows") % {
            "table": label,
            "done": done,
            "total": total or done,
        }

    def __call__(self, *, stage: str, label: str, done: int, total: int | None) -> None:
        finished = total is not None and done >= total
        now = time.monotonic()
        if not finished and now - self._last < self.interval:
            return
        self._last = now
        text = self._text(stage, label, done, total)
        if self.interactive:
            self.stream.write(f"\r\x1b[K{text}")
            self._open_line = not finished
            if finished:
                self.stream.write("\n")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._open_line:
            self.stream.write("\n")
            self.stream.flush()
            self._open_line = False
