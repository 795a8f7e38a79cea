"""The coordinator's work-list section: advice waiting for the coalition's answer, and
requests past their deadline without advice."""

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from kansrijk.core.worklist import sections_for
from kansrijk.soundingboard import selectors, services
from kansrijk.soundingboard.constants import AdviceOutcome
from kansrijk.soundingboard.tests.conftest import advise, make_request

pytestmark = pytest.mark.django_db


def _today():
    """Today where Kansrijk runs, asked at test time: a run can pass midnight."""
    return timezone.localdate()


def test_the_section_lists_waiting_answers_and_overdue_requests(coordinator, board):
    waiting = advise(make_request(board, title="Wacht op antwoord"))
    answered = advise(make_request(board, title="Beantwoord"))
    services.advice_answer(
        request=answered,
        outcome=AdviceOutcome.NOT_ADOPTED,
        answer="Dat past niet in het budget.",
        lock_version=answered.lock_version,
    )
    overdue = make_request(board, title="Te laat", deadline_days_ago=1)
    make_request(board, title="Nog op tijd", asked_days_ago=1, deadline_days_ago=-10)

    context = selectors.work_list_section(coordinator, _today())
    assert context["soundingboard_waiting"] == [waiting]
    assert context["soundingboard_overdue"] == [overdue]
    assert context["count"] == 2
    html = render_to_string("soundingboard/_work_section.html", context)
    assert "Adviesvragen die wachten op een antwoord" in html
    assert "Wacht op antwoord" in html and "Te laat" in html
    assert "Beantwoord" not in html and "Nog op tijd" not in html


def test_the_section_is_registered_and_absent_for_others(
    coordinator, professional, other_coordinator, board
):
    advise(make_request(board, title="Wacht op antwoord"))
    assert any(
        template == "soundingboard/_work_section.html"
        for template, _context in sections_for(coordinator, _today())
    )
    assert selectors.work_list_section(professional, _today()) is None
    assert selectors.work_list_section(other_coordinator, _today()) is None
