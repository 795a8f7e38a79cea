from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.programmes.constants import EnrolmentStatus
from kansrijk.programmes.demo import demo_load
from kansrijk.programmes.models import Group, Programme


def test_the_demo_has_a_planned_centering_pregnancy_group_in_zeist(organisation):
    coalition_create(
        slug="zeist",
        name="Kansrijke Start Zeist (test)",
        municipality_codes=["GM0355"],
        member_organisations=[organisation],
    )
    nurse = make_user(organisation=organisation, roles=[Role.PROFESSIONAL])
    users = {"jgz.zeist": nurse}

    demo_load(organisations={"ggd-ru": organisation}, users=users)
    demo_load(organisations={"ggd-ru": organisation}, users=users)  # idempotent

    assert Programme.objects.count() == 3
    group = Group.objects.get(coalition__slug="zeist")
    assert group.sessions.count() == 10
    assert list(group.sessions.first().facilitators.all()) == [nurse]
    assert group.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 3
