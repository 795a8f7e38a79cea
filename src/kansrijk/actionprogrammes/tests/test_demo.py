import pytest
from django.utils import timezone

from kansrijk.actionprogrammes import selectors
from kansrijk.actionprogrammes.demo import demo_programme_create
from kansrijk.actionprogrammes.models import ActionProgramme, Activity, ActivityReview, Target

pytestmark = pytest.mark.django_db


def test_the_demo_makes_4_lines_and_20_activities_once(coalition, organisation, other_organisation):
    today = timezone.localdate()
    organisations = {"ggd": organisation, "verloskunde": other_organisation}
    programme = demo_programme_create(coalition=coalition, organisations=organisations, today=today)
    again = demo_programme_create(coalition=coalition, organisations=organisations, today=today)
    assert again == programme
    assert ActionProgramme.objects.count() == 1
    progress = selectors.line_progress(programme=programme)
    assert [len(line.activities) for line in progress] == [5, 5, 5, 5]
    assert Activity.objects.count() == 20
    statuses = set(Activity.objects.values_list("status", flat=True))
    assert statuses == {"planned", "running", "done", "delayed", "stopped"}
    assert {a.owner_organisation for a in Activity.objects.all()} == {
        organisation,
        other_organisation,
    }
    assert any(line.overdue for line in progress)
    assert 6 <= Target.objects.count() <= 8
    assert ActivityReview.objects.count() == 2
    assert selectors.baseline(programme=programme) is not None


def test_the_demo_gives_activities_only_to_members_of_the_coalition(
    coalition, organisation, outsider_organisation
):
    organisations = {"ggd": organisation, "buurtteam-heerlen": outsider_organisation}
    demo_programme_create(
        coalition=coalition, organisations=organisations, today=timezone.localdate()
    )
    owners = set(Activity.objects.values_list("owner_organisation", flat=True))
    assert owners == {organisation.pk}
