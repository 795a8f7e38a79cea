"""Figures as the dashboard shows them: counts, shares and medians per area and period, the
small-number rule, and the extract built from real referrals and screenings."""

import datetime
import uuid
from decimal import Decimal

import pytest

from kansrijk.indicators import selectors, services
from kansrijk.indicators.constants import Origin, Period, TargetGroup
from kansrijk.indicators.models import OpenDataImport, OpenDataValue, ReferralFact, ScreeningFact
from kansrijk.regions.models import Municipality, Neighbourhood

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaanstad():
    return Municipality.objects.get(code="GM0479")


@pytest.fixture
def heerlen():
    return Municipality.objects.get(code="GM0917")


def _screen(municipality, day, *, elevated=False, accumulated=False, neighbourhood=None, n=1):
    ScreeningFact.objects.bulk_create(
        ScreeningFact(
            source_uuid=uuid.uuid4(),
            origin=Origin.SYNTHETIC,
            municipality=municipality,
            neighbourhood=neighbourhood,
            screened_on=day,
            elevated=elevated,
            accumulated=accumulated,
        )
        for _ in range(n)
    )


def _refer(municipality, sent, *, answered_in_time=True, support_days=None, outcome=False):
    ReferralFact.objects.create(
        source_uuid=uuid.uuid4(),
        origin=Origin.SYNTHETIC,
        municipality=municipality,
        theme="debts-and-money",
        sent_on=sent,
        answered_on=sent,
        answered_in_time=answered_in_time,
        support_started_on=(
            sent + datetime.timedelta(days=support_days) if support_days is not None else None
        ),
        closed_on=sent if outcome else None,
        closed_with_outcome=outcome,
    )


def _figures(codes, areas, period, start, end, **kwargs):
    indicators = [selectors.indicator_get(code=code) for code in codes]
    return selectors.figures(indicators, areas=areas, period=period, start=start, end=end, **kwargs)


def test_shares_per_quarter_from_the_extract(zaanstad):
    _screen(zaanstad, datetime.date(2025, 2, 3), n=9)
    _screen(zaanstad, datetime.date(2025, 3, 30), elevated=True, accumulated=True, n=3)
    _screen(zaanstad, datetime.date(2025, 4, 1), n=20)
    services.aggregate_refresh()
    area = selectors.area_municipality(zaanstad)

    found = _figures(
        ["screened", "elevated-risk", "accumulated"],
        [area],
        Period.QUARTER,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 6, 30),
    )

    assert found[("screened", "GM0479", "2025-K1", "")].value == 12
    assert found[("elevated-risk", "GM0479", "2025-K1", "")].value == Decimal("25.0")
    assert found[("accumulated", "GM0479", "2025-K1", "")].value == Decimal("25.0")
    assert found[("screened", "GM0479", "2025-K2", "")].value == 20
    assert found[("elevated-risk", "GM0479", "2025-K2", "")].value == Decimal("0.0")


def test_no_figure_rests_on_fewer_than_ten_people(zaanstad):
    _screen(zaanstad, datetime.date(2025, 5, 1), elevated=True, n=4)
    _screen(zaanstad, datetime.date(2025, 5, 1), n=5)
    services.aggregate_refresh()

    found = _figures(
        ["screened", "elevated-risk"],
        [selectors.area_municipality(zaanstad)],
        Period.YEAR,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )

    for code in ("screened", "elevated-risk"):
        figure = found[(code, "GM0479", "2025", "")]
        assert figure.suppressed and not figure.shown


def test_a_hidden_neighbourhood_cannot_be_worked_out_from_its_siblings(zaanstad):
    hoods = list(Neighbourhood.objects.filter(municipality=zaanstad)[:3])
    _screen(zaanstad, datetime.date(2025, 5, 1), neighbourhood=hoods[0], n=4)
    _screen(zaanstad, datetime.date(2025, 5, 1), neighbourhood=hoods[1], n=15)
    _screen(zaanstad, datetime.date(2025, 5, 1), neighbourhood=hoods[2], n=40)
    services.aggregate_refresh()
    areas = [selectors.area_neighbourhood(hood) for hood in hoods]

    found = _figures(
        ["screened"], areas, Period.YEAR, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    )
    siblings = [found[("screened", area.code, "2025", "")] for area in areas]
    selectors.suppress_complementary(siblings)

    assert [figure.shown for figure in siblings] == [False, False, True]


def test_median_days_to_support_and_answers_in_time(zaanstad):
    for days, in_time in ((2, True), (4, True), (10, False), (30, True)) * 3:
        _refer(zaanstad, datetime.date(2025, 1, 6), answered_in_time=in_time, support_days=days)
    services.aggregate_refresh()

    found = _figures(
        ["days-to-support", "answered-in-time", "referrals"],
        [selectors.area_municipality(zaanstad)],
        Period.YEAR,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )

    assert found[("days-to-support", "GM0479", "2025", "")].value == Decimal("7.0")
    assert found[("answered-in-time", "GM0479", "2025", "")].value == Decimal("75.0")
    assert found[("referrals", "GM0479", "2025", "")].value == 12


