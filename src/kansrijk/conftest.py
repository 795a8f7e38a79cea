"""Shared pytest fixtures. The test database holds the real 342 municipalities and, for the demo
municipalities, their districts and neighbourhoods, loaded once per session from ../shared/data."""

import pytest

TEST_MUNICIPALITY_CODES = ("GM0479", "GM0917", "GM0355", "GM0228", "GM0202", "GM0226")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from kansrijk.regions.services import municipalities_import, neighbourhoods_import

    with django_db_blocker.unblock():
        municipalities_import()
        neighbourhoods_import(municipality_codes=TEST_MUNICIPALITY_CODES)


from kansrijk.accounts.testing import *  # noqa: E402, F403  (personas for every app's tests)
