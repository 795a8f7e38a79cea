"""A coalition's parent site on a host name of its own, and the privacy of every visit."""

import pytest
from django.utils.translation import get_language_info

from kansrijk.portal.middleware import host_cache_clear
from kansrijk.portal.models import ParentSite


@pytest.fixture
def own_host(demo, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "ouders.sjpruut.example"]
    ParentSite.objects.filter(slug="heerlen").update(host_name="ouders.sjpruut.example")
    host_cache_clear()
    yield
    host_cache_clear()


def test_the_own_host_name_serves_the_site(own_host, client):
    response = client.get("/nl/ik-wil-hulp/", HTTP_HOST="ouders.sjpruut.example")
    assert response.status_code == 200
    assert "Sjpruut" in response.text


def test_other_hosts_are_not_taken_over(own_host, client):
    assert client.get("/nl/ik-wil-hulp/").status_code == 404


def test_an_unknown_site_or_language_is_not_found(demo, client):
    assert client.get("/ouders/nergens/nl/ik-wil-hulp/").status_code == 404
    assert client.get("/ouders/heerlen/xx/ik-wil-hulp/").status_code == 404


def test_arabic_pages_are_right_to_left_and_name_each_language_in_itself(demo, client):
    response = client.get("/ouders/heerlen/ar/ik-wil-hulp/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in response.text
    assert 'hreflang="ti"' in response.text and "ትግርኛ" in response.text
    dutch = client.get("/ouders/heerlen/nl/ik-wil-hulp/").text
    assert get_language_info("ar")["name_local"] + "</a> <span" in dutch
    assert "(Arabisch)" in dutch
    assert response["Content-Language"] == "ar"
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("lang", "safe_contact", "title"),
    [
        ("ar", "رسائل نصية فقط", "أريد مساعدة"),
        ("ti", None, "ሓገዝ እደሊ"),
        ("nl", "Alleen sms-berichten", "Ik wil hulp"),
    ],
)
def test_the_help_form_speaks_the_page_language(demo, client, lang, safe_contact, title):
    response = client.get(f"/ouders/heerlen/{lang}/ik-wil-hulp/")
    assert f'<h1 class="utrecht-heading-1">{title}</h1>' in response.text
    if safe_contact:  # a choice the referrals app defines, translated for the parent site
        assert safe_contact in response.text
