"""Writes of agreements: make one, and record what a meeting (or its owner) decided."""

from __future__ import annotations

import datetime
import uuid as uuid_module
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.selectors import audit_actor
from kansrijk.actions.constants import (
    AUDIT_ACTION_CREATE,
    AUDIT_ACTION_DISPOSE,
    AUDIT_OBJECT_ACTION_ITEM,
    ActionStatus,
    Disposition,
)
from kansrijk.actions.models import ActionItem, ActionItemDisposition
from kansrijk.audit.services import audit_record

if TYPE_CHECKING:
    from kansrijk.accounts.models import User

__all__ = [
    "StaleActionItemError",
    "action_item_create",
    "action_item_dispose",
    "action_items_remind_overdue",
]


class StaleActionItemError(Exception):
    """Someone else decided about this agreement since the version the user saw."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this agreement in the meantime. Reload the page and try again.")
        )


def _audit(*, action: str, item: ActionItem, user: User | None, detail: dict[str, Any]) -> None:
    audit_record(
        action=action,
        object_type=AUDIT_OBJECT_ACTION_ITEM,
        object_id=str(item.uuid),
        detail={"context": item.context_kind, "context_id": str(item.context_uuid), **detail},
        source="system",
        **audit_actor(user),
    )


@transaction.atomic
def action_item_create(
    *,
    coalition,
    context_kind: str,
    context_uuid: uuid_module.UUID,
    context_label: str,
    description: str,
    owner_user: User | None,
    owner_organisation=None,
    due_on: datetime.date | None,
    created_by: User | None,
    meeting_uuid: uuid_module.UUID | None = None,
    today: datetime.date | None = None,
) -> ActionItem:
    """Record an agreement. It needs an owner (a person and their organisation, a partner in
    the coalition) and a due date that is not in the past. The owner's organisation is the
    owner's own unless given."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    description = (description or "").strip()
    if not description:
        errors["description"] = _("Write down what was agreed.")
    if owner_user is None:
        errors["owner"] = _("An agreement needs an owner: choose who will do it.")
    else:
        owner_organisation = owner_organisation or owner_user.organisation
        if owner_organisation is None or owner_user.organisation_id != owner_organisation.pk:
            errors["owner"] = _("The owner must work for the organisation named with them.")
        elif not coalition.members.filter(pk=owner_organisation.pk).exists():
            errors["owner"] = _("The owner's organisation is not a partner in this coalition.")
        elif not owner_user.is_active:
            errors["owner"] = _("This person no longer has an active account.")
    if due_on is None:
        errors["due_on"] = _("Give a due date.")
    elif due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    item = ActionItem.objects.create(
        coalition=coalition,
        context_kind=context_kind,
        context_uuid=context_uuid,
        context_label=context_label[:200],
        meeting_uuid=meeting_uuid,
        description=description,
        owner_user=owner_user,
        owner_organisation=owner_organisation,
        due_on=due_on,
        created_by=created_by,
    )
    _audit(
        action=AUDIT_ACTION_CREATE,
        item=item,
        user=created_by,
        detail={"owner": str(owner_user.uuid), "due_on": due_on.isoformat()},
    )
    return item


@transaction.atomic
def action_item_dispose(
    *,
    item: ActionItem,
    outcome: str,
    user: User,
    expected_version: int,
    note: str = "",
    new_due_on: datetime.date | None = None,
    meeting_kind: str = "",
    meeting_uuid: uuid_module.UUID | None = None,
    today: datetime.date | None = None,
) -> ActionItem:
    """Record what was decided about an open agreement: done; not done because circumstances
    changed (closed, with a note why); or not done by the owner (stays open with a new due
    date). Two people deciding at once cannot both win: the version must still match."""
    today = today or timezone.localdate()
    note = (note or "").strip()
    errors: dict[str, str] = {}
    if outcome not in Disposition.values:
        errors["outcome"] = _("Choose what happened with this agreement.")
    elif outcome == Disposition.CHANGED and not note:
        errors["note"] = _("Say what changed, so everyone knows why it was not done.")
    elif outcome == Disposition.CARRIED_OVER:
        if new_due_on is None:
            errors["new_due_on"] = _("Give a new due date.")
        elif new_due_on < today:
            errors["new_due_on"] = _("The new due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    if not item.is_open:
        raise ValidationError(_("This agreement is already closed."))

    changes: dict[str, Any] = {"lock_version": F("lock_version") + 1}
    if outcome == Disposition.CARRIED_OVER:
        changes["due_on"] = new_due_on
        changes["overdue_notified_at"] = None
    else:
        changes["status"] = (
            ActionStatus.DONE if outcome == Disposition.DONE else ActionStatus.CANCELLED
        )
        changes["closed_at"] = timezone.now()
    claimed = ActionItem.objects.filter(
        pk=item.pk, lock_version=expected_version, status=ActionStatus.OPEN
    ).update(**changes)
    if not claimed:
        raise StaleActionItemError()
    ActionItemDisposition.objects.create(
        item=item,
        outcome=outcome,
        note=note,
        previous_due_on=item.due_on,
        new_due_on=new_due_on if outcome == Disposition.CARRIED_OVER else None,
        meeting_kind=meeting_kind,
        meeting_uuid=meeting_uuid,
        decided_by=user,
    )
    item.refresh_from_db()
    _audit(
        action=AUDIT_ACTION_DISPOSE,
        item=item,
        user=user,
        detail={"outcome": outcome, "meeting": str(meeting_uuid or "")},
    )
    return item


def action_items_remind_overdue(*, today: datetime.date | None = None) -> int:
    """E-mail each owner once about an agreement that passed its due date; returns how many
    e-mails. Each item is claimed atomically, so two runs never both send. The e-mail names
    the meeting and the date, not the agreement's words (they may describe a family)."""
    from django.core.mail import send_mail
    from django.urls import reverse

    from kansrijk.core.links import absolute_url

    today = today or timezone.localdate()
    sent = 0
    candidates = ActionItem.objects.filter(
        status=ActionStatus.OPEN, due_on__lt=today, overdue_notified_at__isnull=True
    ).select_related("owner_user")
    for item in candidates:
        claimed = ActionItem.objects.filter(pk=item.pk, overdue_notified_at__isnull=True).update(
            overdue_notified_at=timezone.now()
        )
        if not claimed or not item.owner_user.email:
            continue
        send_mail(
            _("An agreement is overdue"),
            _(
                "An agreement you own, made at %(meeting)s, was due on %(due)s. Record what "
                "happened, or agree a new date at the next meeting: %(link)s"
            )
            % {
                "meeting": item.context_label,
                "due": item.due_on.strftime("%d-%m-%Y"),
                "link": absolute_url(reverse("actions:mine")),
            },
            None,
            [item.owner_user.email],
        )
        sent += 1
    return sent
