"""The meeting: the chair builds the agenda; the minutes name a case lead and agreements with
an owner; open agreements return at the next meeting and need a disposition there; members
only; every view of a named case is audited."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.actions import selectors as action_selectors
from kansrijk.actions import services as action_services
from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.casework import selectors, services
from kansrijk.casework.constants import CaseStatus, DiscussionMode
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients import services as client_services
from kansrijk.core.calendar import personal_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_case(consultation, midwife, summary, named_client):
    return services.case_submit(
        consultation=consultation,
        user=midwife,
        mode=DiscussionMode.NAMED_CONSENT,
        client=named_client,
        **summary,
    )


@pytest.fixture
def anonymous_case(consultation, midwife, summary):
    return services.case_submit(
        consultation=consultation, user=midwife, mode=DiscussionMode.ANONYMOUS, **summary
    )


def _discuss(meeting, case, chair, lead):
    services.confidentiality_confirm(meeting=meeting, user=chair)
    (item,) = services.agenda_add(meeting=meeting, user=chair, cases=[case])
    return services.minutes_record(
        item=item,
        user=chair,
        seen="Veel spanning door schulden.",
        conclusions="Schuldhulp en steun van het wijkteam.",
        lead_user=lead,
        expected_version=item.lock_version,
        outcome_summary="Het wijkteam neemt contact op.",
    )


def test_only_the_chair_builds_the_agenda(next_month, named_case, professional, chair):
    with pytest.raises(ValidationError):
        services.agenda_add(meeting=next_month, user=professional, cases=[named_case])
    services.agenda_add(meeting=next_month, user=chair, cases=[named_case])
    named_case.refresh_from_db()
    assert named_case.status == CaseStatus.SCHEDULED
    assert not selectors.agenda_candidates(next_month)["new"]


def test_minutes_need_a_case_lead_and_confidentiality(next_month, named_case, chair):
    (item,) = services.agenda_add(meeting=next_month, user=chair, cases=[named_case])
    with pytest.raises(ValidationError, match="Bevestig eerst de geheimhouding"):
        services.minutes_record(
            item=item,
            user=chair,
            seen="x",
            conclusions="y",
            lead_user=chair,
            expected_version=item.lock_version,
        )
    services.confidentiality_confirm(meeting=next_month, user=chair)
    with pytest.raises(ValidationError) as caught:
        services.minutes_record(
            item=item,
            user=chair,
            seen="x",
            conclusions="y",
            lead_user=None,
            expected_version=item.lock_version,
        )
    assert "lead_user" in caught.value.message_dict
    item = services.minutes_record(
        item=item,
        user=chair,
        seen="x",
        conclusions="y",
        lead_user=chair,
        expected_version=item.lock_version,
    )
    named_case.refresh_from_db()
    assert named_case.lead_user == chair and named_case.status == CaseStatus.DISCUSSED


def test_an_agreement_needs_an_owner_and_shows_on_the_owners_work_list(
    next_month, named_case, chair, professional, login_as
):
    item = _discuss(next_month, named_case, chair, chair)
    due = timezone.localdate() + datetime.timedelta(days=14)
    with pytest.raises(ValidationError) as caught:
        services.agreement_add(
            item=item, user=chair, description="Schuldhulp inschakelen", owner_user=None, due_on=due
        )
    assert "owner" in caught.value.message_dict
    services.agreement_add(
        item=item,
        user=chair,
        description="Schuldhulp inschakelen",
        owner_user=professional,
        due_on=due,
    )
    page = login_as(professional).get("/verwijzingen/").content.decode()
    assert "Schuldhulp inschakelen" in page


def test_open_agreements_return_and_block_the_minutes_until_decided(
    next_month,
    month_after,
    named_case,
    chair,
    professional,
    midwife,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    item = _discuss(next_month, named_case, chair, chair)
    agreement = services.agreement_add(
        item=item,
        user=chair,
        description="Schuldhulp inschakelen",
        owner_user=professional,
        due_on=timezone.localdate() + datetime.timedelta(days=14),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_finalise(
            meeting=next_month, user=chair, expected_version=next_month.lock_version
        )
    # The submitter hears the outcome, without her name or the minutes.
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert named_case.code in body and named_case.client.pseudonym not in body
    assert "Veel spanning" not in body

    # The next meeting lists it: it must be decided there.
    earlier = selectors.earlier_open_agreements(month_after)
    assert [a.uuid for a in earlier] == [agreement.uuid]
    with pytest.raises(ValidationError, match="Elke open afspraak"):
        services.meeting_finalise(
            meeting=month_after, user=chair, expected_version=month_after.lock_version
        )
    action_services.action_item_dispose(
        item=earlier[0],
        outcome="carried_over",
        user=chair,
        expected_version=earlier[0].lock_version,
        new_due_on=timezone.localdate() + datetime.timedelta(days=30),
        meeting_kind="casework.meeting",
        meeting_uuid=month_after.uuid,
    )
    services.meeting_finalise(
        meeting=month_after, user=chair, expected_version=month_after.lock_version
    )
    assert action_selectors.open_action_items_for_owner(professional).count() == 1


def test_a_stranger_gets_404_and_the_attempt_is_audited(named_case, stranger, login_as):
    response = login_as(stranger).get(f"/casusoverleg/casus/{named_case.uuid}/")
    assert response.status_code == 404
    events = audit_events_for_client(client_id=str(named_case.client.uuid))
    denied = events.filter(action="casework.case_denied", outcome="denied")
    assert denied.filter(actor_id=str(stranger.uuid)).exists()


def test_every_view_of_a_named_case_is_audited(named_case, professional, login_as):
    response = login_as(professional).get(f"/casusoverleg/casus/{named_case.uuid}/")
    assert response.status_code == 200
    assert named_case.client.pseudonym in response.content.decode()
    assert (
        audit_events_for_client(client_id=str(named_case.client.uuid))
        .filter(action="casework.case_viewed", actor_id=str(professional.uuid))
        .exists()
    )


def test_withdrawn_consent_turns_the_case_anonymous_at_once(
    named_case, professional, midwife, login_as
):
    consent = client_selectors.consents_for_client(client=named_case.client).first()
    client_services.consent_withdraw(consent=consent, withdrawn_by=midwife)
    named_case.refresh_from_db()
    assert not selectors.case_basis_holds(named_case)
    page = login_as(professional).get(f"/casusoverleg/casus/{named_case.uuid}/").content.decode()
    assert named_case.client.pseudonym not in page


def test_a_new_lead_takes_over_only_when_they_accept(
    next_month, month_after, named_case, chair, professional
):
    _discuss(next_month, named_case, chair, chair)
    named_case.refresh_from_db()
    services.handover_propose(case=named_case, user=chair, to_user=professional)
    named_case.refresh_from_db()
    assert named_case.lead_user == chair
    handover = selectors.handovers_for(professional).get()
    services.handover_answer(handover=handover, user=professional, accept=True)
    named_case.refresh_from_db()
    assert named_case.lead_user == professional


def test_members_only_on_the_meeting_and_its_minutes(next_month, stranger, chair, login_as):
    assert login_as(stranger).get(f"/casusoverleg/overleg/{next_month.uuid}/").status_code == 404
    client = login_as(chair)
    assert client.get(f"/casusoverleg/overleg/{next_month.uuid}/notulen.pdf").status_code == 404
    services.confidentiality_confirm(meeting=next_month, user=chair)
    response = client.get(f"/casusoverleg/overleg/{next_month.uuid}/notulen.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_calendar_lists_a_members_meetings_only(next_month, chair, stranger):
    since = timezone.now() - datetime.timedelta(days=1)
    assert any(item.starts == next_month.starts_at for item in personal_items(chair, since))
    assert not any(item.uid.startswith("consultation-") for item in personal_items(stranger, since))


def test_the_anonymous_summary_counts_without_cases(
    next_month, named_case, anonymous_case, chair, coordinator, login_as
):
    _discuss(next_month, named_case, chair, chair)
    page = login_as(coordinator).get(f"/casusoverleg/{next_month.consultation.uuid}/samenvatting/")
    text = page.content.decode()
    assert page.status_code == 200
    assert named_case.code not in text and named_case.client.pseudonym not in text


def test_her_page_offers_the_consultation_and_submits_nothing(
    consultation, named_client, midwife, login_as
):
    page = login_as(midwife).get(f"/clienten/{named_client.uuid}/").content.decode()
    assert f"/casusoverleg/{consultation.uuid}/aanmelden/?client={named_client.uuid}" in page
    assert not selectors.cases_of(consultation).exists()


def test_a_pathway_outcome_discuss_in_the_consultation_offers_the_submission(
    consultation, midwife, stranger, zaanstad, rf
):
    from kansrijk.pathways import extensions
    from kansrijk.pathways.constants import ActionKind

    request = rf.get("/")
    request.user = midwife
    ((label, url),) = extensions.outcome_links(ActionKind.CASE_CONSULTATION, request, zaanstad)
    assert consultation.name in label
    assert url == f"/casusoverleg/{consultation.uuid}/aanmelden/?gemeente={zaanstad.code}"
    request.user = stranger  # a partner's professional may submit too, but not to others' tables
    assert len(extensions.outcome_links(ActionKind.CASE_CONSULTATION, request, zaanstad)) == 1
    assert extensions.outcome_links(ActionKind.REFER, request, zaanstad) == []


def test_a_case_submitted_after_the_agenda_closed_waits_unless_urgent(
    consultation, midwife, summary, chair
):
    soon = timezone.now() + datetime.timedelta(days=2)
    regular = services.meeting_plan(
        consultation=consultation, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2)
    )
    urgent = services.meeting_plan(
        consultation=consultation,
        starts_at=soon,
        ends_at=soon + datetime.timedelta(hours=1),
        kind="urgent",
        user=chair,
    )
    case = services.case_submit(
        consultation=consultation, user=midwife, mode=DiscussionMode.ANONYMOUS, **summary
    )
    assert case not in selectors.agenda_candidates(regular)["new"]
    assert case in selectors.agenda_candidates(urgent)["new"]


def test_only_the_chair_plans_a_meeting(consultation, chair, professional, login_as):
    day = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    form = {"day": day, "start": "13:00", "end": "15:00", "kind": "urgent", "place": "Zaandam"}
    url = f"/casusoverleg/{consultation.uuid}/"
    assert login_as(professional).post(url, form).status_code == 403
    response = login_as(chair).post(url, form)
    assert response.status_code == 302
    assert selectors.meetings_of(consultation).filter(kind="urgent").count() == 1


def test_her_export_says_she_was_discussed_without_the_minutes(
    next_month, named_case, chair, midwife
):
    from kansrijk.clients.services import client_export

    _discuss(next_month, named_case, chair, chair)
    document = client_export(named_case.client.pk, exported_by=midwife)
    (case,) = document["case_consultations"]
    assert case["case"] == named_case.code and case["discussed_on"]
    assert "Veel spanning" not in str(document)  # the minutes stay with the case lead


def test_after_her_retention_period_her_cases_let_go_of_her(named_case):
    client = named_case.client
    assert services.cases_pseudonymise(client_id=client.pk) == 1
    named_case.refresh_from_db()
    assert named_case.client is None and not selectors.case_basis_holds(named_case)
    assert (
        audit_events_for_client(client_id=str(client.uuid))
        .filter(action="casework.case_pseudonymised")
        .exists()
    )


def test_the_management_site_sets_up_members_but_shows_no_cases(
    consultation, named_case, administrator, login_as
):
    client = login_as(administrator)
    page = client.get(f"/beheer/casework/consultation/{consultation.pk}/change/")
    assert page.status_code == 200
    assert named_case.question not in page.content.decode()
    assert named_case.client.pseudonym not in page.content.decode()
    assert client.get("/beheer/casework/case/").status_code == 404
