"""Enrolling a client from the group page: check first, then confirm; a full group gives the
waiting list; an ineligible client is refused with the reasons; from a referral."""

import datetime

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.programmes import services
from kansrijk.programmes.constants import (
    AUDIT_ELIGIBILITY_CHECKED,
    AUDIT_ENROLMENT_CREATED,
    EnrolmentStatus,
)
from kansrijk.programmes.tests.factories import make_client, make_group, make_voorzorg
from kansrijk.referrals.tests.factories import make_consent, make_referral, make_service

E = EnrolmentStatus


def _url(group):
    return f"/programmas/groepen/{group.uuid}/inschrijven/"


@pytest.fixture
def facilitator(group, professional):
    group.facilitators.add(professional)
    return professional


def _check(browser, group, client, first_child="unknown", **extra):
    return browser.post(
        _url(group),
        {"client": str(client.uuid), "first_child": first_child, "check": "", **extra},
    )


def _enrol(browser, group, client, first_child="unknown", **extra):
    group.refresh_from_db()
    data = {
        "client": str(client.uuid),
        "first_child": first_child,
        "version": group.lock_version,
        "enrol": "",
    }
    return browser.post(_url(group), {**data, **extra}, follow=True)


def test_the_group_page_offers_enrolling_to_its_facilitator_only(
    group, facilitator, other_professional, login_as
):
    page = f"/programmas/groepen/{group.uuid}/"
    assert _url(group) in login_as(facilitator).get(page).content.decode()
    assert _url(group) not in login_as(other_professional).get(page).content.decode()


def test_the_form_lists_only_the_clients_she_may_see_by_code(
    group, facilitator, other_professional, login_as
):
    own = make_client(user=facilitator)
    elsewhere = make_client(user=other_professional)

    page = login_as(facilitator).get(_url(group)).content.decode()

    assert own.pseudonym in page
    assert elsewhere.pseudonym not in page
    assert "Is dit haar eerste kind?" in page


def test_an_eligible_client_is_checked_then_enrolled(group, facilitator, login_as):
    client = make_client(user=facilitator)
    browser = login_as(facilitator)

    check = _check(browser, group, client)
    assert check.status_code == 200
    assert "Ja: " in check.content.decode() and "Inschrijving bevestigen" in check.content.decode()
    assert not group.enrolments.exists()  # checking enrols nobody

    response = _enrol(browser, group, client)

    assert response.status_code == 200
    assert f"{client.pseudonym} heeft een plaats in {group.name}." in response.content.decode()
    assert group.enrolments.get().status == E.ENROLLED
    event = AuditEvent.objects.filter(action=AUDIT_ENROLMENT_CREATED).latest("id")
    assert (event.client_id, event.actor_id) == (str(client.uuid), str(facilitator.uuid))
    assert event.source == "127.0.0.1"  # the request's context, not "system"
    assert AuditEvent.objects.filter(
        action=AUDIT_ELIGIBILITY_CHECKED, client_id=str(client.uuid)
    ).exists()


def test_a_full_group_gives_the_waiting_list_never_an_overbooking(group, facilitator, login_as):
    group.capacity = 1
    group.save()
    services.enrolment_create(group=group, client=make_client(user=facilitator), user=facilitator)
    client = make_client(user=facilitator)
    browser = login_as(facilitator)

    check = _check(browser, group, client).content.decode()
    assert "De groep is vol (1 plaatsen). Zij komt op de wachtlijst als nummer 1" in check

    page = _enrol(browser, group, client).content.decode()

    assert "is vol (1 plaatsen)" in page and "wachtlijst, nummer 1" in page
    assert group.enrolments.filter(status=E.ENROLLED).count() == 1
    assert group.enrolments.get(client=client).waiting_position == 1


def test_an_ineligible_client_is_refused_with_the_reason_in_dutch(group, facilitator, login_as):
    # Week 30 already: Centering Pregnancy starts before week 20.
    late = make_client(
        user=facilitator, due_date=timezone.localdate() + datetime.timedelta(weeks=10)
    )
    browser = login_as(facilitator)

    check = _check(browser, group, late).content.decode()
    assert "Nee: " in check and "voor week 20" in check
    assert "Inschrijving bevestigen" not in check

    response = _enrol(browser, group, late)  # sent anyway, without the button

    assert response.status_code == 400
    page = response.content.decode()
    assert "kan niet meedoen" in page and "voor week 20" in page
    assert not group.enrolments.exists()


