"""Making a referral: consent for the receiving organisation first, a service that takes
referrals, and an answer deadline in working days."""

import datetime

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.directory.constants import CapacityStatus
from kansrijk.referrals import services
from kansrijk.referrals.constants import AUDIT_REFERRAL_CREATED, ReferralStatus
from kansrijk.referrals.models import Referral, ReferralEvent, ServiceAnswerTime
from kansrijk.referrals.tests.factories import (
    make_client,
    make_consent,
    make_referral,
    make_service,
)


def test_it_makes_a_referral_with_a_deadline_and_a_first_event(
    professional, service, demo_client, consent, other_organisation
):
    referral = make_referral(sender=professional, service=service, client=demo_client)

    assert referral.status == ReferralStatus.REQUESTED
    assert referral.receiver_organisation == other_organisation
    assert referral.sender_organisation == professional.organisation
    assert referral.consent == consent
    assert referral.service_id == service.pk
    assert referral.service_name == service.name
    assert referral.answer_due == services.add_working_days(timezone.localdate(), 5)
    event = ReferralEvent.objects.get(referral=referral)
    assert (event.from_status, event.to_status, event.user) == ("", "requested", professional)
    audit = AuditEvent.objects.filter(action=AUDIT_REFERRAL_CREATED).get()
    assert audit.client_id == str(demo_client.uuid)
    assert audit.actor_id == str(professional.uuid)


def test_it_refuses_without_consent_for_the_receiver(professional, service, demo_client):
    with pytest.raises(services.ConsentMissing) as missing:
        make_referral(sender=professional, service=service, client=demo_client)
    assert "heeft geen toestemming gegeven" in missing.value.message
    assert missing.value.status_code == 409
    assert not Referral.objects.exists()


def test_it_refuses_when_the_consent_names_another_organisation(
    professional, demo_client, other_organisation, organisation, coalition
):
    elsewhere = make_service(receiver=organisation, name="JGZ Zaandam (test)")
    make_consent(client=demo_client, user=professional, organisations=[other_organisation])
    with pytest.raises(services.ConsentMissing):
        make_referral(sender=professional, service=elsewhere, client=demo_client)


def test_it_refuses_a_service_that_is_not_in_kansrijk(professional, demo_client, consent):
    service = make_service(receiver=None)
    with pytest.raises(services.ReferralInvalid, match="neemt geen verwijzingen aan via Kansrijk"):
        make_referral(sender=professional, service=service, client=demo_client)


def test_it_refuses_a_service_that_is_closed(
    professional, demo_client, consent, other_organisation
):
    service = make_service(receiver=other_organisation, capacity_status=CapacityStatus.CLOSED)
    with pytest.raises(services.ReferralInvalid, match="neemt nu geen verwijzingen aan"):
        make_referral(sender=professional, service=service, client=demo_client)


def test_it_takes_a_service_with_a_waiting_list(
    professional, demo_client, consent, other_organisation
):
    service = make_service(
        receiver=other_organisation,
        capacity_status=CapacityStatus.WAITING_LIST,
        capacity_wait_weeks=6,
    )
    assert make_referral(sender=professional, service=service, client=demo_client).pk


def test_it_refuses_a_client_the_professional_may_not_see(
    other_professional, service, demo_client, consent
):
    with pytest.raises(services.ReferralInvalid, match="kunt deze cliënt niet verwijzen"):
        make_referral(sender=other_professional, service=service, client=demo_client)


def test_it_refuses_an_empty_question(professional, service, demo_client, consent):
    with pytest.raises(services.ReferralInvalid, match="Schrijf op wat de vraag"):
        make_referral(sender=professional, service=service, client=demo_client, reason="  ")


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (datetime.date(2026, 1, 5), 5, datetime.date(2026, 1, 12)),  # Monday -> Monday
        (datetime.date(2026, 1, 9), 5, datetime.date(2026, 1, 16)),  # Friday -> Friday
        (datetime.date(2026, 1, 10), 1, datetime.date(2026, 1, 12)),  # Saturday -> Monday
        (datetime.date(2026, 1, 8), 2, datetime.date(2026, 1, 12)),  # Thursday -> Monday
    ],
)
def test_the_deadline_counts_working_days(start, days, due):
    assert services.add_working_days(start, days) == due


def test_a_service_can_set_its_own_answer_time(professional, service, demo_client, consent):
    ServiceAnswerTime.objects.create(service_id=service.pk, working_days=10)
    referral = make_referral(sender=professional, service=service, client=demo_client)
    assert referral.answer_due == services.add_working_days(timezone.localdate(), 10)


def test_the_overdue_check_is_queued_after_commit(
    professional, service, demo_client, consent, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        referral = make_referral(sender=professional, service=service, client=demo_client)
    queued = DBTaskResult.objects.get(task_path="kansrijk.referrals.tasks.referrals_alert_overdue")
    assert timezone.localdate(queued.run_after) == referral.answer_due + datetime.timedelta(days=1)


def test_a_parent_can_refer_herself(professional, other_organisation, coalition):
    client = make_client(user=professional)
    make_consent(client=client, user=professional, organisations=[other_organisation])
    service = make_service(receiver=other_organisation, self_referral=True)

    referral = services.referral_self_create(
        client_id=client.pk, service_id=service.pk, reason="Ik wil hulp bij geldzaken."
    )

    assert referral.self_referral is True
    assert referral.sender_organisation is None and referral.sender_user is None
    assert referral.receiver_organisation == other_organisation


def test_a_parent_cannot_sign_up_where_only_referrals_are_taken(
    professional, other_organisation, coalition, service
):
    client = make_client(user=professional)
    make_consent(client=client, user=professional, organisations=[other_organisation])
    with pytest.raises(services.ReferralInvalid, match="niet zelf aanmelden"):
        services.referral_self_create(client_id=client.pk, service_id=service.pk, reason="Hulp.")
