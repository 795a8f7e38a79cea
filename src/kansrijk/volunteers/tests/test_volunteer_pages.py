"""The volunteer's own log-in: only her own families' first name, neighbourhood and contact
route, only while the family consents; the contact log; nothing else in Kansrijk. And the
coordinator's follow-up pages."""

import datetime

import pytest
from django.test import Client as DjangoClient
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.audit.models import AuditEvent
from kansrijk.clients.services import consent_withdraw, identity_set
from kansrijk.volunteers import services
from kansrijk.volunteers.models import CheckIn, ContactLog

pytestmark = pytest.mark.django_db


def _today():
    """Today where Kansrijk runs, asked at test time: a run can pass midnight."""
    return timezone.localdate()


MY_FAMILIES = reverse("volunteers:my_families")


@pytest.fixture
def samira(register_volunteer):
    return register_volunteer("Demo Samira", languages=["ar", "nl"], max_families=2)


@pytest.fixture
def volunteer_user(samira, volunteer_organisation, zeist_coordinator):
    user = make_user(organisation=volunteer_organisation, roles=[Role.VOLUNTEER])
    services.volunteer_user_link(volunteer=samira, user=user, linked_by=zeist_coordinator)
    return user


@pytest.fixture
def active_match(waiting_request, samira, zeist_coordinator, activate, family_client, professional):
    identity_set(
        client=family_client,
        set_by=professional,
        name="Noor Demo-Haddad",
        phone="06-12345678",
        address="Slotlaan 1, Zeist",
        expected_version=0,
    )
    match = services.match_propose(
        request=waiting_request, volunteer=samira, user=zeist_coordinator
    )
    match = activate(match, started_on=_today() - datetime.timedelta(days=45))
    return services.match_contact_route_set(
        match=match, contact_route="WhatsApp, 's avonds", user=zeist_coordinator
    )


def test_the_volunteer_sees_only_first_name_neighbourhood_and_contact_route(
    login_as, volunteer_user, active_match, family_client
):
    response = login_as(volunteer_user).get(MY_FAMILIES)
    assert response.status_code == 200
    assert "Noor" in response.text
    assert family_client.neighbourhood.name in response.text
    assert "WhatsApp, &#x27;s avonds" in response.text
    for hidden in ("Demo-Haddad", "06-12345678", "Slotlaan", family_client.pseudonym):
        assert hidden not in response.text
    read = AuditEvent.objects.get(action="volunteers.families_viewed_by_volunteer")
    assert read.client_id == str(family_client.uuid)
    assert read.actor_id == str(volunteer_user.uuid)


def test_when_the_family_withdraws_consent_she_disappears_from_the_volunteers_view(
    login_as, volunteer_user, active_match, family_consent, professional
):
    consent_withdraw(consent=family_consent, withdrawn_by=professional)
    client = login_as(volunteer_user)
    response = client.get(MY_FAMILIES)
    assert "Noor" not in response.text
    assert "U loopt nu met geen enkel gezin mee." in response.text
    detail = reverse("volunteers:my_family", args=[active_match.uuid])
    assert client.get(detail).status_code == 404


def test_another_volunteer_cannot_open_the_family(
    login_as, active_match, register_volunteer, volunteer_organisation, zeist_coordinator
):
    other_user = make_user(organisation=volunteer_organisation, roles=[Role.VOLUNTEER])
    services.volunteer_user_link(
        volunteer=register_volunteer("Demo Lotte"), user=other_user, linked_by=zeist_coordinator
    )
    client = login_as(other_user)
    assert "Noor" not in client.get(MY_FAMILIES).text
    response = client.get(reverse("volunteers:my_family", args=[active_match.uuid]))
    assert response.status_code == 404


def test_the_volunteer_logs_a_contact_with_a_worry_and_the_coordinator_sees_it(
    login_as, volunteer_user, active_match, zeist_coordinator, professional
):
    url = reverse("volunteers:my_family", args=[active_match.uuid])
    response = login_as(volunteer_user).post(
        url,
        {
            "contact_on": _today().isoformat(),
            "minutes": "75",
            "kind": "walk",
            "note": "Samen naar de markt.",
            "worry": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Uw coördinator ziet uw zorg" in response.text
    assert ContactLog.objects.get().worry

    work_list = login_as(zeist_coordinator).get(reverse("referrals:work_list"))
    assert "Demo Samira maakt zich zorgen over gezin" in work_list.text
    detail = login_as(zeist_coordinator).get(
        reverse("volunteers:match_detail", args=[active_match.uuid])
    )
    assert "1:15" in detail.text  # the hours of this match
    # The referrer is not told about the worry.
    referrer_list = login_as(professional).get(reverse("referrals:work_list"))
    assert "maakt zich zorgen" not in referrer_list.text


def test_a_contact_in_the_future_gets_a_dutch_message(login_as, volunteer_user, active_match):
    url = reverse("volunteers:my_family", args=[active_match.uuid])
    response = login_as(volunteer_user).post(
        url,
        {
            "contact_on": (_today() + datetime.timedelta(days=3)).isoformat(),
            "minutes": "30",
            "kind": "phone",
        },
    )
    assert response.status_code == 400
    assert "De datum ligt in de toekomst." in response.text
    assert not ContactLog.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        reverse("clients:list"),
        reverse("referrals:work_list"),
        reverse("referrals:overview"),
        reverse("directory:manage"),
        reverse("volunteers:waiting_list"),
        reverse("volunteers:match_list"),
    ],
)
def test_a_volunteer_gets_no_staff_page(login_as, volunteer_user, active_match, url):
    assert login_as(volunteer_user).get(url).status_code in (403, 404)


