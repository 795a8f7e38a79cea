"""Her consent: recorded in her own words, withdrawn at once."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.clients import selectors
from kansrijk.clients.constants import (
    AUDIT_CONSENT_RECORDED,
    AUDIT_CONSENT_WITHDRAWN,
    ConsentPurpose,
)
from kansrijk.clients.models import Client, Consent
from kansrijk.clients.services._common import (
    MAX_WORDS_LENGTH,
    _check_not_pseudonymised,
    _touch,
    client_audit_record,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation


def _normalise_words(words: str) -> str:
    # Stored as shown: only line endings are made uniform and the ends trimmed.
    return words.replace("\r\n", "\n").replace("\r", "\n").strip()


@transaction.atomic
def consent_record(
    *,
    client: Client,
    purpose: str,
    organisations: Iterable[Organisation],
    words: str,
    given_to: User,
    given_at: datetime.datetime | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Consent:
    """Record her consent for `purpose` to share with `organisations` (partners in the
    coalitions of her municipality), in her own words as they were shown to her."""
    _check_not_pseudonymised(client)
    recipients = list(dict.fromkeys(organisations))
    words = _normalise_words(words)
    errors: dict[str, list[str]] = {}
    if purpose not in ConsentPurpose.values:
        errors.setdefault("purpose", []).append(_("Choose what the consent is for."))
    if not recipients:
        errors.setdefault("organisations", []).append(
            _("Choose at least one organisation that may receive her details.")
        )
    else:
        # Her own care team may be named too: a parent who asks the intake for help herself
        # (parent site) consents to exactly that organisation, which then holds her record.
        allowed = set(
            selectors.consent_recipient_choices(client=client).values_list("pk", flat=True)
        ) | {client.organisation_id}
        if any(o.pk not in allowed for o in recipients):
            errors.setdefault("organisations", []).append(
                _("Only partners in the coalition of her municipality can be chosen.")
            )
    if not words:
        errors.setdefault("words", []).append(_("Write down the words of her consent."))
    elif len(words) > MAX_WORDS_LENGTH:
        errors.setdefault("words", []).append(
            _("Use at most %(count)s characters.") % {"count": MAX_WORDS_LENGTH}
        )
    if errors:
        raise ValidationError(errors)
    now = given_at or timezone.now()
    consent = Consent.objects.create(
        client=client,
        purpose=purpose,
        words=words,
        given_at=now,
        given_to=given_to,
        given_to_organisation=given_to.organisation if given_to is not None else None,
    )
    consent.organisations.set(recipients)
    _touch(client, when=now)
    client_audit_record(
        action=AUDIT_CONSENT_RECORDED,
        user=given_to,
        client_uuid=str(client.uuid),
        detail={
            "consent": str(consent.uuid),
            "purpose": purpose,
            "recipients": sorted(str(o.uuid) for o in recipients),
        },
        audit_context=audit_context,
    )
    return consent


@transaction.atomic
def consent_withdraw(
    *,
    consent: Consent,
    withdrawn_by: User | None,
    note: str = "",
    now: datetime.datetime | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> Consent:
    """Withdraw her consent: from this moment it covers nothing (consent_covers answers None).
    Withdrawing twice is refused with a ValidationError; the first withdrawal stands."""
    now = now or timezone.now()
    claimed = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=withdrawn_by, withdrawal_note=note.strip()
    )
    if not claimed:
        raise ValidationError(_("This consent was already withdrawn."), code="already_withdrawn")
    consent.refresh_from_db()
    _touch(consent.client, when=now)
    client_audit_record(
        action=AUDIT_CONSENT_WITHDRAWN,
        user=withdrawn_by,
        client_uuid=str(consent.client.uuid),
        detail={"consent": str(consent.uuid), "purpose": consent.purpose},
        audit_context=audit_context,
    )
    return consent
