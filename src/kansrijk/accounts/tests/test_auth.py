"""The access checks other apps build on: login_required_verified and role_required."""

import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import UserRole
from kansrijk.accounts.services import totp_device_create
from kansrijk.accounts.testing import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.urls("kansrijk.accounts.tests.urls")]

STAFF_PAGE = "/test/staff/"
COORDINATOR_PAGE = "/test/coordinator/"


def _half_logged_in(user) -> Client:
    """Password step done, code step not (as right after the password)."""
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("page", [STAFF_PAGE, COORDINATOR_PAGE])
def test_it_sends_an_anonymous_visitor_to_the_log_in_page(client, page):
    response = client.get(page)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={page}"


@pytest.mark.parametrize("page", [STAFF_PAGE, COORDINATOR_PAGE])
def test_it_sends_a_half_logged_in_professional_to_the_code_step(page):
    user = make_user(roles=[Role.PROFESSIONAL, Role.COORDINATOR])
    totp_device_create(user=user)

    response = _half_logged_in(user).get(page)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:verify')}?next={page.replace('/', '%2F')}"


def test_it_sends_a_half_logged_in_professional_without_an_app_to_enrolment():
    user = make_user(roles=[Role.PROFESSIONAL])

    response = _half_logged_in(user).get(STAFF_PAGE)

    assert response["Location"].startswith(reverse("accounts:enrol"))


def test_it_lets_a_verified_professional_in(login_as, professional):
    response = login_as(professional).get(STAFF_PAGE)

    assert response.status_code == 200


def test_it_lets_a_policy_adviser_in_with_only_a_password():
    user = make_user(roles=[Role.POLICY_ADVISER])

    response = _half_logged_in(user).get(STAFF_PAGE)

    assert response.status_code == 200


def test_a_policy_adviser_who_chose_two_step_verification_must_pass_it():
    user = make_user(roles=[Role.POLICY_ADVISER])
    totp_device_create(user=user)

    response = _half_logged_in(user).get(STAFF_PAGE)

    assert response["Location"].startswith(reverse("accounts:verify"))


def test_a_role_that_needs_two_factor_given_during_a_session_asks_for_it():
    user = make_user(roles=[Role.POLICY_ADVISER])
    client = _half_logged_in(user)
    assert client.get(STAFF_PAGE).status_code == 200

    UserRole.objects.create(user=user, role=Role.PROFESSIONAL)

    assert client.get(STAFF_PAGE)["Location"].startswith(reverse("accounts:enrol"))


def test_role_required_answers_403_in_dutch_without_the_role(login_as, professional):
    response = login_as(professional).get(COORDINATOR_PAGE)

    assert response.status_code == 403
    assert "Geen toegang" in response.text
    assert "U heeft niet de rol die nodig is voor deze pagina." in response.text


def test_role_required_answers_403_to_a_policy_adviser(login_as, policy_adviser):
    response = login_as(policy_adviser).get(COORDINATOR_PAGE)

    assert response.status_code == 403


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_role_required_lets_in_any_of_the_roles(login_as, role):
    response = login_as(make_user(roles=[role])).get(COORDINATOR_PAGE)

    assert response.status_code == 200
    assert response.text == "coordinator page"


def test_it_sends_a_deactivated_user_to_the_log_in_page(login_as, professional):
    client = login_as(professional)
    professional.is_active = False
    professional.save(update_fields=["is_active"])

    response = client.get(STAFF_PAGE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
