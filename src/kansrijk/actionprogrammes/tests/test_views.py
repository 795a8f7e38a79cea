import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.actionprogrammes import services
from kansrijk.actionprogrammes.models import Activity, ActivityReview, Target
from kansrijk.organisations.services import coalition_create

pytestmark = pytest.mark.django_db


def _url(name, programme, *args):
    return reverse(f"actionprogrammes:{name}", args=[programme.uuid, *args])


@pytest.fixture
def stranger(db):
    """A coordinator of another coalition."""
    elsewhere = make_organisation(name="GGD Zuid Limburg (test)")
    coalition_create(
        slug="heerlen-test",
        name="Kansrijke Start Heerlen (test)",
        municipality_codes=["GM0917"],
        member_organisations=[elsewhere],
    )
    return make_user(organisation=elsewhere, roles=[Role.COORDINATOR])


def test_the_programme_page_shows_baseline_progress_activities_and_targets(
    login_as, coordinator, programme, line, activity, indicator
):
    services.activity_update(
        activity=activity,
        expected_version=1,
        status="running",
        ends_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    services.target_set(programme=programme, line=line, indicator=indicator, year=2026, value=90)
    response = login_as(coordinator).get(_url("programme_detail", programme))
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 januari 2023" in text and "31 december 2023" in text
    assert "0 van 1 activiteit afgerond (0%)" in text
    assert '<progress class="line-progress__bar" max="100" value="0"' in text
    assert "Screening invoeren" in text and "voorbij de einddatum" in text
    assert "Binnen 5 werkdagen beantwoord" in text and ">90%<" in text
    assert _url("activity_edit", programme, activity.uuid) in text


def test_the_list_shows_the_programmes_of_the_users_coalitions(login_as, policy_adviser, programme):
    response = login_as(policy_adviser).get(reverse("actionprogrammes:programme_list"))
    assert response.status_code == 200
    assert programme.name in response.content.decode()
    assert reverse("actionprogrammes:programme_create") not in response.content.decode()


def test_a_coordinator_makes_a_programme(login_as, coordinator, coalition):
    response = login_as(coordinator).post(
        reverse("actionprogrammes:programme_create"),
        {
            "coalition": coalition.slug,
            "name": "Nieuw actieprogramma",
            "starts_on": "2025-01-01",
            "ends_on": "2028-12-31",
            "baseline_start": "2024-01-01",
            "baseline_end": "2024-12-31",
        },
    )
    assert response.status_code == 302
    assert coalition.action_programmes.get().baseline_start == datetime.date(2024, 1, 1)


def test_a_coordinator_changes_an_activity_with_its_indicators(
    login_as, coordinator, programme, line, activity, organisation
):
    response = login_as(coordinator).post(
        _url("activity_edit", programme, activity.uuid),
        {
            "line": line.uuid,
            "number": "1",
            "title": "Screening bij alle praktijken",
            "owner_organisation": organisation.uuid,
            "status": "delayed",
            "pdca_phase": "do",
            "starts_on": "2025-01-01",
            "ends_on": "2025-12-31",
            "indicators": ["screened", "elevated-risk"],
            "version": activity.lock_version,
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.status, activity.pdca_phase) == (
        "Screening bij alle praktijken",
        "delayed",
        "do",
    )
    assert set(activity.indicators.values_list("code", flat=True)) == {"screened", "elevated-risk"}


def test_a_stale_form_is_refused_with_a_dutch_message(
    login_as, coordinator, programme, line, activity
):
    services.activity_update(activity=activity, expected_version=1, title="Door iemand anders")
    response = login_as(coordinator).post(
        _url("activity_edit", programme, activity.uuid),
        {
            "line": line.uuid,
            "title": "Mijn versie",
            "status": "done",
            "pdca_phase": "act",
            "version": 1,
        },
    )
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen veranderd" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Door iemand anders"


def test_wrong_input_shows_the_form_again(login_as, coordinator, programme):
    response = login_as(coordinator).post(
        _url("programme_edit", programme),
        {"name": "X", "starts_on": "2027-01-01", "ends_on": "2024-01-01", "version": 1},
    )
    assert response.status_code == 400
    assert "Het programma kan niet eindigen voordat het begint." in response.content.decode()


def test_a_coordinator_adds_a_line_an_activity_a_review_and_a_target(
    login_as, coordinator, programme, line, activity
):
    client = login_as(coordinator)
    assert (
        client.post(_url("line_create", programme), {"number": 2, "title": "Verwijzen"}).status_code
        == 302
    )
    response = client.post(
        _url("activity_create", programme),
        {"line": line.uuid, "title": "Tweede", "status": "planned", "pdca_phase": "plan"},
    )
    assert response.status_code == 302
    assert Activity.objects.get(title="Tweede").code == "1.2"
    response = client.post(
        _url("activity_review", programme, activity.uuid),
        {
            "reviewed_on": timezone.localdate().isoformat(),
            "findings": "Minder aanmeldingen dan gedacht.",
            "new_phase": "act",
            "version": activity.lock_version,
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.pdca_phase == "act"
    assert ActivityReview.objects.get().by == coordinator
    response = client.post(
        _url("target_create", programme),
        {"line": line.uuid, "indicator": "days-to-support", "year": 2026, "value": "12,5"},
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert str(target.value) == "12.50"
    response = client.post(_url("target_delete", programme, target.uuid), {"confirm": "on"})
    assert response.status_code == 302
    assert not Target.objects.exists()


def test_a_policy_adviser_reads_but_cannot_change(
    login_as, policy_adviser, programme, line, activity
):
    client = login_as(policy_adviser)
    page = client.get(_url("programme_detail", programme))
    assert page.status_code == 200
    assert _url("activity_edit", programme, activity.uuid) not in page.content.decode()
    assert client.get(_url("programme_edit", programme)).status_code == 403
    assert client.get(_url("activity_edit", programme, activity.uuid)).status_code == 403
    response = client.post(
        _url("activity_review", programme, activity.uuid),
        {"reviewed_on": "2025-01-01", "findings": "x", "new_phase": "act"},
    )
    assert response.status_code == 403
    assert not ActivityReview.objects.exists()
    assert client.get(reverse("actionprogrammes:programme_create")).status_code == 403


def test_a_professional_gets_403(login_as, professional, programme):
    client = login_as(professional)
    assert client.get(reverse("actionprogrammes:programme_list")).status_code == 403
    assert client.get(_url("programme_detail", programme)).status_code == 403


def test_a_coordinator_of_another_coalition_gets_404(login_as, stranger, programme, activity):
    client = login_as(stranger)
    assert client.get(_url("programme_detail", programme)).status_code == 404
    assert client.get(_url("programme_edit", programme)).status_code == 404
    assert client.get(_url("activity_edit", programme, activity.uuid)).status_code == 404
    assert (
        programme.name
        not in client.get(reverse("actionprogrammes:programme_list")).content.decode()
    )


def test_an_activity_of_another_programme_is_not_found_under_this_one(
    login_as, coordinator, coalition, programme, activity
):
    other = services.programme_create(
        coalition=coalition,
        name="Ander",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
    )
    response = login_as(coordinator).get(_url("activity_edit", other, activity.uuid))
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, programme):
    response = client.get(_url("programme_detail", programme))
    assert response.status_code == 302


def test_the_partial_takes_a_heading_level(programme, line, activity):
    from django.template.loader import render_to_string

    from kansrijk.actionprogrammes import selectors

    lines = selectors.line_progress(programme=programme)
    default = render_to_string("actionprogrammes/_line_progress.html", {"lines": lines})
    assert '<h3 class="utrecht-heading-3"' in default
    second = render_to_string(
        "actionprogrammes/_line_progress.html", {"lines": lines, "heading_level": 2}
    )
    assert '<h2 class="utrecht-heading-2"' in second and "<h3" not in second
