"""Members are known by their pseudonym; their real first name and contact details are kept
only with consent, encrypted, shown to the board's coordinators only, and every read is in the
audit log. Withdrawing consent erases them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.soundingboard import services
from kansrijk.soundingboard.constants import AUDIT_IDENTITY_VIEWED, ContactRoute
from kansrijk.soundingboard.models import MemberIdentity
from kansrijk.soundingboard.tests.conftest import FIRST_NAME, PHONE

pytestmark = pytest.mark.django_db


def test_the_board_and_member_pages_show_the_pseudonym_never_the_real_name(
    login_as, coordinator, board, member_with_identity
):
    client = login_as(coordinator)
    board_page = client.get(reverse("soundingboard:board_detail", args=[board.uuid]))
    member_page = client.get(
        reverse("soundingboard:member_detail", args=[member_with_identity.uuid])
    )
    for response in (board_page, member_page):
        assert response.status_code == 200
        assert "Ouder A" in response.text
        assert FIRST_NAME not in response.text
        assert PHONE not in response.text
    assert not AuditEvent.objects.filter(action=AUDIT_IDENTITY_VIEWED).exists()


def test_the_coordinator_sees_the_real_name_and_the_look_is_audited(
    login_as, coordinator, member_with_identity
):
    response = login_as(coordinator).get(
        reverse("soundingboard:member_identity", args=[member_with_identity.uuid])
    )
    assert response.status_code == 200
    assert FIRST_NAME in response.text
    assert PHONE in response.text
    event = AuditEvent.objects.get(action=AUDIT_IDENTITY_VIEWED)
    assert event.object_id == str(member_with_identity.uuid)
    assert event.actor_id == str(coordinator.uuid)
    # The audit event names the member by id only.
    assert FIRST_NAME not in str(event.detail)


def test_the_identity_is_encrypted_in_the_database(member_with_identity):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT first_name, phone FROM soundingboard_memberidentity WHERE member_id = %s",
            [member_with_identity.pk],
        )
        first_name, phone = cursor.fetchone()
    assert FIRST_NAME not in first_name
    assert PHONE not in phone
    assert MemberIdentity.objects.get(member=member_with_identity).first_name == FIRST_NAME


def test_contact_details_without_consent_are_refused_in_dutch(coordinator, member):
    with pytest.raises(ValidationError) as error:
        services.member_identity_set(
            member=member, set_by=coordinator, first_name="Demo Zeynep", expected_version=0
        )
    assert "Leg eerst haar toestemming vast" in error.value.messages[0]
    assert not MemberIdentity.objects.exists()


def test_the_identity_form_without_consent_shows_the_error_and_stores_nothing(
    login_as, coordinator, member
):
    response = login_as(coordinator).post(
        reverse("soundingboard:member_identity", args=[member.uuid]),
        {"version": "0", "first_name": "Demo Zeynep", "phone": "06 0000 0999"},
    )
    assert response.status_code == 400
    assert "Leg eerst haar toestemming vast" in response.text
    assert not MemberIdentity.objects.exists()


def test_a_consent_without_what_for_is_refused(coordinator, member):
    with pytest.raises(ValidationError) as error:
        services.member_consent_record(
            member=member, given_on=timezone.localdate(), purpose=" ", recorded_by=coordinator
        )
    assert "purpose" in error.value.message_dict


def test_withdrawing_consent_erases_the_contact_details(
    login_as, coordinator, member_with_identity
):
    services.member_update(
        member=member_with_identity,
        lock_version=member_with_identity.lock_version,
        pseudonym="Ouder A",
        contact_route=ContactRoute.PHONE,
        languages=["nl"],
        interpreter_needed=False,
        childcare_needed=True,
        joined_on=member_with_identity.joined_on,
    )
    client = login_as(coordinator)
    response = client.post(
        reverse("soundingboard:member_consent_withdraw", args=[member_with_identity.uuid]),
        follow=True,
    )
    assert response.status_code == 200
    assert "Haar voornaam en contactgegevens zijn gewist" in response.text
    assert not MemberIdentity.objects.filter(member=member_with_identity).exists()
    member_with_identity.refresh_from_db()
    assert member_with_identity.contact_route == ""
    identity_page = client.get(
        reverse("soundingboard:member_identity", args=[member_with_identity.uuid])
    )
    assert FIRST_NAME not in identity_page.text
    # Without a new consent, nothing can be stored again.
    with pytest.raises(ValidationError):
        services.member_identity_set(
            member=member_with_identity, set_by=coordinator, phone=PHONE, expected_version=0
        )


def test_two_members_of_a_board_cannot_share_a_pseudonym(board, member):
    with pytest.raises(ValidationError) as error:
        services.member_register(board=board, pseudonym="ouder a")
    assert "pseudonym" in error.value.message_dict


def test_a_stale_member_edit_is_refused_and_nothing_is_lost(login_as, coordinator, member):
    url = reverse("soundingboard:member_edit", args=[member.uuid])
    data = {
        "version": str(member.lock_version),
        "pseudonym": "Ouder Z",
        "contact_route": "email",
        "languages": ["nl"],
        "joined_on": member.joined_on.isoformat(),
    }
    services.member_update(
        member=member,
        lock_version=member.lock_version,
        pseudonym="Ouder Q",
        contact_route="",
        languages=["nl"],
        interpreter_needed=False,
        childcare_needed=False,
        joined_on=member.joined_on,
    )
    response = login_as(coordinator).post(url, data)
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen veranderd" in response.text
    member.refresh_from_db()
    assert member.pseudonym == "Ouder Q"


def test_the_coordinator_adds_a_member_through_the_form(login_as, coordinator, board):
    response = login_as(coordinator).post(
        reverse("soundingboard:member_create", args=[board.uuid]),
        {
            "pseudonym": "Ouder B",
            "contact_route": "via_professional",
            "languages": ["ar"],
            "interpreter_needed": "on",
            "joined_on": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Ouder B is toegevoegd" in response.text
    assert board.members.get().interpreter_needed is True
