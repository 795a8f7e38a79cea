"""The demo gives every coalition an action programme and its dashboard works for the demo's
policy adviser (the synthetic national data is left out here; the browser test has it)."""

import pytest
from django.urls import reverse

from kansrijk.accounts.models import User
from kansrijk.demo.services import demo_load

pytestmark = pytest.mark.django_db


def test_the_demo_dashboard_of_zaanstad(client):
    demo_load()
    demo_load()  # again: nothing doubles

    client.force_login(User.objects.get(username="beleid.zaanstad"))
    response = client.get(reverse("monitoring:dashboard", args=["zaanstad"]))

    assert response.status_code == 200
    board = response.context["board"]
    assert [progress.line.number for progress in board.lines] == [1, 2, 3, 4]
    assert sum(progress.total for progress in board.lines) == 20
    assert not board.synthetic
    # The demo's own referrals are in the figures (too few to show, but counted).
    assert board.refreshed_at is not None
