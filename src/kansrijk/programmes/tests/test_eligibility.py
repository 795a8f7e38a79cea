import datetime

from django.utils import timezone

from kansrijk.programmes import services
from kansrijk.programmes.tests.factories import make_client, make_voorzorg


def _today():
    return timezone.localdate()


def test_a_young_first_time_mother_early_in_pregnancy_is_eligible_for_voorzorg(
    db, professional, coalition
):
    voorzorg = make_voorzorg()
    client = make_client(
        user=professional,
        year_of_birth=_today().year - 19,
        due_date=_today() + datetime.timedelta(weeks=24),
    )

    ok, reasons = services.eligibility_check(voorzorg, client, today=_today(), first_child=True)

    assert ok
    assert reasons == []


def test_it_says_why_a_client_is_not_eligible(db, professional, coalition):
    voorzorg = make_voorzorg()
    client = make_client(
        user=professional,
        year_of_birth=_today().year - 31,
        due_date=_today() + datetime.timedelta(weeks=8),
    )

    ok, reasons = services.eligibility_check(voorzorg, client, today=_today(), first_child=False)

    assert not ok
    assert len(reasons) == 3
    assert "tot 25 jaar" in reasons[0]
    assert "eerste kind" in reasons[1]
    assert "voor week 28" in reasons[2]
    assert "week 32" in reasons[2]


def test_it_warns_when_the_voorzorg_deadline_is_within_two_weeks(db, professional, coalition):
    voorzorg = make_voorzorg()
    # Week 27 today: week 28 starts in a week or less.
    client = make_client(
        user=professional,
        year_of_birth=_today().year - 20,
        due_date=_today() + datetime.timedelta(weeks=13),
    )

    ok, reasons = services.eligibility_check(voorzorg, client, today=_today(), first_child=True)

    assert ok
    assert len(reasons) == 1
    assert reasons[0].startswith("Haast:")
    assert "7 dagen" in reasons[0]


def test_it_asks_about_a_first_child_when_nobody_knows(db, professional, coalition):
    voorzorg = make_voorzorg()
    client = make_client(user=professional, year_of_birth=_today().year - 20)

    ok, reasons = services.eligibility_check(voorzorg, client, today=_today())

    assert ok
    assert "eerste kind" in reasons[0]


def test_it_refuses_a_client_whose_language_the_programme_does_not_offer(
    centering, professional, coalition
):
    centering.languages = ["nl", "en"]
    centering.save()
    client = make_client(user=professional, language="ar")

    ok, reasons = services.eligibility_check(centering, client, today=_today())

    assert not ok
    assert "niet in haar taal" in reasons[0]
