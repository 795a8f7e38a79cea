from datetime import timedelta

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.programmes import services
from kansrijk.programmes.constants import AUDIT_ENROLMENT_CREATED, EnrolmentStatus, LeaveReason
from kansrijk.programmes.tests.factories import make_client

E = EnrolmentStatus


def _fill(group, professional, count):
    return [
        services.enrolment_create(
            group=group, client=make_client(user=professional), user=professional
        ).enrolment
        for _ in range(count)
    ]


def test_a_client_gets_a_place_while_the_group_has_room(group, professional):
    client = make_client(user=professional)

    outcome = services.enrolment_create(group=group, client=client, user=professional)

    assert outcome.enrolment.status == E.ENROLLED
    assert client.pseudonym in outcome.message
    event = AuditEvent.objects.filter(action=AUDIT_ENROLMENT_CREATED).latest("id")
    assert event.client_id == str(client.uuid)


def test_a_full_group_puts_her_on_the_waiting_list_with_a_clear_message(group, professional):
    group.capacity = 2
    group.save()
    _fill(group, professional, 2)
    client = make_client(user=professional)

    outcome = services.enrolment_create(group=group, client=client, user=professional)

    assert outcome.enrolment.status == E.WAITING_LIST
    assert outcome.enrolment.waiting_position == 1
    assert "is vol (2 plaatsen)" in outcome.message
    assert "wachtlijst, nummer 1" in outcome.message
    assert group.enrolments.filter(status=E.ENROLLED).count() == 2


def test_leaving_moves_the_first_on_the_waiting_list_up(group, professional):
    group.capacity = 1
    group.save()
    (first,) = _fill(group, professional, 1)
    waiting = _fill(group, professional, 2)

    moved_up = services.enrolment_leave(
        enrolment=first, user=professional, reason=LeaveReason.MOVED
    )

    assert moved_up == waiting[0]
    first.refresh_from_db()
    assert (first.status, first.leave_reason) == (E.LEFT, LeaveReason.MOVED)
    statuses = dict(group.enrolments.values_list("pk", "status"))
    assert statuses == {first.pk: E.LEFT, waiting[0].pk: E.ENROLLED, waiting[1].pk: E.WAITING_LIST}
    waiting[1].refresh_from_db()
    assert waiting[1].waiting_position == 1  # the next in line is now first


def test_it_refuses_to_enrol_the_same_client_twice(group, professional):
    client = make_client(user=professional)
    services.enrolment_create(group=group, client=client, user=professional)

    with pytest.raises(services.EnrolmentRefused) as refused:
        services.enrolment_create(group=group, client=client, user=professional)

    assert "al in deze groep" in refused.value.message


def test_it_refuses_an_ineligible_client_with_the_reasons(group, professional):
    # Week 30 already: Centering Pregnancy starts before week 20.
    late = make_client(user=professional, due_date=timezone.localdate() + timedelta(weeks=10))

    with pytest.raises(services.EnrolmentRefused) as refused:
        services.enrolment_create(group=group, client=late, user=professional)

    assert "kan niet meedoen" in refused.value.message
    assert "voor week 20" in refused.value.reasons[0]
    assert not group.enrolments.exists()


def test_leaving_twice_is_refused(group, professional):
    (enrolment,) = _fill(group, professional, 1)
    services.enrolment_leave(enrolment=enrolment, user=professional, reason=LeaveReason.MEDICAL)

    with pytest.raises(services.EnrolmentRefused):
        services.enrolment_leave(enrolment=enrolment, user=professional, reason=LeaveReason.MOVED)