def test_wider_areas_add_up_their_municipalities(zaanstad, heerlen):
    _screen(zaanstad, datetime.date(2025, 5, 1), elevated=True, n=10)
    _screen(heerlen, datetime.date(2025, 5, 1), n=30)
    services.aggregate_refresh()
    both = selectors.Area("coalition", "both", "Both", frozenset([zaanstad.pk, heerlen.pk]))
    country = selectors.area_country("Nederland")

    found = _figures(
        ["elevated-risk"],
        [both, country],
        Period.YEAR,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )

    assert found[("elevated-risk", "both", "2025", "")].value == Decimal("25.0")
    assert found[("elevated-risk", "NL01", "2025", "")].value == Decimal("25.0")


def test_open_data_adds_up_to_the_region_and_pools_small_years(zaanstad, heerlen):
    preterm = selectors.indicator_get(code="preterm")
    batch = OpenDataImport.objects.create(filename="test.csv", rows=0)
    for year, (births, early) in {2023: (6, 1), 2024: (5, 1), 2025: (4, 1)}.items():
        OpenDataValue.objects.create(
            indicator=preterm,
            batch=batch,
            region_code="GM0479",
            municipality=zaanstad,
            year=year,
            numerator=early,
            denominator=births,
            value=Decimal(early * 100) / births,
        )
    OpenDataValue.objects.create(
        indicator=preterm,
        batch=batch,
        region_code="GM0917",
        municipality=heerlen,
        year=2025,
        numerator=6,
        denominator=96,
        value=Decimal("6.25"),
    )
    both = selectors.Area("coalition", "both", "Both", frozenset([zaanstad.pk, heerlen.pk]))
    area = selectors.area_municipality(zaanstad)

    found = _figures(
        ["preterm"],
        [area, both],
        Period.YEAR,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    pooled = selectors.pooled_figures(preterm, areas=[area], year=2025)["GM0479"]

    assert found[("preterm", "GM0479", "2025", "")].suppressed
    assert found[("preterm", "both", "2025", "")].value == Decimal("7.0")  # 7 of 100
    assert pooled.value == Decimal("20.0") and pooled.pooled_years == 3  # 3 of 15


def test_the_extract_follows_real_screenings_and_referrals(
    professional, other_professional, other_organisation, coalition
):
    from kansrijk.referrals.constants import ReferralStatus as S
    from kansrijk.referrals.tests import factories
    from kansrijk.screening import services as screening_services

    demo_client = factories.make_client(user=professional)
    factories.make_consent(
        client=demo_client, user=professional, organisations=[other_organisation]
    )
    referral = factories.make_referral(
        sender=professional,
        service=factories.make_service(receiver=other_organisation),
        client=demo_client,
    )

    screening_services.screening_record(
        client=demo_client,
        instrument="epds",
        answers=dict.fromkeys(range(1, 11), 2),
        user=professional,
    )
    referral = factories.move(referral, to=S.ACCEPTED, user=other_professional)
    referral = factories.move(referral, to=S.IN_PROGRESS, user=other_professional)

    written = services.facts_refresh()
    screening = ScreeningFact.objects.get()
    fact = ReferralFact.objects.get()

    assert written["screening"] == 1 and written["referral"] == 1
    assert screening.elevated and screening.municipality_id == demo_client.municipality_id
    assert screening.target_group in TargetGroup.values
    assert fact.answered_in_time and fact.answered_on == fact.sent_on
    assert fact.support_started_on is not None and fact.closed_on is None
    assert fact.theme == "debts-and-money"
    # Her identity is nowhere in the extract.
    assert not hasattr(fact, "client_id") and not hasattr(screening, "client_id")


def test_years_and_quarters_read_from_their_own_rows_agree_with_the_months(zaanstad):
    for month, n in ((1, 12), (5, 20), (11, 15)):
        _screen(zaanstad, datetime.date(2025, month, 3), elevated=month == 5, n=n)
    services.aggregate_refresh()
    area = selectors.area_municipality(zaanstad)
    screened = [
        selectors.indicator_get(code="screened"),
        selectors.indicator_get(code="elevated-risk"),
    ]

    whole_year = selectors.process_figures(
        screened,
        areas=[area],
        period=Period.YEAR,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
    )
    months = selectors.process_figures(
        screened,
        areas=[area],
        period=selectors.WHOLE_SPAN,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 30),
    )
    quarters = selectors.process_figures(
        screened,
        areas=[area],
        period=Period.QUARTER,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
    )

    assert whole_year[("screened", "GM0479", "2025", "")].value == 47
    assert months[("screened", "GM0479", selectors.WHOLE_SPAN, "")].value == 47
    assert [quarters[("screened", "GM0479", f"2025-K{q}", "")].value for q in (1, 2, 4)] == [
        12,
        20,
        15,
    ]
    assert whole_year[("elevated-risk", "GM0479", "2025", "")].value == Decimal("42.6")
