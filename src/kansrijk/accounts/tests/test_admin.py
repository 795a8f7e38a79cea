"""The management site: behind the two-step log-in, with users, organisations and regions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.urls import reverse

from kansrijk.accounts.admin_site import KansrijkAdminSite
from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import LoginThrottle
from kansrijk.accounts.selectors import totp_device_get
from kansrijk.accounts.services import login_failure_record, totp_device_create
from kansrijk.accounts.testing import make_user

pytestmark = pytest.mark.django_db


def _request(user, *, verified: bool):
    request = RequestFactory().get("/beheer/login/", {"next": "/beheer/"})
    request.user = user
    user.is_verified = lambda: verified
    return request


class TestKansrijkAdminSite:
    site = KansrijkAdminSite(name="test-admin")

    def test_it_refuses_a_staff_member_who_only_gave_a_password(self, administrator):
        assert not self.site.has_permission(_request(administrator, verified=False))
        assert self.site.has_permission(_request(administrator, verified=True))

    def test_its_log_in_sends_visitors_to_the_two_step_log_in(self):
        request = _request(AnonymousUser(), verified=False)

        response = self.site.login(request)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))

    def test_its_log_in_sends_a_half_logged_in_staff_member_to_the_code_step(self, administrator):
        totp_device_create(user=administrator)

        response = self.site.login(_request(administrator, verified=False))

        assert response["Location"].startswith(reverse("accounts:verify"))

    def test_staff_without_a_role_needing_two_factor_must_set_it_up(self):
        editor = make_user(roles=[Role.DIRECTORY_EDITOR])
        editor.is_staff = True

        response = self.site.login(_request(editor, verified=False))

        assert response["Location"].startswith(reverse("accounts:enrol"))

    def test_its_log_in_answers_403_to_someone_who_is_not_staff(self, professional):
        response = self.site.login(_request(professional, verified=True))

        assert response.status_code == 403


@pytest.fixture
def admin_client_verified(login_as, administrator) -> Client:
    return login_as(administrator)


def test_an_administrator_sees_users_with_their_roles(admin_client_verified, professional):
    response = admin_client_verified.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 200
    row = response.text.split(professional.username, 1)[1].split("</tr>", 1)[0]
    assert professional.organisation.name in row
    assert "Professional" in row  # the role, in Dutch the same word


def test_the_user_page_shows_roles_and_organisation(admin_client_verified, professional):
    response = admin_client_verified.get(
        reverse("admin:accounts_user_change", args=[professional.pk])
    )

    assert response.status_code == 200
    assert 'name="roles-0-role"' in response.text
    assert 'name="organisation"' in response.text


def test_an_administrator_can_reset_two_factor_and_lift_a_lock_out(
    admin_client_verified, professional
):
    totp_device_create(user=professional)
    for _ in range(5):
        login_failure_record(username=professional.username, user=professional, reason="password")
    changelist = reverse("admin:accounts_user_changelist")

    admin_client_verified.post(
        changelist, {"action": "reset_two_factor", "_selected_action": [professional.pk]}
    )
    admin_client_verified.post(
        changelist, {"action": "clear_lockout", "_selected_action": [professional.pk]}
    )

    assert totp_device_get(user=professional) is None
    assert not LoginThrottle.objects.filter(username=professional.username).exists()


def test_regions_are_searchable_by_code_and_read_only(admin_client_verified):
    url = reverse("admin:regions_municipality_changelist")

    by_code = admin_client_verified.get(url, {"q": "GM0479"})
    by_name = admin_client_verified.get(
        reverse("admin:regions_neighbourhood_changelist"), {"q": "Heerlen"}
    )

    assert "Zaanstad" in by_code.text
    assert by_name.status_code == 200
    assert admin_client_verified.get(reverse("admin:regions_municipality_add")).status_code == 403


def test_coalitions_and_organisations_are_listed(admin_client_verified, coalition, organisation):
    coalitions = admin_client_verified.get(reverse("admin:organisations_coalition_changelist"))
    organisations = admin_client_verified.get(
        reverse("admin:organisations_organisation_changelist"), {"q": "GGD"}
    )

    assert coalition.name in coalitions.text
    assert organisation.name in organisations.text
