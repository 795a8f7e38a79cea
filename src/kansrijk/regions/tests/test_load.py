"""`kansrijk regions load`: the shared data, loaded once and again without rewriting anything."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansrijk.regions import services
from kansrijk.regions.models import District, GGDRegion, Municipality, Neighbourhood, Province

pytestmark = pytest.mark.django_db


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]


def test_all_342_municipalities_have_a_province_ggd_region_and_safety_region():
    municipalities = Municipality.objects.select_related("province", "ggd_region", "safety_region")
    assert municipalities.count() == 342
    assert Province.objects.count() == 12
    assert GGDRegion.objects.count() == 25
    zaanstad = municipalities.get(code="GM0479")
    assert (zaanstad.name, zaanstad.province.name) == ("Zaanstad", "Noord-Holland")
    assert zaanstad.ggd_region.name == "GGD Zaanstreek/Waterland"
    assert zaanstad.safety_region.code == "VR11"
    heerlen = municipalities.get(code="GM0917")
    assert heerlen.ggd_region.name == "GGD Zuid-Limburg"
    assert heerlen.province.name == "Limburg"


def test_zaanstad_has_its_cbs_districts():
    district = District.objects.get(code="WK047913")
    assert district.name == "Pelders- en Hoornseveld"
    assert district.municipality.code == "GM0479"
    assert District.objects.filter(municipality__code="GM0917").count() == 23
    assert District.objects.filter(municipality__code="GM0355").count() == 5


def test_a_second_load_writes_nothing():
    with CaptureQueriesContext(connection) as queries:
        hierarchy, areas = services.regions_load(municipality_codes=["GM0479", "GM0917"])
    assert _writes(queries) == []
    assert (hierarchy.added, hierarchy.updated, hierarchy.unchanged) == (0, 0, 342)
    assert (
        areas.districts.unchanged
        == District.objects.filter(municipality__code__in=["GM0479", "GM0917"]).count()
    )
    assert (areas.neighbourhoods.added, areas.neighbourhoods.updated) == (0, 0)


def test_a_reload_saves_only_the_row_that_changed():
    district = District.objects.get(code="WK047913")
    District.objects.filter(pk=district.pk).update(inhabitants=1, name="Pelders-Hoornseveld")

    with CaptureQueriesContext(connection) as queries:
        result = services.neighbourhoods_import(municipality_codes=["GM0479"])

    district.refresh_from_db()
    assert (district.name, district.inhabitants) == ("Pelders- en Hoornseveld", 11275)
    assert result.districts.updated == 1
    assert result.neighbourhoods.updated == 0
    assert len(_writes(queries)) == 1


def test_load_adds_the_areas_of_the_given_municipality_once(shared_areas, capsys):
    expected = [r for r in shared_areas if r["gm_code"] == "GM1680"]

    call_command("regions", "load", "--municipalities", "GM1680")
    first = capsys.readouterr().out
    call_command("regions", "load", "--municipalities", "GM1680")
    second = capsys.readouterr().out

    districts = District.objects.filter(municipality__code="GM1680")
    neighbourhoods = Neighbourhood.objects.filter(municipality__code="GM1680")
    assert districts.count() == sum(1 for r in expected if r["type"] == "wijk")
    assert neighbourhoods.count() == sum(1 for r in expected if r["type"] == "buurt")
    annen = neighbourhoods.get(code="BU16800000")
    assert (annen.name, annen.district.code, annen.inhabitants) == ("Annen", "WK168000", 3455)
    assert f"Wijken: {districts.count()} toegevoegd" in first
    assert (
        f"Wijken: 0 toegevoegd, 0 codes ingevuld, 0 bijgewerkt, {districts.count()} gelijk"
        in second
    )


def test_load_without_municipalities_loads_every_area_in_the_country():
    result = services.neighbourhoods_import()
    assert District.objects.count() == 3393
    assert Neighbourhood.objects.count() == 14574
    # Amsterdam's codes hold letters; they are kept as CBS writes them.
    assert Neighbourhood.objects.get(code="BU0363AA01").district.code == "WK0363AA"
    assert result.districts.added + result.districts.unchanged == 3393


def test_load_refuses_a_municipality_that_is_not_a_code():
    with pytest.raises(CommandError, match="Geen gemeentecode: ZAANSTAD"):
        call_command("regions", "load", "--municipalities", "Zaanstad")
