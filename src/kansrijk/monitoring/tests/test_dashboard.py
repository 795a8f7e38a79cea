"""The coalition dashboard as policy advisers and coordinators use it: headline figures against
targets, trends, areas compared, the action programme, exports and the factsheet."""

import datetime
import io
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.actionprogrammes import services as programme_services
from kansrijk.indicators import services as indicator_services
from kansrijk.indicators.constants import Origin
from kansrijk.indicators.models import ReferralFact, ScreeningFact
from kansrijk.regions.models import Neighbourhood

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_year():
    return timezone.localdate().year - 1


@pytest.fixture
def figures(coalition, last_year):
    """Zaanstad last year: 44 screened (10 raised) in three neighbourhoods: 25, 15 and 4; and
    20 referrals of which 15 were answered in time."""
    zaanstad = coalition.municipalities.get(code="GM0479")
    big, middle, small = Neighbourhood.objects.filter(municipality=zaanstad).order_by("pk")[:3]
    day = datetime.date(last_year, 3, 10)
    facts = [
        ScreeningFact(
            source_uuid=uuid.uuid4(),
            origin=Origin.SYNTHETIC,
            municipality=zaanstad,
            neighbourhood=big if index < 25 else middle if index < 40 else small,
            screened_on=day,
            elevated=index < 10,
            accumulated=index < 5,
        )
        for index in range(44)
    ]
    ScreeningFact.objects.bulk_create(facts)
    ReferralFact.objects.bulk_create(
        ReferralFact(
            source_uuid=uuid.uuid4(),
            origin=Origin.SYNTHETIC,
            municipality=zaanstad,
            theme="housing",
            sent_on=day,
            answered_on=day,
            answered_in_time=index < 15,
            support_started_on=day + datetime.timedelta(days=9),
        )
        for index in range(20)
    )
    indicator_services.aggregate_refresh()
    return {"big": big, "middle": middle, "small": small}


@pytest.fixture
def programme(coalition, last_year):
    from kansrijk.indicators.selectors import indicator_get

    programme = programme_services.programme_create(
        coalition=coalition,
        name="Actieprogramma Kansrijke Start Zaanstad",
        starts_on=datetime.date(last_year - 1, 1, 1),
        ends_on=datetime.date(last_year + 2, 12, 31),
        baseline_start=datetime.date(last_year - 2, 1, 1),
        baseline_end=datetime.date(last_year - 2, 12, 31),
    )
    programme_services.target_set(
        programme=programme,
        indicator=indicator_get(code="answered-in-time"),
        value=90,
        year=last_year,
    )
    return programme


def _get(client, user, name, coalition, **query):
    client.force_login(user)
    url = reverse(name, args=[coalition.slug])
    return client.get(url, query)


def test_the_policy_adviser_sees_figures_against_the_target(
    client, policy_adviser, coalition, figures, programme, last_year
):
    from kansrijk.indicators.selectors import indicator_get

    # A later target does not replace the one set for the year shown.
    programme_services.target_set(
        programme=programme,
        indicator=indicator_get(code="answered-in-time"),
        value=95,
        year=last_year + 2,
    )
    response = _get(client, policy_adviser, "monitoring:dashboard", coalition, gebied="GM0479")

    assert response.status_code == 200
    board = response.context["board"]
    answered = next(h for h in board.headlines if h.code == "answered-in-time")
    assert answered.value == "75,0%"
    assert answered.target == f"90,0% in {last_year}" and answered.on_track is False
    screened = next(h for h in board.headlines if h.code == "screened")
    assert screened.value == "44"
    html = response.content.decode()
    assert "Actieprogramma Kansrijke Start Zaanstad" in html
    assert 'role="img"' in html  # the trend charts, each followed by its table
    assert html.count("<table") >= len(board.charts) + 2


