"""Who may use the meeting screens: only a coordinator of a partner organisation in the
event's coalition. Others get 403 (not a coordinator) or 404 (another coalition's meeting)."""

import pytest
from django.urls import reverse

from kansrijk.network.tests.conftest import plan

pytestmark = pytest.mark.django_db

READS = ["event_detail", "event_edit", "invite", "attendance", "attendance_csv"]
WRITES = ["event_edit", "event_cancel", "invite", "attendance", "decision_add", "action_item_add"]


@pytest.fixture
def event(coalition):
    return plan(coalition, "Kernteam Zaanstad-test", days=-1)


@pytest.mark.parametrize("name", READS)
def test_a_professional_is_refused(login_as, professional, event, name):
    client = login_as(professional)
    assert client.get(reverse(f"network:{name}", args=[event.uuid])).status_code == 403
    assert client.get(reverse("network:event_list")).status_code == 403
    assert client.get(reverse("network:event_create")).status_code == 403


@pytest.mark.parametrize("name", WRITES)
def test_a_professional_cannot_write(login_as, professional, event, name):
    response = login_as(professional).post(reverse(f"network:{name}", args=[event.uuid]), {})
    assert response.status_code == 403
    assert not event.decisions.exists()
    assert not event.invitations.exists()


@pytest.mark.parametrize("name", READS)
def test_a_coordinator_of_another_coalition_gets_404(
    login_as, other_coalition_coordinator, event, name
):
    client = login_as(other_coalition_coordinator)
    assert client.get(reverse(f"network:{name}", args=[event.uuid])).status_code == 404


@pytest.mark.parametrize("name", WRITES)
def test_a_coordinator_of_another_coalition_cannot_write(
    login_as, other_coalition_coordinator, event, name
):
    response = login_as(other_coalition_coordinator).post(
        reverse(f"network:{name}", args=[event.uuid]), {"text": "Besluit", "version": 1}
    )
    assert response.status_code == 404
    event.refresh_from_db()
    assert not event.cancelled
    assert not event.decisions.exists()


def test_the_coordinator_sees_only_their_coalitions_meetings(
    login_as, coordinator, other_coalition_coordinator, event
):
    assert (
        "Kernteam Zaanstad-test"
        in login_as(coordinator).get(reverse("network:event_list")).content.decode()
    )
    page = login_as(other_coalition_coordinator).get(reverse("network:event_list"))
    assert "Kernteam Zaanstad-test" not in page.content.decode()


def test_the_screens_need_a_log_in(client, event):
    response = client.get(reverse("network:event_detail", args=[event.uuid]))
    assert response.status_code == 302
    assert client.get(reverse("network:event_page", args=[event.uuid])).status_code == 302
