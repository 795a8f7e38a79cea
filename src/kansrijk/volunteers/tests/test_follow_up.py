"""Following up a match: check-ins and reviews, the coordinator's work list, the reminder, the
referrer's notices, the volunteer's contact log with its worry flag, and the follow-ups on
privacy (hashed street, place read from the client)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.audit.models import AuditEvent
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.services import client_update
from kansrijk.referrals.tests.factories import make_consent, make_referral, make_service
from kansrijk.volunteers import integration, selectors, services
from kansrijk.volunteers.constants import MatchStatus, RequestSource
from kansrijk.volunteers.models import CheckIn, FamilyRequest
from kansrijk.volunteers.streets import street_key

pytestmark = pytest.mark.django_db


def _today():
    """Today where Kansrijk runs, asked at test time: a run can pass midnight."""
    return timezone.localdate()


@pytest.fixture
def samira(register_volunteer):
    return register_volunteer("Demo Samira", languages=["ar", "nl"], max_families=2)


@pytest.fixture
def volunteer_user(samira, volunteer_organisation, zeist_coordinator):
    user = make_user(organisation=volunteer_organisation, roles=[Role.VOLUNTEER])
    services.volunteer_user_link(volunteer=samira, user=user, linked_by=zeist_coordinator)
    return user


@pytest.fixture
def match(waiting_request, samira, zeist_coordinator):
    return services.match_propose(request=waiting_request, volunteer=samira, user=zeist_coordinator)


# --- check-ins and reviews ---------------------------------------------------------------------


def test_an_active_match_gets_its_check_ins_and_reviews_planned(match, activate):
    started = _today() - datetime.timedelta(days=45)
    match = activate(match, started_on=started)
    check_ins = list(selectors.check_ins_of_match(match=match))
    assert [(c.kind, (c.due_on - started).days) for c in check_ins[:3]] == [
        ("check_in", 14),
        ("check_in", 28),
        ("review", 42),
    ]
    assert check_ins[-1].due_on <= match.planned_end


def test_a_missed_review_shows_on_the_coordinators_work_list_until_it_is_done(
    match, activate, zeist_coordinator, professional
):
    match = activate(match, started_on=_today() - datetime.timedelta(days=45))
    for check_in in selectors.check_ins_of_match(match=match).filter(kind="check_in")[:2]:
        services.check_in_done(check_in=check_in, user=zeist_coordinator)

    section = integration.check_ins_section(zeist_coordinator, _today())
    assert section["count"] == 1
    missed = [c for c in section["check_ins"] if c.missed]
    assert [c.kind for c in missed] == ["review"]
    assert integration.check_ins_section(professional, _today()) is None

    services.check_in_done(check_in=missed[0], user=zeist_coordinator, note="Gesprek gehad.")
    assert integration.check_ins_section(zeist_coordinator, _today())["count"] == 0
    with pytest.raises(ValidationError, match="al gedaan"):
        services.check_in_done(check_in=missed[0], user=zeist_coordinator)


def test_ending_a_match_takes_its_open_check_ins_off_the_list(match, activate, zeist_coordinator):
    match = activate(match, started_on=_today() - datetime.timedelta(days=45))
    services.match_transition(
        match=match, to_status=MatchStatus.ENDED, end_reason="moved", user=zeist_coordinator
    )
    assert not CheckIn.objects.filter(match=match, done_on=None).exists()
    assert integration.check_ins_section(zeist_coordinator, _today())["total"] == 0


def test_the_daily_reminder_mails_the_coordinator_how_many_were_missed_without_client_data(
    match, activate, zeist_coordinator, django_capture_on_commit_callbacks
):
    match = activate(match, started_on=_today() - datetime.timedelta(days=45))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.check_ins_remind_missed(today=_today())
    assert sent == 1
    (message,) = mail.outbox
    assert message.to == [zeist_coordinator.email]
    assert "3" in message.subject  # two check-ins and the review are missed
    assert match.request.client.pseudonym not in message.body
    assert "Demo Samira" not in message.body


def test_the_waiting_families_section_is_ranked_by_need_for_the_volunteer_coordinator_only(
    waiting_request,
    professional,
    zeist,
    zeist_coalition,
    volunteer_organisation,
    zeist_coordinator,
    coordinator,
):
    from kansrijk.clients.tests.factories import make_client
    from kansrijk.clients.tests.factories import make_consent as make_client_consent

    urgent_client = make_client(user=professional, municipality=zeist)
    make_client_consent(
        client=urgent_client,
        user=professional,
        organisations=[volunteer_organisation],
        purpose=ConsentPurpose.INFORMATION_EXCHANGE,
    )
    urgent = services.request_create(
        client=urgent_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["domestic-violence-and-safety"],
        created_by=professional,
    )
    section = integration.waiting_section(zeist_coordinator, _today())
    assert [f["request"] for f in section["families"]] == [urgent, waiting_request]
    assert section["count"] == 2
    # A coalition coordinator of another organisation does not see these families.
    assert integration.waiting_section(coordinator, _today()) is None
    assert AuditEvent.objects.filter(action="volunteers.work_list_viewed").exists()


# --- the referrer hears when a match starts and ends -------------------------------------------


def test_the_referrer_hears_when_the_match_starts_and_ends_never_who_the_volunteer_is(
    match, activate, zeist_coordinator, professional, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        match = activate(match)
    (started,) = mail.outbox
    assert started.to == [professional.email]
    assert match.request.client.pseudonym in started.subject
    assert "Demo Samira" not in started.body

    with django_capture_on_commit_callbacks(execute=True):
        services.match_transition(
            match=match,
            to_status=MatchStatus.ENDED,
            end_reason="goals_reached",
            user=zeist_coordinator,
        )
    assert len(mail.outbox) == 2
    assert "De doelen van het gezin zijn bereikt" in mail.outbox[1].body
    assert AuditEvent.objects.filter(action="volunteers.referrer_notified").count() == 2


def test_a_match_that_ends_before_it_started_tells_the_referrer_nothing(
    match, zeist_coordinator, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.match_transition(
            match=match, to_status=MatchStatus.ENDED, end_reason="no_click", user=zeist_coordinator
        )
    assert mail.outbox == []


def test_a_request_from_a_referral_tells_the_referral_sender(
    family_client,
    family_consent,
    professional,
    zeist_coalition,
    volunteer_organisation,
    samira,
    zeist_coordinator,
    activate,
    django_capture_on_commit_callbacks,
):
    make_consent(client=family_client, user=professional, organisations=[volunteer_organisation])
    referral = make_referral(
        sender=professional,
        service=make_service(receiver=volunteer_organisation),
        client=family_client,
    )
    request = services.request_create(
        client=family_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["housing"],
        created_by=zeist_coordinator,  # the intake at the volunteer organisation
        referral=referral,
    )
    assert request.source == RequestSource.REFERRAL
    assert request.referrer_organisation == professional.organisation
    match = services.match_propose(request=request, volunteer=samira, user=zeist_coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        activate(match)
    assert [m.to for m in mail.outbox] == [[professional.email]]


# --- the volunteer's contact log ---------------------------------------------------------------


def test_a_worry_alerts_the_coordinator_only_and_the_hours_add_up(
    match,
    activate,
    volunteer_user,
    zeist_coordinator,
    professional,
    django_capture_on_commit_callbacks,
):
    match = activate(match, started_on=_today() - datetime.timedelta(days=10))
    services.contact_log(
        match=match, user=volunteer_user, contact_on=_today(), minutes=90, kind="visit"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        worry = services.contact_log(
            match=match,
            user=volunteer_user,
            contact_on=_today(),
            minutes=30,
            kind="phone",
            note="Ze slaapt slecht.",
            worry=True,
        )
    assert [m.to for m in mail.outbox] == [[zeist_coordinator.email]]
    assert "Ze slaapt slecht" not in mail.outbox[0].body
    assert professional.email not in {a for m in mail.outbox for a in m.to}

    section = integration.worries_section(zeist_coordinator, _today())
    assert section["count"] == 1 and section["worries"] == [worry]
    assert integration.worries_section(professional, _today()) is None
    assert selectors.match_get_for_user(zeist_coordinator, match.uuid).minutes == 120

    services.worry_handle(contact=worry, user=zeist_coordinator)
    assert integration.worries_section(zeist_coordinator, _today()) is None


def test_contact_log_refuses_bad_input_in_dutch(match, activate, volunteer_user):
    match = activate(match)
    with pytest.raises(ValidationError) as error:
        services.contact_log(
            match=match,
            user=volunteer_user,
            contact_on=_today() + datetime.timedelta(days=1),
            minutes=0,
            kind="visit",
        )
    assert error.value.message_dict["contact_on"] == ["De datum ligt in de toekomst."]
    assert "tussen 1 minuut en 12 uur" in error.value.message_dict["minutes"][0]


def test_only_her_own_volunteer_logs_contacts(match, activate, volunteer_organisation):
    match = activate(match)
    other = make_user(organisation=volunteer_organisation, roles=[Role.VOLUNTEER])
    with pytest.raises(ValidationError, match="eigen gezinnen"):
        services.contact_log(match=match, user=other, contact_on=_today(), minutes=30, kind="walk")


# --- proposing: clear messages -----------------------------------------------------------------


def test_proposing_a_volunteer_whose_vog_expired_gives_a_clear_message(
    waiting_request, samira, zeist_coordinator
):
    later = samira.vog_valid_until + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.match_propose(
            request=waiting_request, volunteer=samira, user=zeist_coordinator, today=later
        )
    assert error.value.messages == [
        "Demo Samira kan niet worden voorgesteld: haar verklaring omtrent het gedrag (VOG) is "
        f"verlopen op {samira.vog_valid_until:%d-%m-%Y}. Vraag haar eerst om een nieuwe VOG."
    ]


def test_proposing_a_volunteer_at_full_load_gives_a_clear_message(
    waiting_request,
    register_volunteer,
    zeist_coordinator,
    professional,
    zeist,
    zeist_coalition,
    volunteer_organisation,
):
    from kansrijk.clients.tests.factories import make_client
    from kansrijk.clients.tests.factories import make_consent as make_client_consent

    busy = register_volunteer("Demo Lotte", max_families=1)
    services.match_propose(request=waiting_request, volunteer=busy, user=zeist_coordinator)
    second_client = make_client(user=professional, municipality=zeist)
    make_client_consent(
        client=second_client,
        user=professional,
        organisations=[volunteer_organisation],
        purpose=ConsentPurpose.INFORMATION_EXCHANGE,
    )
    second = services.request_create(
        client=second_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["housing"],
        created_by=professional,
    )
    with pytest.raises(ValidationError) as error:
        services.match_propose(request=second, volunteer=busy, user=zeist_coordinator)
    assert error.value.messages[0].startswith(
        "Demo Lotte kan niet worden voorgesteld: ze loopt al mee met 1 van de 1 gezinnen"
    )


def test_recording_a_vog_that_has_expired_is_refused_in_dutch(samira, zeist_coordinator):
    with pytest.raises(ValidationError) as error:
        services.vog_record(
            volunteer=samira,
            issued_on=_today() - datetime.timedelta(days=3 * 366),
            user=zeist_coordinator,
        )
    assert (
        "Deze verklaring omtrent het gedrag (VOG) is verlopen op"
        in (error.value.message_dict["vog_issued_on"][0])
    )


# --- privacy follow-ups ------------------------------------------------------------------------


def test_the_family_street_is_stored_only_as_a_keyed_hash_and_the_rule_still_works(
    family_client,
    family_consent,
    zeist_coalition,
    volunteer_organisation,
    professional,
    register_volunteer,
):
    request = services.request_create(
        client=family_client,
        coalition=zeist_coalition,
        organisation=volunteer_organisation,
        needs=["housing"],
        created_by=professional,
        postcode4="3701",
        street="Slotlaan",
    )
    stored = FamilyRequest.objects.filter(pk=request.pk).values().get()
    assert "slotlaan" not in str(stored).lower()
    assert stored["street_key"] == street_key("3701", "  SLOTLAAN ")
    neighbour = register_volunteer("Demo Ilse", postcode4="3701", street="slotlaan")
    suggestion = selectors.volunteer_suggestions(request=request, today=_today())[0]
    assert suggestion.volunteer == neighbour
    assert suggestion.excluded_reason == "Woont in dezelfde straat als het gezin."


def test_the_request_reads_her_neighbourhood_from_the_client(
    waiting_request, family_client, professional, zeist_neighbourhoods
):
    client_update(
        client=family_client,
        updated_by=professional,
        neighbourhood=zeist_neighbourhoods[2],
        expected_version=family_client.lock_version,
    )
    request = FamilyRequest.objects.select_related("client").get(pk=waiting_request.pk)
    assert request.neighbourhood == zeist_neighbourhoods[2]


# --- retention -----------------------------------------------------------------------------------


def test_when_her_retention_ends_what_volunteers_noted_about_her_goes(
    match, activate, volunteer_user, family_client, waiting_request
):
    from django.conf import settings

    from kansrijk.audit.models import AuditEvent
    from kansrijk.clients.services import clients_pseudonymise_expired
    from kansrijk.volunteers.models import ContactLog

    match = activate(match, started_on=_today() - datetime.timedelta(days=10))
    services.contact_log(
        match=match,
        user=volunteer_user,
        contact_on=_today(),
        minutes=60,
        kind="visit",
        note="Wandeling naar het consultatiebureau.",
    )
    # As an intake with her street and when she is free leaves them (street as a keyed hash).
    type(waiting_request).objects.filter(pk=waiting_request.pk).update(
        street_key="4f2a", availability=["tuesday-morning"]
    )
    later = timezone.now() + datetime.timedelta(days=settings.KANSRIJK_RETENTION_DAYS + 1)

    assert clients_pseudonymise_expired(now=later) == 1

    waiting_request.refresh_from_db()
    assert waiting_request.street_key == "" and waiting_request.availability == []
    assert list(ContactLog.objects.filter(match=match).values_list("note", flat=True)) == [""]
    assert ContactLog.objects.get(match=match).minutes == 60  # the hours still count
    assert AuditEvent.objects.filter(action="volunteers.requests_pseudonymised").exists()
