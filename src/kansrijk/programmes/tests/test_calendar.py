import datetime

from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.core.calendar import personal_items
from kansrijk.programmes import services
from kansrijk.programmes.tests.factories import make_client, make_group


def test_the_personal_calendar_holds_the_sessions_the_user_facilitates_only(
    group, centering, coalition, due_date, professional, organisation
):
    group.facilitators.add(professional)
    services.group_plan_sessions(group)
    services.enrolment_create(group=group, client=make_client(user=professional), user=professional)
    colleague = make_user(organisation=organisation, roles=[Role.PROFESSIONAL])
    other = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=due_date,
        name="Centering Pregnancy online (test)",
        place="",
        online_link="https://video.example.nl/centering",
        facilitators=[colleague],
    )
    services.group_plan_sessions(other)
    since = timezone.now()

    items = [
        item
        for item in personal_items(professional, since)
        if item.uid.startswith("programme-session-")
    ]

    sessions = list(group.sessions.order_by("number"))
    assert [item.uid for item in items] == [
        f"programme-session-{s.uuid}@kansrijk.nl" for s in sessions
    ]
    assert items[0].title == f"{group.name}: bijeenkomst 1 van 10"
    assert items[0].location == group.place
    assert items[0].path == f"/programmas/bijeenkomsten/{sessions[0].uuid}/"
    assert not any("KS-" in item.title or "KS-" in item.description for item in items)
    later = since + datetime.timedelta(weeks=40)
    assert len([i for i in personal_items(professional, later) if "programme" in i.uid]) == 0
