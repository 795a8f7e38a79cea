"""The parent site's information pages as a parent meets them: home, phases, topics, privacy and
accessibility, in her language (Dutch when there is no translation), leaving nothing behind."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from kansrijk.portal import demo_content
from kansrijk.portal.constants import PORTAL_LANGUAGES, TOPICS, Phase
from kansrijk.portal.models import Page, PageTranslation, ParentSite


@pytest.fixture
def site(db, coalition):
    parent_site = ParentSite.objects.create(
        slug="testouders",
        name="Testouders",
        tagline="Voor ouders in de test",
        coalition=coalition,
        jgz_name="JGZ Test",
        jgz_phone="075-000 0000",
        jgz_phone_hours="werkdagen 9 tot 17 uur",
    )
    demo_content.demo_load(site=parent_site)
    return parent_site


@pytest.fixture
def client():
    return Client()


def url(site, lang="nl", rest=""):
    return f"/ouders/{site.slug}/{lang}/{rest}"


def test_demo_content_has_every_phase_and_topic_and_loads_once(site):
    pages = Page.objects.filter(site=site)
    for phase in Phase:
        assert pages.filter(kind="phase", phase=phase).exists(), phase
    assert pages.filter(phase=Phase.PREGNANCY).values_list("trimester", flat=True).count() == 3
    for topic in TOPICS:
        page = pages.get(kind="topic", topic=topic.code)
        languages = set(page.translations.values_list("language", flat=True))
        assert languages == set(PORTAL_LANGUAGES)
        assert not page.translations.get(language="nl").awaiting_check
        assert not page.translations.exclude(language="nl").filter(awaiting_check=False).exists()
    before = (pages.count(), PageTranslation.objects.count())
    demo_content.demo_load(site=site)
    assert (pages.count(), PageTranslation.objects.count()) == before


@pytest.mark.parametrize("lang,direction", [("nl", "ltr"), ("ar", "rtl")])
def test_home_renders_in_the_language_with_direction_and_alternates(site, client, lang, direction):
    response = client.get(url(site, lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in html
    for code in PORTAL_LANGUAGES:
        assert f'hreflang="{code}" href="/ouders/{site.slug}/{code}/"' in html
    for topic in TOPICS:
        assert f"/ouders/{site.slug}/{lang}/onderwerp/{topic.code}/" in html
        assert f"#{topic.icon}" in html
    for phase in Phase:
        assert f"/ouders/{site.slug}/{lang}/fase/{phase.value}/" in html
    assert f"/ouders/{site.slug}/{lang}/ik-wil-hulp/" in html
    assert "075-000 0000" in html
    assert "portal/home.js" in html


def test_topic_page_in_arabic_shows_the_arabic_text(site, client):
    html = client.get(url(site, "ar", "onderwerp/money/")).content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert "هموم مالية" in html
    assert "This text is in Dutch" not in html


def test_the_due_date_is_never_in_a_form(site, client):
    html = client.get(url(site)).content.decode()
    assert 'id="due-date"' in html
    for form in re.findall(r"<form.*?</form>", html, flags=re.S):
        assert "due" not in form and "birth" not in form
    script = Path(finders.find("portal/home.js")).read_text()
    assert "fetch(" not in script and "XMLHttpRequest" not in script and "submit" not in script


def test_home_first_load_stays_under_150_kb(site, client):
    html = client.get(url(site)).content.decode()
    total = len(html.encode())
    assets = set(re.findall(r'(?:href|src)="/static/([^"#]+)', html))
    assert "portal/icons.svg" in assets
    for asset in assets:
        total += Path(finders.find(asset)).stat().st_size
    assert total < 150_000, total
    assert Path(finders.find("portal/home.js")).stat().st_size < 4_000
    assert Path(finders.find("portal/icons.svg")).stat().st_size < 6_000


def test_home_js_only_on_the_home_page(site, client):
    html = client.get(url(site, "nl", "privacy/")).content.decode()
    assert "home.js" not in html


@pytest.mark.parametrize("phase", [phase.value for phase in Phase])
def test_every_phase_page_renders(site, client, phase):
    response = client.get(url(site, "en", f"fase/{phase}/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"?fase={phase}" in html
    assert "Demo Redacteur" in html
    assert "https://www." in html  # the national links


def test_pregnancy_shows_three_trimesters_with_anchors(site, client):
    html = client.get(url(site, "nl", "fase/pregnancy/")).content.decode()
    for number in (1, 2, 3):
        assert f'id="trimester-{number}"' in html
        assert f'href="#trimester-{number}"' in html
    assert "Week 1 tot 12" in html and "Week 27 tot de geboorte" in html


@pytest.mark.parametrize("topic", [topic.code for topic in TOPICS])
@pytest.mark.parametrize("lang", ["nl", "ti"])
def test_every_topic_page_renders(site, client, topic, lang):
    response = client.get(url(site, lang, f"onderwerp/{topic}/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"hulp-in-de-buurt/?onderwerp={topic}" in html
    assert f"ik-wil-hulp/?onderwerp={topic}" in html
    assert "https://www." in html or "https://ind.nl/" in html  # "read more at"
    assert 'rel="noreferrer"' in html


def test_topic_page_passes_the_phase_on_to_help_nearby(site, client):
    html = client.get(url(site, "nl", "onderwerp/money/?fase=pregnancy")).content.decode()
    assert "hulp-in-de-buurt/?onderwerp=money&amp;fase=pregnancy" in html
    html = client.get(url(site, "nl", "onderwerp/money/?fase=nonsense")).content.decode()
    assert "hulp-in-de-buurt/?onderwerp=money&amp;fase" not in html


def test_translation_awaiting_check_is_marked(site, client):
    html = client.get(url(site, "en", "onderwerp/money/")).content.decode()
    assert "Money worries" in html
    assert "a native speaker will check this translation soon" in html
    assert "This text is in Dutch" not in html


def test_missing_translation_falls_back_to_dutch_with_a_label(site, client):
    # The phase pages have Dutch and English only.
    html = client.get(url(site, "en", "fase/wish-for-a-child/")).content.decode()
    assert "This text is in Dutch" not in html
    PageTranslation.objects.filter(page__slug="kinderwens", language="en").delete()
    html = client.get(url(site, "en", "fase/wish-for-a-child/")).content.decode()
    assert "This text is in Dutch" in html
    assert '<div lang="nl" dir="ltr">' in html
    assert "Je wilt een kind" in html


def test_body_is_escaped_and_lists_become_lists(site, client):
    translation = PageTranslation.objects.get(page__slug="geldzorgen", language="nl")
    translation.body = "Eerste <script>alert(1)</script> alinea.\n\n- een\n- twee"
    translation.save()
    html = client.get(url(site, "nl", "onderwerp/money/")).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
    assert '<li class="utrecht-unordered-list__item">een</li>' in html


@pytest.mark.parametrize(
    "path",
    [
        "/ouders/testouders/nl/fase/teenager/",
        "/ouders/testouders/nl/onderwerp/weather/",
        "/ouders/testouders/xx/",
        "/ouders/nosuchsite/nl/",
        "/ouders/nosuchsite/",
        "/ouders/testouders/nl/info/nosuchpage/",
    ],
)
def test_unknown_things_give_404(site, client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "header,lang",
    [("ar,en;q=0.8", "ar"), ("en-GB,en;q=0.9", "en"), ("de-DE", "nl"), ("", "nl"), ("uk", "uk")],
)
def test_site_root_redirects_by_accept_language(site, client, header, lang):
    response = client.get("/ouders/testouders/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == f"/ouders/testouders/{lang}/"
    assert response["Cache-Control"] == "no-store"


def test_site_index_lists_active_sites(site, client):
    ParentSite.objects.create(
        slug="offline", name="Offline site", coalition=site.coalition, is_active=False
    )
    html = client.get("/ouders/").content.decode()
    assert "Testouders" in html and "/ouders/testouders/" in html
    assert "Offline site" not in html


@pytest.mark.parametrize(
    "rest", ["", "fase/pregnancy/", "onderwerp/money/", "privacy/", "toegankelijkheid/"]
)
def test_portal_pages_set_no_cookie_and_keep_private(site, client, rest):
    response = client.get(url(site, "nl", rest))
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"


def test_privacy_page_tells_what_is_kept(site, client, settings):
    settings.KANSRIJK_RETENTION_DAYS = 365
    html = client.get(url(site, "nl", "privacy/")).content.decode()
    assert "365" in html
    assert site.coalition.name in html
    html = client.get(url(site, "en", "privacy/")).content.decode()
    assert "no cookies" in html


def test_accessibility_statement(site, client):
    html = client.get(url(site, "en", "toegankelijkheid/")).content.decode()
    assert "WCAG 2.2" in html and "WCAG 2.1" in html
    assert "axe-core" in html
