import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.programmes import services
from kansrijk.programmes.tests.factories import make_group


def test_it_plans_all_ten_centering_pregnancy_sessions_at_once(group, due_date):
    plan = services.group_plan_sessions(group)

    assert [session.number for session in plan.sessions] == list(range(1, 11))
    assert plan.clashes == []
    days = [timezone.localtime(session.starts_at).date() for session in plan.sessions]
    assert days == sorted(days)
    # Every session on the group's meeting day, two hours long, in the group's room.
    assert {day.weekday() for day in days} == {group.start_date.weekday()}
    assert all(s.ends_at - s.starts_at == datetime.timedelta(hours=2) for s in plan.sessions)
    assert {session.place for session in plan.sessions} == {group.place}
    # The first around week 16 of the pregnancy, the last after all births.
    assert abs((days[0] - (due_date - datetime.timedelta(weeks=24))).days) <= 3
    assert days[-1] > due_date + datetime.timedelta(weeks=4)


def test_planning_again_replaces_the_earlier_plan(group):
    services.group_plan_sessions(group)
    services.group_plan_sessions(group)

    assert group.sessions.count() == 10


def test_it_flags_a_room_clash_with_another_group(group, centering, coalition, due_date):
    services.group_plan_sessions(group)
    other = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=due_date,
        name="Centering Pregnancy Zaandam, tweede groep (test)",
    )

    plan = services.group_plan_sessions(other)

    assert len(plan.clashes) == 10
    assert "in dezelfde ruimte" in plan.clashes[0]
    assert "Gezondheidscentrum Zaandam, zaal 2" in plan.clashes[0]


def test_it_flags_a_facilitator_who_would_lead_two_groups_at_once(
    group, centering, coalition, organisation, due_date
):
    midwife = make_user(organisation=organisation, roles=[Role.PROFESSIONAL])
    group.facilitators.add(midwife)
    services.group_plan_sessions(group)
    other = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=due_date,
        name="Centering Pregnancy online (test)",
        place="",
        online_link="https://video.example.org/centering",
        facilitators=[midwife],
    )

    plan = services.group_plan_sessions(other)

    assert len(plan.clashes) == 10
    assert midwife.get_full_name() in plan.clashes[0]
    assert "kan niet bij allebei" in plan.clashes[0]


def test_moving_a_session_onto_another_session_of_the_same_group_is_refused(group):
    services.group_plan_sessions(group)
    second, third = group.sessions.get(number=2), group.sessions.get(number=3)

    with pytest.raises(ValidationError) as refused:
        services.session_move(
            session=third,
            starts_at=second.starts_at + datetime.timedelta(hours=1),
            place=third.place,
            expected_version=third.lock_version,
            user=None,
        )

    assert "valt dan samen met bijeenkomst 2 van deze groep" in refused.value.messages[0]
    third.refresh_from_db()
    assert third.starts_at > second.ends_at  # not moved


def test_moving_a_session_into_another_groups_room_keeps_it_and_names_the_clash(
    group, centering, coalition, due_date
):
    services.group_plan_sessions(group)
    other = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=due_date + datetime.timedelta(days=3),
        start_date=due_date - datetime.timedelta(weeks=24, days=-3),
        name="Centering Pregnancy Zaandam, donderdag (test)",
        place="Wijkcentrum De Poort, zaal 1",
    )
    services.group_plan_sessions(other)
    theirs = other.sessions.get(number=1)
    ours = group.sessions.get(number=1)

    clashes = services.session_move(
        session=ours,
        starts_at=theirs.starts_at,
        place="Wijkcentrum De Poort, zaal 1",
        expected_version=ours.lock_version,
        user=None,
    )

    assert len(clashes) == 1
    assert "in dezelfde ruimte (Wijkcentrum De Poort, zaal 1)" in clashes[0]
    ours.refresh_from_db()
    assert ours.starts_at == theirs.starts_at


def test_a_stale_move_gets_a_clear_message(group):
    services.group_plan_sessions(group)
    session = group.sessions.get(number=4)
    stale = session.lock_version
    services.session_move(
        session=session,
        starts_at=session.starts_at + datetime.timedelta(hours=2),
        place=session.place,
        expected_version=stale,
        user=None,
    )

    with pytest.raises(ValidationError) as refused:
        services.session_move(
            session=session,
            starts_at=session.starts_at + datetime.timedelta(days=1),
            place=session.place,
            expected_version=stale,
            user=None,
        )

    assert "Iemand anders heeft bijeenkomst 4 intussen gewijzigd" in refused.value.messages[0]


def test_the_planner_sees_the_room_clash_in_dutch_and_an_overlap_refused_on_the_page(
    group, centering, coalition, due_date, professional, login_as
):
    group.facilitators.add(professional)
    services.group_plan_sessions(group)
    other = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=due_date,
        name="Centering Pregnancy Zaandam, tweede groep (test)",
    )
    other.facilitators.add(professional)
    browser = login_as(professional)

    page = browser.post(f"/programmas/groepen/{other.uuid}/plannen/", follow=True)

    text = page.content.decode()
    assert "Alle 10 bijeenkomsten zijn gepland." in text
    assert "in dezelfde ruimte (Gezondheidscentrum Zaandam, zaal 2)" in text
    session = other.sessions.get(number=2)
    first = other.sessions.get(number=1)
    response = browser.post(
        f"/programmas/bijeenkomsten/{session.uuid}/verplaatsen/",
        {
            "starts_at": timezone.localtime(first.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "place": session.place,
            "online_link": "",
            "version": session.lock_version,
        },
    )
    assert response.status_code == 400
    assert "valt dan samen met bijeenkomst 1 van deze groep" in response.content.decode()


def test_someone_who_does_not_lead_or_coordinate_cannot_plan(group, professional, login_as):
    response = login_as(professional).post(f"/programmas/groepen/{group.uuid}/plannen/")

    assert response.status_code == 403
    assert not group.sessions.exists()
