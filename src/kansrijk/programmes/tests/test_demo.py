from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.organisations.services import coalition_create
from kansrijk.programmes import integration
from kansrijk.programmes.constants import (
    CENTERING_PREGNANCY,
    FATHER_GROUP,
    MOTHER_GROUP,
    ONLINE_PREGNANCY_GROUP,
    AttendanceStatus,
    EnrolmentStatus,
)
from kansrijk.programmes.demo import demo_load
from kansrijk.programmes.models import Attendance, ContinuationConsent, Group, Programme


def test_the_demo_shows_the_zeist_groups_with_attendance_and_a_continuation(organisation):
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

    assert Programme.objects.count() == 6
    groups = {g.programme.code: g for g in Group.objects.filter(coalition__slug="zeist")}
    assert set(groups) == {CENTERING_PREGNANCY, ONLINE_PREGNANCY_GROUP, MOTHER_GROUP, FATHER_GROUP}
    centering = groups[CENTERING_PREGNANCY]
    assert centering.sessions.count() == 10
    assert list(centering.sessions.first().facilitators.all()) == [nurse]
    assert centering.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 3

    online, mother = groups[ONLINE_PREGNANCY_GROUP], groups[MOTHER_GROUP]
    assert Attendance.objects.filter(session__group=online).exists()
    assert Attendance.objects.filter(status=AttendanceStatus.ABSENT).count() == 1
    assert mother.continues_from == online
    assert mother.sessions.count() == 6
    assert ContinuationConsent.objects.filter(agreed=True).count() == 3
    assert ContinuationConsent.objects.filter(agreed=False).count() == 1
    assert mother.enrolments.count() == 3  # the one who did not agree stays out

    father = groups[FATHER_GROUP]
    assert father.sessions.count() == 4
    today = timezone.localdate()
    work = integration.facilitator_section(nurse, today)
    assert len(work["calls"]) == 1  # the absence at the online group's last session
    starting = integration.starting_groups_section(nurse, today)
    assert father in starting["groups"]
