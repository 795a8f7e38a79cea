"""Reads of clients and consents, always through who may see her.

Visibility (`clients_visible_to`): only professionals (role professional) see clients, and only
- the clients their own organisation registered (her care team), and
- the clients for whom their organisation is sender or receiver of a referral, while she has
  an active consent naming their organisation (registered by `kansrijk.referrals`, see
  extensions.py).
Coordinators and policy advisers never see a client; pseudonymised clients are seen by nobody.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from kansrijk.clients import extensions
from kansrijk.clients.constants import CLIENT_ROLES, ConsentPurpose
from kansrijk.clients.models import Client, ClientIdentity, Consent
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation
    from kansrijk.regions.models import Municipality

    AnyUser = User | AnonymousUser


def user_works_with_clients(user: AnyUser) -> bool:
    """Logged in, active, in an organisation and a professional."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.organisation_id
        and user.has_role(*CLIENT_ROLES)
    )


def clients_visible_to(user: AnyUser) -> QuerySet[Client]:
    """The clients this user may see, filtered in the query (never in Python)."""
    clients = Client.objects.select_related("municipality", "neighbourhood", "organisation")
    if not user_works_with_clients(user):
        return clients.none()
    organisation_id = user.organisation_id
    visible = Q(organisation_id=organisation_id)
    consented = Consent.objects.filter(
        organisations=organisation_id, withdrawn_at__isnull=True
    ).values("client_id")
    for lookup in extensions.visibility_lookups():
        # Party to a referral (registered by kansrijk.referrals), and only while a consent
        # names this organisation.
        visible |= Q(pk__in=lookup(organisation_id)) & Q(pk__in=consented)
    return clients.filter(visible, pseudonymised_at__isnull=True)


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def client_get_for_user(user: AnyUser, uuid: Any) -> Client | None:
    """The client with this public id when the user may see her; None otherwise (also for
    an unknown or malformed id), so a view answers 404 and existence does not leak."""
    client_uuid = _as_uuid(uuid)
    if client_uuid is None:
        return None
    return clients_visible_to(user).filter(uuid=client_uuid).first()


def client_get(*, client_id: int) -> Client | None:
    """A client by internal id, WITHOUT an access check: for services and tasks only."""
    return (
        Client.objects.select_related("municipality", "neighbourhood", "organisation")
        .filter(pk=client_id)
        .first()
    )


def client_identity_get(*, client: Client) -> ClientIdentity | None:
    """Her identifying details, decrypted. Check access first and audit the read."""
    return ClientIdentity.objects.filter(client=client).first()


def client_has_identity(*, client: Client) -> bool:
    return ClientIdentity.objects.filter(client=client).exists()


def _id_filter(value: Any, *, pk_lookup: str, uuid_lookup: str) -> Q:
    """An integer primary key, or a public id (UUID, or its text)."""
    if isinstance(value, int):
        return Q(**{pk_lookup: value})
    public_id = _as_uuid(value)
    if public_id is not None:
        return Q(**{uuid_lookup: public_id})
    return Q(**{pk_lookup: value})


def consent_covers(client_id: Any, organisation_id: Any, purpose: str) -> Consent | None:
    """Her newest active (not withdrawn) consent for this purpose naming this organisation as a
    recipient, or None: then nothing may go to that organisation. Ids are primary keys, or
    public ids (UUIDs). Withdrawal takes effect at once: call this right before
    sharing, inside the transaction that shares."""
    try:
        return (
            Consent.objects.filter(
                _id_filter(client_id, pk_lookup="client_id", uuid_lookup="client__uuid"),
                _id_filter(
                    organisation_id, pk_lookup="organisations", uuid_lookup="organisations__uuid"
                ),
                purpose=purpose,
                withdrawn_at__isnull=True,
                client__pseudonymised_at__isnull=True,
            )
            .order_by("-given_at", "-id")
            .first()
        )
    except (ValidationError, ValueError, TypeError):
        return None


def consents_for_client(*, client: Client) -> QuerySet[Consent]:
    """All her consents, active ones first, newest first. Check access to her first."""
    return (
        Consent.objects.filter(client=client)
        .select_related("given_to", "given_to_organisation", "withdrawn_by")
        .prefetch_related("organisations")
        .order_by(F("withdrawn_at").desc(nulls_first=True), "-given_at", "-id")
    )


def consent_get(*, client: Client, uuid: Any) -> Consent | None:
    consent_uuid = _as_uuid(uuid)
    if consent_uuid is None:
        return None
    return consents_for_client(client=client).filter(uuid=consent_uuid).first()


def consent_recipient_choices(*, client: Client) -> QuerySet[Organisation]:
    """The organisations she may consent to share with: the partners in the coalitions of her
    municipality, except her own care team."""
    return (
        organisation_selectors.organisation_list()
        .filter(coalitions__municipalities=client.municipality_id)
        .exclude(pk=client.organisation_id)
        .distinct()
        .order_by("name")
    )


def municipality_choices(*, organisation: Organisation | None) -> QuerySet[Municipality]:
    """The municipalities a professional registers clients in: those of her organisation's
    coalitions and its own municipality; all municipalities when there are none."""
    municipalities = region_selectors.municipality_list().order_by("name")
    if organisation is None:
        return municipalities
    wanted = Q(coalitions__members=organisation.pk)
    if organisation.municipality_id:
        wanted |= Q(pk=organisation.municipality_id)
    chosen = municipalities.filter(wanted).distinct()
    return chosen if chosen.exists() else municipalities


def _names_joined(names: Iterable[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return gettext("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


# The standard words per purpose; `own` is the organisation that records the consent.
_STANDARD_WORDS = {
    ConsentPurpose.REFERRAL: gettext_noop(
        "I agree that %(own)s passes on my details to %(recipients)s. This is needed to refer "
        "me to them. They only get the details they need for this. I may withdraw this consent "
        "at any time. From that moment, nothing more is shared."
    ),
    ConsentPurpose.CASE_CONSULTATION: gettext_noop(
        "I agree that %(own)s talks about me and my child with %(recipients)s. They do this in "
        "a meeting, to find the best help together. They only share what the meeting needs. I "
        "may withdraw this consent at any time. From that moment, nothing more is shared."
    ),
    ConsentPurpose.INFORMATION_EXCHANGE: gettext_noop(
        "I agree that %(own)s and %(recipients)s give each other details about me and my "
        "child. This is needed to help me well. They only share what is needed. I may withdraw "
        "this consent at any time. From that moment, nothing more is shared."
    ),
}


def consent_standard_words(
    *, purpose: str, recipient_names: Iterable[str], own_organisation_name: str
) -> str:
    """The standard words of consent for this purpose and these recipients, in plain Dutch
    (B1) whatever the interface language: the professional reads them with her, may adapt
    them, and what was shown is stored."""
    template = _STANDARD_WORDS[ConsentPurpose(purpose)]
    with translation.override("nl"):
        return gettext(template) % {
            "own": own_organisation_name,
            "recipients": _names_joined(recipient_names),
        }


def clients_retention_cutoff(*, now: datetime) -> datetime:
    return now - timedelta(days=settings.KANSRIJK_RETENTION_DAYS)


def clients_expired(*, now: datetime) -> QuerySet[Client]:
    """Clients without activity for the retention period and not yet pseudonymised."""
    return Client.objects.filter(
        pseudonymised_at__isnull=True, last_activity_at__lt=clients_retention_cutoff(now=now)
    )
