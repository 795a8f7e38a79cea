"""`kansrijk generate`: synthetic monitoring data, deterministic, replaced on a re-run."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min, Sum
from django.utils import timezone

from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES, THEME_TAXONOMY
from kansrijk.indicators.constants import COUNTRY_CODE, Origin
from kansrijk.indicators.models import (
    CaseFact,
    MonthlyAggregate,
    OpenDataImport,
    OpenDataValue,
    ParticipationFact,
    ReferralFact,
    ScreeningFact,
)
from kansrijk.indicators.synthetic import OUTCOME_CODES, generate
from kansrijk.referrals.services import add_working_days
from kansrijk.regions.models import Municipality

pytestmark = pytest.mark.django_db

CODES = ["GM0479", "GM0917"]  # Zaanstad, Heerlen: neighbourhoods loaded in the test database


def _small(**options):
    return generate(births_per_year=2000, years=2, municipality_codes=CODES, **options)


def _fact_counts() -> dict[str, int]:
    return {
        "screenings": ScreeningFact.objects.count(),
        "referrals": ReferralFact.objects.count(),
        "cases": CaseFact.objects.count(),
        "participations": ParticipationFact.objects.count(),
    }


def test_the_same_seed_gives_the_same_data_and_a_rerun_replaces_it():
    first = _small(seed=7)
    counts = _fact_counts()
    elevated = ScreeningFact.objects.filter(elevated=True).count()
    referrals = set(ReferralFact.objects.values_list("source_uuid", "sent_on", "answered_on"))
    second = _small(seed=7)

    assert second.counts == first.counts
    assert _fact_counts() == counts, "the second run replaced the first, not added to it"
    assert ScreeningFact.objects.filter(elevated=True).count() == elevated
    assert set(ReferralFact.objects.values_list("source_uuid", "sent_on", "answered_on")) == (
        referrals
    )
    assert counts["screenings"] == first.screenings
    assert counts["referrals"] == first.referrals

    _small(seed=8)
    assert not referrals & set(
        ReferralFact.objects.values_list("source_uuid", "sent_on", "answered_on")
    ), "another seed, other data"


def test_it_writes_only_the_municipalities_asked_for_spread_by_inhabitants():
    zeist = generate(births_per_year=300, years=1, municipality_codes=["GM0355"])
    result = _small()

    by_code = dict(ScreeningFact.objects.values_list("municipality__code").annotate(n=Count("pk")))
    assert set(by_code) == {"GM0355", *CODES}
    assert ScreeningFact.objects.filter(municipality__code="GM0355").count() == zeist.screenings
    assert ScreeningFact.objects.filter(origin=Origin.SYNTHETIC).count() == (
        zeist.screenings + result.screenings
    )
    zaanstad = ScreeningFact.objects.filter(municipality__code="GM0479").count()
    heerlen = ScreeningFact.objects.filter(municipality__code="GM0917").count()
    assert zaanstad > heerlen, "Zaanstad has more inhabitants than Heerlen"
    # Spread over each municipality's own neighbourhoods.
    hoods = ScreeningFact.objects.filter(municipality__code="GM0479").values_list(
        "neighbourhood__municipality__code", flat=True
    )
    assert set(hoods) == {"GM0479"}


def test_the_proportions_are_realistic():
    result = _small()
    assert result.births == 2000 * 2
    screened = ScreeningFact.objects.count()
    assert 0.70 <= screened / result.births <= 0.90
    elevated = ScreeningFact.objects.filter(elevated=True).count()
    assert 0.12 <= elevated / screened <= 0.35
    accumulated = ScreeningFact.objects.filter(accumulated=True).count()
    assert 0.03 <= accumulated / screened <= 0.15
    assert 0.4 * elevated <= ReferralFact.objects.count() <= 1.5 * elevated
    answered = ReferralFact.objects.filter(answered_on__isnull=False).count()
    assert 0.85 <= answered / ReferralFact.objects.count() <= 0.97
    participants = ParticipationFact.objects.count()
    assert 0.03 <= participants / result.births <= 0.07
    themes = {code for code, _name, _description in TAXONOMIES[THEME_TAXONOMY][2]}
    assert set(ReferralFact.objects.values_list("theme", flat=True)) <= themes
    assert ReferralFact.objects.filter(theme="debts-and-money").exists()


def test_the_dates_lie_in_the_years_generated_and_follow_each_other():
    result = _small()
    last_year = timezone.localdate().year - 1
    first, last = datetime.date(last_year - 1, 1, 1), datetime.date(last_year, 12, 31)
    assert (result.first_day, result.last_day) == (first, last)
    span = ScreeningFact.objects.aggregate(Min("screened_on"), Max("screened_on"))
    assert first <= span["screened_on__min"] <= datetime.date(last_year - 1, 1, 31)
    assert datetime.date(last_year, 12, 1) <= span["screened_on__max"] <= last
    sent = ReferralFact.objects.aggregate(Min("sent_on"), Max("sent_on"))
    assert first <= sent["sent_on__min"] and sent["sent_on__max"] <= last
    for referral in ReferralFact.objects.all():
        if referral.answered_on:
            assert referral.answered_on >= referral.sent_on
            in_time = referral.answered_on <= add_working_days(referral.sent_on, 5)
            assert referral.answered_in_time == in_time
        else:
            assert not referral.answered_in_time
            assert referral.support_started_on is None
        if referral.support_started_on:
            assert referral.support_started_on > referral.answered_on
        if referral.closed_with_outcome:
            assert referral.closed_on is not None


def test_the_monthly_aggregate_adds_up_to_the_facts():
    _small()
    totals = MonthlyAggregate.objects.filter(
        grain="month", breakdown="", neighbourhood__isnull=True, municipality__isnull=False
    ).aggregate(
        Sum("screened"),
        Sum("elevated"),
        Sum("referrals"),
        Sum("cases_discussed"),
        Sum("participants"),
    )
    assert totals == {
        "screened__sum": ScreeningFact.objects.count(),
        "elevated__sum": ScreeningFact.objects.filter(elevated=True).count(),
        "referrals__sum": ReferralFact.objects.count(),
        "cases_discussed__sum": CaseFact.objects.count(),
        "participants__sum": ParticipationFact.objects.count(),
    }


def test_it_writes_outcome_values_per_municipality_year_and_the_country():
    result = _small()
    last_year = timezone.localdate().year - 1
    (batch,) = OpenDataImport.objects.all()
    assert (batch.origin, batch.filename) == (Origin.SYNTHETIC, "kansrijk generate")
    assert batch.rows == OpenDataValue.objects.count() == result.open_data_values
    zaanstad = OpenDataValue.objects.filter(region_code="GM0479", year=last_year)
    assert set(zaanstad.values_list("indicator__code", flat=True)) == set(OUTCOME_CODES)
    preterm = zaanstad.get(indicator__code="preterm")
    assert 0.04 <= preterm.numerator / preterm.denominator <= 0.11
    births = OpenDataValue.objects.filter(indicator__code="births", year=last_year)
    country = births.get(region_code=COUNTRY_CODE)
    assert country.numerator == 2000
    assert (
        births.filter(region_code__in=CODES).aggregate(Sum("numerator"))["numerator__sum"] == 2000
    )
    # Births per neighbourhood, adding up to the municipality.
    hoods = births.filter(region_code__startswith="BU", municipality__code="GM0479")
    assert hoods.aggregate(Sum("numerator"))["numerator__sum"] == (
        births.get(region_code="GM0479").numerator
    )

    _small()
    assert OpenDataValue.objects.count() == result.open_data_values, "replaced, not added"


def test_the_command_generates_with_a_progress_bar_and_a_summary():
    out, err = StringIO(), StringIO()
    call_command(
        "generate",
        "--births-per-year",
        "500",
        "--years",
        "1",
        "--municipality",
        "GM0479",
        "gm0917",
        stdout=out,
        stderr=err,
    )
    assert "2/2" in err.getvalue()
    assert "[" + "#" * 30 + "]" in err.getvalue()
    assert ScreeningFact.objects.filter(municipality__code="GM0917").exists()
    assert str(ScreeningFact.objects.count()) in out.getvalue()


def test_the_command_rejects_an_unknown_code_and_a_negative_number():
    with pytest.raises(CommandError, match="GM9999"):
        call_command("generate", "--municipality", "GM0479", "GM9999", "--quiet")
    with pytest.raises(CommandError, match="-5"):
        call_command("generate", "--births-per-year", "-5", "--quiet")
    assert not ScreeningFact.objects.exists()
    assert Municipality.objects.filter(code="GM0479").exists()
