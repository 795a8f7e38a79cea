"""What every client service shares: limits, the stale-edit error, the audit call and the
checks of her facts."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kansrijk.audit.constants import SOURCE_SYSTEM, Outcome
from kansrijk.audit.services import audit_record
from kansrijk.clients.constants import (
    AUDIT_OBJECT_CLIENT,
    LANGUAGE_CHOICES,
    MAX_CHILD_AGE_DAYS,
    MAX_DUE_DATE_DAYS_AHEAD,
    MAX_DUE_DATE_DAYS_PAST,
    MAX_PARENT_AGE,
    MIN_PARENT_AGE,
    PSEUDONYM_ALPHABET,
    PSEUDONYM_LENGTH,
    PSEUDONYM_PREFIX,
)
from kansrijk.clients.models import Client

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.regions.models import Municipality, Neighbourhood

# Facts client_update may change.
CLIENT_FIELDS = frozenset(
    {
        "year_of_birth",
        "due_date",
        "child_birth_date",
        "municipality",
        "neighbourhood",
        "language",
        "interpreter_needed",
    }
)
IDENTITY_FIELDS = ("name", "phone", "email", "address")
MAX_WORDS_LENGTH = 4000
MAX_IDENTITY_LENGTH = 500
EXPORT_FORMAT = "kansrijk.client-export/1"


class StaleEditError(Exception):
    """The record changed since the user opened it: their edit is refused, nothing is lost."""

    def __init__(self, *, expected_version: int, current_version: int) -> None:
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            _(
                "Someone else changed this in the meantime. Check what is saved now, then save "
                "your changes again."
            )
        )


# --- audit -------------------------------------------------------------------------------------


def client_audit_record(
    *,
    action: str,
    user: User | None,
    client_uuid: str,
    outcome: str = Outcome.ALLOWED,
    detail: Mapping[str, Any] | None = None,
    audit_context: Mapping[str, Any] | None = None,
) -> None:
    """Write one audit event about a client (or an attempt to reach one). `detail` holds ids
    and short facts only, never her name or contact details. `audit_context` is
    audit.services.audit_request_context(request) for events a request causes; without it the
    source is "system" (a command, a task)."""
    organisation = getattr(user, "organisation", None) if user is not None else None
    who: dict[str, Any] = {
        "actor_id": str(user.uuid) if user is not None else "",
        "actor_display": user.get_username() if user is not None else "",
        "actor_role": ",".join(sorted(user.role_codes)) if user is not None else "",
        "actor_organisation_id": str(organisation.uuid) if organisation is not None else "",
        "source": SOURCE_SYSTEM,
    }
    who.update(audit_context or {})
    audit_record(
        action=action,
        client_id=client_uuid,
        object_type=AUDIT_OBJECT_CLIENT,
        object_id=client_uuid,
        outcome=outcome,
        detail=dict(detail or {}),
        **who,
    )


# --- validation --------------------------------------------------------------------------------


def _check_facts(
    *,
    year_of_birth: int | None,
    due_date: datetime.date | None,
    child_birth_date: datetime.date | None,
    municipality: Municipality | None,
    neighbourhood: Neighbourhood | None,
    language: str,
    today: datetime.date,
    complete: bool = True,
) -> None:
    """`complete`: a professional registers the year of birth and a due or birth date; a
    parent who asks for help on the parent site gives neither, and the intake adds them."""
    errors: dict[str, list[str]] = {}
    if year_of_birth is None:
        if complete:
            errors.setdefault("year_of_birth", []).append(_("Fill in the year of birth."))
    elif not (today.year - MAX_PARENT_AGE <= year_of_birth <= today.year - MIN_PARENT_AGE):
        errors.setdefault("year_of_birth", []).append(
            _("Fill in a year of birth between %(first)s and %(last)s.")
            % {"first": today.year - MAX_PARENT_AGE, "last": today.year - MIN_PARENT_AGE}
        )
    if complete and due_date is None and child_birth_date is None:
        errors.setdefault("due_date", []).append(
            _("Fill in the due date, the child's date of birth, or both.")
        )
    if due_date is not None and not (
        today - datetime.timedelta(days=MAX_DUE_DATE_DAYS_PAST)
        <= due_date
        <= today + datetime.timedelta(days=MAX_DUE_DATE_DAYS_AHEAD)
    ):
        errors.setdefault("due_date", []).append(
            _("A due date lies at most %(days)s days ahead and at most %(past)s days ago.")
            % {"days": MAX_DUE_DATE_DAYS_AHEAD, "past": MAX_DUE_DATE_DAYS_PAST}
        )
    if child_birth_date is not None:
        if child_birth_date > today:
            errors.setdefault("child_birth_date", []).append(
                _("The date of birth cannot be in the future.")
            )
        elif child_birth_date < today - datetime.timedelta(days=MAX_CHILD_AGE_DAYS):
            errors.setdefault("child_birth_date", []).append(
                _("Kansrijk is for the first 1000 days: the child is older than 4 years.")
            )
    if municipality is None:
        errors.setdefault("municipality", []).append(_("Choose a municipality."))
    elif neighbourhood is not None and neighbourhood.municipality_id != municipality.pk:
        errors.setdefault("neighbourhood", []).append(
            _("This neighbourhood is not in %(municipality)s.") % {"municipality": municipality}
        )
    if language not in dict(LANGUAGE_CHOICES):
        errors.setdefault("language", []).append(_("Choose a language from the list."))
    if errors:
        raise ValidationError(errors)


def _new_pseudonym() -> str:
    code = "".join(secrets.choice(PSEUDONYM_ALPHABET) for _n in range(PSEUDONYM_LENGTH))
    return f"{PSEUDONYM_PREFIX}{code}"


def _touch(client: Client, *, when: datetime.datetime) -> None:
    Client.objects.filter(pk=client.pk, last_activity_at__lt=when).update(last_activity_at=when)
    client.last_activity_at = max(client.last_activity_at, when)


def _check_not_pseudonymised(client: Client) -> None:
    if client.pseudonymised_at is not None:
        raise ValidationError(
            _("This client's details were removed after the retention period."),
            code="pseudonymised",
        )
