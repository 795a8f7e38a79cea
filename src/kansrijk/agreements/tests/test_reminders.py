"""The evaluation reminder: the coordinators get one e-mail per version, 30 days ahead."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.agreements import services
from kansrijk.agreements.tests.factories import in_consultation


def _adopt(draft, coordinator, signatory_user, *, due):
    services.version_update(
        version=draft,
        expected_lock_version=draft.lock_version,
        user=coordinator,
        text=draft.text,
        evaluation_due=due,
    )
    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user)
    return services.version_adopt(version=draft, user=coordinator)


def test_the_coordinators_are_reminded_once(
    draft, coordinator, signatory_user, mailoutbox, django_capture_on_commit_callbacks
):
    outsider = make_user(organisation=make_organisation(), roles=[Role.COORDINATOR])
    today = timezone.localdate()
    _adopt(draft, coordinator, signatory_user, due=today + datetime.timedelta(days=20))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.agreements_remind_evaluation() == 1
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert outsider.email not in mailoutbox[0].to
    assert "Evalueer de afspraak: Convenant (test)" == mailoutbox[0].subject
    assert draft.document.coalition.name in mailoutbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        assert services.agreements_remind_evaluation() == 0
    assert len(mailoutbox) == 1


def test_no_reminder_before_the_30_days(
    draft, coordinator, signatory_user, mailoutbox, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + datetime.timedelta(days=45)
    _adopt(draft, coordinator, signatory_user, due=due)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.agreements_remind_evaluation() == 0
    later = timezone.now() + datetime.timedelta(days=16)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.agreements_remind_evaluation(now=later) == 1
    assert len(mailoutbox) == 1


def test_a_new_evaluation_date_means_a_new_reminder(
    draft, coordinator, signatory_user, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    version = _adopt(draft, coordinator, signatory_user, due=today + datetime.timedelta(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        services.agreements_remind_evaluation()
    version.refresh_from_db()
    services.version_evaluation_set(
        version=version,
        expected_lock_version=version.lock_version,
        user=coordinator,
        evaluation_due=today + datetime.timedelta(days=10),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.agreements_remind_evaluation() == 1
    assert len(mailoutbox) == 2


def test_the_daily_task_queues_itself_once(db):
    from django_tasks_db.models import DBTaskResult

    from kansrijk.agreements.tasks import agreements_remind_evaluation, schedule_daily_reminder

    assert schedule_daily_reminder() is not None
    assert schedule_daily_reminder() is None
    waiting = DBTaskResult.objects.filter(task_path=agreements_remind_evaluation.module_path)
    assert waiting.count() == 1


def test_the_command_reminds_now(draft, coordinator, signatory_user, capsys, mailoutbox):
    _adopt(draft, coordinator, signatory_user, due=timezone.localdate())
    call_command("agreements", "remind-evaluation")
    assert "1 herinnering verstuurd." in capsys.readouterr().out
