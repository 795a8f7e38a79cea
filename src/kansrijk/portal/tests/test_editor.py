"""The editors' pages: what is due, the plain-language check, "tested with parents"."""

import datetime

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.portal import demo_content
from kansrijk.portal.models import Page, ParentSite


@pytest.fixture
def site(db, coalition):
    parent_site = ParentSite.objects.create(
        slug="testouders", name="Testouders", coalition=coalition
    )
    demo_content.demo_load(site=parent_site)
    return parent_site


@pytest.fixture
def editor_client(site, coordinator, login_as):
    return login_as(coordinator)


def overview(site):
    return f"/ouders/redactie/{site.slug}/"


def page_url(site, page):
    return f"/ouders/redactie/{site.slug}/{page.uuid}/"


def test_overview_lists_pages_past_review_first(site, editor_client):
    today = timezone.localdate()
    Page.objects.filter(site=site).update(review_due=today + datetime.timedelta(days=30))
    late = Page.objects.get(site=site, slug="huilbaby")
    late.review_due = today - datetime.timedelta(days=3)
    late.save()
    response = editor_client.get(overview(site))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert rows[0].page == late and rows[0].overdue
    assert not any(row.overdue for row in rows[1:])
    html = response.content.decode()
    assert "editor-row--overdue" in html
    # Phase pages are in Dutch and English only: the other languages are missing.
    wish = next(row for row in rows if row.page.slug == "kinderwens")
    assert wish.missing_languages == ["ar", "tr", "pl", "uk", "ti"]


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.DIRECTORY_EDITOR])
def test_coalition_editors_may_see_the_pages(site, organisation, login_as, role):
    user = make_user(organisation=organisation, roles=[role])
    assert login_as(user).get(overview(site)).status_code == 200


def test_administrator_may_see_the_pages(site, administrator, login_as):
    assert login_as(administrator).get(overview(site)).status_code == 200


def test_others_get_404(site, outsider, professional, policy_adviser, login_as):
    page = Page.objects.filter(site=site).first()
    for user in (outsider, professional, policy_adviser):
        client = login_as(user)
        assert client.get(overview(site)).status_code == 404
        assert client.get(page_url(site, page)).status_code == 404


def test_not_logged_in_is_sent_to_log_in(site, client):
    response = client.get(overview(site))
    assert response.status_code == 302


def test_page_shows_the_plain_language_check(site, editor_client):
    page = Page.objects.get(site=site, slug="geldzorgen")
    dutch = page.translations.get(language="nl")
    dutch.body = (
        "Je kunt een arbeidsongeschiktheidsverzekering afsluiten als je zelfstandig werkt "
        "en je bang bent dat je later door ziekte niet meer kunt werken en geen geld hebt."
    )
    dutch.save()
    response = editor_client.get(page_url(site, page))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="pl-long-sentence"' in html
    assert '<span class="pl-word pl-word--long">arbeidsongeschiktheidsverzekering</span>' in html


def test_mark_tested_with_parents(site, editor_client):
    page = Page.objects.get(site=site, slug="geldzorgen")
    tested_on = timezone.localdate() - datetime.timedelta(days=2)
    response = editor_client.post(
        page_url(site, page),
        {"tested": "on", "tested_on": tested_on.isoformat(), "lock_version": page.lock_version},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.tested_with_parents
    assert page.tested_with_parents_on == tested_on
    assert page.lock_version == 2
    html = editor_client.get(overview(site)).content.decode()
    assert "ja" in html or "yes" in html


def test_a_stale_form_is_refused_and_nothing_is_lost(site, editor_client):
    page = Page.objects.get(site=site, slug="geldzorgen")
    old_version = page.lock_version
    Page.objects.filter(pk=page.pk).update(lock_version=old_version + 1)
    tested_on = timezone.localdate() - datetime.timedelta(days=1)
    response = editor_client.post(
        page_url(site, page),
        {"tested": "on", "tested_on": tested_on.isoformat(), "lock_version": old_version},
    )
    assert response.status_code == 409
    page.refresh_from_db()
    assert not page.tested_with_parents
    html = response.content.decode()
    assert 'role="alert"' in html
    assert tested_on.isoformat() in html  # her date is still filled in
    assert f'value="{old_version + 1}"' in html  # a second save goes through
    response = editor_client.post(
        page_url(site, page),
        {"tested": "on", "tested_on": tested_on.isoformat(), "lock_version": old_version + 1},
    )
    assert response.status_code == 302


def test_tested_without_a_date_is_a_clear_error(site, editor_client):
    page = Page.objects.get(site=site, slug="geldzorgen")
    response = editor_client.post(
        page_url(site, page), {"tested": "on", "tested_on": "", "lock_version": page.lock_version}
    )
    assert response.status_code == 400
    response = editor_client.post(
        page_url(site, page), {"tested": "on", "tested_on": "gisteren", "lock_version": "x"}
    )
    assert response.status_code == 400


def test_unknown_page_or_site_gives_404(site, editor_client):
    assert (
        editor_client.get(
            f"/ouders/redactie/{site.slug}/00000000-0000-0000-0000-000000000000/"
        ).status_code
        == 404
    )
    assert editor_client.get("/ouders/redactie/nosuchsite/").status_code == 404


def test_a_coordinator_finds_the_parent_site_pages_in_the_menu(site, editor_client, client):
    menu = editor_client.get("/").text
    assert f"/ouders/redactie/{site.slug}/" in menu
    assert "/ouders/redactie/" not in client.get("/").text  # not logged in: no link
