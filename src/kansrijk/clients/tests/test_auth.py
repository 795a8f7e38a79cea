"""Who may open and use the client pages.

Only professionals, past the second factor, and only for the clients their organisation
registered (or works with through a referral with consent). Coordinators and policy advisers
get 403 on every page; a professional of another organisation gets 404 on her pages (her
existence does not leak) and the attempt is in the audit log as "denied"."""

import pytest
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.audit.constants import Outcome
from kansrijk.audit.selectors import audit_events
from kansrijk.clients.constants import AUDIT_CLIENT_DENIED
from kansrijk.clients.tests.factories import make_consent

pytestmark = pytest.mark.django_db

LIST_URLS = ["clients:list", "clients:register"]
CLIENT_URLS = [
    "clients:detail",
    "clients:edit",
    "clients:identity",
    "clients:consent_record",
    "clients:export",
]


@pytest.fixture
def consent(demo_client, professional, other_organisation):
    return make_consent(client=demo_client, user=professional, organisations=[other_organisation])


def _client_urls(client, consent) -> list[str]:
    urls = [reverse(name, kwargs={"client_id": client.uuid}) for name in CLIENT_URLS]
    urls.append(
        reverse(
            "clients:consent_withdraw",
            kwargs={"client_id": client.uuid, "consent_id": consent.uuid},
        )
    )
    return urls


def _all_urls(client, consent) -> list[str]:
    return [reverse(name) for name in LIST_URLS] + _client_urls(client, consent)


def test_it_sends_anonymous_visitors_to_log_in(client, demo_client, consent):
    for url in _all_urls(demo_client, consent):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response["Location"]


def test_it_asks_a_professional_for_the_second_factor_first(
    client, professional, demo_client, consent
):
    client.force_login(professional)
    for url in _all_urls(demo_client, consent):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:enrol"))


@pytest.mark.parametrize("persona", ["coordinator", "policy_adviser", "directory_editor"])
def test_it_refuses_roles_that_never_see_a_client(request, login_as, persona, demo_client, consent):
    user = request.getfixturevalue(persona)
    browser = login_as(user)
    for url in _all_urls(demo_client, consent):
        assert browser.get(url).status_code == 403, url
        assert browser.post(url, {}).status_code == 403, url
    denied = audit_events(action=AUDIT_CLIENT_DENIED, client_id=str(demo_client.uuid))
    assert denied.exists()
    assert all(e.outcome == Outcome.DENIED for e in denied)


def test_a_professional_of_another_organisation_gets_404_and_the_attempt_is_logged(
    login_as, other_professional, demo_client, consent
):
    browser = login_as(other_professional)
    urls = _client_urls(demo_client, consent)
    for url in urls:
        assert browser.get(url).status_code == 404, url
        assert browser.post(url, {"year_of_birth": 1990, "note": "x"}).status_code == 404, url
    denied = list(audit_events(action=AUDIT_CLIENT_DENIED, client_id=str(demo_client.uuid)))
    assert len(denied) == 2 * len(urls)
    event = denied[0]
    assert event.outcome == Outcome.DENIED
    assert event.actor_id == str(other_professional.uuid)
    assert event.actor_organisation_id == str(other_professional.organisation.uuid)
    assert event.source == "127.0.0.1"
    assert event.detail["reason"] == "not_visible"
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_an_outsider_gets_the_same_404_as_for_a_client_that_does_not_exist(
    login_as, outsider, demo_client
):
    browser = login_as(outsider)
    existing = browser.get(reverse("clients:detail", kwargs={"client_id": demo_client.uuid}))
    missing = browser.get(
        reverse("clients:detail", kwargs={"client_id": "00000000-0000-4000-8000-000000000000"})
    )
    assert existing.status_code == missing.status_code == 404
    assert existing.content == missing.content


def test_a_professional_of_the_care_team_may_open_every_page(
    login_as, professional, demo_client, consent
):
    browser = login_as(professional)
    for url in _all_urls(demo_client, consent):
        assert browser.get(url).status_code == 200, url


def test_a_colleague_in_the_same_organisation_sees_her_too(login_as, organisation, demo_client):
    colleague = make_user(organisation=organisation, roles=[Role.PROFESSIONAL])
    url = reverse("clients:detail", kwargs={"client_id": demo_client.uuid})
    assert login_as(colleague).get(url).status_code == 200


def test_a_professional_who_is_also_coordinator_sees_only_her_own_organisations_clients(
    login_as, other_organisation, demo_client
):
    both = make_user(organisation=other_organisation, roles=[Role.PROFESSIONAL, Role.COORDINATOR])
    url = reverse("clients:detail", kwargs={"client_id": demo_client.uuid})
    assert login_as(both).get(url).status_code == 404


def test_the_list_shows_no_clients_of_other_organisations(
    login_as, professional, other_professional, demo_client
):
    response = login_as(other_professional).get(reverse("clients:list"))
    assert response.status_code == 200
    assert demo_client.pseudonym not in response.text
