"""Fixtures for the referral tests. The cast (personas from kansrijk.accounts.testing):
`professional` of `organisation` (GGD, Zaanstad) refers `demo_client` to `service`, managed by
`other_organisation`, where `other_professional` receives it; both organisations are in the
Zaanstad `coalition`, whose `coordinator` works at `organisation`. `outsider` is in no
coalition."""

import pytest

from kansrijk.referrals.tests.factories import (
    make_client,
    make_consent,
    make_referral,
    make_service,
)


@pytest.fixture
def service(other_organisation):
    return make_service(receiver=other_organisation)


@pytest.fixture
def demo_client(professional, coalition):
    return make_client(user=professional)


@pytest.fixture
def consent(demo_client, professional, other_organisation):
    return make_consent(client=demo_client, user=professional, organisations=[other_organisation])


@pytest.fixture
def referral(professional, service, demo_client, consent):
    return make_referral(sender=professional, service=service, client=demo_client)


@pytest.fixture
def sender(professional):
    return professional


@pytest.fixture
def receiver(other_professional):
    return other_professional
