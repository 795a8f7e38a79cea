"""Reminders for a pregnancy and a baby's first two years, as an iCalendar feed.

The date (due date, or the month of birth) lives only in the feed's link: it is stored nowhere
and never logged. Dates follow the usual Dutch schedule (midwife, JGZ consultatiebureau and the
Rijksvaccinatieprogramma); the descriptions say they are "around" a date and that the midwife
or the consultatiebureau gives the real appointment.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

# A due date from four weeks ago (a late baby) to 44 weeks ahead; a birth up to two years ago.
DUE_PAST_DAYS = 28
DUE_FUTURE_DAYS = 44 * 7
BORN_MONTHS_BACK = 24
PREGNANCY_DAYS = 280


class BadDate(ValueError):
    """A date that is malformed or implausible; the message is for the parent."""


@dataclass(frozen=True)
class Milestone:
    code: str
    anchor: str  # "pregnancy": days after the start of the pregnancy; "birth": after the birth
    days: int = 0
    months: int = 0
    title: object = ""  # lazy msgid
    description: object = ""


def _m(code, anchor, title, description, *, days=0, months=0) -> Milestone:
    return Milestone(code, anchor, days, months, title, description)


W = 7  # days in a week
MILESTONES: tuple[Milestone, ...] = (
    _m(
        "midwife-first",
        "pregnancy",
        gettext_lazy("First visit to the midwife (week 8 to 10)"),
        gettext_lazy(
            "Make an appointment with a midwife if you have not done so yet. She checks "
            "how you and the baby are doing."
        ),
        days=8 * W,
    ),
    _m(
        "screening-first",
        "pregnancy",
        gettext_lazy("Tests in the first weeks (around week 12)"),
        gettext_lazy(
            "You can choose tests for your baby, such as the NIPT and the 13-week "
            "scan. Your midwife tells you more. You decide yourself."
        ),
        days=12 * W,
    ),
    _m(
        "scan-20-weeks",
        "pregnancy",
        gettext_lazy("20-week scan"),
        gettext_lazy(
            "An ultrasound to check how your baby is growing. It is free. Your midwife "
            "makes the appointment with you."
        ),
        days=20 * W,
    ),
    _m(
        "whooping-cough-pregnancy",
        "pregnancy",
        gettext_lazy("Whooping cough vaccination (from week 22)"),
        gettext_lazy(
            "A free vaccination that protects your baby against whooping cough in the "
            "first months. Ask the JGZ for an appointment."
        ),
        days=22 * W,
    ),
    _m(
        "centering-info",
        "pregnancy",
        gettext_lazy("Pregnancy group or information meeting (around week 28)"),
        gettext_lazy(
            "Meet other parents in a pregnancy group or at an information meeting. "
            "Look on this site for groups near you."
        ),
        days=28 * W,
    ),
    _m(
        "pregnancy-leave",
        "pregnancy",
        gettext_lazy("Pregnancy leave starts (6 to 4 weeks before your due date)"),
        gettext_lazy(
            "If you work, your leave starts between 6 and 4 weeks before your due "
            "date. Tell your employer in time."
        ),
        days=PREGNANCY_DAYS - 6 * W,
    ),
    _m(
        "due-date",
        "pregnancy",
        gettext_lazy("Your due date"),
        gettext_lazy("Most babies are born between 2 weeks before and 2 weeks after this date."),
        days=PREGNANCY_DAYS,
    ),
    _m(
        "register-birth",
        "birth",
        gettext_lazy("Register the birth (within 3 days)"),
        gettext_lazy("Register your baby at the town hall within 3 days after the birth."),
        days=1,
    ),
    _m(
        "heel-prick",
        "birth",
        gettext_lazy("Heel prick and hearing test (day 3 to 7)"),
        gettext_lazy(
            "A few drops of blood from your baby's heel, and a hearing test. Someone "
            "comes to your home for this."
        ),
        days=4,
    ),
    _m(
        "cb-2-weeks",
        "birth",
        gettext_lazy("Home visit of the youth nurse (around 2 weeks)"),
        gettext_lazy("A nurse of the consultatiebureau visits you at home."),
        days=2 * W,
    ),
    _m(
        "cb-4-weeks",
        "birth",
        gettext_lazy("Consultatiebureau: 4 weeks"),
        gettext_lazy(
            "The first visit to the consultatiebureau. They check how your baby grows "
            "and answer your questions."
        ),
        days=4 * W,
    ),
    _m(
        "cb-8-weeks",
        "birth",
        gettext_lazy("Consultatiebureau: 8 weeks"),
        gettext_lazy(
            "A visit to the consultatiebureau. If you did not have the whooping cough "
            "vaccination when pregnant, your baby gets the first vaccinations now."
        ),
        days=8 * W,
    ),
    _m(
        "cb-3-months",
        "birth",
        gettext_lazy("Consultatiebureau and vaccinations: 3 months"),
        gettext_lazy(
            "Vaccinations against diphtheria, whooping cough, tetanus, polio, Hib, "
            "hepatitis B and pneumococcus."
        ),
        months=3,
    ),
    _m(
        "cb-4-months",
        "birth",
        gettext_lazy("Consultatiebureau: 4 months"),
        gettext_lazy("A visit to the consultatiebureau."),
        months=4,
    ),
    _m(
        "vaccination-5-months",
        "birth",
        gettext_lazy("Vaccinations: 5 months"),
        gettext_lazy("The second round of the baby vaccinations."),
        months=5,
    ),
    _m(
        "cb-6-months",
        "birth",
        gettext_lazy("Consultatiebureau: 6 months"),
        gettext_lazy("A visit to the consultatiebureau."),
        months=6,
    ),
    _m(
        "cb-9-months",
        "birth",
        gettext_lazy("Consultatiebureau: 9 months"),
        gettext_lazy("A visit to the consultatiebureau."),
        months=9,
    ),
    _m(
        "cb-11-months",
        "birth",
        gettext_lazy("Consultatiebureau and vaccinations: 11 months"),
        gettext_lazy("The third round of the baby vaccinations."),
        months=11,
    ),
    _m(
        "cb-14-months",
        "birth",
        gettext_lazy("Consultatiebureau and vaccinations: 14 months"),
        gettext_lazy(
            "Vaccinations against measles, mumps, rubella (BMR) and meningococcus (MenACWY)."
        ),
        months=14,
    ),
    _m(
        "cb-18-months",
        "birth",
        gettext_lazy("Consultatiebureau: 18 months"),
        gettext_lazy("A visit to the consultatiebureau."),
        months=18,
    ),
    _m(
        "cb-2-years",
        "birth",
        gettext_lazy("Consultatiebureau: 2 years"),
        gettext_lazy("A visit to the consultatiebureau."),
        months=24,
    ),
)


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def due_date_parse(value: str, *, today: datetime.date) -> datetime.date:
    try:
        due = datetime.date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise BadDate(_("Give your due date as year-month-day, for example 2026-05-31.")) from None
    if (
        not today - datetime.timedelta(days=DUE_PAST_DAYS)
        <= due
        <= today + datetime.timedelta(days=DUE_FUTURE_DAYS)
    ):
        raise BadDate(_("This due date is not possible. Check the date and try again."))
    return due


def birth_month_parse(value: str, *, today: datetime.date) -> datetime.date:
    try:
        year, month = (int(part) for part in value.strip().split("-"))
        born = datetime.date(year, month, 1)
    except (ValueError, AttributeError):
        raise BadDate(_("Give the month of birth as year-month, for example 2026-03.")) from None
    earliest = add_months(today.replace(day=1), -BORN_MONTHS_BACK)
    if not earliest <= born <= today.replace(day=1):
        raise BadDate(_("This month of birth is not possible. Check it and try again."))
    return born


@dataclass(frozen=True)
class Reminder:
    code: str
    day: datetime.date
    title: str
    description: str


def reminders_for(
    *, due: datetime.date | None = None, born: datetime.date | None = None
) -> list[Reminder]:
    """The milestones' dates. From a due date: the pregnancy and (counting from the due date)
    the baby's first two years. From a month of birth (day unknown): from 4 weeks on,
    counted from the first of that month."""
    result = []
    start = due - datetime.timedelta(days=PREGNANCY_DAYS) if due else None
    birth = due or born
    for milestone in MILESTONES:
        if milestone.anchor == "pregnancy":
            if start is None:
                continue
            base = start
        else:
            if born is not None and milestone.days and milestone.days < 4 * W:
                continue  # the first days' reminders need the day of birth
            base = birth
        day = add_months(base, milestone.months) + datetime.timedelta(days=milestone.days)
        result.append(
            Reminder(milestone.code, day, str(milestone.title), str(milestone.description))
        )
    return result


def calendar_bytes(
    *, reminders: list[Reminder], name: str, site_url: str, uid_seed: str, from_due: bool
) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Kansrijk//ouders//")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "P7D")
    note = (
        _(
            "The dates count from your due date. Your midwife or the consultatiebureau gives "
            "you the real appointments."
        )
        if from_due
        else _("The dates are about right. The consultatiebureau gives you the real appointments.")
    )
    # A stable uid per feed and milestone, so a calendar updates rather than duplicates; a
    # hash, so the date is not readable in it.
    seed = hashlib.sha256(uid_seed.encode()).hexdigest()[:16]
    stamp = datetime.datetime.now(datetime.UTC)
    for reminder in reminders:
        event = Event()
        event.add("uid", f"{reminder.code}-{seed}@kansrijk.nl")
        event.add("dtstamp", stamp)
        event.add("summary", reminder.title)
        event.add("dtstart", reminder.day)
        event.add("dtend", reminder.day + datetime.timedelta(days=1))
        event.add("description", f"{reminder.description}\n\n{note}\n\n{site_url}")
        event.add("url", site_url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
