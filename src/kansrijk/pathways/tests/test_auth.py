"""Who may see and do what with care pathways.

Anyone logged in sees and walks approved pathways. Unapproved versions exist only for the
pathway's editors (coordinators of a partner organisation, administrators) and signatories:
anyone else gets 404. Someone who sees a pathway but may not do something with it gets 403.
"""

import uuid

import pytest
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.pathways import selectors, services
from kansrijk.pathways.constants import VersionStatus
from kansrijk.pathways.tests.factories import approve_fully, signatory

pytestmark = pytest.mark.django_db


def _url(name, pathway, **kwargs):
    return reverse(f"pathways:{name}", kwargs={"pathway_id": pathway.uuid, **kwargs})


def _version_urls(pathway, number):
    return {
        name: _url(name, pathway, number=number)
        for name in (
            "version",
            "version_edit",
            "version_approve",
            "version_retire",
            "version_walk",
            "table_import",
        )
    } | {"table_export": _url("table_export", pathway, number=number, table_key="route")}


def _pathway_urls(pathway):
    return {
        name: _url(name, pathway)
        for name in ("detail", "history", "compare", "walk", "details_edit", "draft_create")
    }


@pytest.fixture
def approved(pathway, draft, organisation, other_organisation):
    approve_fully(draft, [organisation, other_organisation])
    return pathway


@pytest.fixture
def second_draft(approved, coordinator):
    return services.version_draft_create(pathway=approved, user=coordinator)


@pytest.fixture
def outsider_coordinator(outsider_organisation):
    return make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])


def test_it_sends_anonymous_visitors_to_log_in(client, pathway):
    urls = [reverse("pathways:list"), reverse("pathways:create"), *_pathway_urls(pathway).values()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("accounts:login") in response["Location"]


def test_a_draft_only_pathway_does_not_exist_for_a_professional(login_as, professional, pathway):
    client = login_as(professional)
    for url in [*_pathway_urls(pathway).values(), *_version_urls(pathway, 1).values()]:
        assert client.get(url).status_code == 404, url
    assert client.post(_url("version_submit", pathway, number=1)).status_code == 404
    assert pathway.versions.get().status == VersionStatus.DRAFT


def test_a_draft_only_pathway_does_not_exist_for_another_coalitions_coordinator(
    login_as, outsider_coordinator, pathway
):
    client = login_as(outsider_coordinator)
    for url in [*_pathway_urls(pathway).values(), *_version_urls(pathway, 1).values()]:
        assert client.get(url).status_code == 404, url
    assert client.post(_url("version_submit", pathway, number=1)).status_code == 404


def test_unknown_pathways_and_versions_are_404(login_as, coordinator, approved):
    client = login_as(coordinator)
    assert client.get(f"/zorgpaden/{uuid.uuid4()}/").status_code == 404
    assert client.get("/zorgpaden/geen-uuid/").status_code == 404
    assert client.get(_url("version", approved, number=99)).status_code == 404


def test_anyone_logged_in_sees_and_walks_an_approved_pathway(login_as, outsider, approved):
    client = login_as(outsider)
    assert client.get(_url("detail", approved)).status_code == 200
    assert client.get(_url("walk", approved)).status_code == 200
    assert client.get(_url("history", approved)).status_code == 200


def test_a_professional_does_not_see_the_new_draft_of_an_approved_pathway(
    login_as, professional, approved, second_draft
):
    client = login_as(professional)
    assert client.get(_url("version", approved, number=1)).status_code == 200
    for url in _version_urls(approved, 2).values():
        assert client.get(url).status_code == 404, url
    assert client.post(_url("version_submit", approved, number=2)).status_code == 404
    history = client.get(_url("history", approved)).text
    assert "Versie 1" in history and "Versie 2" not in history
    assert client.get(_url("compare", approved), {"a": 1, "b": 2}).status_code == 400


@pytest.mark.parametrize("name", ["details_edit", "draft_create"])
def test_it_refuses_a_professional_the_editing_pages(login_as, professional, approved, name):
    client = login_as(professional)
    assert client.get(_url(name, approved)).status_code == 403
    assert client.post(_url(name, approved), {"title": "Overgenomen"}).status_code == 403
    approved.refresh_from_db()
    assert approved.title == "Schulden en stress"


def test_it_refuses_a_professional_every_action_on_a_visible_version(
    login_as, professional, approved
):
    client = login_as(professional)
    for name in ("version_edit", "version_approve", "version_retire", "version_walk"):
        assert client.get(_url(name, approved, number=1)).status_code == 403, name
    assert client.post(_url("version_retire", approved, number=1)).status_code == 403
    assert client.post(_url("version_submit", approved, number=1)).status_code == 403
    assert approved.versions.get().status == VersionStatus.APPROVED


def test_it_refuses_creating_pathways_without_the_coordinator_role(
    login_as, professional, policy_adviser, signatory_user
):
    for user in (professional, policy_adviser, signatory_user):
        assert login_as(user).get(reverse("pathways:create")).status_code == 403


def test_a_coordinator_of_another_coalition_may_not_edit(login_as, outsider_coordinator, approved):
    client = login_as(outsider_coordinator)
    assert client.get(_url("detail", approved)).status_code == 200
    assert client.get(_url("details_edit", approved)).status_code == 403
    assert client.post(_url("draft_create", approved)).status_code == 403
    assert approved.versions.count() == 1


def test_a_coordinator_may_not_agree_on_behalf_of_a_partner(login_as, coordinator, pathway, draft):
    services.version_submit(version=draft, user=coordinator)
    client = login_as(coordinator)
    assert client.post(_url("version_approve", pathway, number=1)).status_code == 403
    assert not selectors.version_approvals(version=draft)


def test_a_signatory_may_not_edit(login_as, signatory_user, pathway, draft):
    client = login_as(signatory_user)
    assert client.get(_url("version", pathway, number=1)).status_code == 200
    assert client.get(_url("version_edit", pathway, number=1)).status_code == 403
    assert client.post(_url("version_submit", pathway, number=1)).status_code == 403
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_a_signatory_outside_the_coalition_cannot_agree(
    login_as, outsider_organisation, approved, second_draft, coordinator
):
    services.version_submit(version=second_draft, user=coordinator)
    client = login_as(signatory(outsider_organisation))
    # The version in review does not exist for them; the approved one they may not sign.
    assert client.post(_url("version_approve", approved, number=2)).status_code == 404
    assert client.post(_url("version_approve", approved, number=1)).status_code == 403
    assert not selectors.version_approvals(version=second_draft)


def test_an_administrator_may_edit_any_pathway(login_as, administrator, pathway):
    client = login_as(administrator)
    assert client.get(_url("version_edit", pathway, number=1)).status_code == 200
