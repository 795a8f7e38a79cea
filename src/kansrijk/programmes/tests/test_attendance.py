import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.programmes import services
from kansrijk.programmes.constants import AUDIT_ATTENDANCE_RECORDED, AttendanceStatus
from kansrijk.programmes.models import FollowUpCall
from kansrijk.programmes.tests.factories import make_running_group

A = AttendanceStatus


@pytest.fixture
def running(centering, coalition, professional):
    group, enrolments = make_running_group(
        programme=centering, coalition=coalition, user=professional
    )
    group.facilitators.add(professional)
    return group, enrolments


def _first_session(group):
    return group.sessions.get(number=1)


def test_an_absence_without_notice_puts_a_follow_up_call_on_the_facilitators_work_list(
    running, professional, login_as
):
    group, (came, excused, absent) = running
    session = _first_session(group)

    calls = services.session_attendance_record(
        session=session,
        statuses={came.pk: A.PRESENT, excused.pk: A.EXCUSED, absent.pk: A.ABSENT},
        user=professional,
    )

    assert [call.attendance.enrolment for call in calls] == [absent]
    assert calls[0].due_on > timezone.localdate()
    recorded = AuditEvent.objects.filter(action=AUDIT_ATTENDANCE_RECORDED)
    assert set(recorded.values_list("client_id", flat=True)) == {
        str(e.client.uuid) for e in (came, excused, absent)
    }
    page = login_as(professional).get("/verwijzingen/").content.decode()
    assert "Nabellen na afwezigheid" in page
    assert f"{absent.client.pseudonym} was afwezig bij bijeenkomst 1" in page
    assert f"{came.client.pseudonym} was afwezig" not in page


def test_the_session_page_records_attendance_and_marks_the_call_done(
    running, professional, login_as
):
    group, (came, excused, absent) = running
    session = _first_session(group)
    browser = login_as(professional)
    url = f"/programmas/bijeenkomsten/{session.uuid}/"

    page = browser.get(url)
    assert page.status_code == 200
    assert "Aanwezigheid" in page.content.decode()
    response = browser.post(
        url,
        {
            f"attendance-{came.pk}": A.PRESENT,
            f"attendance-{excused.pk}": A.EXCUSED,
            f"attendance-{absent.pk}": A.ABSENT,
        },
    )

    assert response.status_code == 302
    call = FollowUpCall.objects.get(attendance__enrolment=absent)
    browser.post(f"/programmas/terugbellen/{call.uuid}/klaar/", {"note": "Was ziek, komt weer."})
    call.refresh_from_db()
    assert call.done_at is not None and call.note == "Was ziek, komt weer."
    assert "Nabellen na afwezigheid" not in browser.get("/verwijzingen/").content.decode()


def test_present_after_all_removes_the_call_nobody_made_yet(running, professional):
    group, (_came, _excused, absent) = running
    session = _first_session(group)
    services.session_attendance_record(
        session=session, statuses={absent.pk: A.ABSENT}, user=professional
    )

    services.session_attendance_record(
        session=session, statuses={absent.pk: A.PRESENT}, user=professional
    )

    assert not FollowUpCall.objects.exists()


def test_attendance_cannot_be_recorded_before_the_session_starts(running, professional):
    group, (came, *_rest) = running
    future = group.sessions.filter(starts_at__gt=timezone.now()).first()

    with pytest.raises(ValidationError) as refused:
        services.session_attendance_record(
            session=future, statuses={came.pk: A.PRESENT}, user=professional
        )

    assert "nog niet begonnen" in refused.value.messages[0]


def test_only_a_facilitator_records_attendance(running, other_professional, login_as):
    group, (came, *_rest) = running
    session = _first_session(group)
    browser = login_as(other_professional)  # a member organisation, not leading the group
    url = f"/programmas/bijeenkomsten/{session.uuid}/"

    assert "Aanwezigheid" not in browser.get(url).content.decode()
    assert browser.post(url, {f"attendance-{came.pk}": A.PRESENT}).status_code == 403
    assert not session.attendances.exists()


def test_planning_again_is_refused_once_attendance_is_recorded(running, professional):
    group, (came, *_rest) = running
    services.session_attendance_record(
        session=_first_session(group), statuses={came.pk: A.PRESENT}, user=professional
    )

    with pytest.raises(ValidationError) as refused:
        services.group_plan_sessions(group)

    assert "al vastgelegd" in refused.value.messages[0]
    assert group.sessions.count() == 10
    assert group.sessions.get(number=1).attendances.count() == 1


def test_a_follow_up_call_is_due_soon(running, professional):
    group, (*_rest, absent) = running
    today = timezone.localdate()

    (call,) = services.session_attendance_record(
        session=_first_session(group), statuses={absent.pk: A.ABSENT}, user=professional
    )

    assert today < call.due_on <= today + datetime.timedelta(days=3)


def test_when_her_retention_ends_the_notes_about_her_absences_go(running, professional):
    import datetime

    from django.conf import settings

    from kansrijk.clients.services import clients_pseudonymise_expired

    group, (came, excused, absent) = running
    calls = services.session_attendance_record(
        session=_first_session(group),
        statuses={came.pk: A.PRESENT, excused.pk: A.EXCUSED, absent.pk: A.ABSENT},
        user=professional,
    )
    services.follow_up_call_done(call=calls[0], user=professional, note="Was ziek, komt weer.")
    later = timezone.now() + datetime.timedelta(days=settings.KANSRIJK_RETENTION_DAYS + 1)

    assert clients_pseudonymise_expired(now=later) >= 1

    call = FollowUpCall.objects.get(attendance__enrolment=absent)
    assert call.note == "" and call.done_at is not None
    assert AuditEvent.objects.filter(
        action="programmes.enrolment_pseudonymised", client_id=str(absent.client.uuid)
    ).exists()
