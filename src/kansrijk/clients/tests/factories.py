"""Clients for tests, made through the services (so pseudonyms and audit events are real).
Only invented people: "Demo ..." names, example.nl addresses, 06-12345678-style numbers."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from kansrijk.clients import services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client, Consent
    from kansrijk.organisations.models import Organisation

ZAANSTAD = "GM0479"


def make_client(*, user: User, **overrides: Any) -> Client:
    """A client registered by `user`'s organisation, in Zaanstad, due in three months."""
    facts: dict[str, Any] = {
        "year_of_birth": timezone.localdate().year - 27,
        "municipality": region_selectors.municipality_get(code=ZAANSTAD),
        "due_date": timezone.localdate() + datetime.timedelta(days=90),
    }
    facts.update(overrides)
    return services.client_register(organisation=user.organisation, created_by=user, **facts)


def make_consent(
    *,
    client: Client,
    user: User,
    organisations: list[Organisation],
    purpose: str = ConsentPurpose.REFERRAL,
    words: str = "Ik vind het goed dat mijn gegevens naar het wijkteam gaan.",
) -> Consent:
    return services.consent_record(
        client=client, purpose=purpose, organisations=organisations, words=words, given_to=user
    )


def zaanstad_neighbourhood():
    municipality = region_selectors.municipality_get(code=ZAANSTAD)
    return (
        region_selectors.neighbourhood_list(municipality=municipality)
        .exclude(code=None)
        .order_by("code")
        .first()
    )
