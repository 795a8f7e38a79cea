"""`kansrijk demo --port PORT`: migrate, load the demo data and serve it with waitress."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from kansrijk.accounts.constants import Role
from kansrijk.demo.data.coalitions import COALITIONS
from kansrijk.demo.management.commands.demo_load import add_load_arguments
from kansrijk.demo.services import DEMO_PASSWORD, DemoLogin, demo_logins


class Command(BaseCommand):
    help = "Set up the demo database and serve Kansrijk on http://HOST:PORT/."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port to serve on.")
        parser.add_argument("--host", default="127.0.0.1", help="Address to serve on.")
        parser.add_argument(
            "--no-serve",
            action="store_true",
            help="Only migrate and load the demo data, then print the log-ins.",
        )
        add_load_arguments(parser)
        parser.add_argument(
            "--threads", type=int, default=8, help="Number of waitress worker threads."
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.stdout.write(_("Preparing the database..."))
            call_command("migrate", interactive=False, verbosity=0)
            call_command(
                "demo_load",
                skip_regions=options["skip_regions"],
                refresh_directory=options["refresh_directory"],
                stdout=self.stdout,
                stderr=self.stderr,
            )
            url = f"http://{options['host']}:{options['port']}/"
            self._print_logins(url, serving=not options["no_serve"])
        if options["no_serve"]:
            return
        self._serve(host=options["host"], port=options["port"], threads=options["threads"])

    def _print_logins(self, url: str, *, serving: bool) -> None:
        write = self.stdout.write
        write("")
        if serving:
            write(self.style.SUCCESS(_("Kansrijk demo: %(url)s") % {"url": url}))
            # The parent sites need no log-in.
            write(
                _("Parent sites: %(heerlen)s and %(zaanstad)s")
                % {
                    "heerlen": f"{url.rstrip('/')}/ouders/heerlen/",
                    "zaanstad": f"{url.rstrip('/')}/ouders/zaanstad/",
                }
            )
        write(
            _("Demo log-ins. Every demo log-in has the password: %(password)s")
            % {"password": DEMO_PASSWORD}
        )
        logins = demo_logins()
        coalition_names = {c.slug: c.name for c in COALITIONS}
        for slug in [*coalition_names, None]:
            group = [login for login in logins if login.coalition == slug]
            if not group:
                continue
            write("")
            write(self.style.MIGRATE_HEADING(coalition_names.get(slug) or _("Platform")))
            for login in group:
                self._print_login(login)
        write("")
        write(
            _(
                "Log-ins with a code secret need a second step. Add the secret to an "
                "authenticator app (for example FreeOTP, Aegis or Google Authenticator): choose "
                "to enter a key by hand, time-based, 6 digits. Then log in with the password and "
                "the code the app shows."
            )
        )
        write(_("All people in the demo are made up. Do not enter real client data."))
        if serving:
            write(_("Stop the demo with Ctrl+C."))

    def _print_login(self, login: DemoLogin) -> None:
        roles = ", ".join(str(Role(role).label) for role in login.roles)
        self.stdout.write(
            "  "
            + _("%(username)s: %(name)s, %(job)s at %(organisation)s (role: %(roles)s)")
            % {
                "username": self.style.SQL_FIELD(login.username),
                "name": login.name,
                "job": _(login.job),
                "organisation": login.organisation,
                "roles": roles,
            }
        )
        if login.totp_secret:
            self.stdout.write("    " + _("code secret: %(secret)s") % {"secret": login.totp_secret})

    def _serve(self, *, host: str, port: int, threads: int) -> None:
        from waitress import serve

        # Whitenoise serves static files through the finders; it only warns when this is missing.
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        from kansrijk.conf.wsgi import application

        try:
            serve(application, host=host, port=port, threads=threads)
        except KeyboardInterrupt:
            pass
