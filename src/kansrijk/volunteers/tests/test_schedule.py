"""Check-ins twice in the first month, then monthly; reviews at 6 weeks, then every 6 months."""

import datetime

from kansrijk.volunteers.schedule import CHECK_IN, REVIEW, contact_schedule

START = datetime.date(2026, 1, 31)
END = datetime.date(2027, 3, 1)


def test_check_ins_are_twice_in_the_first_month_then_monthly():
    check_ins = [
        c.due_on for c in contact_schedule(started_on=START, planned_end=END) if c.kind == CHECK_IN
    ]
    assert check_ins[:4] == [
        datetime.date(2026, 2, 14),
        datetime.date(2026, 2, 28),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 30),
    ]
    assert check_ins[-1] <= END


def test_reviews_are_at_six_weeks_then_every_six_months():
    reviews = [
        c.due_on for c in contact_schedule(started_on=START, planned_end=END) if c.kind == REVIEW
    ]
    assert reviews == [
        datetime.date(2026, 3, 14),
        datetime.date(2026, 7, 31),
        datetime.date(2027, 1, 31),
    ]


def test_nothing_is_planned_after_the_childs_second_birthday():
    contacts = contact_schedule(started_on=START, planned_end=datetime.date(2026, 2, 20))
    assert [(c.due_on, c.kind) for c in contacts] == [(datetime.date(2026, 2, 14), CHECK_IN)]
