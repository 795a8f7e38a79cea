import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.programmes import services
from kansrijk.programmes.constants import (
    AUDIT_CONTINUATION_CONSENT,
    CENTERING_PARENTING,
    EnrolmentStatus,
    ScheduleAnchor,
)
from kansrijk.programmes.models import ContinuationConsent
from kansrijk.programmes.tests.factories import make_running_group


@pytest.fixture
def parenting(db):
    return services.programme_create(
        code=CENTERING_PARENTING,
        name="CenteringParenting",
        session_count=8,
        schedule_anchor=ScheduleAnchor.BIRTH,
        session_offsets_weeks=[6, 10, 16, 24, 32, 40, 50, 60],
        group_size_min=6,
        group_size_max=8,
    )


@pytest.fixture
def pregnancy_group(centering, coalition, professional):
    group, enrolments = make_running_group(
        programme=centering, coalition=coalition, user=professional
    )
    group.facilitators.add(professional)
    return group, enrolments


def _continue(group, parenting, user):
    return services.group_continue(
        group=group,
        programme=parenting,
        name="CenteringParenting Zaandam (test)",
        start_date=timezone.localdate() + datetime.timedelta(weeks=7),
        place="Consultatiebureau Zaandam",
        user=user,
    )


def test_only_participants_who_agreed_move_on_to_the_follow_on_group(
    pregnancy_group, parenting, professional
):
    group, (yes, no, not_asked) = pregnancy_group

    continuation = _continue(group, parenting, professional)
    outcome = services.continuation_answer_record(
        continuation=continuation, enrolment=yes, agreed=True, user=professional
    )
    refused = services.continuation_answer_record(
        continuation=continuation, enrolment=no, agreed=False, user=professional
    )

    assert continuation.continues_from == group
    assert list(continuation.facilitators.all()) == [professional]
    assert outcome.enrolment.status == EnrolmentStatus.ENROLLED
    assert refused is None
    moved = set(continuation.enrolments.values_list("client_id", flat=True))
    assert moved == {yes.client_id}  # neither the one who said no nor the one not asked
    assert ContinuationConsent.objects.get(enrolment=no).agreed is False
    audited = AuditEvent.objects.filter(action=AUDIT_CONTINUATION_CONSENT)
    assert set(audited.values_list("client_id", flat=True)) == {
        str(yes.client.uuid),
        str(no.client.uuid),
    }
    with pytest.raises(ValidationError) as twice:
        services.continuation_answer_record(
            continuation=continuation, enrolment=no, agreed=True, user=professional
        )
    assert "al vastgelegd" in twice.value.messages[0]
    assert not continuation.enrolments.filter(client=no.client).exists()


def test_a_group_continues_only_once(pregnancy_group, parenting, professional):
    group, _enrolments = pregnancy_group
    _continue(group, parenting, professional)

    with pytest.raises(ValidationError) as refused:
        _continue(group, parenting, professional)

    assert "heeft al een vervolg" in refused.value.messages[0]


def test_the_facilitator_continues_the_group_and_records_consent_on_the_pages(
    pregnancy_group, parenting, professional, login_as
):
    group, (yes, no, not_asked) = pregnancy_group
    browser = login_as(professional)

    response = browser.post(
        f"/programmas/groepen/{group.uuid}/vervolg/",
        {
            "programme": parenting.pk,
            "name": "CenteringParenting Zaandam (test)",
            "start_date": (timezone.localdate() + datetime.timedelta(weeks=7)).isoformat(),
            "place": "Consultatiebureau Zaandam",
        },
        follow=True,
    )
    continuation = group.continuations.get()
    page = response.content.decode()
    assert "Wie gaat door naar CenteringParenting Zaandam (test)" in page
    assert yes.client.pseudonym in page and not_asked.client.pseudonym in page

    response = browser.post(
        f"/programmas/groepen/{continuation.uuid}/toestemming/",
        {f"answer-{yes.pk}": "yes", f"answer-{no.pk}": "no"},
        follow=True,
    )

    page = response.content.decode()
    assert "Akkoord: doorgegaan" in page and "Niet akkoord: niet doorgegaan" in page
    assert "Nog niet gevraagd" in page
    assert list(continuation.enrolments.values_list("client_id", flat=True)) == [yes.client_id]


def test_someone_who_does_not_lead_the_first_group_cannot_record_consent(
    pregnancy_group, parenting, professional, other_professional, login_as
):
    group, _enrolments = pregnancy_group
    continuation = _continue(group, parenting, professional)

    response = login_as(other_professional).get(
        f"/programmas/groepen/{continuation.uuid}/toestemming/"
    )

    assert response.status_code == 403
