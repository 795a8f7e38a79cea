"""Calendar reminders: the feed from a due date or a month of birth, stored nowhere."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kansrijk.organisations.tests.factories import CoalitionFactory
from kansrijk.portal.models import ParentSite
from kansrijk.portal.reminders import add_months


@pytest.fixture
def site(db):
    return ParentSite.objects.create(
        slug="demo-ouders", name="Demo ouders", coalition=CoalitionFactory()
    )


def feed(client, lang="nl", **params):
    return client.get(
        reverse("portal:reminders_feed", kwargs={"site": "demo-ouders", "lang": lang}), params
    )


def events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e.decoded("dtstart") for e in calendar.walk("VEVENT")}


def test_the_feed_has_the_20_week_scan_twenty_weeks_before_the_due_date(client, site):
    due = timezone.localdate() + datetime.timedelta(days=150)
    response = feed(client, lang="en", uitgerekend=due.isoformat())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events(response)
    assert found["20-week scan"] == due - datetime.timedelta(days=140)
    assert found["Your due date"] == due
    assert found["Consultatiebureau and vaccinations: 14 months"] == add_months(due, 14)
    assert "Set-Cookie" not in response.headers
    assert response["Cache-Control"] == "no-store"


def test_every_event_is_all_day_with_a_link_to_the_site(client, site):
    due = timezone.localdate() + datetime.timedelta(days=100)
    calendar = Calendar.from_ical(feed(client, uitgerekend=due.isoformat()).content)
    for event in calendar.walk("VEVENT"):
        assert type(event.decoded("dtstart")) is datetime.date
        assert "http://testserver/ouders/demo-ouders/nl/" in str(event["description"])
        assert due.isoformat() not in str(event["uid"])


def test_from_a_month_of_birth_the_first_days_are_left_out(client, site):
    month = add_months(timezone.localdate().replace(day=1), -2)
    found = events(feed(client, lang="en", geboren=month.strftime("%Y-%m")))
    assert "Your due date" not in found
    assert "Register the birth (within 3 days)" not in found
    assert found["Consultatiebureau and vaccinations: 3 months"] == add_months(month, 3)


@pytest.mark.parametrize(
    "params",
    [
        {"uitgerekend": "31-05-2026"},
        {"uitgerekend": "2026-02-30"},
        {"uitgerekend": "1999-01-01"},
        {"uitgerekend": (timezone.localdate() + datetime.timedelta(days=400)).isoformat()},
        {"geboren": "2000-01"},
        {"geboren": "2026-13"},
        {},
    ],
)
def test_a_bad_or_implausible_date_gives_400_with_a_message(client, site, params):
    response = feed(client, lang="en", **params)
    assert response.status_code == 400
    assert b"utrecht-alert--error" in response.content


def test_the_page_gives_the_feed_links(client, site):
    due = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    url = reverse("portal:reminders", kwargs={"site": "demo-ouders", "lang": "nl"})
    response = client.get(url, {"uitgerekend": due})
    assert response.status_code == 200
    content = response.content.decode()
    assert (
        f"webcal://testserver/ouders/demo-ouders/nl/herinneringen.ics?uitgerekend={due}" in content
    )
    assert f"http://testserver/ouders/demo-ouders/nl/herinneringen.ics?uitgerekend={due}" in content
    assert "Set-Cookie" not in response.headers


def test_the_page_explains_and_rejects_a_bad_date(client, site):
    url = reverse("portal:reminders", kwargs={"site": "demo-ouders", "lang": "en"})
    assert client.get(url).status_code == 200
    response = client.get(url, {"uitgerekend": "gisteren"})
    assert response.status_code == 400
    assert b"Give your due date as year-month-day" in response.content
