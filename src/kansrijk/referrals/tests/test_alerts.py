"""A referral not answered in time alerts the referrer and the coalition's coordinators once,
on their work list and by e-mail (without client details); a background task does it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from kansrijk.referrals import services
from kansrijk.referrals.constants import AlertAudience, ReferralStatus
from kansrijk.referrals.models import Alert, Referral
from kansrijk.referrals.selectors import alerts_for_coordinator, work_list_for_professional
from kansrijk.referrals.services import alerts
from kansrijk.referrals.tasks import referrals_alert_overdue
from kansrijk.referrals.tests.factories import move

S = ReferralStatus


def _after_deadline(referral, days: int = 1) -> datetime.datetime:
    due = datetime.datetime.combine(
        referral.answer_due, datetime.time(9), tzinfo=timezone.get_current_timezone()
    )
    return due + datetime.timedelta(days=days)


def _make_overdue(referral) -> None:
    Referral.objects.filter(pk=referral.pk).update(
        answer_due=timezone.localdate() - datetime.timedelta(days=1)
    )


def test_an_overdue_referral_alerts_sender_and_coordinator_once(
    referral, sender, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        made = services.referrals_alert_overdue(now=_after_deadline(referral))
    assert made == 2
    alerts = {(a.recipient, a.audience) for a in Alert.objects.all()}
    assert alerts == {(sender, AlertAudience.SENDER), (coordinator, AlertAudience.COORDINATOR)}
    assert sorted(m.to[0] for m in mailoutbox) == sorted([sender.email, coordinator.email])

    with django_capture_on_commit_callbacks(execute=True):
        again = services.referrals_alert_overdue(now=_after_deadline(referral, days=3))
    assert again == 0
    assert Alert.objects.count() == 2
    assert len(mailoutbox) == 2


def test_the_email_holds_no_client_details(referral, coordinator, mailoutbox):
    referral.refresh_from_db()
    services.referral_alert_overdue(referral_id=referral.pk, now=_after_deadline(referral))
    # pytest-django runs on_commit callbacks never; send what the commit would.
    alerts._alerts_send(list(Alert.objects.values_list("pk", flat=True)))
    assert mailoutbox
    for mail in mailoutbox:
        assert referral.client.pseudonym not in mail.body + mail.subject
        assert referral.reason not in mail.body
        assert referral.service_name in mail.subject


def test_a_second_claim_of_the_same_referral_makes_nothing(referral, coordinator):
    now = _after_deadline(referral)
    assert services.referral_alert_overdue(referral_id=referral.pk, now=now) == 2
    assert services.referral_alert_overdue(referral_id=referral.pk, now=now) == 0
    assert Alert.objects.count() == 2


def test_it_does_not_alert_before_the_deadline(referral, coordinator):
    on_the_day = _after_deadline(referral, days=0)
    assert services.referrals_alert_overdue(now=on_the_day) == 0


def test_once_the_receiver_has_read_it_the_referral_no_longer_counts_as_overdue(
    referral, receiver, coordinator
):
    # fhir-referral.md: "received" shows the sender it was read, and overdue alerts stop.
    move(referral, to=S.RECEIVED, user=receiver)
    assert services.referrals_alert_overdue(now=_after_deadline(referral)) == 0
    assert Alert.objects.count() == 0


def test_alerts_show_on_the_work_lists_without_client_details_for_the_coordinator(
    referral, sender, coordinator, login_as
):
    services.referral_alert_overdue(referral_id=referral.pk, now=_after_deadline(referral))
    assert [a.referral for a in work_list_for_professional(sender).alerts] == [referral]
    assert [a.referral_id for a in alerts_for_coordinator(coordinator)] == [referral.pk]

    page = login_as(coordinator).get("/verwijzingen/overzicht/").content.decode()
    assert referral.service_name in page
    assert referral.client.pseudonym not in page
    assert str(referral.uuid) not in page


def test_the_command_alerts_now(referral, coordinator):
    _make_overdue(referral)
    call_command("referrals", "alert-overdue")
    assert Alert.objects.count() == 2


def test_the_command_can_leave_it_to_the_worker(referral, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("referrals", "alert-overdue", "--enqueue")
    assert DBTaskResult.objects.count() == before + 1
    assert not Alert.objects.exists()


def test_the_task_alerts(referral, coordinator):
    _make_overdue(referral)
    assert referrals_alert_overdue.call() == 2


def test_putting_an_alert_away(referral, sender, login_as):
    services.referral_alert_overdue(referral_id=referral.pk, now=_after_deadline(referral))
    alert = Alert.objects.get(recipient=sender)
    response = login_as(sender).post(f"/verwijzingen/meldingen/{alert.uuid}/gelezen/")
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.read_at is not None
    assert work_list_for_professional(sender).alerts == []


@pytest.mark.parametrize("who", ["receiver", "coordinator"])
def test_nobody_else_can_put_an_alert_away(who, referral, sender, request, login_as):
    services.referral_alert_overdue(referral_id=referral.pk, now=_after_deadline(referral))
    alert = Alert.objects.get(recipient=sender)
    response = login_as(request.getfixturevalue(who)).post(
        f"/verwijzingen/meldingen/{alert.uuid}/gelezen/"
    )
    assert response.status_code == 404
    alert.refresh_from_db()
    assert alert.read_at is None
