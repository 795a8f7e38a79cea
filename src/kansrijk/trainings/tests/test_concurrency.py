"""Two registrations race for the last place of an edition: one gets the place, the other the
waiting list; the edition is never overbooked. On PostgreSQL, with real concurrent
connections (one per thread).

As in programmes/tests/test_concurrency.py: the rows the threads work on must be committed,
so this ordinary `django_db` test does its database work on connections of its own, in other
threads, in autocommit, and deletes exactly the rows it made in a `finally`.
"""

import datetime
import threading
import uuid

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from kansrijk.organisations.constants import Domain
from kansrijk.organisations.models import Coalition, Organisation
from kansrijk.trainings import services
from kansrijk.trainings.constants import Profession, RegistrationStatus
from kansrijk.trainings.models import Course, Edition, Registration

S = RegistrationStatus

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: SQLite lets one writer in at a time, so two registrations can "
    "never count the places at once; run `make test-postgres`",
)

ROUNDS = 5
CAPACITY = 3


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


def _world() -> dict:
    tag = uuid.uuid4().hex[:6]
    organisation = Organisation.objects.create(name=f"Demo GGD {tag}", domain=Domain.MEDICAL)
    coalition = Coalition.objects.create(slug=f"demo-{tag}", name=f"Demo {tag}")
    course = Course.objects.create(coalition=coalition, title=f"Demo training {tag}", hours=6)
    return {"organisation": organisation, "coalition": coalition, "course": course}


def _edition_with_one_place_left(world: dict) -> Edition:
    starts_at = timezone.now() + datetime.timedelta(days=10)
    edition = Edition.objects.create(
        course=world["course"],
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=7),
        capacity=CAPACITY,
    )
    for number in range(CAPACITY - 1):
        Registration.objects.create(
            edition=edition, name=f"Deelnemer {number}", profession="nurse", status=S.REGISTERED
        )
    return edition


def _clean(world: dict) -> None:
    world["course"].delete()  # editions and registrations with it
    world["coalition"].delete()
    world["organisation"].delete()


def _race(edition: Edition, monkeypatch) -> list[str]:
    """Both threads pass the checks, wait for each other, then take a place at once."""
    checked_both = threading.Barrier(2, timeout=20)
    original = services._participant

    def check_then_wait(**kwargs):
        result = original(**kwargs)
        checked_both.wait()
        return result

    monkeypatch.setattr(services, "_participant", check_then_wait)
    results = ["", ""]

    def run(index: int) -> None:
        try:
            registration = services.registration_create(
                edition=edition, name=f"Racer {index}", profession=Profession.NURSE
            )
            results[index] = registration.status
        except Exception as error:  # reported in the assertion
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _taken(edition: Edition) -> int:
    return Registration.objects.filter(edition=edition, status=S.REGISTERED).count()


@pytest.mark.django_db
def test_two_registrations_racing_for_the_last_place_never_overbook(monkeypatch):
    world = _own_connection(_world)
    try:
        for _round in range(ROUNDS):
            edition = _own_connection(_edition_with_one_place_left, world)
            results = _race(edition, monkeypatch)
            assert sorted(results) == [S.REGISTERED, S.WAITING], results
            assert _own_connection(_taken, edition) == CAPACITY
    finally:
        _own_connection(_clean, world)
