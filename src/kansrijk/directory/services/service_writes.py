"""Writes to services: create, update (optimistically locked), verify and capacity."""

import datetime
import uuid
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kansrijk.directory.constants import (
    CapacityStatus,
    ServiceStatus,
)
from kansrijk.directory.models import (
    Organization,
    Program,
    Service,
)
from kansrijk.directory.services._history import (
    ACTION_CREATE,
    ACTION_UPDATE,
    SERVICE_COLLECTIONS,
    SERVICE_FIELDS,
    SYSTEM_ACTOR,
    StaleEditError,
    _apply,
    _check_keys,
    _creation_changes,
    _full_clean,
    _history_write,
)
from kansrijk.directory.services.related import _check_capacity, _collections_set, _services_reindex

# --- services ----------------------------------------------------------------------------------


@transaction.atomic
def service_create(
    *,
    organization: Organization,
    name: str,
    description: str = "",
    alternate_name: str = "",
    program: Program | None = None,
    url: str = "",
    email: str = "",
    status: str = ServiceStatus.ACTIVE,
    interpretation_services: str = "",
    application_process: str = "",
    fees_description: str = "",
    wait_time: str = "",
    fees: str = "",
    accreditations: str = "",
    eligibility_description: str = "",
    minimum_age: Decimal | None = None,
    maximum_age: Decimal | None = None,
    licenses: str = "",
    alert: str = "",
    capacity_status: str = CapacityStatus.OPEN,
    capacity_wait_weeks: int | None = None,
    self_referral: bool = False,
    assured_date: datetime.date | None = None,
    assurer_email: str = "",
    theme_codes: Iterable[str] = (),
    target_group_codes: Iterable[str] = (),
    phase_codes: Iterable[str] = (),
    area_codes: Iterable[str] = (),
    location_ids: Iterable[uuid.UUID | str] = (),
    phones: Sequence[Mapping[str, Any]] = (),
    schedules: Sequence[Mapping[str, Any]] = (),
    languages: Sequence[Mapping[str, Any]] = (),
    cost_options: Sequence[Mapping[str, Any]] = (),
    service_id: uuid.UUID | None = None,
    updated_by: str,
) -> Service:
    """Create a service with its terms, areas (CBS codes GM/WK/BU), locations, phones,
    schedules, languages and cost options. Rows are dicts of the HSDS table's fields."""
    _check_capacity(status=capacity_status, wait_weeks=capacity_wait_weeks)
    now = timezone.now()
    service = Service(
        id=service_id or uuid.uuid4(),
        organization=organization,
        program=program,
        name=name,
        alternate_name=alternate_name,
        description=description,
        url=url,
        email=email,
        status=status,
        interpretation_services=interpretation_services,
        application_process=application_process,
        fees_description=fees_description,
        wait_time=wait_time,
        fees=fees,
        accreditations=accreditations,
        eligibility_description=eligibility_description,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        licenses=licenses,
        alert=alert,
        capacity_status=capacity_status,
        capacity_wait_weeks=(
            capacity_wait_weeks if capacity_status == CapacityStatus.WAITING_LIST else None
        ),
        capacity_updated=now,
        self_referral=self_referral,
        assured_date=assured_date,
        assurer_email=assurer_email,
        version=1,
    )
    _full_clean(service)
    service.save(force_insert=True)
    changes = list(_creation_changes(service, SERVICE_FIELDS | {"assured_date", "assurer_email"}))
    collection_changes = _collections_set(
        service=service,
        values={
            "theme_codes": theme_codes,
            "target_group_codes": target_group_codes,
            "phase_codes": phase_codes,
            "area_codes": area_codes,
            "location_ids": location_ids,
            "phones": phones,
            "schedules": schedules,
            "languages": languages,
            "cost_options": cost_options,
        },
    )
    _history_write(
        resource=service,
        resource_type="service",
        action=ACTION_CREATE,
        changes=changes + [(f, None, new) for f, _old, new in collection_changes],
        updated_by=updated_by,
        when=now,
    )
    _services_reindex([service.pk])
    return service


