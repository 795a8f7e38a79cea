from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kansrijk.demo.services import demo_current_code


class Command(BaseCommand):
    help = "Print the current two-step code of a demo log-in (instead of an authenticator app)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        code = demo_current_code(username=username)
        if code is None:
            raise CommandError(
                _("%(username)s is not a demo log-in with a second step.") % {"username": username}
            )
        self.stdout.write(code)
