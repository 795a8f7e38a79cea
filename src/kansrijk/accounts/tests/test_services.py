import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import Client

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import (
    totp_device_get,
    user_has_role,
    user_is_verified,
    user_needs_second_factor,
)
from kansrijk.accounts.services import (
    totp_current_code,
    totp_device_create,
    totp_devices_reset,
    totp_verify,
    user_create,
)
from kansrijk.accounts.testing import login_verified, make_user

pytestmark = pytest.mark.django_db

DEMO_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret


def test_user_create_gives_the_user_their_roles_and_organisation(organisation):
    user = user_create(
        username="j.jansen",
        password="Een-lang-wachtwoord-9",
        organisation=organisation,
        roles=[Role.PROFESSIONAL, Role.DIRECTORY_EDITOR],
        first_name="Jan",
        last_name="Jansen",
        email="j.jansen@example.nl",
    )

    assert user.check_password("Een-lang-wachtwoord-9")
    assert user.organisation == organisation
    assert user.role_codes == {Role.PROFESSIONAL, Role.DIRECTORY_EDITOR}
    assert user.requires_2fa


def test_a_superuser_is_also_staff_so_the_management_site_opens(organisation):
    user = user_create(
        username="beheer", password=None, organisation=organisation, roles=[], is_superuser=True
    )

    assert user.is_staff and user.is_superuser
    assert not user.has_usable_password()


def test_user_create_refuses_an_unknown_role(organisation):
    with pytest.raises(ValueError, match="unknown roles"):
        user_create(username="x", password="x", organisation=organisation, roles=["boss"])


def test_user_create_refuses_a_username_that_is_taken_in_dutch(organisation):
    make_user(username="bezet", organisation=organisation)

    with pytest.raises(ValidationError) as error:
        user_create(username="bezet", password="x", organisation=organisation, roles=[])

    assert "bestaat al" in str(error.value)


def test_user_create_can_apply_the_password_rules(organisation):
    with pytest.raises(ValidationError):
        user_create(
            username="kort", password="123", organisation=organisation, roles=[], validate=True
        )


def test_a_device_with_a_fixed_key_accepts_its_current_code(professional):
    device = totp_device_create(user=professional, key=DEMO_KEY)

    code = totp_current_code(device)

    assert len(code) == 6
    assert totp_verify(user=professional, code=code) == device
    assert totp_device_get(user=professional) == device


def test_an_unconfirmed_device_does_not_count(professional):
    device = totp_device_create(user=professional, confirmed=False)

    assert totp_device_get(user=professional) is None
    assert totp_verify(user=professional, code=totp_current_code(device)) is None


def test_resetting_two_factor_sends_the_user_to_enrolment_again(professional, administrator):
    totp_device_create(user=professional)

    totp_devices_reset(user=professional, by=administrator)

    assert totp_device_get(user=professional) is None


def test_login_verified_satisfies_the_second_factor(professional):
    client = Client()

    device = login_verified(client, professional)

    assert device is not None and device.confirmed
    request_user = client.get("/").wsgi_request.user
    assert user_is_verified(request_user)
    assert not user_needs_second_factor(request_user)


def test_user_has_role_is_false_for_anonymous_and_inactive_users(professional):
    assert user_has_role(professional, Role.PROFESSIONAL, Role.ADMIN)
    assert not user_has_role(professional, Role.COORDINATOR)
    assert not user_has_role(AnonymousUser(), Role.PROFESSIONAL)
    professional.is_active = False
    assert not user_has_role(professional, Role.PROFESSIONAL)
