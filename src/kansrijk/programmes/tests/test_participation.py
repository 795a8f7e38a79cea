import datetime

from kansrijk.programmes import selectors, services
from kansrijk.programmes.constants import AttendanceStatus, LeaveReason
from kansrijk.programmes.tests.factories import make_client, make_running_group


def test_participation_counts_enrolled_started_completed_and_left_by_reason(
    centering, coalition, professional
):
    group, (completer, starter, leaver) = make_running_group(
        programme=centering, coalition=coalition, user=professional, capacity=3
    )
    waiting = services.enrolment_create(
        group=group,
        client=make_client(user=professional, due_date=group.reference_date),
        user=professional,
        today=group.start_date,
    ).enrolment
    past = list(group.sessions.order_by("number"))[:8]  # sessions 1 to 8 are behind us
    for session in past:
        statuses = {completer.pk: AttendanceStatus.PRESENT, leaver.pk: AttendanceStatus.ABSENT}
        if session.number == 1:
            statuses[starter.pk] = AttendanceStatus.PRESENT
        services.session_attendance_record(session=session, statuses=statuses, user=professional)
    services.enrolment_leave(enrolment=leaver, user=professional, reason=LeaveReason.MOVED)

    counts = selectors.participation_counts(
        coalition=coalition, start=group.start_date, end=group.start_date
    )

    # The one who left made room: the waiting one moved up and counts as enrolled too.
    assert counts.enrolled == 4
    assert counts.started == 2  # present at least once
    assert counts.completed == 1  # present at 8 of 10 sessions
    assert counts.waiting == 0
    assert counts.left == {LeaveReason.MOVED: 1}
    assert waiting.pk in set(group.enrolments.values_list("pk", flat=True))
    before = selectors.participation_counts(
        coalition=coalition,
        start=group.start_date - datetime.timedelta(days=30),
        end=group.start_date - datetime.timedelta(days=1),
    )
    assert before.enrolled == 0