def test_voorzorg_warns_in_time_and_asks_about_the_first_child(coalition, professional, login_as):
    today = timezone.localdate()
    voorzorg = make_voorzorg()
    group = make_group(
        programme=voorzorg,
        coalition=coalition,
        reference_date=today,
        start_date=today,
        name="VoorZorg Zaandam (test)",
        languages=[],
    )
    group.facilitators.add(professional)
    # Week 26 now: the start must be before week 28, ten days from today.
    client = make_client(
        user=professional,
        year_of_birth=today.year - 21,
        due_date=today + datetime.timedelta(weeks=13, days=3),
    )
    browser = login_as(professional)

    unknown = _check(browser, group, client).content.decode()
    assert "Haast" in unknown and "over 10 dagen" in unknown
    assert "Vraag of dit haar eerste kind is" in unknown

    second = _check(browser, group, client, first_child="no").content.decode()
    assert "alleen voor ouders die hun eerste kind krijgen" in second


def test_a_client_she_may_not_see_gives_404_and_nothing_happens(
    group, facilitator, other_professional, login_as
):
    elsewhere = make_client(user=other_professional)
    browser = login_as(facilitator)

    assert _check(browser, group, elsewhere).status_code == 404
    assert _enrol(browser, group, elsewhere).status_code == 404
    assert not group.enrolments.exists()


def test_bad_input_gives_a_form_error_not_a_500(group, facilitator, login_as):
    response = login_as(facilitator).post(_url(group), {"client": "geen-id", "check": ""})

    assert response.status_code == 400
    assert "Kies een cliënt uit de lijst." in response.content.decode()


def test_a_group_changed_in_the_meantime_gives_a_clear_message(group, facilitator, login_as):
    client = make_client(user=facilitator)
    browser = login_as(facilitator)
    seen = group.lock_version
    services.group_plan_sessions(group)  # someone else plans it meanwhile

    response = browser.post(
        _url(group),
        {"client": str(client.uuid), "first_child": "unknown", "version": seen, "enrol": ""},
    )

    assert response.status_code == 400
    assert "in de tussentijd veranderd" in response.content.decode()
    assert not group.enrolments.exists()


def test_a_professional_who_does_not_plan_the_group_may_not_enrol(
    group, other_professional, outsider, login_as
):
    client = make_client(user=other_professional)

    assert login_as(other_professional).get(_url(group)).status_code == 403
    assert _check(login_as(other_professional), group, client).status_code == 403
    assert login_as(outsider).get(_url(group)).status_code == 404
    assert not group.enrolments.exists()


@pytest.fixture
def referral(professional, other_organisation):
    """`professional` (GGD) refers her to a service of `other_organisation`, with consent."""
    client = make_client(user=professional)
    make_consent(client=client, user=professional, organisations=[other_organisation])
    service = make_service(receiver=other_organisation, name="Centering Pregnancy (test)")
    return make_referral(sender=professional, service=service, client=client)


def test_from_a_referral_the_client_is_preselected_and_the_referral_kept(
    group, referral, other_professional, login_as
):
    group.facilitators.add(other_professional)  # she works where the referral arrived
    browser = login_as(other_professional)

    page = browser.get(f"{_url(group)}?verwijzing={referral.uuid}").content.decode()

    assert f'<option value="{referral.client.uuid}" selected>' in page
    assert referral.client.pseudonym in page

    _enrol(browser, group, referral.client, referral=str(referral.uuid))

    enrolment = group.enrolments.get()
    assert (enrolment.client, enrolment.referral_uuid) == (referral.client, referral.uuid)


def test_an_unknown_referral_gives_404(group, facilitator, login_as):
    hidden = f"{_url(group)}?verwijzing="
    assert (
        login_as(facilitator).get(f"{hidden}00000000-0000-0000-0000-000000000000").status_code
        == 404
    )
    assert login_as(facilitator).get(f"{hidden}geen-id").status_code == 404


def test_a_coordinator_who_is_a_professional_of_a_member_may_enrol(group, organisation, login_as):
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user

    planner = make_user(organisation=organisation, roles=[Role.PROFESSIONAL, Role.COORDINATOR])
    client = make_client(user=planner)

    page = _enrol(login_as(planner), group, client).content.decode()

    assert f"{client.pseudonym} heeft een plaats in" in page
