"""The Zeist demo: Samen Oplopen's volunteers and the family waiting for one."""

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.volunteers import selectors
from kansrijk.volunteers.demo import demo_load
from kansrijk.volunteers.models import Match, Volunteer

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
    assert Match.objects.filter(status="active").count() == 1


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
