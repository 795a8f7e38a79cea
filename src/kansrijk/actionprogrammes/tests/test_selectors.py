import datetime

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.actionprogrammes import selectors, services
from kansrijk.actionprogrammes.constants import ActivityStatus
from kansrijk.indicators.models import Indicator
from kansrijk.organisations.services import coalition_create

pytestmark = pytest.mark.django_db


def _activity(line, status, ends_in_days=None, **kwargs):
    today = timezone.localdate()
    ends_on = today + datetime.timedelta(days=ends_in_days) if ends_in_days is not None else None
    return services.activity_create(
        line=line, title=f"Activiteit {status}", status=status, ends_on=ends_on, **kwargs
    )


def test_line_progress_counts_per_status_and_the_done_share(programme, line):
    for status in ["done", "done", "running", "delayed", "planned", "stopped"]:
        _activity(line, status)
    empty = services.line_create(programme=programme, number=2, title="Leeg")
    first, second = selectors.line_progress(programme=programme)
    assert first.line == line and second.line == empty
    assert first.by_status == {
        "planned": 1,
        "running": 1,
        "done": 2,
        "delayed": 1,
        "stopped": 1,
    }
    assert first.done_share == 33  # 2 of 6, rounded down
    assert [a.code for a in first.activities] == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert (second.activities, second.done_share) == ([], 0)


def test_done_share_is_100_only_when_everything_is_done(line):
    _activity(line, "done")
    assert selectors.line_progress(programme=line.programme)[0].done_share == 100
    _activity(line, "running")
    assert selectors.line_progress(programme=line.programme)[0].done_share == 50


def test_overdue_are_past_their_end_and_not_finished(programme, line):
    late = _activity(line, ActivityStatus.RUNNING, ends_in_days=-1)
    _activity(line, ActivityStatus.RUNNING, ends_in_days=0)  # ends today: not yet overdue
    _activity(line, ActivityStatus.DONE, ends_in_days=-30)
    _activity(line, ActivityStatus.STOPPED, ends_in_days=-30)
    _activity(line, ActivityStatus.PLANNED)  # no end date
    delayed = _activity(line, ActivityStatus.DELAYED, ends_in_days=-5)
    (progress,) = selectors.line_progress(programme=programme)
    assert [a.pk for a in progress.overdue] == [late.pk, delayed.pk]


def test_indicator_codes_come_from_activities_and_targets(programme, line):
    referrals = Indicator.objects.get(code="referrals")
    screened = Indicator.objects.get(code="screened")
    days = Indicator.objects.get(code="days-to-support")
    _activity(line, "running", indicators=[referrals, screened])
    services.target_set(programme=programme, line=line, indicator=days, year=2026, value=10)
    services.target_set(
        programme=programme, indicator=Indicator.objects.get(code="preterm"), year=2026, value=6
    )  # for the whole programme: no line's
    (progress,) = selectors.line_progress(programme=programme)
    assert progress.indicator_codes == ["screened", "referrals", "days-to-support"]


def test_baseline_and_the_current_programme(programme, coalition):
    assert selectors.baseline(programme=programme) == (
        datetime.date(2023, 1, 1),
        datetime.date(2023, 12, 31),
    )
    later = services.programme_create(
        coalition=coalition,
        name="Volgend programma",
        starts_on=datetime.date(2028, 1, 1),
        ends_on=datetime.date(2031, 12, 31),
    )
    assert selectors.programme_for_coalition(coalition=coalition) == later
    assert selectors.baseline(programme=later) is None


def test_who_sees_and_who_changes_the_programme(
    programme, coordinator, policy_adviser, professional, administrator, outsider
):
    def sees(user):
        return selectors.programme_get_for_user(user=user, uuid=programme.uuid) is not None

    assert (sees(coordinator), sees(policy_adviser), sees(administrator)) == (True, True, True)
    assert (sees(professional), sees(outsider)) == (False, False)
    assert selectors.user_may_edit(user=coordinator, programme=programme)
    assert not selectors.user_may_edit(user=policy_adviser, programme=programme)
    assert list(selectors.coalitions_for_user(user=policy_adviser)) == [programme.coalition]
    assert not selectors.coalitions_for_user(user=professional).exists()


def test_a_coordinator_of_another_coalition_does_not_see_it(programme):
    elsewhere = make_organisation(name="GGD Zuid Limburg (test)")
    coalition_create(
        slug="heerlen-test",
        name="Kansrijke Start Heerlen (test)",
        municipality_codes=["GM0917"],
        member_organisations=[elsewhere],
    )
    stranger = make_user(organisation=elsewhere, roles=[Role.COORDINATOR])
    assert selectors.programme_get_for_user(user=stranger, uuid=programme.uuid) is None
    assert not selectors.user_may_edit(user=stranger, programme=programme)
