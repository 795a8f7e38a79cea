"""Invitations: an e-mail with the event as .ics (METHOD:REQUEST, the event's UID), and
answering yes/no/maybe in Kansrijk or with the secret link from the e-mail."""

import icalendar
import pytest
from django.test import override_settings
from django.urls import reverse

from kansrijk.network import selectors, services
from kansrijk.network.constants import RsvpAnswer
from kansrijk.network.tests.conftest import plan

pytestmark = pytest.mark.django_db
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _ics(message) -> icalendar.Calendar:
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics")
    assert mimetype.startswith("application/ics")
    return icalendar.Calendar.from_ical(content)


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_each_invitee_gets_an_email_with_the_event_for_the_calendar(
    coalition, coordinator, professional, mailoutbox, django_capture_on_commit_callbacks
):
    event = plan(coalition, "Netwerkbijeenkomst armoede", theme="Armoede en schulden")
    with django_capture_on_commit_callbacks(execute=True):
        services.invitations_create(
            event=event,
            users=[professional],
            emails=["Gast@Voorbeeld.example.nl"],
            invited_by=coordinator,
        )

    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [professional.email, "gast@voorbeeld.example.nl"]
    )
    for message in mailoutbox:
        assert message.subject == "Uitnodiging: Netwerkbijeenkomst armoede"
        calendar = _ics(message)
        assert str(calendar["METHOD"]) == "REQUEST"
        [vevent] = calendar.walk("VEVENT")
        assert str(vevent["UID"]) == f"{event.uuid}@kansrijk.nl"
        assert vevent.decoded("DTSTART") == event.starts_at
        assert str(vevent["ATTENDEE"]) == f"mailto:{message.to[0]}"
    guest = event.invitations.get(user=None)
    guest_mail = next(m for m in mailoutbox if m.to == ["gast@voorbeeld.example.nl"])
    assert reverse("network:invitation_answer", args=[guest.secret]) in guest_mail.body
    assert "Armoede en schulden" in guest_mail.body
    assert guest.sent_at is not None


def test_inviting_someone_twice_sends_one_invitation(coalition, coordinator, professional):
    event = plan(coalition)
    services.invitations_create(event=event, users=[professional], invited_by=coordinator)
    again = services.invitations_create(
        event=event, users=[professional], emails=[professional.email], invited_by=coordinator
    )
    assert again == []
    assert event.invitations.count() == 1


def test_an_address_of_a_partner_user_invites_their_account(coalition, coordinator, professional):
    event = plan(coalition)
    [invitation] = services.invitations_create(
        event=event, emails=[professional.email], invited_by=coordinator
    )
    assert invitation.user == professional


def test_it_refuses_someone_outside_the_partner_organisations(coalition, coordinator, outsider):
    from django.core.exceptions import ValidationError

    event = plan(coalition)
    with pytest.raises(ValidationError):
        services.invitations_create(event=event, users=[outsider], invited_by=coordinator)
    with pytest.raises(ValidationError) as refused:
        services.invitations_create(event=event, emails=["geen adres"], invited_by=coordinator)
    assert "geen adres" in refused.value.message_dict["emails"][0]


def test_cancelling_with_notice_sends_a_cancel_to_the_invitees(
    coalition, coordinator, professional, mailoutbox, django_capture_on_commit_callbacks
):
    event = plan(coalition, "Netwerkcafé")
    services.invitations_create(event=event, users=[professional], invited_by=coordinator)
    with override_settings(TASKS=IMMEDIATE_TASKS), django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, expected_version=event.lock_version, notify=True)
    [message] = mailoutbox
    assert message.subject == "Afgelast: Netwerkcafé"
    calendar = _ics(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{event.uuid}@kansrijk.nl"
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_a_guest_answers_with_the_link_without_logging_in(client, coalition, coordinator):
    event = plan(coalition, "Netwerkbijeenkomst")
    [invitation] = services.invitations_create(
        event=event, emails=["gast@voorbeeld.example.nl"], invited_by=coordinator
    )
    url = reverse("network:invitation_answer", args=[invitation.secret])

    page = client.get(url)
    assert page.status_code == 200
    assert "Netwerkbijeenkomst" in page.content.decode()

    response = client.post(url, {"answer": RsvpAnswer.YES})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.answer == RsvpAnswer.YES

    assert client.post(url, {"answer": "misschien"}).status_code == 400
    assert client.get("/agenda/antwoord/verzonnen/").status_code == 404


def test_an_invited_user_answers_in_kansrijk_and_the_coordinator_sees_it(
    login_as, coalition, coordinator, professional
):
    event = plan(coalition, "Kernteamoverleg")
    [invitation] = services.invitations_create(
        event=event, users=[professional], invited_by=coordinator
    )
    client = login_as(professional)
    url = reverse("network:event_page", args=[event.uuid])
    assert client.get(url).status_code == 200
    assert client.post(url, {"answer": RsvpAnswer.MAYBE}).status_code == 302
    invitation.refresh_from_db()
    assert selectors.invitation_answer(invitation) == RsvpAnswer.MAYBE

    detail = login_as(coordinator).get(reverse("network:event_detail", args=[event.uuid]))
    assert "misschien: 1" in detail.content.decode()


def test_a_user_not_invited_cannot_open_a_closed_meeting(login_as, coalition, other_professional):
    event = plan(coalition, "Kernteamoverleg")
    response = login_as(other_professional).get(reverse("network:event_page", args=[event.uuid]))
    assert response.status_code == 404


def test_a_cancelled_event_takes_no_answers(client, coalition, coordinator):
    event = plan(coalition)
    [invitation] = services.invitations_create(
        event=event, emails=["gast@voorbeeld.example.nl"], invited_by=coordinator
    )
    services.event_cancel(event=event, expected_version=event.lock_version)
    url = reverse("network:invitation_answer", args=[invitation.secret])
    assert client.post(url, {"answer": RsvpAnswer.YES}).status_code == 400
    invitation.refresh_from_db()
    assert invitation.answer == ""
