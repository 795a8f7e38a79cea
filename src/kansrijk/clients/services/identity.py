"""Her name and contact details (encrypted), only where a referral needs them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.clients.constants import (
    AUDIT_IDENTITY_REMOVED,
    AUDIT_IDENTITY_SET,
)
from kansrijk.clients.models import Client, ClientIdentity
from kansrijk.clients.services._common import (
    MAX_IDENTITY_LENGTH,
    StaleEditError,
    _check_not_pseudonymised,
    _touch,
    client_audit_record,
)

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


def _check_identity(values: Mapping[str, str]) -> None:
    errors: dict[str, list[str]] = {}
    for name, value in values.items():
        if len(value) > MAX_IDENTITY_LENGTH:
            errors.setdefault(name, []).append(
                _("Use at most %(count)s characters.") % {"count": MAX_IDENTITY_LENGTH}
            )
    if values.get("email"):
        try:
            validate_email(values["email"])
        except ValidationError:
            errors.setdefault("email", []).append(
                _("Fill in an e-mail address like name@example.nl.")
            )
    phone = values.get("phone", "")
    if phone and not all(c.isdigit() or c in " +-()" for c in phone):
        errors.setdefault("phone", []).append(
            _("A phone number has only digits, spaces, +, - and brackets.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def identity_set(
    *,
    client: Client,
    set_by: User | None,
    name: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    expected_version: int | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> ClientIdentity | None:
    """Store her name and contact details (encrypted), only what a referral needs. All empty:
    her identity is removed. `expected_version` is the identity's lock_version the user saw
    (0: there was none); a different current version raises StaleEditError. The audit event
    names the fields that changed, never their values."""
    _check_not_pseudonymised(client)
    values = {
        "name": name.strip(),
        "phone": phone.strip(),
        "email": email.strip(),
        "address": address.strip(),
    }
    _check_identity(values)
    identity = ClientIdentity.objects.filter(client=client).first()
    current_version = identity.lock_version if identity is not None else 0
    if expected_version is not None and expected_version != current_version:
        raise StaleEditError(expected_version=expected_version, current_version=current_version)
    now = timezone.now()
    if identity is not None:
        claimed = ClientIdentity.objects.filter(
            pk=identity.pk, lock_version=current_version
        ).update(lock_version=F("lock_version"))
        if not claimed:
            fresh_version = (
                ClientIdentity.objects.filter(pk=identity.pk)
                .values_list("lock_version", flat=True)
                .first()
            )
            raise StaleEditError(
                expected_version=current_version, current_version=fresh_version or 0
            )
        identity.refresh_from_db()
    if not any(values.values()):
        if identity is None:
            return None
        identity.delete()
        _touch(client, when=now)
        client_audit_record(
            action=AUDIT_IDENTITY_REMOVED,
            user=set_by,
            client_uuid=str(client.uuid),
            audit_context=audit_context,
        )
        return None
    if identity is None:
        identity = ClientIdentity(client=client, lock_version=0)
        changed = sorted(name for name, value in values.items() if value)
    else:
        changed = sorted(n for n, v in values.items() if getattr(identity, n) != v)
        if not changed:
            return identity
    for field, value in values.items():
        setattr(identity, field, value)
    identity.lock_version += 1
    identity.updated_at = now
    identity.updated_by = set_by
    try:
        with transaction.atomic():
            identity.save()
    except IntegrityError as exc:  # someone else created her identity at the same moment
        raise StaleEditError(expected_version=0, current_version=1) from exc
    _touch(client, when=now)
    client_audit_record(
        action=AUDIT_IDENTITY_SET,
        user=set_by,
        client_uuid=str(client.uuid),
        detail={"fields": changed},
        audit_context=audit_context,
    )
    return identity