def test_a_volunteer_sees_no_group_programmes(login_as, volunteer_user, active_match):
    # The page itself answers for any log-in (kansrijk.programmes), but lists nothing.
    response = login_as(volunteer_user).get(reverse("programmes:group_list"))
    assert response.status_code in (200, 403)
    assert "groepen/" not in response.text


def test_a_volunteer_cannot_open_the_coordinators_match_page(
    login_as, volunteer_user, active_match
):
    url = reverse("volunteers:match_detail", args=[active_match.uuid])
    assert login_as(volunteer_user).get(url).status_code == 403


def test_a_volunteer_must_pass_the_second_factor(volunteer_user, active_match):
    assert volunteer_user.requires_2fa
    client = DjangoClient()
    client.force_login(volunteer_user)
    response = client.get(MY_FAMILIES)
    assert response.status_code == 302
    assert reverse("accounts:enrol") in response["Location"] or (
        reverse("accounts:verify") in response["Location"]
    )


def test_a_coordinator_or_professional_has_no_my_families_page(
    login_as, zeist_coordinator, professional
):
    assert login_as(zeist_coordinator).get(MY_FAMILIES).status_code == 403
    assert login_as(professional).get(MY_FAMILIES).status_code == 403


def test_the_coordinator_marks_a_missed_review_as_done(login_as, zeist_coordinator, active_match):
    review = CheckIn.objects.get(match=active_match, kind="review", due_on__lt=_today())
    client = login_as(zeist_coordinator)
    page = client.get(reverse("volunteers:match_detail", args=[active_match.uuid]))
    assert "gemist" in page.text
    response = client.post(
        reverse("volunteers:check_in_done", args=[review.uuid]), {"note": "Gebeld."}, follow=True
    )
    assert "Op gedaan gezet." in response.text
    review.refresh_from_db()
    assert review.done_on == _today() and review.done_by == zeist_coordinator


def test_the_coordinator_ends_a_match_with_a_reason_and_a_stale_edit_is_refused(
    login_as, zeist_coordinator, active_match
):
    client = login_as(zeist_coordinator)
    url = reverse("volunteers:match_transition", args=[active_match.uuid])
    response = client.post(url, {"to_status": "ended", "end_reason": "", "version": "4"})
    assert response.status_code == 400
    assert "Kies waarom de koppeling stopt." in response.text
    stale = client.post(url, {"to_status": "paused", "end_reason": "", "version": "1"})
    assert stale.status_code == 409
    done = client.post(
        url,
        {"to_status": "ended", "end_reason": "moved", "version": str(active_match.lock_version)},
        follow=True,
    )
    assert "De status van de koppeling is veranderd." in done.text


def test_proposing_a_volunteer_whose_vog_expired_by_skipping_the_suggestions_is_refused(
    login_as, zeist_coordinator, waiting_request, samira
):
    from kansrijk.volunteers.models import Volunteer

    # Time passed: her VOG expired yesterday.
    Volunteer.objects.filter(pk=samira.pk).update(vog_valid_until=_today())
    response = login_as(zeist_coordinator).post(
        reverse("volunteers:propose", args=[waiting_request.uuid]),
        {"volunteer": str(samira.uuid)},
        follow=True,
    )
    assert "haar verklaring omtrent het gedrag (VOG) is verlopen op" in response.text
    assert not samira.matches.exists()


def test_the_volunteer_never_appears_in_the_clients_export(
    active_match, volunteer_user, family_client, professional
):
    from kansrijk.clients.services import client_export

    services.contact_log(
        match=active_match, user=volunteer_user, contact_on=_today(), minutes=30, kind="walk"
    )
    document = str(client_export(family_client.pk, exported_by=professional))
    for trace in ("Demo Samira", volunteer_user.username, str(volunteer_user.uuid)):
        assert trace not in document
