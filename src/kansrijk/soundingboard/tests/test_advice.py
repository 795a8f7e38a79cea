"""Advice requests: the parents' advice, the coalition's answer (adopted, partly, not, and
why), and the public "you said, we did" page that shows no member data."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kansrijk.soundingboard import services
from kansrijk.soundingboard.constants import AdviceOutcome
from kansrijk.soundingboard.tests.conftest import FIRST_NAME, advise, make_request

pytestmark = pytest.mark.django_db


def test_an_answer_without_outcome_or_why_is_refused_in_dutch(board):
    request = advise(make_request(board))
    with pytest.raises(ValidationError) as error:
        services.advice_answer(
            request=request, outcome="", answer="  ", lock_version=request.lock_version
        )
    messages = error.value.message_dict
    assert messages["outcome"] == ["Kies wat de coalitie met het advies heeft gedaan."]
    assert "waarom" in messages["answer"][0]


def test_the_coalition_cannot_answer_before_the_parents_advised(board):
    request = make_request(board)
    with pytest.raises(ValidationError) as error:
        services.advice_answer(
            request=request,
            outcome=AdviceOutcome.ADOPTED,
            answer="Gedaan.",
            lock_version=request.lock_version,
        )
    assert "Leg eerst het advies van de ouders vast" in error.value.messages[0]


def test_the_answer_form_shows_the_errors_and_keeps_the_request_open(login_as, coordinator, board):
    request = advise(make_request(board))
    response = login_as(coordinator).post(
        reverse("soundingboard:advice_answer", args=[request.uuid]),
        {"version": str(request.lock_version), "answered_on": request.advice_given_on},
    )
    assert response.status_code == 400
    assert "Kies wat de coalitie met het advies heeft gedaan." in response.text
    request.refresh_from_db()
    assert request.outcome == ""


def test_a_stale_answer_is_refused(login_as, coordinator, board):
    request = advise(make_request(board))
    stale_version = request.lock_version
    services.advice_record(
        request=request,
        advice="Beter advies.",
        given_on=request.advice_given_on,
        lock_version=stale_version,
    )
    response = login_as(coordinator).post(
        reverse("soundingboard:advice_answer", args=[request.uuid]),
        {
            "version": str(stale_version),
            "outcome": AdviceOutcome.ADOPTED,
            "answer": "We doen het.",
            "answered_on": request.advice_given_on.isoformat(),
        },
    )
    assert response.status_code == 409
    request.refresh_from_db()
    assert request.outcome == ""


def test_the_public_page_shows_what_we_did_without_any_member_data(
    client, board, member_with_identity
):
    adopted = advise(make_request(board, title="Tolk bij het eerste gesprek"))
    services.advice_answer(
        request=adopted,
        outcome=AdviceOutcome.ADOPTED,
        answer="Vanaf nu plannen we vanzelf een tolk.",
        lock_version=adopted.lock_version,
        action_line_reference="Actielijn 2.3",
    )
    partly = advise(make_request(board, title="Folders over geld"))
    services.advice_answer(
        request=partly,
        outcome=AdviceOutcome.PARTLY_ADOPTED,
        answer="De folder komt er, de wachttijd kunnen we niet veranderen.",
        lock_version=partly.lock_version,
    )
    advise(make_request(board, title="Ouderavond"))

    response = client.get(reverse("soundingboard:you_said_we_did", args=[board.coalition.slug]))
    assert response.status_code == 200
    text = response.text
    assert "Jullie zeiden, wij deden" in text
    assert "Tolk bij het eerste gesprek" in text and "Advies overgenomen" in text
    assert "Folders over geld" in text and "Advies deels overgenomen" in text
    assert "Actielijn 2.3" in text
    # Not answered yet: only counted.
    assert "Ouderavond" not in text
    assert "1 vraag ligt nog bij de ouders" in text
    for member_data in ("Ouder A", FIRST_NAME, "06 0000"):
        assert member_data not in text


def test_the_public_page_of_a_coalition_without_a_board_is_not_found(client, coalition):
    response = client.get(reverse("soundingboard:you_said_we_did", args=[coalition.slug]))
    assert response.status_code == 404


def test_a_deadline_before_the_question_is_refused(board):
    with pytest.raises(ValidationError) as error:
        make_request(board, asked_days_ago=5, deadline_days_ago=10)
    assert "deadline" in error.value.message_dict


def test_an_answer_links_to_an_activity_of_the_coalitions_action_programme(
    client, board, coordinator, login_as
):
    import datetime

    from django.core.exceptions import ValidationError

    from kansrijk.actionprogrammes import services as programme_services
    from kansrijk.organisations.models import Coalition

    programme = programme_services.programme_create(
        coalition=board.coalition,
        name="Actieprogramma (test)",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    line = programme_services.line_create(
        programme=programme, number=2, title="Verwijzen en samenwerken"
    )
    activity = programme_services.activity_create(line=line, title="Tolk bij het intakegesprek")
    other = Coalition.objects.create(slug="elders", name="Elders (test)")
    elsewhere = programme_services.activity_create(
        line=programme_services.line_create(
            programme=programme_services.programme_create(
                coalition=other,
                name="Elders",
                starts_on=datetime.date(2025, 1, 1),
                ends_on=datetime.date(2027, 12, 31),
            ),
            number=1,
            title="Iets anders",
        ),
        title="Niet van deze coalitie",
    )
    request = advise(make_request(board, title="Tolk bij het eerste gesprek"))

    with pytest.raises(ValidationError):
        services.advice_answer(
            request=request,
            outcome=AdviceOutcome.ADOPTED,
            answer="We doen het.",
            lock_version=request.lock_version,
            activity=elsewhere,
        )
    browser = login_as(coordinator)
    response = browser.post(
        reverse("soundingboard:advice_answer", args=[request.uuid]),
        {
            "version": str(request.lock_version),
            "outcome": AdviceOutcome.ADOPTED,
            "answer": "Vanaf nu plannen we vanzelf een tolk.",
            "answered_on": request.advice_given_on.isoformat(),
            "activity": str(activity.pk),
        },
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.activity == activity
    public = client.get(reverse("soundingboard:you_said_we_did", args=[board.coalition.slug]))
    assert "2.1 Tolk bij het intakegesprek" in public.text
