import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.accounts.testing import make_organisation
from kansrijk.actionprogrammes import selectors, services
from kansrijk.actionprogrammes.constants import ActivityStatus, PdcaPhase
from kansrijk.actionprogrammes.models import ActionProgramme, Activity, Target
from kansrijk.indicators.models import Indicator

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


def test_a_baseline_that_ends_before_it_starts_is_refused_in_dutch(coalition):
    with pytest.raises(ValidationError) as caught:
        services.programme_create(
            coalition=coalition,
            name="Actieprogramma",
            starts_on=datetime.date(2024, 1, 1),
            ends_on=datetime.date(2027, 12, 31),
            baseline_start=datetime.date(2023, 12, 31),
            baseline_end=datetime.date(2023, 1, 1),
        )
    assert _messages(caught.value)["baseline_end"] == [
        "De nulmeting kan niet eindigen voordat hij begint."
    ]
    assert not ActionProgramme.objects.exists()


def test_a_baseline_needs_both_days_or_none(coalition):
    with pytest.raises(ValidationError) as caught:
        services.programme_create(
            coalition=coalition,
            name="Actieprogramma",
            starts_on=datetime.date(2024, 1, 1),
            ends_on=datetime.date(2027, 12, 31),
            baseline_start=datetime.date(2023, 1, 1),
        )
    assert "baseline_end" in _messages(caught.value)


def test_a_programme_without_name_or_with_its_end_first_is_refused(coalition):
    with pytest.raises(ValidationError) as caught:
        services.programme_create(
            coalition=coalition,
            name="  ",
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2024, 1, 1),
        )
    assert set(_messages(caught.value)) == {"name", "ends_on"}


def test_a_stale_edit_of_the_programme_is_refused_and_loses_nothing(programme):
    seen = programme.lock_version
    services.programme_update(programme=programme, expected_version=seen, name="Eerste versie")
    with pytest.raises(services.StaleEdit) as caught:
        services.programme_update(programme=programme, expected_version=seen, name="Tweede")
    assert "Iemand anders" in caught.value.messages[0]
    programme.refresh_from_db()
    assert (programme.name, programme.lock_version) == ("Eerste versie", seen + 1)


def test_a_stale_edit_of_an_activity_is_refused(activity):
    seen = activity.lock_version
    services.activity_update(activity=activity, expected_version=seen, status="running")
    with pytest.raises(services.StaleEdit):
        services.activity_update(activity=activity, expected_version=seen, status="stopped")
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.RUNNING


def test_a_stale_edit_of_a_line_is_refused(line):
    services.line_update(line=line, expected_version=1, title="Nieuwe titel")
    with pytest.raises(services.StaleEdit):
        services.line_update(line=line, expected_version=1, title="Andere titel")
    line.refresh_from_db()
    assert line.title == "Nieuwe titel"


def test_line_numbers_are_unique_within_a_programme(programme, line):
    with pytest.raises(ValidationError) as caught:
        services.line_create(programme=programme, number=1, title="Dubbel")
    assert "number" in _messages(caught.value)


def test_activities_are_numbered_within_their_line(line, activity):
    second = services.activity_create(line=line, title="Tweede activiteit")
    assert (activity.code, second.code) == ("1.1", "1.2")
    with pytest.raises(ValidationError) as caught:
        services.activity_create(line=line, number=2, title="Dubbel")
    assert _messages(caught.value)["number"] == ["Actielijn 1 heeft al een activiteit 1.2."]


def test_an_activity_keeps_status_phase_dates_and_indicators(activity, indicator):
    updated = services.activity_update(
        activity=activity,
        expected_version=activity.lock_version,
        status=ActivityStatus.DELAYED,
        pdca_phase=PdcaPhase.DO,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 6, 30),
        indicators=[indicator],
    )
    assert (updated.status, updated.pdca_phase, updated.ends_on) == (
        "delayed",
        "do",
        datetime.date(2025, 6, 30),
    )
    assert list(updated.indicators.values_list("code", flat=True)) == ["answered-in-time"]


