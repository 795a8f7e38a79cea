"""The `kansrijk demo` and `kansrijk demo_load` commands."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kansrijk.demo.services import DEMO_PASSWORD, DemoLoadResult
from kansrijk.directory import selectors as directory_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(monkeypatch):
    calls = []
    monkeypatch.setattr(
        "waitress.serve", lambda application, **kwargs: calls.append((application, kwargs))
    )
    return calls


@pytest.fixture
def loads(monkeypatch):
    """Replaces the (slow) loading for tests of what the commands do around it."""
    calls = []

    def fake_load(**kwargs):
        calls.append(kwargs)
        return DemoLoadResult(organisations=3, coalitions=1, users=2, services=40, pathways=6)

    monkeypatch.setattr("kansrijk.demo.management.commands.demo_load.demo_load", fake_load)
    return calls


def test_demo_loads_and_prints_the_log_ins_in_dutch_without_serving(served, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = StringIO()
    call_command("demo", "--no-serve", "--skip-regions", "--port", "8765", stdout=out)
    text = out.getvalue()
    assert served == []
    assert f"Elke demo-inlog heeft het wachtwoord: {DEMO_PASSWORD}" in text
    assert "verloskundige.zaanstad" in text
    assert "Kansrijke Start Zuid-Limburg" in text
    # A professional needs a second factor: the secret for the authenticator app is shown.
    assert "codegeheim:" in text
    assert directory_selectors.service_list().filter(name="Schuldhulpverlening Zaanstad").exists()


def test_demo_serves_on_the_given_host_and_port(served, loads):
    out = StringIO()
    call_command("demo", "--skip-regions", "--host", "localhost", "--port", "8765", stdout=out)
    application, kwargs = served[0]
    assert kwargs == {"host": "localhost", "port": 8765, "threads": 8}
    assert callable(application)
    assert "http://localhost:8765/" in out.getvalue()


def test_demo_load_reports_what_it_loaded_in_dutch(loads):
    out = StringIO()
    call_command("demo_load", "--skip-regions", "--refresh-directory", stdout=out)
    assert loads == [{"refresh_directory": True}]
    assert (
        "Demodata geladen: 3 organisaties, 1 coalities, 2 inlogs, 40 diensten, 6 zorgpaden."
        in out.getvalue()
    )


def test_demo_load_loads_the_regions_unless_told_not_to(loads, monkeypatch):
    regions = []
    monkeypatch.setattr(
        "kansrijk.demo.management.commands.demo_load.demo_regions_load",
        lambda: regions.append(True),
    )
    call_command("demo_load", stdout=StringIO())
    assert regions == [True]


@pytest.mark.django_db
def test_demo_code_refuses_a_user_who_is_not_a_demo_login():
    with pytest.raises(CommandError, match="geen demo-inlog"):
        call_command("demo_code", "iemand.anders")
