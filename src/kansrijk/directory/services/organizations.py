"""Writes to organisations."""

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from kansrijk.directory.models import (
    Organization,
)
from kansrijk.directory.services._history import (
    ACTION_CREATE,
    ACTION_UPDATE,
    ORGANIZATION_FIELDS,
    _apply,
    _check_keys,
    _creation_changes,
    _full_clean,
    _history_write,
)
from kansrijk.directory.services.related import _services_reindex

# --- organisations -----------------------------------------------------------------------------


@transaction.atomic
def organization_create(
    *,
    name: str,
    description: str,
    managed_by=None,
    alternate_name: str = "",
    email: str = "",
    website: str = "",
    tax_status: str = "",
    tax_id: str = "",
    year_incorporated: int | None = None,
    legal_status: str = "",
    logo: str = "",
    uri: str = "",
    parent_organization: Organization | None = None,
    organization_id: uuid.UUID | None = None,
    updated_by: str,
) -> Organization:
    """Create a directory organisation. `managed_by` is the partner organisation
    (organisations.Organisation) whose directory editors may change it."""
    organization = Organization(
        id=organization_id or uuid.uuid4(),
        name=name,
        description=description,
        managed_by=managed_by,
        alternate_name=alternate_name,
        email=email,
        website=website,
        tax_status=tax_status,
        tax_id=tax_id,
        year_incorporated=year_incorporated,
        legal_status=legal_status,
        logo=logo,
        uri=uri,
        parent_organization=parent_organization,
    )
    _full_clean(organization)
    organization.save(force_insert=True)
    _history_write(
        resource=organization,
        resource_type="organization",
        action=ACTION_CREATE,
        changes=_creation_changes(organization, ORGANIZATION_FIELDS),
        updated_by=updated_by,
        when=timezone.now(),
    )
    return organization


@transaction.atomic
def organization_update(
    *, organization: Organization, updated_by: str, **changes: Any
) -> Organization:
    _check_keys(given=changes, allowed=ORGANIZATION_FIELDS, what="organization_update")
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    changed = _apply(organization, changes)
    if not changed:
        return organization
    _full_clean(organization)
    organization.save(update_fields=[name for name, _o, _n in changed] + ["last_modified"])
    _history_write(
        resource=organization,
        resource_type="organization",
        action=ACTION_UPDATE,
        changes=changed,
        updated_by=updated_by,
        when=timezone.now(),
    )
    _services_reindex(organization.services.values_list("id", flat=True))
    return organization