def test_a_neighbourhood_with_fewer_than_ten_people_shows_no_figure_nor_gives_it_away(
    client, policy_adviser, coalition, figures
):
    response = _get(client, policy_adviser, "monitoring:dashboard", coalition, gebied="GM0479")

    table = response.context["board"].table("vergelijking")
    rows = {row[0]: row for row in table.rows}
    assert rows[figures["big"].name][1] is not None
    assert rows[figures["small"].name][1] is None  # 4 people: hidden
    assert rows[figures["small"].name][2] is None
    # Shown beside the total, 15 would give away the 4: hidden too.
    assert rows[figures["middle"].name][1] is None


def test_people_outside_the_coalition_see_nothing(
    client, professional, coalition, figures, outsider_organisation, login_as
):
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.testing import make_user

    client = login_as(professional)
    assert client.get(reverse("monitoring:dashboard", args=[coalition.slug])).status_code == 404
    client = login_as(make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR]))
    assert client.get(reverse("monitoring:dashboard", args=[coalition.slug])).status_code == 404
    assert client.get(reverse("monitoring:factsheet", args=[coalition.slug])).status_code == 404


def test_every_table_exports_as_csv_and_together_as_excel(
    client, policy_adviser, coalition, figures, programme
):
    import openpyxl

    response = _get(client, policy_adviser, "monitoring:dashboard", coalition, gebied="GM0479")
    board = response.context["board"]
    for table in board.tables:
        url = reverse("monitoring:export_table", args=[coalition.slug, table.slug])
        csv = client.get(url, {"gebied": "GM0479"})
        assert csv.status_code == 200, table.slug
        assert csv.content.decode("utf-8-sig").splitlines()[0].split(";")[0] == table.header[0]

    excel = client.get(
        reverse("monitoring:export_excel", args=[coalition.slug]), {"gebied": "GM0479"}
    )
    book = openpyxl.load_workbook(io.BytesIO(excel.content))
    assert len(book.sheetnames) == len(board.tables)
    headline = book[book.sheetnames[0]]
    values = {row[0]: row[1] for row in headline.iter_rows(min_row=2, values_only=True)}
    assert values["Gescreende zwangeren en ouders"] == 44

    missing = client.get(reverse("monitoring:export_table", args=[coalition.slug, "onbekend"]))
    assert missing.status_code == 404


def test_the_factsheet_is_a_pdf(client, policy_adviser, coalition, figures, programme):
    response = _get(client, policy_adviser, "monitoring:factsheet", coalition)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_unknown_filters_fall_back_to_the_default_view(client, policy_adviser, coalition, figures):
    response = _get(
        client, policy_adviser, "monitoring:dashboard", coalition, jaar="abc", gebied="GM9999"
    )

    assert response.status_code == 200
    assert response.context["board"].area.level == "coalition"


def test_referrals_split_by_theme_and_target_group(client, policy_adviser, coalition, figures):
    response = _get(
        client,
        policy_adviser,
        "monitoring:dashboard",
        coalition,
        gebied="GM0479",
        vergelijk="referrals",
    )

    board = response.context["board"]
    by_theme = board.table("uitsplitsing-theme")
    assert by_theme is not None
    assert by_theme.rows == [["Wonen", 20]]
    assert board.table("uitsplitsing-target_group").rows == [["anders", 20]]
    assert "Verwijzingen naar thema, " in response.content.decode()


@pytest.mark.parametrize(("periode", "rows"), [("quarter", 20), ("month", 60), ("year", 5)])
def test_trends_per_quarter_month_or_year(
    client, policy_adviser, coalition, figures, periode, rows
):
    response = _get(client, policy_adviser, "monitoring:dashboard", coalition, periode=periode)

    table = response.context["board"].table("trend-elevated-risk")
    assert len(table.rows) == rows


def test_a_coalition_without_municipalities_shows_an_empty_dashboard(
    client, policy_adviser, organisation
):
    from kansrijk.organisations.models import Coalition

    empty = Coalition.objects.create(slug="nieuw", name="Nieuwe coalitie (test)")
    empty.members.add(organisation)

    response = _get(client, policy_adviser, "monitoring:dashboard", empty)

    assert response.status_code == 200
    assert response.context["board"].comparison is None
