"""Who may open what: the board's coordinators everything; a coordinator of another coalition
gets 404 (existence does not leak); anyone else 403; without a log-in, the log-in page."""

import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.soundingboard import services
from kansrijk.soundingboard.constants import AUDIT_DENIED, AUDIT_IDENTITY_VIEWED
from kansrijk.soundingboard.tests.conftest import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(board, member_with_identity, session):
    expense = services.expense_record(
        member=member_with_identity, session=session, kind="fee", amount="20"
    )
    request = make_request(board)
    return {
        "get": [
            reverse("soundingboard:board_detail", args=[board.uuid]),
            reverse("soundingboard:member_create", args=[board.uuid]),
            reverse("soundingboard:session_create", args=[board.uuid]),
            reverse("soundingboard:expense_list", args=[board.uuid]),
            reverse("soundingboard:advice_request_create", args=[board.uuid]),
            reverse("soundingboard:member_detail", args=[member_with_identity.uuid]),
            reverse("soundingboard:member_edit", args=[member_with_identity.uuid]),
            reverse("soundingboard:member_identity", args=[member_with_identity.uuid]),
            reverse("soundingboard:session_detail", args=[session.uuid]),
            reverse("soundingboard:session_edit", args=[session.uuid]),
            reverse("soundingboard:advice_request_detail", args=[request.uuid]),
        ],
        "post": [
            reverse("soundingboard:member_consent", args=[member_with_identity.uuid]),
            reverse("soundingboard:member_consent_withdraw", args=[member_with_identity.uuid]),
            reverse("soundingboard:member_identity", args=[member_with_identity.uuid]),
            reverse("soundingboard:session_attendance", args=[session.uuid]),
            reverse("soundingboard:expense_add", args=[session.uuid]),
            reverse("soundingboard:expense_paid", args=[expense.uuid]),
            reverse("soundingboard:advice_record", args=[request.uuid]),
            reverse("soundingboard:advice_answer", args=[request.uuid]),
        ],
    }


def test_the_coordinator_opens_every_page(login_as, coordinator, urls):
    client = login_as(coordinator)
    for url in urls["get"]:
        assert client.get(url).status_code == 200, url


def test_a_coordinator_of_another_coalition_gets_404_everywhere(login_as, other_coordinator, urls):
    client = login_as(other_coordinator)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert client.post(url, {"first_name": "X"}).status_code == 404, url
    assert not AuditEvent.objects.filter(action=AUDIT_IDENTITY_VIEWED).exists()
    assert AuditEvent.objects.filter(action=AUDIT_DENIED, outcome="denied").exists()


@pytest.mark.parametrize("persona", ["professional", "policy_adviser", "directory_editor"])
def test_other_roles_of_the_coalition_get_403(request, login_as, persona, urls):
    client = login_as(request.getfixturevalue(persona))
    assert client.get(reverse("soundingboard:board_list")).status_code == 403
    for url in urls["get"]:
        assert client.get(url).status_code == 403, url
    for url in urls["post"]:
        assert client.post(url).status_code == 403, url


def test_without_log_in_the_board_redirects_to_the_log_in_page(client, urls):
    response = client.get(urls["get"][0])
    assert response.status_code == 302
    assert "/login" in response["Location"] or "inloggen" in response["Location"]


def test_the_board_list_shows_only_the_coordinators_own_boards(
    login_as, coordinator, other_coordinator, board
):
    assert board.name in login_as(coordinator).get(reverse("soundingboard:board_list")).text
    assert (
        board.name not in login_as(other_coordinator).get(reverse("soundingboard:board_list")).text
    )
