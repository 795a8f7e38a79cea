"""Two enrolments race for the last place of a group: one gets the place, the other the
waiting list, and nothing is lost. On PostgreSQL, with real concurrent connections (one per
thread).

As in referrals/tests/test_concurrency.py: the rows the threads work on must be committed, or
the threads' own connections would not see them, and a `transaction=True` test would flush the
regions the root conftest loads once per session. So this is an ordinary `django_db` test that
does all its database work on connections of its own, in other threads, in autocommit: it
writes a small world directly through the models, lets two threads race, checks, and deletes
exactly the rows it made in a `finally`. The audit call is replaced by a recorder (the audit
log is append-only and could not be cleaned up).
"""

import datetime
import threading
import uuid

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User, UserRole
from kansrijk.audit.models import AuditEvent
from kansrijk.clients.models import Client
from kansrijk.organisations.constants import Domain
from kansrijk.organisations.models import Coalition, Organisation
from kansrijk.programmes import services
from kansrijk.programmes.constants import EnrolmentStatus
from kansrijk.programmes.models import Enrolment, Group, Programme
from kansrijk.programmes.tests.factories import CENTERING_PREGNANCY_OFFSETS
from kansrijk.regions.models import Municipality

E = EnrolmentStatus

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: SQLite lets one writer in at a time (BEGIN IMMEDIATE), so two "
    "enrolments can never count the places at once; run `make test-postgres`",
)

ROUNDS = 5
CAPACITY = 3


def _world() -> dict:
    """An organisation with a professional, a coalition, a programme: committed."""
    tag = uuid.uuid4().hex[:6].upper()
    organisation = Organisation.objects.create(
        name=f"Demo verloskundigen {tag}", domain=Domain.MEDICAL
    )
    user = User.objects.create(username=f"demo-midwife-{tag}", organisation=organisation)
    UserRole.objects.create(user=user, role=Role.PROFESSIONAL)
    coalition = Coalition.objects.create(slug=f"demo-{tag.lower()}", name=f"Demo {tag}")
    programme = Programme.objects.create(
        code=f"centering-{tag.lower()}",
        name=f"Centering Pregnancy {tag}",
        session_count=10,
        session_offsets_weeks=CENTERING_PREGNANCY_OFFSETS,
        group_size_max=CAPACITY,
    )
    return {
        "tag": tag,
        "organisation": organisation,
        "user": user,
        "coalition": coalition,
        "programme": programme,
        "clients": [],
        "groups": [],
    }


def _client(world: dict) -> Client:
    client = Client.objects.create(
        pseudonym=f"KS-{uuid.uuid4().hex[:8].upper()}",
        year_of_birth=timezone.localdate().year - 28,
        due_date=timezone.localdate() + datetime.timedelta(weeks=30),
        municipality=Municipality.objects.get(code="GM0479"),
        organisation=world["organisation"],
    )
    world["clients"].append(client)
    return client


def _group_with_one_place_left(world: dict) -> tuple[Group, list[Client]]:
    """A group of CAPACITY places, all but one taken; two new candidates."""
    due = timezone.localdate() + datetime.timedelta(weeks=30)
    group = Group.objects.create(
        programme=world["programme"],
        coalition=world["coalition"],
        name=f"Demo groep {world['tag']} {len(world['groups'])}",
        capacity=CAPACITY,
        start_date=due - datetime.timedelta(weeks=24),
        reference_date=due,
    )
    world["groups"].append(group)
    for _ in range(CAPACITY - 1):
        Enrolment.objects.create(group=group, client=_client(world), status=E.ENROLLED)
    return group, [_client(world), _client(world)]


def _own_connection(function, *args):
    """Run `function` in a thread of its own: its own connection, autocommit, committed."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _clean(world: dict) -> None:
    Enrolment.objects.filter(group__in=world["groups"]).delete()
    for group in world["groups"]:
        group.delete()
    for client in world["clients"]:
        client.delete()
    world["programme"].delete()
    world["coalition"].delete()
    world["user"].delete()
    world["organisation"].delete()


def _race(group: Group, candidates: list[Client], user: User, monkeypatch) -> list[str]:
    """Both threads pass the eligibility check, wait for each other, then take a place at the
    same moment."""
    checked_both = threading.Barrier(len(candidates), timeout=20)
    original = services.eligibility_check

    def check_then_wait(*args, **kwargs):
        result = original(*args, **kwargs)
        checked_both.wait()
        return result

    monkeypatch.setattr(services, "eligibility_check", check_then_wait)
    results: list[str] = [""] * len(candidates)

    def run(index: int, client: Client) -> None:
        try:
            outcome = services.enrolment_create(group=group, client=client, user=user)
            results[index] = outcome.enrolment.status
        except Exception as error:  # reported in the assertion
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, client)) for i, client in enumerate(candidates)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _outcome(group: Group) -> dict:
    return {
        status: sorted(
            Enrolment.objects.filter(group=group, status=status).values_list("client_id", flat=True)
        )
        for status in (E.ENROLLED, E.WAITING_LIST)
    } | {
        "positions": list(
            Enrolment.objects.filter(group=group, status=E.WAITING_LIST).values_list(
                "waiting_position", flat=True
            )
        )
    }


@pytest.mark.django_db
def test_two_enrolments_racing_for_the_last_place_never_overbook_the_group(monkeypatch):
    audited = []
    monkeypatch.setattr(services, "audit_record", lambda **fields: audited.append(fields))
    audit_events = _own_connection(AuditEvent.objects.count)
    world = _own_connection(_world)
    racers: list[str] = []
    try:
        for _round in range(ROUNDS):
            group, candidates = _own_connection(_group_with_one_place_left, world)
            racers += [str(client.uuid) for client in candidates]

            results = _race(group, candidates, world["user"], monkeypatch)

            assert sorted(results) == [E.ENROLLED, E.WAITING_LIST], results
            outcome = _own_connection(_outcome, group)
            assert len(outcome[E.ENROLLED]) == CAPACITY  # full, never overbooked
            winner = candidates[results.index(E.ENROLLED)]
            loser = candidates[results.index(E.WAITING_LIST)]
            assert winner.pk in outcome[E.ENROLLED]
            assert outcome[E.WAITING_LIST] == [loser.pk]  # nothing lost
            assert outcome["positions"] == [1]
        assert len(audited) == 2 * ROUNDS  # one audit record per enrolment
        assert sorted(fields["client_id"] for fields in audited) == sorted(racers)
    finally:
        _own_connection(_clean, world)
    assert _own_connection(AuditEvent.objects.count) == audit_events
