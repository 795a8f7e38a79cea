"""`kansrijk demo_load`: load the regions and the demo data, nothing else (no server)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from kansrijk.demo.services import demo_load, demo_regions_load


def add_load_arguments(parser) -> None:
    """The loading options, shared with `kansrijk demo`."""
    parser.add_argument(
        "--skip-regions",
        action="store_true",
        help="Do not (re)load municipalities, districts and neighbourhoods.",
    )
    parser.add_argument(
        "--refresh-directory",
        action="store_true",
        help="Write every demo service again, undoing changes made in the demo.",
    )


class Command(BaseCommand):
    help = "Load the regions (CBS) and the demo coalitions, log-ins and sociale kaart."

    def add_arguments(self, parser):
        add_load_arguments(parser)

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            if not options["skip_regions"]:
                self.stdout.write(_("Loading municipalities, districts and neighbourhoods..."))
                demo_regions_load()
            self.stdout.write(_("Loading the demo data..."))
            result = demo_load(refresh_directory=options["refresh_directory"])
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Demo data loaded: %(organisations)d organisations, %(coalitions)d "
                        "coalitions, %(users)d log-ins, %(services)d services, %(pathways)d "
                        "care pathways."
                    )
                    % {
                        "organisations": result.organisations,
                        "coalitions": result.coalitions,
                        "users": result.users,
                        "services": result.services,
                        "pathways": result.pathways,
                    }
                )
            )
