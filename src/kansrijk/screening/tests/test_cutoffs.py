"""A coalition's own cut-offs: setting them, and scoring with them."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.audit.models import AuditEvent
from kansrijk.screening import score
from kansrijk.screening.constants import AUDIT_CUTOFF_SET, Phase
from kansrijk.screening.selectors import cutoff_may_edit, cutoffs_for
from kansrijk.screening.services import CutoffConflictError, cutoff_clear, cutoff_set

pytestmark = pytest.mark.django_db

# EPDS total 10: items 1, 2 and 4 at their last answer (3 each), item 3 at its third (1).
EPDS_TEN = {1: 3, 2: 3, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3}


def test_a_coalition_cutoff_of_11_changes_the_level_of_a_total_of_10(coalition, coordinator):
    assert score("epds", EPDS_TEN, cutoffs=cutoffs_for(coalition.pk, "epds")).level == "elevated"
    cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=11, high=13, user=coordinator)
    cutoffs = cutoffs_for(coalition.pk, "epds")
    assert (cutoffs.elevated, cutoffs.high) == (11, 13)
    result = score("epds", EPDS_TEN, cutoffs=cutoffs)
    assert (result.total, result.level) == (10, "normal")
    assert result.cutoffs.source == "coalition:kansrijke-start-zaanstad-test"


def test_a_first_trimester_cutoff_applies_only_in_the_first_trimester(coalition):
    cutoff_set(
        coalition_id=coalition.pk,
        instrument="epds",
        phase=Phase.FIRST_TRIMESTER,
        elevated=11,
        high=13,
        note="Nederlandse zwangerschapsstudies",
    )
    first = cutoffs_for(coalition.pk, "epds", phase=Phase.FIRST_TRIMESTER)
    assert score("epds", EPDS_TEN, cutoffs=first).level == "normal"
    assert cutoffs_for(coalition.pk, "epds", phase=Phase.THIRD_TRIMESTER) is None
    assert cutoffs_for(coalition.pk, "epds") is None


def test_a_phase_without_its_own_cutoff_takes_the_coalitions_general_one(coalition):
    cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=12, high=14)
    cutoff_set(
        coalition_id=coalition.pk,
        instrument="epds",
        elevated=11,
        high=13,
        phase=Phase.FIRST_TRIMESTER,
    )
    assert cutoffs_for(coalition.pk, "epds", phase=Phase.POSTPARTUM).elevated == 12
    assert cutoffs_for(coalition.pk, "epds", phase=Phase.FIRST_TRIMESTER).elevated == 11


def test_another_coalition_keeps_the_instruments_cutoffs(coalition):
    cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=11, high=13)
    assert cutoffs_for(coalition.pk + 1000, "epds") is None
    assert cutoffs_for(str(coalition.uuid), "EPDS").elevated == 11


@pytest.mark.parametrize(
    ("elevated", "high", "field"),
    [
        (14, 13, "high"),
        (10, 31, "high"),
        (31, 32, "elevated"),
        (-1, 13, "elevated"),
        (10, None, "high"),
    ],
)
def test_it_refuses_cutoffs_outside_the_range(coalition, elevated, high, field):
    with pytest.raises(ValidationError) as caught:
        cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=elevated, high=high)
    assert field in caught.value.message_dict
    assert cutoffs_for(coalition.pk, "epds") is None


def test_the_range_message_is_dutch(coalition):
    with pytest.raises(ValidationError) as caught:
        cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=10, high=31)
    assert caught.value.message_dict["high"] == [
        "De grens voor hoog moet tussen de grens voor verhoogd (10) en 30 liggen."
    ]


def test_the_gad2_needs_no_high_cutoff(coalition):
    cutoff_set(coalition_id=coalition.pk, instrument="gad2", elevated=2)
    assert score("gad2", {1: 1, 2: 1}, cutoffs=cutoffs_for(coalition.pk, "gad2")).level == (
        "elevated"
    )


def test_it_refuses_an_unknown_instrument_phase_or_coalition(coalition):
    for kwargs in (
        {"coalition_id": coalition.pk, "instrument": "bdi"},
        {"coalition_id": coalition.pk, "instrument": "epds", "phase": "week 3"},
        {"coalition_id": coalition.pk + 1000, "instrument": "epds"},
        {"coalition_id": "not-a-uuid", "instrument": "epds"},
    ):
        with pytest.raises(ValidationError):
            cutoff_set(elevated=11, high=13, **kwargs)


def test_setting_again_updates_and_a_stale_edit_is_refused(coalition, coordinator):
    first = cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=11, high=13)
    second = cutoff_set(
        coalition_id=coalition.pk,
        instrument="epds",
        elevated=12,
        high=14,
        user=coordinator,
        expected_lock_version=first.lock_version,
    )
    assert second.pk == first.pk
    assert (second.elevated, second.lock_version, second.set_by) == (12, 2, coordinator)
    with pytest.raises(CutoffConflictError):
        cutoff_set(
            coalition_id=coalition.pk,
            instrument="epds",
            elevated=10,
            high=13,
            expected_lock_version=first.lock_version,
        )
    assert cutoffs_for(coalition.pk, "epds").elevated == 12


def test_setting_a_cutoff_is_in_the_audit_log(coalition, coordinator):
    cutoff = cutoff_set(
        coalition_id=coalition.pk, instrument="epds", elevated=11, high=13, user=coordinator
    )
    event = AuditEvent.objects.get(action=AUDIT_CUTOFF_SET)
    assert event.object_id == str(cutoff.uuid)
    assert event.actor_id == str(coordinator.uuid)
    assert event.detail["elevated"] == 11


def test_clearing_brings_back_the_instruments_cutoffs(coalition):
    cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=11, high=13)
    assert cutoff_clear(coalition_id=coalition.pk, instrument="epds") is True
    assert cutoffs_for(coalition.pk, "epds") is None
    assert cutoff_clear(coalition_id=coalition.pk, instrument="epds") is False


def test_only_coordinators_of_a_member_set_cutoffs(
    coalition, coordinator, professional, outsider, make_outsider_coordinator
):
    assert cutoff_may_edit(coordinator, coalition_id=coalition.pk) is True
    assert cutoff_may_edit(professional, coalition_id=coalition.pk) is False
    assert cutoff_may_edit(outsider, coalition_id=coalition.pk) is False
    assert cutoff_may_edit(make_outsider_coordinator(), coalition_id=coalition.pk) is False


@pytest.fixture
def make_outsider_coordinator(outsider_organisation):
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user

    return lambda: make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])