def test_an_activity_cannot_end_before_it_starts(line):
    with pytest.raises(ValidationError) as caught:
        services.activity_create(
            line=line,
            title="Omgekeerd",
            starts_on=datetime.date(2025, 6, 1),
            ends_on=datetime.date(2025, 1, 1),
        )
    assert "ends_on" in _messages(caught.value)


def test_the_owner_must_be_a_member_of_the_coalition(line, outsider_organisation):
    with pytest.raises(ValidationError) as caught:
        services.activity_create(line=line, title="X", owner_organisation=outsider_organisation)
    assert "owner_organisation" in _messages(caught.value)


def test_an_activity_cannot_move_to_a_line_of_another_programme(activity, coalition):
    other = services.programme_create(
        coalition=coalition,
        name="Ander programma",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
    )
    foreign = services.line_create(programme=other, number=1, title="Elders")
    with pytest.raises(ValidationError) as caught:
        services.activity_update(activity=activity, expected_version=1, line=foreign)
    assert "line" in _messages(caught.value)


def test_a_review_moves_the_activity_to_its_new_phase(activity, coordinator):
    review = services.activity_review_add(
        activity=activity,
        by=coordinator,
        reviewed_on=timezone.localdate(),
        findings="Loopt goed.",
        adjustment="Meer praktijken erbij.",
        new_phase=PdcaPhase.ACT,
        expected_version=activity.lock_version,
    )
    activity.refresh_from_db()
    assert activity.pdca_phase == PdcaPhase.ACT
    assert list(selectors.activity_reviews(activity=activity)) == [review]


def test_a_review_needs_findings_and_no_future_date(activity):
    with pytest.raises(ValidationError) as caught:
        services.activity_review_add(
            activity=activity,
            by=None,
            reviewed_on=timezone.localdate() + datetime.timedelta(days=1),
            findings="",
            new_phase=PdcaPhase.ACT,
        )
    assert set(_messages(caught.value)) == {"reviewed_on", "findings"}
    activity.refresh_from_db()
    assert activity.pdca_phase == PdcaPhase.PLAN


def test_setting_a_target_twice_changes_it(programme, line, indicator):
    services.target_set(programme=programme, line=line, indicator=indicator, year=2026, value=80)
    services.target_set(programme=programme, line=line, indicator=indicator, year=2026, value=90)
    assert list(Target.objects.values_list("value", flat=True)) == [Decimal("90.00")]


def test_a_percentage_target_above_100_is_refused(programme, indicator):
    with pytest.raises(ValidationError) as caught:
        services.target_set(programme=programme, indicator=indicator, year=2026, value="120")
    assert _messages(caught.value)["value"] == ["Een percentage kan niet hoger zijn dan 100."]


def test_a_target_that_is_not_a_number_is_refused(programme, indicator):
    with pytest.raises(ValidationError) as caught:
        services.target_set(programme=programme, indicator=indicator, year=2026, value="veel")
    assert "value" in _messages(caught.value)


def test_targets_are_ordered_by_line_then_indicator(programme, line):
    second = services.line_create(programme=programme, number=2, title="Verwijzen")
    days = Indicator.objects.get(code="days-to-support")
    answered = Indicator.objects.get(code="answered-in-time")
    screened = Indicator.objects.get(code="screened")
    services.target_set(programme=programme, line=second, indicator=days, year=2026, value=10)
    services.target_set(programme=programme, line=second, indicator=answered, year=2026, value=9)
    services.target_set(programme=programme, line=line, indicator=screened, year=2026, value=5)
    found = selectors.targets(programme=programme)
    assert [(t.line.number, t.indicator.code) for t in found] == [
        (1, "screened"),
        (2, "answered-in-time"),
        (2, "days-to-support"),
    ]


def test_target_delete(programme, indicator):
    target = services.target_set(programme=programme, indicator=indicator, year=2026, value=1)
    services.target_delete(target=target)
    assert not Target.objects.exists()


def test_an_activity_of_an_organisation_that_leaves_keeps_existing(activity, coalition):
    # The owner is optional: an activity is not lost when its owner is deleted.
    extra = make_organisation()
    coalition.members.add(extra)
    services.activity_update(activity=activity, expected_version=1, owner_organisation=extra)
    extra.delete()
    assert Activity.objects.get(pk=activity.pk).owner_organisation is None
