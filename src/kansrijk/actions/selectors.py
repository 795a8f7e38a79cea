"""Reads of agreements: an owner's open ones, a meeting's, and those a next meeting must
decide about."""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from kansrijk.actions.constants import DUE_SOON_DAYS, ActionStatus
from kansrijk.actions.contexts import context_for
from kansrijk.actions.models import ActionItem

if TYPE_CHECKING:
    from kansrijk.accounts.models import User


def _listed() -> QuerySet[ActionItem]:
    return ActionItem.objects.select_related("owner_user", "owner_organisation").prefetch_related(
        "dispositions"
    )


def open_action_items_for_owner(user: Any) -> QuerySet[ActionItem]:
    if not user.is_authenticated:
        return ActionItem.objects.none()
    return _listed().filter(owner_user=user, status=ActionStatus.OPEN).order_by("due_on")


def action_items_for_context(
    *, context_kind: str, context_uuid: uuid_module.UUID
) -> QuerySet[ActionItem]:
    return _listed().filter(context_kind=context_kind, context_uuid=context_uuid)


def open_action_items_for_contexts(
    *, context_kind: str, context_uuids: Iterable[uuid_module.UUID]
) -> QuerySet[ActionItem]:
    return _listed().filter(
        context_kind=context_kind, context_uuid__in=list(context_uuids), status=ActionStatus.OPEN
    )


def open_action_items_before(
    *, coalition, context_kind: str, before: datetime.datetime
) -> QuerySet[ActionItem]:
    """Open agreements a coalition made at earlier meetings of this kind: each must get a
    disposition at the next meeting."""
    return _listed().filter(
        coalition=coalition,
        context_kind=context_kind,
        status=ActionStatus.OPEN,
        created_at__lt=before,
    )


def action_item_may_dispose(user: User, item: ActionItem) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if item.owner_user_id == user.pk:
        return True
    context = context_for(item.context_kind)
    return bool(context and context.may_dispose(user, item))


def action_item_get_for_user(user: Any, uuid: Any) -> ActionItem | None:
    """The agreement, if this user may decide about it (its owner, or whom its meeting
    allows); None otherwise, so a stranger cannot tell it exists."""
    try:
        uuid = uuid_module.UUID(str(uuid))
    except ValueError:
        return None
    item = _listed().filter(uuid=uuid).first()
    if item is None or not action_item_may_dispose(user, item):
        return None
    return item


def action_item_path(item: ActionItem) -> str:
    context = context_for(item.context_kind)
    return context.path(item) if context else ""


def action_item_is_overdue(item: ActionItem, today: datetime.date) -> bool:
    return item.is_open and item.due_on < today


def action_item_is_due_soon(item: ActionItem, today: datetime.date) -> bool:
    return item.is_open and today <= item.due_on <= today + datetime.timedelta(DUE_SOON_DAYS)


def action_items_for_context_kind(
    *, context_kind: str, context_uuids: Iterable[uuid_module.UUID]
) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(
        context_kind=context_kind, context_uuid__in=list(context_uuids)
    )
