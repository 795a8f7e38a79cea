"""Registering for an edition: a place while there is room, then the waiting list; a
cancellation moves the first on the waiting list up; no double registrations; changing an
edition someone else changed is refused."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.trainings import selectors, services
from kansrijk.trainings.constants import EditionStatus, Profession, Register, RegistrationStatus
from kansrijk.trainings.tests.factories import make_edition

S = RegistrationStatus


def _register(edition, name, **kwargs):
    return services.registration_create(
        edition=edition, name=name, profession=kwargs.pop("profession", Profession.NURSE), **kwargs
    )


def test_a_full_edition_puts_people_on_the_waiting_list_in_order(course):
    edition = make_edition(course=course, capacity=2)
    first = _register(edition, "Deelnemer Een")
    second = _register(edition, "Deelnemer Twee")
    third = _register(edition, "Deelnemer Drie")
    fourth = _register(edition, "Deelnemer Vier")

    assert [first.status, second.status] == [S.REGISTERED, S.REGISTERED]
    assert (third.status, third.waiting_position) == (S.WAITING, 1)
    assert (fourth.status, fourth.waiting_position) == (S.WAITING, 2)
    assert selectors.places_taken(edition=edition) == 2


def test_a_cancellation_gives_the_place_to_the_first_on_the_waiting_list(course):
    edition = make_edition(course=course, capacity=1)
    first = _register(edition, "Deelnemer Een")
    waiting = _register(edition, "Deelnemer Twee")
    _register(edition, "Deelnemer Drie")

    moved = services.registration_cancel(registration=first)

    assert [r.name for r in moved] == ["Deelnemer Twee"]
    waiting.refresh_from_db()
    assert (waiting.status, waiting.waiting_position) == (S.REGISTERED, None)
    assert [r.name for r in selectors.registered_for_edition(edition=edition)] == ["Deelnemer Twee"]


def test_more_places_move_people_up_from_the_waiting_list(course):
    edition = make_edition(course=course, capacity=1)
    _register(edition, "Deelnemer Een")
    waiting = _register(edition, "Deelnemer Twee")

    services.edition_update(edition=edition, expected_version=edition.lock_version, capacity=2)

    waiting.refresh_from_db()
    assert waiting.status == S.REGISTERED


def test_fewer_places_than_registered_is_refused(course):
    edition = make_edition(course=course, capacity=2)
    _register(edition, "Deelnemer Een")
    _register(edition, "Deelnemer Twee")
    with pytest.raises(ValidationError) as refused:
        services.edition_update(edition=edition, expected_version=edition.lock_version, capacity=1)
    assert "capacity" in refused.value.message_dict


def test_a_stale_edition_change_is_refused_and_loses_nothing(edition):
    seen = edition.lock_version
    services.edition_update(edition=edition, expected_version=seen, place="Zaal 1")
    with pytest.raises(services.StaleEditionError) as refused:
        services.edition_update(edition=edition, expected_version=seen, place="Zaal 2")
    assert "iemand anders" in str(refused.value).lower()
    edition.refresh_from_db()
    assert edition.place == "Zaal 1"


def test_a_user_registers_once_and_again_after_cancelling(edition, professional):
    registration = services.registration_create(
        edition=edition, user=professional, profession=Profession.YOUTH_HEALTH_NURSE
    )
    assert registration.name == professional.get_full_name()
    assert registration.organisation_name == professional.organisation.name
    with pytest.raises(ValidationError):
        services.registration_create(
            edition=edition, user=professional, profession=Profession.YOUTH_HEALTH_NURSE
        )
    services.registration_cancel(registration=registration)
    again = services.registration_create(
        edition=edition, user=professional, profession=Profession.YOUTH_HEALTH_NURSE
    )
    assert again.status == S.REGISTERED


def test_the_same_register_number_twice_is_refused(edition):
    _register(edition, "Een", register=Register.KNOV, register_number="19012345601")
    with pytest.raises(ValidationError) as refused:
        _register(edition, "Twee", register=Register.KNOV, register_number="190 1234 5601")
    assert "register_number" in refused.value.message_dict


def test_a_closed_edition_takes_no_registrations(edition):
    services.edition_update(
        edition=edition, expected_version=edition.lock_version, status=EditionStatus.CLOSED
    )
    with pytest.raises(ValidationError):
        _register(edition, "Deelnemer Een")


def test_public_editions_appear_for_the_agenda_and_private_ones_do_not(course):
    from django.utils import timezone

    public = make_edition(course=course, public=True)
    make_edition(course=course, public=False)
    make_edition(course=course, public=True, days_from_now=-30)

    found = selectors.public_training_editions(coalition=course.coalition, since=timezone.now())

    assert list(found) == [public]
