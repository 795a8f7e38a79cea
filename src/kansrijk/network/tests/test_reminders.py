"""The day before a meeting, invitees who did not say no get one reminder; the work list
shows the meetings waiting for the user's answer."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from kansrijk.core.worklist import sections_for
from kansrijk.network import services
from kansrijk.network.constants import RsvpAnswer
from kansrijk.network.tests.conftest import plan

pytestmark = pytest.mark.django_db


def _tomorrow_at_ten(coalition, title):
    event = plan(coalition, title)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    starts = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10)))
    return services.event_update(
        event=event,
        expected_version=event.lock_version,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )


def test_invitees_of_tomorrows_meeting_who_did_not_say_no_get_one_reminder(
    coalition, coordinator, professional, other_professional, mailoutbox
):
    event = _tomorrow_at_ten(coalition, "Netwerkcafé")
    plan(coalition, "Volgende week")  # not tomorrow: no reminder
    services.invitations_create(
        event=event,
        users=[professional, other_professional],
        emails=["gast@voorbeeld.example.nl"],
        invited_by=coordinator,
        notify=False,
    )
    services.rsvp_set(event=event, user=other_professional, answer=RsvpAnswer.NO)

    assert services.meetings_remind() == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [professional.email, "gast@voorbeeld.example.nl"]
    )
    assert mailoutbox[0].subject == "Herinnering: Netwerkcafé"
    # A second run sends nothing again.
    call_command("network", "remind")
    assert len(mailoutbox) == 2


def test_a_cancelled_meeting_gets_no_reminder(coalition, coordinator, professional, mailoutbox):
    event = _tomorrow_at_ten(coalition, "Afgelast")
    services.invitations_create(
        event=event, users=[professional], invited_by=coordinator, notify=False
    )
    services.event_cancel(event=event, expected_version=event.lock_version)
    assert services.meetings_remind() == 0


def test_unsent_invitations_are_sent_by_the_command(coalition, coordinator, mailoutbox):
    event = plan(coalition, "Netwerkbijeenkomst")
    services.invitations_create(
        event=event, emails=["gast@voorbeeld.example.nl"], invited_by=coordinator, notify=False
    )
    call_command("network", "send-invitations")
    assert [m.to for m in mailoutbox] == [["gast@voorbeeld.example.nl"]]
    call_command("network", "send-invitations")
    assert len(mailoutbox) == 1


def test_the_work_list_shows_meetings_waiting_for_an_answer(coalition, coordinator, professional):
    event = plan(coalition, "Kernteamoverleg")
    services.invitations_create(
        event=event, users=[professional], invited_by=coordinator, notify=False
    )
    [context] = [
        c for t, c in sections_for(professional, timezone.localdate()) if t.startswith("network/")
    ]
    assert [i.event for i in context["invitations"]] == [event]
    assert context["count"] == 1

    services.rsvp_set(event=event, user=professional, answer=RsvpAnswer.YES)
    assert not [
        t for t, _c in sections_for(professional, timezone.localdate()) if t.startswith("network/")
    ]
