"""The `kansrijk` console command: Django's management commands with our settings.

`kansrijk demo --port 8765`, `kansrijk hsds export DIR`, `kansrijk migrate`, ...
`kansrijk dmn test DIR` runs DMN TCK test cases; it needs no database, so it runs without
Django (the rules engine is a plain Python library).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["dmn"]:
        from kansrijk.rules import tck

        sys.exit(tck.main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.conf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kansrijk", *args])


if __name__ == "__main__":
    main()
