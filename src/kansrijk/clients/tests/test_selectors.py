"""Who sees which client, in the query: her care team, and parties to her referrals while she
consents; nobody else, and nobody after pseudonymisation."""

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.clients import extensions, selectors, services
from kansrijk.clients.tests.factories import make_client, make_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def referrals_app(monkeypatch):
    """A stand-in for kansrijk.referrals' registered lookup: `parties[organisation_id]` =
    client ids whose referrals that organisation sends or receives."""
    parties: dict[int, list[int]] = {}
    monkeypatch.setattr(
        extensions, "_VISIBILITY", [lambda organisation_id: parties.get(organisation_id, [])]
    )
    return parties


def test_her_care_team_sees_her(professional, demo_client):
    assert list(selectors.clients_visible_to(professional)) == [demo_client]
    assert selectors.client_get_for_user(professional, demo_client.uuid) == demo_client
    assert selectors.client_get_for_user(professional, str(demo_client.uuid)) == demo_client


def test_another_organisation_does_not_see_her(other_professional, demo_client):
    assert not selectors.clients_visible_to(other_professional).exists()
    assert selectors.client_get_for_user(other_professional, demo_client.uuid) is None


@pytest.mark.parametrize("persona", ["coordinator", "policy_adviser", "administrator"])
def test_roles_other_than_professional_never_see_a_client(request, persona, demo_client):
    user = request.getfixturevalue(persona)
    assert not selectors.clients_visible_to(user).exists()
    assert selectors.client_get_for_user(user, demo_client.uuid) is None


def test_a_malformed_id_finds_nothing(professional, demo_client):
    assert selectors.client_get_for_user(professional, "not-a-uuid") is None
    assert selectors.client_get_for_user(professional, None) is None


def test_an_inactive_professional_sees_nobody(professional, demo_client):
    professional.is_active = False
    assert not selectors.clients_visible_to(professional).exists()


def test_nobody_sees_her_after_pseudonymisation(professional, demo_client):
    demo_client.pseudonymised_at = timezone.now()
    demo_client.save()
    assert selectors.client_get_for_user(professional, demo_client.uuid) is None


def test_consent_alone_without_a_referral_does_not_open_her_file(
    other_professional, other_organisation, professional, demo_client
):
    make_consent(client=demo_client, user=professional, organisations=[other_organisation])
    # Consent alone does not open her file: a referral must connect the organisations.
    assert selectors.client_get_for_user(other_professional, demo_client.uuid) is None


def test_a_party_to_her_referral_sees_her_while_she_consents(
    referrals_app, other_professional, other_organisation, professional, demo_client
):
    referrals_app[other_organisation.pk] = [demo_client.pk]
    assert selectors.client_get_for_user(other_professional, demo_client.uuid) is None
    consent = make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    assert selectors.client_get_for_user(other_professional, demo_client.uuid) == demo_client
    services.consent_withdraw(consent=consent, withdrawn_by=professional)
    assert selectors.client_get_for_user(other_professional, demo_client.uuid) is None


def test_a_referral_party_sees_only_the_clients_of_its_referrals(
    referrals_app, other_professional, other_organisation, professional, demo_client
):
    second = make_client(user=professional)
    make_consent(client=demo_client, user=professional, organisations=[other_organisation])
    make_consent(client=second, user=professional, organisations=[other_organisation])
    referrals_app[other_organisation.pk] = [demo_client.pk]
    assert list(selectors.clients_visible_to(other_professional)) == [demo_client]


def test_a_coordinator_of_a_referral_party_still_sees_nothing(
    referrals_app, other_organisation, professional, demo_client
):
    coordinator = make_user(organisation=other_organisation, roles=[Role.COORDINATOR])
    make_consent(client=demo_client, user=professional, organisations=[other_organisation])
    referrals_app[other_organisation.pk] = [demo_client.pk]
    assert selectors.client_get_for_user(coordinator, demo_client.uuid) is None