@transaction.atomic
def service_update(
    *, service: Service, expected_version: int, updated_by: str, **changes: Any
) -> Service:
    """Change a service. `changes` are Service fields and/or the collections of
    service_create (theme_codes, area_codes, location_ids, phones, ...), each replacing the
    current set. Refused with StaleEditError when the service is no longer at
    `expected_version`. The check is one UPDATE ... WHERE version = expected, which also locks
    the row until commit, so of two concurrent edits of one version exactly one wins and the
    other is told; a real change then raises the version by one. Saving without a change
    leaves version, last change date and history as they were."""
    _check_keys(given=changes, allowed=SERVICE_FIELDS | SERVICE_COLLECTIONS, what="service_update")
    claimed = Service.objects.filter(pk=service.pk, version=expected_version).update(
        version=F("version")
    )
    if not claimed:
        current = Service.objects.filter(pk=service.pk).values_list("version", flat=True).first()
        if current is None:
            raise Service.DoesNotExist(service.pk)
        raise StaleEditError(
            service_id=service.pk, expected_version=expected_version, current_version=current
        )
    now = timezone.now()
    # The row is ours until commit: read its current state, not the caller's copy.
    fresh = Service.objects.get(pk=service.pk)
    values = {k: v for k, v in changes.items() if k in SERVICE_FIELDS}
    status = values.get("capacity_status", fresh.capacity_status)
    wait_weeks = values.get("capacity_wait_weeks", fresh.capacity_wait_weeks)
    if "capacity_status" in values or "capacity_wait_weeks" in values:
        _check_capacity(status=status, wait_weeks=wait_weeks)
        if status != CapacityStatus.WAITING_LIST:
            values["capacity_wait_weeks"] = None
    changed = _apply(fresh, values)
    if changed:
        _full_clean(fresh)
    changed += _collections_set(service=fresh, values=changes)
    if not changed:
        return fresh
    if {"capacity_status", "capacity_wait_weeks"} & {n for n, _o, _v in changed}:
        fresh.capacity_updated = now
    fresh.version = expected_version + 1
    fresh.save()
    _history_write(
        resource=fresh,
        resource_type="service",
        action=ACTION_UPDATE,
        changes=changed,
        updated_by=updated_by,
        when=now,
    )
    _services_reindex([fresh.pk])
    _copy_state(source=fresh, target=service)
    return fresh


def _copy_state(*, source: Service, target: Service) -> None:
    # Callers keep working with their instance; make it reflect what was saved.
    if source is target:
        return
    for field in Service._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


@transaction.atomic
def service_verify(*, service: Service, verified_by_email: str) -> Service:
    """Record that a person checked the whole entry today (HSDS assured_date/assurer_email),
    apart from its last change. Does not raise the version: nothing an editor can see in the
    form changes, so an open edit need not be refused."""
    today = timezone.localdate()
    fresh = Service.objects.select_for_update().get(pk=service.pk)
    changed = [
        (name, getattr(fresh, name), value)
        for name, value in (("assured_date", today), ("assurer_email", verified_by_email))
        if getattr(fresh, name) != value
    ]
    Service.objects.filter(pk=fresh.pk).update(assured_date=today, assurer_email=verified_by_email)
    _history_write(
        resource=fresh,
        resource_type="service",
        action=ACTION_UPDATE,
        # Verifying again on the same day still leaves a trace of who looked.
        changes=changed or [("assured_date", today, today)],
        updated_by=verified_by_email,
        when=timezone.now(),
    )
    service.assured_date = today
    service.assurer_email = verified_by_email
    return service


@transaction.atomic
def service_capacity_set(
    *,
    service: Service,
    status: str,
    wait_weeks: int | None = None,
    updated_by: str = SYSTEM_ACTOR,
) -> Service:
    """Set whether the service takes referrals now (open, waiting list with the expected wait
    in weeks, closed). Always succeeds on the current version and raises it, so an open edit
    form cannot silently undo the new capacity."""
    _check_capacity(status=status, wait_weeks=wait_weeks)
    if status != CapacityStatus.WAITING_LIST:
        wait_weeks = None
    now = timezone.now()
    fresh = Service.objects.select_for_update().get(pk=service.pk)
    changed = _apply(fresh, {"capacity_status": status, "capacity_wait_weeks": wait_weeks})
    update = {"capacity_status": status, "capacity_wait_weeks": wait_weeks}
    update["capacity_updated"] = now
    if changed:
        update["version"] = F("version") + 1
        update["last_modified"] = now
    Service.objects.filter(pk=fresh.pk).update(**update)
    fresh.refresh_from_db()
    if changed:
        _history_write(
            resource=fresh,
            resource_type="service",
            action=ACTION_UPDATE,
            changes=changed,
            updated_by=updated_by,
            when=now,
        )
        _services_reindex([fresh.pk])
    _copy_state(source=fresh, target=service)
    return fresh
