"""The pathway pages: the list, a pathway with flowchart, tables and approvals, versions and
comparing them, editing a draft, importing and exporting a table, agreeing, and walking."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansrijk.directory import services as directory_services
from kansrijk.pathways import services
from kansrijk.pathways.constants import VersionStatus
from kansrijk.pathways.tests.factories import ROUTE_XML, approve_fully, definition, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(pathway, draft, organisation, other_organisation):
    approve_fully(draft, [organisation, other_organisation])
    draft.refresh_from_db()
    return draft


def _url(name, pathway, **kwargs):
    return reverse(f"pathways:{name}", kwargs={"pathway_id": pathway.uuid, **kwargs})


def test_the_list_shows_approved_pathways_for_the_chosen_municipality(
    login_as, professional, pathway, approved
):
    client = login_as(professional)
    response = client.get(reverse("pathways:list"), {"gemeente": "GM0479"})
    assert response.status_code == 200
    assert "Schulden en stress" in response.text
    response = client.get(reverse("pathways:list"), {"gemeente": "GM0917"})
    assert "Schulden en stress" not in response.text


def test_the_list_refuses_an_unknown_municipality_with_a_message(login_as, professional):
    response = login_as(professional).get(reverse("pathways:list"), {"gemeente": "GM9999"})
    assert response.status_code == 400
    assert "Kies een gemeente uit de lijst." in response.text


def test_the_pathway_page_shows_flowchart_steps_tables_and_approvals(
    login_as, professional, pathway, approved, organisation
):
    response = login_as(professional).get(_url("detail", pathway))
    assert response.status_code == 200
    text = response.text
    assert "<svg" in text
    assert "Heeft de cliënt schulden of geldzorgen?" in text  # the text alternative
    assert "Schulden en veel stress: bespreken in het MDO" in text  # a rule's annotation
    assert "FIRST" in text or "first" in text
    assert organisation.name in text  # who agreed
    assert "Afdrukken / opslaan als pdf" in text
    assert "pathways/pathways.css" in text


def test_the_pathway_page_offers_each_table_as_a_dmn_download(
    login_as, professional, pathway, approved
):
    client = login_as(professional)
    url = _url("table_export", pathway, number=approved.number, table_key="route")
    response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode() == ROUTE_XML
    assert response["Content-Disposition"].endswith('.dmn"')
    missing = _url("table_export", pathway, number=approved.number, table_key="nope")
    assert client.get(missing).status_code == 404


def test_history_and_comparison(login_as, coordinator, pathway, approved):
    client = login_as(coordinator)
    second = services.version_draft_create(pathway=pathway, user=coordinator)
    changed = definition()
    step(changed, "regular")["title"] = "Gewone zorg door de verloskundige"
    services.version_update(
        version=second, expected_lock_version=1, user=coordinator, definition=changed
    )
    response = client.get(_url("history", pathway))
    assert response.status_code == 200
    assert "Versie 2" in response.text
    response = client.get(_url("compare", pathway), {"a": 1, "b": 2})
    assert response.status_code == 200
    assert "Gewone zorg door de verloskundige" in response.text
    assert client.get(_url("compare", pathway), {"a": 1, "b": 7}).status_code == 400


def test_a_coordinator_edits_a_draft_and_sees_dutch_errors(login_as, coordinator, pathway, draft):
    client = login_as(coordinator)
    url = _url("version_edit", pathway, number=1)
    assert client.get(url).status_code == 200

    broken = definition()
    step(broken, "signal-debts")["next"] = "typo"
    response = client.post(
        url, {"lock_version": 1, "definition": json.dumps(broken), "change_note": ""}
    )
    assert response.status_code == 400
    assert "Stap signal-debts: de volgende stap typo bestaat niet." in response.text

    response = client.post(url, {"lock_version": 1, "definition": "{nope", "change_note": ""})
    assert response.status_code == 400
    assert "Dit is geen geldige JSON" in response.text

    changed = definition()
    step(changed, "mdo")["title"] = "Steunpunt"
    response = client.post(
        url, {"lock_version": 1, "definition": json.dumps(changed), "change_note": "Naam"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert step(draft.definition, "mdo")["title"] == "Steunpunt"


def test_a_stale_edit_keeps_what_was_typed_and_shows_the_other_change(
    login_as, coordinator, pathway, draft
):
    client = login_as(coordinator)
    theirs = definition()
    step(theirs, "mdo")["title"] = "Hun wijziging"
    services.version_update(
        version=draft, expected_lock_version=1, user=coordinator, definition=theirs
    )
    mine = definition()
    step(mine, "mdo")["title"] = "Mijn wijziging"
    response = client.post(
        _url("version_edit", pathway, number=1),
        {"lock_version": 1, "definition": json.dumps(mine), "change_note": ""},
    )
    assert response.status_code == 409
    assert "Iemand anders heeft dit zorgpad gewijzigd" in response.text
    assert "Mijn wijziging" in response.text
    assert "Hun wijziging" in response.text
    assert 'name="lock_version" value="2"' in response.text
    draft.refresh_from_db()
    assert step(draft.definition, "mdo")["title"] == "Hun wijziging"


def test_importing_a_dmn_file_and_a_broken_one(login_as, coordinator, pathway, draft):
    client = login_as(coordinator)
    url = _url("table_import", pathway, number=1)
    upload = SimpleUploadedFile("route.dmn", ROUTE_XML.encode(), content_type="application/xml")
    response = client.post(url, {"lock_version": 1, "table_key": "extra", "file": upload})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert "extra" in draft.definition["tables"]

    upload = SimpleUploadedFile("kapot.dmn", b"<definitions", content_type="application/xml")
    response = client.post(
        url, {"lock_version": draft.lock_version, "table_key": "kapot", "file": upload}
    )
    assert response.status_code == 400
    assert "De beslistabel is niet te lezen" in response.text


def test_submit_then_both_partners_agree(
    login_as, coordinator, pathway, draft, signatory_user, other_signatory
):
    response = login_as(coordinator).post(
        _url("version_submit", pathway, number=1), {"lock_version": 1}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == VersionStatus.IN_REVIEW

    url = _url("version_approve", pathway, number=1)
    client = login_as(signatory_user)
    assert client.get(url).status_code == 200
    assert client.post(url, {"remark": "Akkoord namens de GGD"}).status_code == 302
    response = login_as(other_signatory).post(url, {"remark": ""}, follow=True)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.APPROVED
    assert "Akkoord namens de GGD" in response.text


def test_retiring_the_version_in_use_stops_the_walk(login_as, coordinator, pathway, approved):
    client = login_as(coordinator)
    response = client.post(
        _url("version_retire", pathway, number=1), {"lock_version": approved.lock_version}
    )
    assert response.status_code == 302
    assert client.get(_url("walk", pathway)).status_code == 404


def test_a_coordinator_makes_a_new_pathway(login_as, coordinator, coalition):
    client = login_as(coordinator)
    assert client.get(reverse("pathways:create")).status_code == 200
    response = client.post(
        reverse("pathways:create"),
        {
            "title": "Wonen en huisvesting",
            "slug": "",
            "description": "",
            "theme": "housing",
            "scope_kind": "coalition",
            "coalition": coalition.pk,
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("pathways:create"),
        {"title": "Zonder gebied", "theme": "housing", "scope_kind": "municipality"},
    )
    assert response.status_code == 400
    assert "Kies het gebied." in response.text


@pytest.fixture
def zaanstad_debt_service():
    provider = directory_services.organization_create(
        name="Gemeente Zaanstad (test)", description="Gemeente.", updated_by="test"
    )
    return directory_services.service_create(
        organization=provider,
        name="Schuldhulpverlening Zaanstad",
        description="Hulp bij schulden.",
        application_process="Meld aan via het wijkteam.",
        theme_codes=["debts-and-money"],
        area_codes=["GM0479"],
        updated_by="test",
    )


def test_walking_one_question_per_page_to_the_services(
    login_as, professional, pathway, approved, zaanstad_debt_service
):
    client = login_as(professional)
    url = _url("walk", pathway)
    response = client.get(url)
    assert response.status_code == 200
    assert "Waar woont de cliënt?" in response.text

    place = {"gemeente": "GM0479", "buurt": "", "plaats": "klaar"}
    response = client.post(url, place)
    assert "Heeft de cliënt schulden of geldzorgen?" in response.text

    response = client.post(url, {**place, "vraag": "Schulden", "antwoord": "true"})
    assert "Hoeveel stress ervaart de cliënt?" in response.text
    assert 'name="a:Schulden" value="true"' in response.text

    response = client.post(
        url, {**place, "a:Schulden": "true", "vraag": "Stress", "antwoord": "wat"}
    )
    assert response.status_code == 200
    assert "Verwijs naar schuldhulp" in response.text
    assert "Schuldhulpverlening Zaanstad" in response.text
    assert "Meld aan via het wijkteam." in response.text
    assert "Regel 2 geldt" in response.text
    assert "Schulden: naar het sociaal wijkteam" in response.text


def test_walking_without_an_answer_asks_again_with_a_message(
    login_as, professional, pathway, approved
):
    client = login_as(professional)
    response = client.post(
        _url("walk", pathway),
        {"gemeente": "GM0479", "plaats": "klaar", "vraag": "Schulden", "antwoord": ""},
    )
    assert response.status_code == 400
    assert "Kies een van de antwoorden." in response.text


def test_walking_for_a_municipality_outside_the_area_is_refused(
    login_as, professional, pathway, approved
):
    response = login_as(professional).post(
        _url("walk", pathway), {"gemeente": "GM0917", "plaats": "klaar"}
    )
    assert response.status_code == 400
    assert "Kies een gemeente uit de lijst." in response.text


def test_changing_an_answer_goes_back_to_that_question(login_as, professional, pathway, approved):
    response = login_as(professional).post(
        _url("walk", pathway),
        {
            "gemeente": "GM0479",
            "plaats": "klaar",
            "a:Schulden": "true",
            "a:Stress": "veel",
            "wijzig": "Schulden",
        },
    )
    assert "Heeft de cliënt schulden of geldzorgen?" in response.text
    assert 'name="a:Stress"' not in response.text


def test_an_editor_test_walks_a_draft_clearly_labelled(login_as, coordinator, pathway, draft):
    client = login_as(coordinator)
    url = _url("version_walk", pathway, number=1)
    response = client.post(url, {"gemeente": "GM0479", "plaats": "klaar"})
    assert response.status_code == 200
    assert "Proefrit" in response.text or "Uitproberen" in response.text
    assert "niet in gebruik" in response.text


def test_the_editor_shows_the_steps_without_the_tables_and_keeps_the_tables(
    login_as, coordinator, pathway, draft
):
    client = login_as(coordinator)
    url = _url("version_edit", pathway, number=1)
    response = client.get(url)
    assert "signal-debts" in response.text
    assert "definitions" not in response.context["form"]["definition"].value()
    steps_only = {k: v for k, v in definition().items() if k != "tables"}
    step(steps_only, "regular")["title"] = "Gewone zorg"
    response = client.post(
        url, {"lock_version": 1, "definition": json.dumps(steps_only), "change_note": ""}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.definition["tables"] == {"route": ROUTE_XML}
    assert step(draft.definition, "regular")["title"] == "Gewone zorg"


def test_a_table_a_step_uses_cannot_be_removed(login_as, coordinator, pathway, draft):
    client = login_as(coordinator)
    url = _url("table_remove", pathway, number=1, table_key="route")
    response = client.post(url, {"lock_version": 1}, follow=True)
    assert "Stap route: er is geen beslistabel route." in response.text
    draft.refresh_from_db()
    assert "route" in draft.definition["tables"]
