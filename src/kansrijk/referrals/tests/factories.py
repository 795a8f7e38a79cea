"""Referrals for tests, made through the services of each app (clients, directory, referrals),
so pseudonyms, consent checks, timelines and audit events are real. Synthetic people only."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from kansrijk.clients import services as client_services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.directory.constants import CapacityStatus
from kansrijk.directory.services import organization_create, service_create
from kansrijk.referrals import services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client, Consent
    from kansrijk.directory.models import Service
    from kansrijk.organisations.models import Organisation
    from kansrijk.referrals.models import Referral

ZAANSTAD = "GM0479"
S = ReferralStatus

# The shortest way (receiver side unless noted) from `requested` to each status.
PATH_TO = {
    S.REQUESTED: [],
    S.RECEIVED: [S.RECEIVED],
    S.ACCEPTED: [S.ACCEPTED],
    S.REJECTED: [S.REJECTED],
    S.IN_PROGRESS: [S.ACCEPTED, S.IN_PROGRESS],
    S.ON_HOLD: [S.ACCEPTED, S.ON_HOLD],
    S.COMPLETED: [S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED],
    S.CANCELLED: [S.CANCELLED],
    S.FAILED: [S.ACCEPTED, S.FAILED],
    S.ENTERED_IN_ERROR: [S.ENTERED_IN_ERROR],
}


def make_service(
    *,
    receiver: Organisation | None,
    name: str = "Sociaal wijkteam Zaandam (test)",
    capacity_status: str = CapacityStatus.OPEN,
    capacity_wait_weeks: int | None = None,
    self_referral: bool = False,
) -> Service:
    """A directory service whose entry `receiver` manages (None: nobody in Kansrijk)."""
    organization = organization_create(
        name=f"{receiver.name if receiver else 'Stichting Buiten Kansrijk'} (sociale kaart)",
        description="Testaanbieder.",
        managed_by=receiver,
        updated_by="test",
    )
    return service_create(
        organization=organization,
        name=name,
        description="Hulp bij opvoeden en geldzorgen (test).",
        capacity_status=capacity_status,
        capacity_wait_weeks=capacity_wait_weeks,
        self_referral=self_referral,
        theme_codes=["debts-and-money"],
        area_codes=[ZAANSTAD],
        updated_by="test",
    )


def make_client(*, user: User, **overrides: Any) -> Client:
    facts: dict[str, Any] = {
        "year_of_birth": timezone.localdate().year - 27,
        "municipality": region_selectors.municipality_get(code=ZAANSTAD),
        "due_date": timezone.localdate() + datetime.timedelta(days=90),
    }
    facts.update(overrides)
    return client_services.client_register(organisation=user.organisation, created_by=user, **facts)


def make_consent(*, client: Client, user: User, organisations: Sequence[Organisation]) -> Consent:
    return client_services.consent_record(
        client=client,
        purpose=ConsentPurpose.REFERRAL,
        organisations=list(organisations),
        words="Ik vind het goed dat mijn gegevens naar het wijkteam gaan.",
        given_to=user,
    )


def make_referral(
    *,
    sender: User,
    service: Service,
    client: Client,
    reason: str = "Geldzorgen en weinig steun in de buurt (test).",
) -> Referral:
    return services.referral_create(
        client_id=client.pk,
        service_id=service.pk,
        user=sender,
        reason=reason,
        theme_codes=["debts-and-money"],
    )


def move(referral: Referral, *, to: str, user: User, **kwargs: Any) -> Referral:
    """One step, with a reason and outcome where the table needs them."""
    return services.referral_transition(
        referral_id=referral.pk,
        to_status=to,
        user=user,
        reason=kwargs.pop("reason", "Reden (test)."),
        outcome=kwargs.pop("outcome", "Ondersteuning afgerond (test)."),
        expected_lock_version=kwargs.pop("expected_lock_version", referral.lock_version),
        **kwargs,
    )


def bring_to(referral: Referral, status: str, *, sender: User, receiver: User) -> Referral:
    """Move a new referral to `status` along PATH_TO."""
    for step in PATH_TO[status]:
        user = sender if step == S.CANCELLED else receiver
        referral = move(referral, to=step, user=user)
    return referral
