"""The coordinator's whole round through the pages: start a board, plan a session, ask a
question, record the parents' advice, answer it, and see it on the public page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.soundingboard.models import AdviceRequest, Session, SoundingBoard

pytestmark = pytest.mark.django_db


def test_from_a_new_board_to_you_said_we_did(login_as, coordinator, coalition, client):
    browser = login_as(coordinator)
    today = timezone.localdate()
    response = browser.post(
        reverse("soundingboard:board_list"),
        {"coalition": str(coalition.uuid), "name": "Klankbord Zaanstad"},
    )
    board = SoundingBoard.objects.get()
    assert response.status_code == 302

    response = browser.post(
        reverse("soundingboard:session_create", args=[board.uuid]),
        {"date": today.isoformat(), "place": "Bibliotheek", "theme": "Geldzorgen"},
    )
    assert response.status_code == 302
    assert Session.objects.get().theme == "Geldzorgen"

    response = browser.post(
        reverse("soundingboard:advice_request_create", args=[board.uuid]),
        {
            "title": "Folders over geld",
            "question": "Wat moet er in de folder?",
            "deadline": (today + datetime.timedelta(days=14)).isoformat(),
        },
    )
    request = AdviceRequest.objects.get()
    assert response.status_code == 302

    response = browser.post(
        reverse("soundingboard:advice_record", args=[request.uuid]),
        {"version": "1", "advice": "Eén telefoonnummer.", "given_on": today.isoformat()},
    )
    assert response.status_code == 302
    response = browser.post(
        reverse("soundingboard:advice_answer", args=[request.uuid]),
        {
            "version": "2",
            "outcome": "not_adopted",
            "answer": "Er is geen geld voor een folder dit jaar.",
            "answered_on": today.isoformat(),
        },
        follow=True,
    )
    assert "staat op de pagina “Jullie zeiden, wij deden”" in response.text

    public = client.get(reverse("soundingboard:you_said_we_did", args=[coalition.slug]))
    assert "Advies niet overgenomen" in public.text
    assert "Er is geen geld voor een folder dit jaar." in public.text


def test_a_board_needs_a_name(login_as, coordinator, coalition):
    response = login_as(coordinator).post(
        reverse("soundingboard:board_list"), {"coalition": str(coalition.uuid), "name": " "}
    )
    assert response.status_code == 400
    assert "Vul de naam van de klankbordgroep in." in response.text
    assert not SoundingBoard.objects.exists()
