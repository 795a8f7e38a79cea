"""Shared pytest fixtures. The test database holds the real 342 municipalities and, for the demo
municipalities, their districts and neighbourhoods, loaded once per session from ../shared/data."""

import pytest

TEST_MUNICIPALITY_CODES = ("GM0479", "GM0917", "GM0355", "GM0228", "GM0202", "GM0226")


@pytest.fixture(autouse=True)
def dutch_by_default():
    """A request in another language leaves that language active in the thread; start each test
    in Dutch, as a fresh process would."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def demo_without_synthetic_monitoring(monkeypatch):
    """Loading the demo generates five years of national monitoring data; the unit tests load
    the demo many times and need none of it (the monitoring tests make their own)."""
    monkeypatch.setattr("kansrijk.demo.services.SYNTHETIC_MONITORING", False)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from kansrijk.regions.services import municipalities_import, neighbourhoods_import

    with django_db_blocker.unblock():
        municipalities_import()
        neighbourhoods_import(municipality_codes=TEST_MUNICIPALITY_CODES)


from kansrijk.accounts.testing import *  # noqa: E402, F403  (personas for every app's tests)
