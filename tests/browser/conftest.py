"""Browser tests drive Debian's Chromium through Playwright. No browser is ever downloaded."""

import os
import shutil

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
# Playwright's sync API runs an event loop in this thread; the Django ORM calls in the tests
# themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make system-packages`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def regions(transactional_db):
    """Transactional tests empty the database afterwards (migration data too), so load the
    regions and the shipped taxonomy they need again."""
    from kansrijk.directory.kansrijke_start_taxonomy import install
    from kansrijk.directory.models import Taxonomy, TaxonomyTerm
    from kansrijk.regions.services import municipalities_import, neighbourhoods_import

    install(Taxonomy, TaxonomyTerm)
    municipalities_import()
    neighbourhoods_import(municipality_codes=["GM0479"])


@pytest.fixture
def zaanstad_services(regions):
    """A partner organisation with an editor, and two services in Zaanstad."""
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user
    from kansrijk.directory import services as directory_services
    from kansrijk.organisations import services as organisation_services
    from kansrijk.organisations.constants import Domain

    partner = organisation_services.organisation_create(
        name="Gemeente Zaanstad", domain=Domain.MUNICIPALITY, municipality="GM0479"
    )
    editor = make_user(organisation=partner, roles=[Role.DIRECTORY_EDITOR], username="redacteur")
    provider = directory_services.organization_create(
        name="Gemeente Zaanstad",
        description="Gemeente.",
        managed_by=partner,
        updated_by="test",
    )
    debts = directory_services.service_create(
        organization=provider,
        name="Schuldhulpverlening Zaanstad",
        description="Hulp bij schulden en geldzorgen voor gezinnen.",
        theme_codes=["debts-and-money"],
        area_codes=["GM0479"],
        updated_by="test",
    )
    housing = directory_services.service_create(
        organization=provider,
        name="Woonloket Zaanstad",
        description="Hulp bij het vinden van een woning.",
        theme_codes=["housing"],
        area_codes=["GM0479"],
        updated_by="test",
    )
    return {"editor": editor, "debts": debts, "housing": housing}
