"""The personal calendar feed: a secret, revocable link that Outlook or Google Calendar
subscribes to, with the items the apps registered for this user."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.core import calendar as core_calendar
from kansrijk.core.calendar import CalendarItem
from kansrijk.network import services
from kansrijk.network.constants import RsvpAnswer
from kansrijk.network.tests.conftest import plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def test_source():
    """A source as casework or programmes would register: one session per user."""

    def source(user, since):
        yield CalendarItem(
            uid=f"test-session-{user.pk}@kansrijk.nl",
            title=f"Groepsbijeenkomst van {user.username}",
            starts=timezone.now() + datetime.timedelta(days=3),
            ends=timezone.now() + datetime.timedelta(days=3, hours=1),
            path="/programmas/",
        )
        yield CalendarItem(
            uid=f"test-due-{user.pk}@kansrijk.nl",
            title="Afspraak verloopt",
            starts=timezone.localdate() + datetime.timedelta(days=10),
        )

    core_calendar.register_personal_source("test", source)
    yield
    core_calendar._SOURCES.pop("test", None)


def _fetch(client, token):
    response = client.get(reverse("network:personal_feed", args=[token.secret]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_the_feed_lists_the_users_items_from_every_source(
    client, coalition, professional, test_source
):
    invited = plan(coalition, "Kernteamoverleg")
    services.invitations_create(event=invited, users=[professional], invited_by=None)
    answered = plan(coalition, "Netwerkcafé", public=True)
    services.rsvp_set(event=answered, user=professional, answer=RsvpAnswer.MAYBE)
    plan(coalition, "Niet voor mij")
    token = services.feed_token_create(user=professional)

    events = _fetch(client, token)

    assert set(events) == {
        f"Groepsbijeenkomst van {professional.username}",
        "Afspraak verloopt",
        "Kernteamoverleg",
        "Netwerkcafé",
    }
    meeting = events["Kernteamoverleg"]
    assert str(meeting["UID"]) == f"{invited.uuid}@kansrijk.nl"
    assert meeting.decoded("DTSTART") == invited.starts_at
    assert str(meeting["URL"]).endswith(f"/agenda/bijeenkomst/{invited.uuid}/")
    # A due date is an all-day item.
    due = events["Afspraak verloopt"]
    assert due.decoded("DTSTART") == timezone.localdate() + datetime.timedelta(days=10)


def test_a_declined_meeting_leaves_the_feed(client, coalition, professional):
    event = plan(coalition, "Kernteamoverleg")
    services.invitations_create(event=event, users=[professional], invited_by=None)
    services.rsvp_set(event=event, user=professional, answer=RsvpAnswer.NO)
    token = services.feed_token_create(user=professional)
    assert "Kernteamoverleg" not in _fetch(client, token)


def test_another_users_items_are_absent(
    client, coalition, professional, other_professional, test_source
):
    event = plan(coalition, "Alleen voor de ander")
    services.invitations_create(event=event, users=[other_professional], invited_by=None)
    token = services.feed_token_create(user=professional)

    events = _fetch(client, token)

    assert "Alleen voor de ander" not in events
    assert f"Groepsbijeenkomst van {other_professional.username}" not in events
    assert f"Groepsbijeenkomst van {professional.username}" in events


def test_a_revoked_or_renewed_link_stops_working(client, professional):
    first = services.feed_token_create(user=professional)
    second = services.feed_token_create(user=professional)
    assert client.get(reverse("network:personal_feed", args=[first.secret])).status_code == 404
    assert client.get(reverse("network:personal_feed", args=[second.secret])).status_code == 200
    services.feed_token_revoke(user=professional)
    assert client.get(reverse("network:personal_feed", args=[second.secret])).status_code == 404


def test_an_unknown_link_or_an_inactive_user_gets_404(client, professional):
    assert client.get("/agenda/persoonlijk/verzonnen-geheim.ics").status_code == 404
    token = services.feed_token_create(user=professional)
    professional.is_active = False
    professional.save()
    assert client.get(reverse("network:personal_feed", args=[token.secret])).status_code == 404


def test_the_link_page_makes_shows_again_and_revokes_the_link(login_as, professional):
    client = login_as(professional)
    url = reverse("network:feed_link")
    assert "Maak mijn agenda-link" in client.get(url).content.decode()

    client.post(url, {"action": "create"})
    token = professional.calendar_feed_tokens.get(revoked_at=None)
    feed_url = reverse("network:personal_feed", args=[token.secret])
    # Shown again on a later visit, to copy into another calendar app.
    assert feed_url in client.get(url).content.decode()

    client.post(url, {"action": "revoke"})
    page = client.get(url).content.decode()
    assert feed_url not in page
    assert client.get(feed_url).status_code == 404


def test_the_link_page_needs_a_log_in(client):
    response = client.get(reverse("network:feed_link"))
    assert response.status_code == 302
    assert "/account/" in response["Location"]
