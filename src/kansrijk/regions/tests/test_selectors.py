import pytest

from kansrijk.regions import selectors
from kansrijk.regions.models import District, Municipality, Neighbourhood

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "model", "name"),
    [
        ("GM0479", Municipality, "Zaanstad"),
        ("WK047913", District, "Pelders- en Hoornseveld"),
        ("BU04791321", Neighbourhood, "Hoornseveld"),
        (" wk047913  ", District, "Pelders- en Hoornseveld"),  # StatLine pads its codes
    ],
)
def test_region_get_by_code_finds_each_level(code, model, name):
    region = selectors.region_get_by_code(code=code)
    assert isinstance(region, model)
    assert region.name == name


@pytest.mark.parametrize("code", ["WK", "GM0", "PV22", "", "Zaanstad"])
def test_region_get_by_code_answers_none_for_an_unknown_code(code):
    assert selectors.region_get_by_code(code=code) is None


def test_neighbourhoods_in_a_municipality_or_district(shared_areas, django_assert_num_queries):
    in_zaanstad = {
        r["code"] for r in shared_areas if r["gm_code"] == "GM0479" and r["type"] == "buurt"
    }
    in_wijk = {r["code"] for r in shared_areas if r["wk_code"] == "WK047913"}

    with django_assert_num_queries(1):
        codes = {n.code for n in selectors.neighbourhoods_in(code="GM0479")}
    assert codes == in_zaanstad
    with django_assert_num_queries(1):
        assert {n.code for n in selectors.neighbourhoods_in(code="WK047913")} == in_wijk
    assert {n.code for n in selectors.neighbourhoods_in(code="BU04791321")} == {"BU04791321"}
    assert not selectors.neighbourhoods_in(code="GG6106").exists()


def test_municipalities_in_a_ggd_region(shared_municipalities, django_assert_num_queries):
    expected = {r["gm_code"] for r in shared_municipalities if r["ggd_code"] == "GG6106"}

    with django_assert_num_queries(1):
        found = {
            (m.code, m.province.name) for m in selectors.municipalities_in_ggd_region(code="GG6106")
        }

    assert {code for code, _province in found} == expected
    assert ("GM0917", "Limburg") in found


def test_municipality_list_reads_the_regions_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = [
            (m.province.name, m.ggd_region.name, m.safety_region.name)
            for m in selectors.municipality_list()
        ]
    assert len(rows) == 342


def test_district_and_neighbourhood_lists_stay_within_the_municipality(shared_areas):
    zaanstad = selectors.municipality_get(code="GM0479")
    wijk = District.objects.get(code="WK047913")

    assert selectors.district_list(municipality=zaanstad).count() == 19
    buurten = selectors.neighbourhood_list(municipality=zaanstad, district=wijk)
    assert {n.name for n in buurten} == {
        r["name"] for r in shared_areas if r["wk_code"] == "WK047913"
    }
    assert "Peldersveld West" in {n.name for n in buurten}
    assert selectors.municipality_get(code="GM9") is None
