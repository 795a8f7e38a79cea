"""The coalition agenda: the public iCalendar feed that Outlook and Google Calendar subscribe
to, the agenda page, and the rules for planning an event."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.network import selectors, services
from kansrijk.network.constants import EventKind, RsvpAnswer

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NEXT_YEAR = timezone.now().year + 1


def _at(month: int, day: int, hour: int, minute: int = 0, year: int = NEXT_YEAR):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def _plan(coalition, title="Netwerkbijeenkomst", *, public=True, starts_at=None, hours=2, **kw):
    if starts_at is None:
        soon = timezone.now().astimezone(AMSTERDAM) + datetime.timedelta(days=7)
        starts_at = soon.replace(second=0, microsecond=0)
    return services.event_create(
        coalition=coalition,
        kind=kw.pop("kind", EventKind.NETWORK_MEETING),
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        public=public,
        **kw,
    )


def _feed(client, coalition):
    response = client.get(f"/agenda/{coalition.slug}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_the_feed_lists_public_events_without_logging_in(client, coalition):
    event = _plan(
        coalition,
        "Netwerkcafé",
        kind=EventKind.NETWORK_CAFE,
        description="Ontmoeten en ervaringen delen.",
        place="Buurthuis De Linde, Zaandam",
    )
    _plan(coalition, "Kernteamoverleg", public=False, kind=EventKind.CORE_MEETING)

    calendar, events = _feed(client, coalition)

    assert str(calendar["X-WR-CALNAME"]) == coalition.name
    assert list(events) == ["Netwerkcafé"]
    vevent = events["Netwerkcafé"]
    assert str(vevent["UID"]) == f"{event.uuid}@kansrijk.nl"
    assert "DTSTAMP" in vevent
    assert str(vevent["DESCRIPTION"]) == "Ontmoeten en ervaringen delen."
    assert str(vevent["LOCATION"]) == "Buurthuis De Linde, Zaandam"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTEND") == event.ends_at


@pytest.mark.django_db
def test_the_feed_gives_an_online_event_its_link(client, coalition):
    _plan(coalition, "Online training", online_link="https://meet.example.nl/training")
    _calendar, events = _feed(client, coalition)
    assert str(events["Online training"]["URL"]) == "https://meet.example.nl/training"


@pytest.mark.django_db
def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, coalition):
    kept = _plan(coalition, "Doorgaand")
    cancelled = _plan(coalition, "Afgelast")
    services.event_cancel(event=cancelled, expected_version=cancelled.lock_version)

    _calendar, events = _feed(client, coalition)

    assert str(events["Afgelast"]["STATUS"]) == "CANCELLED"
    assert str(events["Doorgaand"]["STATUS"]) == "CONFIRMED"
    # The agenda page shows only what still takes place.
    assert list(selectors.upcoming(coalition=coalition)) == [kept]


def _last_sunday(month: int) -> datetime.date:
    last = datetime.date(NEXT_YEAR, month, 31)
    return last - datetime.timedelta(days=(last.weekday() + 1) % 7)


def _local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=AMSTERDAM)


def _utc(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=datetime.UTC)


ONE_DAY = datetime.timedelta(days=1)


@pytest.mark.django_db
def test_times_are_in_utc_on_both_sides_of_the_change_to_summer_time(client, coalition):
    # Summer time starts on the last Sunday of March: 10:00 in Amsterdam is 09:00 UTC before
    # and 08:00 UTC after.
    before, after = _last_sunday(3) - ONE_DAY, _last_sunday(3) + ONE_DAY
    _plan(coalition, "Winter", starts_at=_local(before, 10))
    _plan(coalition, "Zomer", starts_at=_local(after, 10))

    text = client.get(f"/agenda/{coalition.slug}.ics").content.decode()

    assert f"DTSTART:{before:%Y%m%d}T090000Z" in text
    assert f"DTSTART:{after:%Y%m%d}T080000Z" in text
    assert f"DTEND:{after:%Y%m%d}T100000Z" in text


@pytest.mark.django_db
def test_times_are_in_utc_on_both_sides_of_the_change_to_winter_time(client, coalition):
    # Winter time starts on the last Sunday of October: 19:30 in Amsterdam is 17:30 UTC
    # before and 18:30 UTC after.
    before, after = _last_sunday(10) - ONE_DAY, _last_sunday(10) + ONE_DAY
    _plan(coalition, "Zomer", starts_at=_local(before, 19, 30))
    _plan(coalition, "Winter", starts_at=_local(after, 19, 30))

    _calendar, events = _feed(client, coalition)

    assert events["Zomer"].decoded("DTSTART") == _utc(before, 17, 30)
    assert events["Winter"].decoded("DTSTART") == _utc(after, 18, 30)


@pytest.mark.django_db
def test_the_feed_leaves_out_events_long_past(client, coalition):
    now = timezone.now()
    _plan(coalition, "Lang geleden", starts_at=now - datetime.timedelta(days=120))
    _plan(coalition, "Vorige maand", starts_at=now - datetime.timedelta(days=30))
    _calendar, events = _feed(client, coalition)
    assert set(events) == {"Vorige maand"}


@pytest.mark.django_db
def test_an_unknown_coalition_has_no_feed(client):
    assert client.get("/agenda/bestaat-niet.ics").status_code == 404
    assert client.get("/agenda/bestaat-niet/").status_code == 404


@pytest.mark.django_db
def test_another_coalitions_events_are_not_in_the_feed(client, coalition):
    from kansrijk.organisations.services import coalition_create

    other = coalition_create(
        slug="andere",
        name="Andere coalitie",
        municipality_codes=["GM0355"],
        member_organisations=[],
    )
    _plan(other, "Elders")
    _plan(coalition, "Hier")
    _calendar, events = _feed(client, coalition)
    assert set(events) == {"Hier"}


@pytest.mark.django_db
def test_it_refuses_an_event_that_ends_before_it_starts(coalition):
    starts_at = _at(6, 1, 15)
    with pytest.raises(ValidationError) as refused:
        services.event_create(
            coalition=coalition,
            kind=EventKind.TRAINING,
            title="Training",
            starts_at=starts_at,
            ends_at=starts_at - datetime.timedelta(hours=1),
        )
    assert refused.value.message_dict["ends_at"] == ["Het einde moet na het begin liggen."]


@pytest.mark.django_db
def test_it_refuses_moving_the_end_before_the_start(coalition):
    event = _plan(coalition)
    with pytest.raises(ValidationError):
        services.event_update(
            event=event,
            expected_version=event.lock_version,
            ends_at=event.starts_at - datetime.timedelta(minutes=30),
        )
    event.refresh_from_db()
    assert event.ends_at > event.starts_at
    assert event.lock_version == 1


@pytest.mark.django_db
def test_of_two_edits_of_the_same_version_the_second_is_told(coalition):
    event = _plan(coalition)
    services.event_update(event=event, expected_version=1, title="Nieuwe titel")
    with pytest.raises(services.StaleEventError):
        services.event_update(event=event, expected_version=1, place="Elders")
    event.refresh_from_db()
    assert (event.title, event.place, event.lock_version) == ("Nieuwe titel", "", 2)


@pytest.mark.django_db
def test_an_rsvp_can_be_changed(coalition, professional):
    event = _plan(coalition)
    services.rsvp_set(event=event, user=professional, answer=RsvpAnswer.MAYBE)
    rsvp = services.rsvp_set(event=event, user=professional, answer=RsvpAnswer.YES)
    assert event.rsvps.get().answer == rsvp.answer == RsvpAnswer.YES


@pytest.mark.django_db
def test_the_agenda_page_shows_upcoming_public_events_with_calendar_links(client, coalition):
    event = _plan(coalition, "Netwerkbijeenkomst in de wijk")
    _plan(coalition, "Besloten overleg", public=False)

    response = client.get(f"/agenda/{coalition.slug}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Netwerkbijeenkomst in de wijk" in page
    assert "Besloten overleg" not in page
    assert f"/agenda/{coalition.slug}.ics" in page
    assert "Zet in mijn agenda" in page
    single = client.get(f"/agenda/{coalition.slug}/{event.uuid}.ics")
    assert single.status_code == 200
    [vevent] = icalendar.Calendar.from_ical(single.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Netwerkbijeenkomst in de wijk"


@pytest.mark.django_db
def test_a_private_event_cannot_be_downloaded(client, coalition):
    event = _plan(coalition, "Besloten overleg", public=False)
    assert client.get(f"/agenda/{coalition.slug}/{event.uuid}.ics").status_code == 404
