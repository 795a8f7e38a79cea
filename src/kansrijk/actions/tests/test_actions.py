"""The agreement engine: an owner and a date are required; decisions are recorded once, with a
note when circumstances changed and a new date when the owner carries it over; the owner is
reminded once when it is overdue; strangers cannot reach it."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.actions import selectors, services
from kansrijk.actions.constants import ActionStatus
from kansrijk.audit.selectors import audit_events_for_object

pytestmark = pytest.mark.django_db


def _today():
    """Today where Kansrijk runs, asked at test time: a run can pass midnight."""
    return timezone.localdate()


def test_an_agreement_needs_an_owner_a_partner_and_a_date(coalition, outsider, coordinator):
    common = {
        "coalition": coalition,
        "context_kind": "test.meeting",
        "context_uuid": uuid.uuid4(),
        "context_label": "Overleg",
        "description": "Iets doen",
        "created_by": coordinator,
    }
    with pytest.raises(ValidationError) as caught:
        services.action_item_create(owner_user=None, due_on=None, **common)
    assert {"owner", "due_on"} <= set(caught.value.message_dict)
    with pytest.raises(ValidationError) as caught:
        services.action_item_create(owner_user=outsider, due_on=_today(), **common)
    assert "geen partner" in " ".join(caught.value.message_dict["owner"])
    with pytest.raises(ValidationError):
        services.action_item_create(
            owner_user=coordinator, due_on=_today() - datetime.timedelta(days=1), **common
        )


def test_dispositions(agreement, professional, coordinator):
    assert audit_events_for_object(object_type="action_item", object_id=str(agreement.uuid))
    with pytest.raises(ValidationError) as caught:
        services.action_item_dispose(
            item=agreement,
            outcome="changed",
            user=professional,
            expected_version=agreement.lock_version,
        )
    assert "note" in caught.value.message_dict
    with pytest.raises(ValidationError):
        services.action_item_dispose(
            item=agreement,
            outcome="carried_over",
            user=professional,
            expected_version=agreement.lock_version,
        )
    later = _today() + datetime.timedelta(days=30)
    item = services.action_item_dispose(
        item=agreement,
        outcome="carried_over",
        new_due_on=later,
        user=professional,
        expected_version=agreement.lock_version,
    )
    assert item.is_open and item.due_on == later
    with pytest.raises(services.StaleActionItemError):
        services.action_item_dispose(
            item=agreement, outcome="done", user=coordinator, expected_version=1
        )
    item = services.action_item_dispose(
        item=item, outcome="done", user=professional, expected_version=item.lock_version
    )
    assert item.status == ActionStatus.DONE
    assert [d.outcome for d in item.dispositions.all()] == ["carried_over", "done"]
    assert not selectors.open_action_items_for_owner(professional).exists()


def test_only_the_owner_or_whom_the_meeting_allows_may_decide(
    agreement, professional, other_professional, login_as
):
    url = f"/afspraken/{agreement.uuid}/afhandelen/"
    data = {"outcome": "done", "version": agreement.lock_version}
    assert login_as(other_professional).post(url, data).status_code == 404
    response = login_as(professional).post(url, data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == ActionStatus.DONE


def test_the_owner_sees_it_and_records_it_on_her_page(agreement, professional, login_as):
    page = login_as(professional).get("/afspraken/").content.decode()
    assert "Folder over de moedergroep" in page and "Kernteamoverleg (test)" in page


def test_the_owner_is_reminded_once_when_it_is_overdue(agreement, professional, mailoutbox):
    assert services.action_items_remind_overdue(today=agreement.due_on) == 0
    after = agreement.due_on + datetime.timedelta(days=1)
    assert services.action_items_remind_overdue(today=after) == 1
    assert services.action_items_remind_overdue(today=after) == 0
    (message,) = mailoutbox
    assert message.to == [professional.email]
    # The meeting and the date; never the words, which may describe a family.
    assert "Kernteamoverleg (test)" in message.body and "moedergroep" not in message.body
