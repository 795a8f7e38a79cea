"""The coordinators' meeting screens: plan, change (optimistic locking), cancel, invite,
attendance with its CSV, decisions and agreements (the shared agreement engine)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.actions import selectors as action_selectors
from kansrijk.actions import services as action_services
from kansrijk.network import services
from kansrijk.network.constants import ACTION_CONTEXT_KIND, EventKind, RsvpAnswer
from kansrijk.network.models import Event
from kansrijk.network.tests.conftest import plan

pytestmark = pytest.mark.django_db


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_coordinator_plans_a_meeting_with_a_theme(login_as, coordinator, coalition):
    client = login_as(coordinator)
    starts = timezone.now() + datetime.timedelta(days=10)
    response = client.post(
        reverse("network:event_create"),
        {
            "coalition": coalition.slug,
            "kind": EventKind.MANAGERS_MEETING,
            "title": "Managersoverleg",
            "theme": "Armoede en schulden",
            "starts_at": _local(starts),
            "ends_at": _local(starts + datetime.timedelta(hours=1)),
        },
    )
    event = Event.objects.get(title="Managersoverleg")
    assert response.status_code == 302
    assert response["Location"] == reverse("network:event_detail", args=[event.uuid])
    assert (event.theme, event.public, event.created_by) == (
        "Armoede en schulden",
        False,
        coordinator,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Armoede en schulden" in page


def test_an_end_before_the_start_is_refused_in_dutch(login_as, coordinator, coalition):
    starts = timezone.now() + datetime.timedelta(days=10)
    response = login_as(coordinator).post(
        reverse("network:event_create"),
        {
            "coalition": coalition.slug,
            "kind": EventKind.NETWORK_MEETING,
            "title": "Netwerkbijeenkomst",
            "starts_at": _local(starts),
            "ends_at": _local(starts - datetime.timedelta(hours=1)),
        },
    )
    assert response.status_code == 400
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert not Event.objects.exists()


def test_a_stale_edit_is_told_and_changes_nothing(login_as, coordinator, coalition):
    event = plan(coalition, "Netwerkbijeenkomst")
    services.event_update(event=event, expected_version=1, title="Nieuwe titel")
    response = login_as(coordinator).post(
        reverse("network:event_edit", args=[event.uuid]),
        {
            "kind": event.kind,
            "title": "Mijn titel",
            "starts_at": _local(event.starts_at),
            "ends_at": _local(event.ends_at),
            "version": 1,
        },
    )
    assert response.status_code == 409
    assert "Iemand anders heeft" in response.content.decode()
    event.refresh_from_db()
    assert event.title == "Nieuwe titel"


def test_a_coordinator_cancels_a_meeting(login_as, coordinator, coalition):
    event = plan(coalition)
    login_as(coordinator).post(
        reverse("network:event_cancel", args=[event.uuid]), {"version": event.lock_version}
    )
    event.refresh_from_db()
    assert event.cancelled


def test_inviting_from_the_screen(login_as, coordinator, coalition, professional, mailoutbox):
    event = plan(coalition)
    response = login_as(coordinator).post(
        reverse("network:invite", args=[event.uuid]),
        {"users": [str(professional.uuid)], "emails": "gast@voorbeeld.example.nl\n"},
    )
    assert response.status_code == 302
    assert {i.email for i in event.invitations.all()} == {
        professional.email,
        "gast@voorbeeld.example.nl",
    }


def test_attendance_after_the_meeting_and_its_csv(login_as, coordinator, coalition, professional):
    event = plan(coalition, "Netwerkbijeenkomst", days=-1)
    there, away = services.invitations_create(
        event=event,
        users=[professional],
        emails=["gast@voorbeeld.example.nl"],
        invited_by=coordinator,
    )
    services.rsvp_set(event=event, user=professional, answer=RsvpAnswer.YES)
    client = login_as(coordinator)
    response = client.post(
        reverse("network:attendance", args=[event.uuid]), {"present": [str(there.uuid)]}
    )
    assert response.status_code == 302

    export = client.get(reverse("network:attendance_csv", args=[event.uuid]))
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Naam", "Organisatie", "E-mailadres", "Antwoord", "Aanwezigheid"]
    by_address = {row[2]: row for row in rows[1:]}
    assert by_address[professional.email][3:] == ["ja", "aanwezig"]
    assert by_address[professional.email][1] == professional.organisation.name
    assert by_address["gast@voorbeeld.example.nl"][3:] == ["", "afwezig"]


def test_attendance_waits_for_the_meeting(login_as, coordinator, coalition, professional):
    event = plan(coalition, days=3)
    [invitation] = services.invitations_create(
        event=event, users=[professional], invited_by=coordinator
    )
    response = login_as(coordinator).post(
        reverse("network:attendance", args=[event.uuid]), {"present": [str(invitation.uuid)]}
    )
    assert response.status_code == 400
    assert not event.attendances.exists()


def test_decisions_and_agreements_on_the_meeting_page(
    login_as, coordinator, coalition, professional
):
    earlier = plan(coalition, "Vorige netwerkbijeenkomst", days=-30)
    old = action_services.action_item_create(
        coalition=coalition,
        context_kind=ACTION_CONTEXT_KIND,
        context_uuid=earlier.uuid,
        context_label=earlier.title,
        description="Folder over de eerste 1000 dagen laten vertalen",
        owner_user=professional,
        owner_organisation=professional.organisation,
        due_on=timezone.localdate() + datetime.timedelta(days=1),
        created_by=coordinator,
    )
    # Agreements from before this meeting's start are "from earlier meetings".
    event = plan(coalition, "Netwerkbijeenkomst", days=1)
    client = login_as(coordinator)
    url = reverse("network:event_detail", args=[event.uuid])

    client.post(
        reverse("network:decision_add", args=[event.uuid]),
        {"text": "We houden elk kwartaal een netwerkcafé."},
    )
    due = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(
        reverse("network:action_item_add", args=[event.uuid]),
        {
            "description": "Sociale kaart controleren op kraamzorg",
            "owner": str(professional.uuid),
            "due_on": due.isoformat(),
        },
    )
    assert response.status_code == 302

    page = client.get(url).content.decode()
    assert "We houden elk kwartaal een netwerkcafé." in page
    assert "Sociale kaart controleren op kraamzorg" in page
    # The open agreement of the earlier meeting asks for a disposition here.
    assert "Folder over de eerste 1000 dagen laten vertalen" in page
    assert reverse("actions:dispose", args=[old.uuid]) in page
    assert f'name="meeting_uuid" value="{event.uuid}"' in page
    [item] = action_selectors.action_items_for_context(
        context_kind=ACTION_CONTEXT_KIND, context_uuid=event.uuid
    )
    assert (item.owner_user, item.due_on) == (professional, due)


def test_an_agreement_without_owner_is_refused(login_as, coordinator, coalition):
    event = plan(coalition, days=-1)
    response = login_as(coordinator).post(
        reverse("network:action_item_add", args=[event.uuid]),
        {"description": "Iets regelen", "due_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400
    assert "Een afspraak heeft een eigenaar nodig" in response.content.decode()


def test_the_coordinator_records_a_disposition_at_the_next_meeting(
    login_as, coordinator, coalition, professional
):
    earlier = plan(coalition, "Vorige", days=-30)
    item = services.event_action_item_create(
        event=earlier,
        description="Flyer maken",
        owner_user=professional,
        due_on=timezone.localdate() + datetime.timedelta(days=1),
        created_by=coordinator,
    )
    event = plan(coalition, "Nu", days=1)
    here = reverse("network:event_detail", args=[event.uuid])
    response = login_as(coordinator).post(
        reverse("actions:dispose", args=[item.uuid]),
        {"outcome": "done", "version": item.lock_version, "next": here},
    )
    assert response.status_code == 302
    assert response["Location"] == here
    item.refresh_from_db()
    assert not item.is_open
