"""Personas and log-in helpers for every app's tests.

In a conftest.py:

    from kansrijk.accounts.testing import *  # noqa: F403  (fixtures)

or import the fixtures you need by name. The personas: `organisation` with its `professional`,
`coordinator`, `directory_editor` and `policy_adviser`; `other_organisation` with
`other_professional`; `outsider_organisation` (in no coalition) with `outsider`; an
`administrator`; the `coalition` (Zaanstad) with `organisation` and `other_organisation` as
members. `login_as(user)` gives a test client logged in with the second factor passed.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.accounts.selectors import totp_device_get
from kansrijk.accounts.services import totp_device_create, user_create
from kansrijk.organisations.constants import Domain
from kansrijk.organisations.services import coalition_create, organisation_create

if TYPE_CHECKING:
    from kansrijk.organisations.models import Coalition, Organisation

TEST_PASSWORD = "Test-wachtwoord-1"
_sequence = itertools.count(1)

__all__ = [
    "TEST_PASSWORD",
    "fast_password_hashing",
    "make_user",
    "make_organisation",
    "login_verified",
    "organisation",
    "other_organisation",
    "outsider_organisation",
    "coalition",
    "professional",
    "other_professional",
    "coordinator",
    "policy_adviser",
    "directory_editor",
    "administrator",
    "outsider",
    "login_as",
]


@functools.cache
def _password_hash(password: str, hasher: str) -> str:
    # Hashing is slow on purpose (about a second here); tests need it once per password.
    return make_password(password)


def make_organisation(*, name: str | None = None, domain: str = Domain.SOCIAL) -> Organisation:
    return organisation_create(name=name or f"Testorganisatie {next(_sequence)}", domain=domain)


def make_user(
    *,
    organisation: Organisation | None = None,
    roles: Iterable[str] = (),
    username: str | None = None,
    password: str = TEST_PASSWORD,
    is_superuser: bool = False,
) -> User:
    """A staff user. Without `organisation` the user gets a fresh organisation of their own
    (nearly every check depends on one); set `user.organisation = None` to test without."""
    number = next(_sequence)
    user = user_create(
        username=username or f"gebruiker{number}",
        password=None,
        organisation=organisation or make_organisation(),
        roles=roles,
        first_name="Test",
        last_name=f"Gebruiker {number}",
        email=f"gebruiker{number}@example.nl",
        is_superuser=is_superuser,
    )
    user.password = _password_hash(password, settings.PASSWORD_HASHERS[0])
    user.save(update_fields=["password"])
    return user


def login_verified(client: Client, user: User) -> TOTPDevice | None:
    """Log the user in on the test client as if they passed both steps. A user whose roles need
    2FA gets a confirmed TOTP device first (unless they have one). Returns the device used.
    The real two-step flow itself is tested in accounts/tests/test_login.py."""
    device = totp_device_get(user=user)
    if device is None and user.requires_2fa:
        device = totp_device_create(user=user)
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return device


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """Checking a password takes about a second with the real hasher; tests of the log-in
    check many. Autouse wherever a conftest imports this module's fixtures."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation(db) -> Organisation:
    return make_organisation(name="GGD Zaanstreek-Waterland (test)", domain=Domain.PUBLIC_HEALTH)


@pytest.fixture
def other_organisation(db) -> Organisation:
    return make_organisation(name="Verloskundigenpraktijk Zaandam (test)", domain=Domain.MEDICAL)


@pytest.fixture
def outsider_organisation(db) -> Organisation:
    return make_organisation(name="Buurtteam Heerlen (test)", domain=Domain.SOCIAL)


@pytest.fixture
def coalition(db, organisation, other_organisation) -> Coalition:
    return coalition_create(
        slug="kansrijke-start-zaanstad-test",
        name="Kansrijke Start Zaanstad (test)",
        municipality_codes=["GM0479"],
        member_organisations=[organisation, other_organisation],
    )


@pytest.fixture
def professional(organisation) -> User:
    return make_user(organisation=organisation, roles=[Role.PROFESSIONAL])


@pytest.fixture
def other_professional(other_organisation) -> User:
    return make_user(organisation=other_organisation, roles=[Role.PROFESSIONAL])


@pytest.fixture
def coordinator(organisation, coalition) -> User:
    return make_user(organisation=organisation, roles=[Role.COORDINATOR])


@pytest.fixture
def policy_adviser(organisation) -> User:
    return make_user(organisation=organisation, roles=[Role.POLICY_ADVISER])


@pytest.fixture
def directory_editor(organisation) -> User:
    return make_user(organisation=organisation, roles=[Role.DIRECTORY_EDITOR])


@pytest.fixture
def administrator(organisation) -> User:
    return make_user(organisation=organisation, roles=[Role.ADMIN], is_superuser=True)


@pytest.fixture
def outsider(outsider_organisation) -> User:
    return make_user(organisation=outsider_organisation, roles=[Role.PROFESSIONAL])


@pytest.fixture
def login_as(db) -> Callable[[User], Client]:
    """login_as(user) -> a new test client, logged in with the second factor passed."""

    def _login_as(user: User) -> Client:
        client = Client()
        login_verified(client, user)
        return client

    return _login_as
