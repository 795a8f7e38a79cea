"""The open-data upload page and the indicator catalogue."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.indicators.models import OpenDataImport, OpenDataValue

FIXTURES = Path(__file__).parent / "fixtures"
URL = "/indicatoren/open-data/"
CATALOGUE_URL = "/indicatoren/"

pytestmark = pytest.mark.django_db


def _upload(name: str, source: str = "") -> dict:
    return {
        "file": SimpleUploadedFile(name, (FIXTURES / name).read_bytes(), "text/csv"),
        "source": source,
    }


def test_the_urls_have_their_names():
    assert reverse("indicators:opendata_import") == URL
    assert reverse("indicators:indicator_list") == CATALOGUE_URL


def test_the_page_shows_the_importable_indicators_and_the_format(login_as, policy_adviser):
    response = login_as(policy_adviser).get(URL)

    assert response.status_code == 200
    assert "Vroeggeboorte (&lt; 37 weken)" in response.text
    assert "low-income-children" in response.text
    assert "elevated-risk" not in response.text  # a process indicator is not imported
    assert "regiocode" in response.text and "region_code" in response.text
    assert 'enctype="multipart/form-data"' in response.text


def test_a_policy_adviser_uploads_a_file(login_as, policy_adviser):
    client = login_as(policy_adviser)

    response = client.post(URL, _upload("opendata_valid_semicolon.csv", "Perined 2023"))

    assert response.status_code == 302
    assert response["Location"] == URL
    assert OpenDataValue.objects.count() == 5
    batch = OpenDataImport.objects.get()
    assert (batch.imported_by, batch.source) == (policy_adviser, "Perined 2023")
    page = client.get(URL)
    assert "5 waarden ingelezen" in page.text
    assert "opendata_valid_semicolon.csv" in page.text  # in the recent imports


def test_a_coordinator_may_upload_too(login_as, coordinator):
    response = login_as(coordinator).post(URL, _upload("opendata_valid_comma.csv"))

    assert response.status_code == 302
    assert OpenDataValue.objects.count() == 3


def test_a_bad_file_shows_every_row_error_and_imports_nothing(login_as, policy_adviser):
    response = login_as(policy_adviser).post(URL, _upload("opendata_many_errors.csv"))

    assert response.status_code == 400
    assert "8 fouten" in response.text
    assert "onbekende indicator" in response.text
    assert "GM0228" in response.text and "GG3406" in response.text
    assert OpenDataValue.objects.count() == 0
    assert OpenDataImport.objects.count() == 0


def test_one_bad_region_code_is_named_on_the_page(login_as, policy_adviser):
    response = login_as(policy_adviser).post(URL, _upload("opendata_bad_region.csv"))

    assert response.status_code == 400
    row = response.text.split("GM9999")[0].rsplit("<tr", 1)[1]
    assert ">3</th>" in row  # the line
    assert "onbekende regiocode" in response.text
    assert OpenDataValue.objects.count() == 0


def test_no_file_is_a_form_error(login_as, policy_adviser):
    response = login_as(policy_adviser).post(URL, {"source": "Perined"})

    assert response.status_code == 400
    assert "Kies een CSV-bestand" in response.text


def test_a_professional_may_not_import(login_as, professional):
    client = login_as(professional)

    assert client.get(URL).status_code == 403
    assert client.post(URL, _upload("opendata_valid_semicolon.csv")).status_code == 403
    assert OpenDataValue.objects.count() == 0


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_the_catalogue_lists_every_indicator_for_any_staff_member(login_as, professional):
    response = login_as(professional).get(CATALOGUE_URL)

    assert response.status_code == 200
    for code in ("screened", "answered-in-time", "preterm", "perinatal-mortality", "births"):
        assert f"<code>{code}</code>" in response.text
    assert "Procesindicator" in response.text and "Uitkomstindicator" in response.text
    assert "Perined" in response.text
    assert "Import open data" not in response.text and URL not in response.text


def test_the_catalogue_shows_english_names_in_english(login_as, policy_adviser):
    client = login_as(policy_adviser)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    response = client.get(CATALOGUE_URL)

    assert "Clients screened" in response.text
    assert "Gescreende zwangeren en ouders" not in response.text
    assert URL in response.text


def test_the_catalogue_needs_a_log_in(client):
    assert client.get(CATALOGUE_URL).status_code == 302


def test_a_volunteer_does_not_see_the_upload_page(login_as):
    volunteer = make_user(roles=[Role.VOLUNTEER])

    assert login_as(volunteer).get(URL).status_code == 403


def test_the_admin_shows_indicators_and_an_import_with_its_values(login_as, administrator):
    client = login_as(administrator)
    client.post(URL, _upload("opendata_valid_semicolon.csv"))
    batch = OpenDataImport.objects.get()

    listing = client.get("/beheer/indicators/indicator/")
    detail = client.get(f"/beheer/indicators/opendataimport/{batch.pk}/change/")

    assert listing.status_code == 200
    assert "preterm" in listing.text
    assert "/beheer/indicators/indicator/add/" not in listing.text  # the catalogue file rules
    assert detail.status_code == 200
    assert "BU04791111" in detail.text
