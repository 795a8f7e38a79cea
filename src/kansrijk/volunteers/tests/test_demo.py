"""The Zeist demo: Samen Oplopen's volunteers and the family waiting for one."""

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.volunteers import selectors
from kansrijk.volunteers.demo import demo_load
from kansrijk.volunteers.models import ContactLog, Match, Volunteer

pytestmark = pytest.mark.django_db


def test_the_demo_suggests_samira_first_and_never_fatima_or_the_full_anneke():
    ggd = make_organisation(name="GGD regio Utrecht (test)")
    coalition = coalition_create(
        slug="zeist",
        name="Kansrijke Start Zeist",
        municipality_codes=["GM0355"],
        member_organisations=[ggd],
    )
    users = {
        "coordinator.zeist": make_user(organisation=ggd, roles=[Role.COORDINATOR]),
        "jgz.zeist": make_user(organisation=ggd, roles=[Role.PROFESSIONAL]),
    }

    demo_load(organisations={"ggd-ru": ggd}, users=users)

    waiting = list(selectors.family_requests_waiting(coalition_id=coalition.pk))
    assert [r.language for r in waiting] == ["ar"]
    suggestions = selectors.volunteer_suggestions(request=waiting[0], today=timezone.localdate())
    assert suggestions[0].volunteer.first_name == "Demo Samira"
    excluded = {s.volunteer.first_name for s in suggestions if not s.suggested}
    assert excluded == {"Demo Fatima", "Demo Anneke"}
    assert Match.objects.filter(status="active").count() == 2


def test_the_demo_volunteer_logs_in_to_her_family_with_a_missed_review_and_a_worry():
    ggd = make_organisation(name="GGD regio Utrecht (test)")
    coalition_create(
        slug="zeist",
        name="Kansrijke Start Zeist",
        municipality_codes=["GM0355"],
        member_organisations=[ggd],
    )
    coordinator = make_user(organisation=ggd, roles=[Role.COORDINATOR])
    users = {"coordinator.zeist": coordinator, "jgz.zeist": make_user(roles=[Role.PROFESSIONAL])}
    users["jgz.zeist"].organisation = ggd
    users["jgz.zeist"].save()

    demo_load(organisations={"ggd-ru": ggd}, users=users)

    volunteer_user = User.objects.get(username="vrijwilliger.samenoplopen")
    assert volunteer_user.role_codes == {Role.VOLUNTEER}
    assert volunteer_user.requires_2fa
    families = selectors.own_families(volunteer_user)
    assert [f.first_name for f in families] == ["Noor"]
    assert families[0].minutes == 180
    assert families[0].contact_route.startswith("WhatsApp")
    missed = selectors.check_ins_missed(today=timezone.localdate())
    assert [c.kind for c in missed] == ["review"]
    assert ContactLog.objects.filter(worry=True, worry_handled_at=None).count() == 1


def test_loading_the_demo_twice_adds_nothing_the_second_time():
    ggd = make_organisation(name="GGD regio Utrecht (test)")
    coalition_create(
        slug="zeist",
        name="Kansrijke Start Zeist",
        municipality_codes=["GM0355"],
        member_organisations=[ggd],
    )
    users = {
        "coordinator.zeist": make_user(organisation=ggd, roles=[Role.COORDINATOR]),
        "jgz.zeist": make_user(organisation=ggd, roles=[Role.PROFESSIONAL]),
    }
    demo_load(organisations={"ggd-ru": ggd}, users=users)
    demo_load(organisations={"ggd-ru": ggd}, users=users)
    assert Volunteer.objects.count() == 4
