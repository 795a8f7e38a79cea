"""The demo's Steunpunt Kwetsbare Zwangeren in Zaanstad: three cases (one named with consent,
two anonymous) and open agreements from last month, one overdue."""

import pytest
from django.utils import timezone

from kansrijk.accounts.selectors import user_list
from kansrijk.actions import selectors as action_selectors
from kansrijk.casework import selectors
from kansrijk.casework.constants import DiscussionMode
from kansrijk.demo.services import demo_load

pytestmark = pytest.mark.django_db


def test_the_zaanstad_steunpunt_is_in_the_demo():
    demo_load()
    chair = user_list().get(username="wijkteam.zaanstad")
    (consultation,) = selectors.consultations_for_user(chair).filter(
        name="Steunpunt Kwetsbare Zwangeren Zaanstad"
    )
    modes = sorted(case.mode for case in selectors.cases_of(consultation))
    assert modes == sorted([DiscussionMode.NAMED_CONSENT] + [DiscussionMode.ANONYMOUS] * 2)

    upcoming = selectors.next_meeting(consultation, now=timezone.now())
    candidates = selectors.agenda_candidates(upcoming)
    assert len(candidates["new"]) == 2 and len(candidates["follow_up"]) == 1
    earlier = selectors.earlier_open_agreements(upcoming)
    assert len(earlier) == 2
    today = timezone.localdate()
    assert [action_selectors.action_item_is_overdue(item, today) for item in earlier].count(
        True
    ) == 1
    # The overdue one is on its owner's work list.
    assert action_selectors.open_action_items_for_owner(chair).count() == 1

    demo_load()  # again: nothing doubles
    assert selectors.cases_of(consultation).count() == 3
