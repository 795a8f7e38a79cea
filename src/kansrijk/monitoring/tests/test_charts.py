"""The dashboard's charts: SVG a screen reader can name and describe, a gap where a figure is
suppressed, the same figures in a table, and numbers written the way the reader's language
writes them."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from kansrijk.monitoring.charts import Series, bar_chart, format_value, line_chart

SVG = "{http://www.w3.org/2000/svg}"
QUARTERS = ["2024-K1", "2024-K2", "2024-K3", "2024-K4", "2025-K1"]


def _svg(chart):
    return ET.fromstring(str(chart.svg))


def _trend(**overrides):
    arguments = {
        "chart_id": "screened",
        "title": "Zwangeren gescreend",
        "series": [
            Series(
                "Utrecht", [Decimal("45.2"), Decimal("50.1"), None, Decimal("61"), Decimal("64")]
            ),
            Series("Nederland", [Decimal(40), Decimal(42), Decimal(44), Decimal(46), Decimal(47)]),
        ],
        "categories": QUARTERS,
        "unit": "percent",
    }
    arguments.update(overrides)
    return line_chart(**arguments)


def _y_axis_labels(svg):
    """The gridline labels: the texts right-aligned left of the plot."""
    return [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor") == "end"]


def test_a_screen_reader_gets_the_charts_title_and_a_summary():
    chart = _trend()
    svg = _svg(chart)

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "screened-title screened-desc"
    assert svg.find(f"{SVG}title").get("id") == "screened-title"
    assert svg.find(f"{SVG}title").text == "Zwangeren gescreend"
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == "screened-desc"
    assert desc.text == chart.summary
    assert "hoogste 64,0% in 2025-K1" in chart.summary
    assert "laagste 45,2% in 2024-K1" in chart.summary
    assert svg.get("width") == "100%"
    assert svg.get("viewBox").startswith("0 0 400 ")


def test_a_suppressed_figure_breaks_the_line_and_the_table_says_why():
    chart = _trend()
    svg = _svg(chart)

    lines = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "kr-chart__line"]
    utrecht = [p for p in lines if p.get("stroke") == "#01689b"]
    # Two segments around the gap: K1-K2 and K4-K1, and no point for 2024-K3.
    assert [p.get("d").count("L") for p in utrecht] == [1, 1]
    points = [c for c in svg.iter(f"{SVG}circle") if c.get("class") == "kr-chart__point"]
    assert len(points) == 4
    assert chart.table_header == ["Periode", "Utrecht", "Nederland"]
    assert chart.table_rows[2] == ["2024-K3", "te weinig gegevens", "44,0%"]


def test_the_table_can_name_a_missing_figure_differently():
    chart = _trend(missing_label="geen gegevens")

    assert chart.table_rows[2][1] == "geen gegevens"


def test_series_differ_by_more_than_colour():
    svg = _svg(_trend())

    lines = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "kr-chart__line"]
    patterns = {p.get("stroke"): p.get("stroke-dasharray") for p in lines}
    assert patterns["#01689b"] is None
    assert patterns["#a84400"]  # dashed
    assert any(True for _ in svg.iter(f"{SVG}rect"))  # square markers for the second series
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Utrecht" in legend and "Nederland" in legend


def test_labels_with_markup_characters_are_escaped():
    chart = line_chart(
        chart_id="odd",
        title='Wachttijd <script>alert("x")</script> & meer',
        series=[Series("Zuid & <Oost>", [Decimal(3), Decimal(5)])],
        categories=["<K1>", "K2 & K3"],
        unit="days",
        target=Decimal(4),
        target_label="Doel <5>",
    )

    svg = _svg(chart)  # parses: valid XML
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Zuid & <Oost>" in texts
    assert "Doel <5>: 4" in texts
    assert svg.find(f"{SVG}title").text == 'Wachttijd <script>alert("x")</script> & meer'
    assert "<script>" not in str(chart.svg)


def test_the_axis_reaches_above_the_target():
    chart = _trend(target=Decimal(85), target_label="Streefwaarde")
    labels = _y_axis_labels(_svg(chart))

    assert labels[0] == "0%"
    top = Decimal(labels[-1].rstrip("%").replace(",", "."))
    assert top >= 85
    assert 4 <= len(labels) <= 6
    assert chart.table_header[-1] == "Streefwaarde"
    assert chart.table_rows[0][-1] == "85,0%"
    assert "Streefwaarde: 85,0%" in chart.summary


def test_counts_get_round_gridlines_with_thousands_separators():
    chart = line_chart(
        chart_id="referrals",
        title="Verwijzingen",
        series=[Series("Verwijzingen", [Decimal(1234), Decimal(2890), Decimal(3110)])],
        categories=["2023", "2024", "2025"],
        unit="count",
    )

    assert _y_axis_labels(_svg(chart)) == ["0", "1.000", "2.000", "3.000", "4.000"]
    assert chart.table_rows[0] == ["2023", "1.234"]


def test_a_chart_id_that_is_no_html_id_is_refused():
    with pytest.raises(ValueError):
        _trend(chart_id='x" onload="alert(1)')


def test_a_series_must_have_a_value_for_each_period():
    with pytest.raises(ValueError):
        _trend(series=[Series("Utrecht", [Decimal(1)])])


def test_bars_show_values_a_suppressed_neighbourhood_and_the_reference():
    chart = bar_chart(
        chart_id="neighbourhoods",
        title="Gescreend per buurt",
        bars=[
            ("Binnenstad", Decimal("12.5")),
            ("Overvecht-Noord", None),
            ("Lombok & <Oog in Al>", Decimal("33.3")),
        ],
        unit="percent",
        reference=Decimal("20"),
        reference_label="Gemeente Utrecht",
    )
    svg = _svg(chart)
    texts = [t.text for t in svg.iter(f"{SVG}text")]

    assert "12,5%" in texts and "33,3%" in texts
    assert "te weinig gegevens" in texts
    assert "Lombok & <Oog in Al>" in texts
    assert "Gemeente Utrecht: 20,0%" in texts
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("class") == "kr-chart__bar"]
    assert len(bars) == 2
    assert float(bars[1].get("width")) > float(bars[0].get("width"))
    dashed = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert any(line.get("x1") == line.get("x2") for line in dashed)  # the reference line
    assert chart.table_header == ["Gebied", "Percentage"]
    assert chart.table_rows == [
        ["Binnenstad", "12,5%"],
        ["Overvecht-Noord", "te weinig gegevens"],
        ["Lombok & <Oog in Al>", "33,3%"],
        ["Gemeente Utrecht", "20,0%"],
    ]
    assert chart.summary.startswith("Hoogste Lombok & <Oog in Al> (33,3%), laagste Binnenstad")
    assert "te weinig gegevens: Overvecht-Noord" in chart.summary


def test_the_template_shows_the_chart_and_its_table():
    chart = bar_chart(
        chart_id="neighbourhoods",
        title="Gescreend & verwezen",
        bars=[("Binnenstad", Decimal(12)), ("Zuid", None)],
        unit="count",
    )

    html = render_to_string("monitoring/_chart.html", {"chart": chart})

    assert "<figcaption" in html and "Gescreend &amp; verwezen</figcaption>" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert html.index("<svg") < html.index("<table")
    assert 'class="kr-table-scroll"' in html
    assert "Tabel met de cijfers: Gescreend &amp; verwezen</caption>" in html
    assert '<th class="utrecht-table__header-cell" scope="col">Aantal</th>' in html
    assert '<th class="utrecht-table__header-cell" scope="row">Zuid</th>' in html
    assert ">te weinig gegevens</td>" in html


@pytest.mark.parametrize(
    ("value", "unit", "dutch", "english"),
    [
        (Decimal("12.5"), "percent", "12,5%", "12.5%"),
        (Decimal("12.25"), "percent", "12,3%", "12.3%"),
        (Decimal("4.2"), "per_1000", "4,2 per 1.000", "4.2 per 1,000"),
        (Decimal(1234), "count", "1.234", "1,234"),
        (12, "days", "12", "12"),
        (Decimal("12.5"), "days", "12,5", "12.5"),
        (None, "count", "te weinig gegevens", "too few people"),
    ],
)
def test_format_value_writes_numbers_the_readers_way(value, unit, dutch, english):
    assert format_value(value, unit) == dutch
    with translation.override("en"):
        assert format_value(value, unit) == english


def test_charts_in_english_use_english_numbers_and_texts():
    with translation.override("en"):
        chart = _trend()

    assert chart.table_header[0] == "Period"
    assert chart.table_rows[0] == ["2024-K1", "45.2%", "40.0%"]
    assert chart.table_rows[2][1] == "too few people"
    assert "highest 64.0% in 2025-K1" in chart.summary


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        format_value(Decimal(1), "euro")
