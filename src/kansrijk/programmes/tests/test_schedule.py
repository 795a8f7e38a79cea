import datetime

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
