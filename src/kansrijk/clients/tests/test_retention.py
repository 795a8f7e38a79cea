"""After the retention period without activity she is pseudonymised: identity deleted, dates
coarsened to the month, consents ended, and nobody sees her any more."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.clients import selectors, services
from kansrijk.clients.constants import AUDIT_CLIENT_PSEUDONYMISED, ConsentPurpose
from kansrijk.clients.models import Client, ClientIdentity
from kansrijk.clients.tasks import pseudonymise_expired_clients
from kansrijk.clients.tests.factories import make_client, make_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def retention(settings):
    settings.KANSRIJK_RETENTION_DAYS = 30
    return datetime.timedelta(days=30)


@pytest.fixture
def old_client(professional, other_organisation, coalition):
    """A client registered 40 days ago, with an identity and an active consent."""
    registered = timezone.now() - datetime.timedelta(days=40)
    client = make_client(
        user=professional,
        now=registered,
        due_date=registered.date() + datetime.timedelta(days=20),
        child_birth_date=registered.date() - datetime.timedelta(days=300),
    )
    services.identity_set(client=client, set_by=professional, name="Demo Oud")
    make_consent(client=client, user=professional, organisations=[other_organisation])
    Client.objects.filter(pk=client.pk).update(last_activity_at=registered)
    client.refresh_from_db()
    return client


def test_a_client_past_the_retention_period_is_pseudonymised(
    retention, old_client, other_organisation, professional
):
    due, born = old_client.due_date, old_client.child_birth_date
    assert services.clients_pseudonymise_expired() == 1
    old_client.refresh_from_db()
    assert old_client.pseudonymised_at is not None
    assert old_client.due_date == due.replace(day=1)
    assert old_client.child_birth_date == born.replace(day=1)
    assert not ClientIdentity.objects.filter(client=old_client).exists()
    assert (
        selectors.consent_covers(old_client.pk, other_organisation.pk, ConsentPurpose.REFERRAL)
        is None
    )
    assert selectors.client_get_for_user(professional, old_client.uuid) is None
    event = audit_events_for_client(client_id=str(old_client.uuid)).first()
    assert event.action == AUDIT_CLIENT_PSEUDONYMISED
    assert event.source == "system"


def test_a_recently_active_client_is_kept(retention, professional):
    client = make_client(user=professional)
    assert services.clients_pseudonymise_expired() == 0
    client.refresh_from_db()
    assert client.pseudonymised_at is None


def test_activity_in_a_referral_restarts_the_period(retention, old_client):
    services.client_touch(client_id=old_client.pk)
    assert services.clients_pseudonymise_expired() == 0


def test_a_second_run_does_nothing_more(retention, old_client):
    services.clients_pseudonymise_expired()
    assert services.clients_pseudonymise_expired() == 0
    assert (
        audit_events_for_client(client_id=str(old_client.uuid))
        .filter(action=AUDIT_CLIENT_PSEUDONYMISED)
        .count()
        == 1
    )


def test_the_command_pseudonymises_now(retention, old_client):
    out = StringIO()
    call_command("clients", "pseudonymise-expired", stdout=out)
    old_client.refresh_from_db()
    assert old_client.pseudonymised_at is not None
    assert "1" in out.getvalue()


def test_the_command_can_hand_the_work_to_the_worker(retention, old_client, settings):
    from django_tasks_db.models import DBTaskResult

    out = StringIO()
    call_command("clients", "pseudonymise-expired", "--enqueue", stdout=out)
    task = DBTaskResult.objects.get()
    assert task.task_path == "kansrijk.clients.tasks.pseudonymise_expired_clients"
    assert str(task.id) in out.getvalue()
    old_client.refresh_from_db()
    assert old_client.pseudonymised_at is None  # not yet: the worker does it


def test_the_task_pseudonymises_when_the_worker_runs_it(retention, old_client):
    assert pseudonymise_expired_clients.call() == 1
    old_client.refresh_from_db()
    assert old_client.pseudonymised_at is not None
