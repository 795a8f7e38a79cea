"""The agreement pages: the list with "x of y partners signed", a version, writing, signing,
adopting and comparing; and who is refused (404 for outsiders, 403 for the wrong role)."""

import pytest
from django.urls import reverse

from kansrijk.agreements import selectors, services
from kansrijk.agreements.constants import AgreementStatus
from kansrijk.agreements.tests.factories import in_consultation


def _url(name, version=None, document=None, **kwargs):
    if version is not None:
        return reverse(f"agreements:{name}", args=[version.document.uuid, version.number])
    return reverse(f"agreements:{name}", args=[document.uuid])


def test_the_list_shows_how_many_partners_signed(
    login_as, coalition, draft, coordinator, signatory_user, professional
):
    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user)
    page = login_as(professional).get(reverse("agreements:coalition", args=[coalition.slug]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Convenant (test)" in text
    assert "1 van 2 partners hebben versie 1 ondertekend" in text


def test_the_index_goes_straight_to_the_only_coalition(login_as, coalition, professional):
    response = login_as(professional).get(reverse("agreements:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("agreements:coalition", args=[coalition.slug])


def test_a_draft_is_for_coordinators_only(login_as, draft, coordinator, professional):
    assert login_as(coordinator).get(_url("version", draft)).status_code == 200
    assert login_as(professional).get(_url("version", draft)).status_code == 404
    page = login_as(professional).get(
        reverse("agreements:coalition", args=[draft.document.coalition.slug])
    )
    assert "Convenant (test)" not in page.content.decode()


def test_outsiders_get_404_everywhere(login_as, coalition, draft, coordinator, outsider):
    in_consultation(draft, coordinator)
    client = login_as(outsider)
    assert client.get(reverse("agreements:coalition", args=[coalition.slug])).status_code == 404
    assert client.get(_url("document", document=draft.document)).status_code == 404
    assert client.get(_url("version", draft)).status_code == 404
    assert client.get(_url("compare", document=draft.document)).status_code == 404
    assert client.post(_url("version_sign", draft)).status_code == 404
    assert client.post(_url("version_comment", draft), {"text": "x"}).status_code == 404


@pytest.mark.parametrize("name", ["version_edit", "version_consultation"])
def test_a_draft_does_not_exist_for_others(login_as, draft, professional, signatory_user, name):
    for user in (professional, signatory_user):
        response = login_as(user).post(_url(name, draft), {"lock_version": 1})
        assert response.status_code == 404


@pytest.mark.parametrize("name", ["version_adopt", "version_evaluation"])
def test_only_coordinators_adopt_and_set_the_evaluation(
    login_as, draft, coordinator, professional, signatory_user, name
):
    in_consultation(draft, coordinator)
    for user in (professional, signatory_user):
        response = login_as(user).post(_url(name, draft), {"lock_version": draft.lock_version})
        assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.CONSULTATION


def test_a_professional_cannot_sign(login_as, draft, coordinator, professional):
    in_consultation(draft, coordinator)
    assert login_as(professional).post(_url("version_sign", draft)).status_code == 403
    assert selectors.version_summary(version=draft).signed == 0


def test_a_coordinator_writes_opens_consultation_and_adopts(
    login_as, coalition, coordinator, signatory_user
):
    client = login_as(coordinator)
    response = client.post(
        reverse("agreements:create", args=[coalition.slug]),
        {"kind": "manifest", "title": "Manifest (test)", "text": "# Wat\nSamen."},
    )
    assert response.status_code == 302
    document = coalition.agreements.get(title="Manifest (test)")
    version = document.versions.get()
    response = client.post(
        _url("version_edit", version),
        {"text": "# Wat\nSamen sterk.", "evaluation_due": "31-12-2027", "lock_version": 1},
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.text == "# Wat\nSamen sterk."
    assert str(version.evaluation_due) == "2027-12-31"

    response = client.post(
        _url("version_consultation", version), {"lock_version": version.lock_version}
    )
    assert response.status_code == 302
    version.refresh_from_db()
    response = client.post(_url("version_adopt", version), {"lock_version": version.lock_version})
    assert response.status_code == 400
    assert "Nog geen partner" in response.content.decode()

    response = login_as(signatory_user).post(
        _url("version_sign", version), {"position": "directeur", "remark": ""}
    )
    assert response.status_code == 302
    response = client.post(_url("version_adopt", version), {"lock_version": version.lock_version})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == AgreementStatus.APPROVED


def test_a_stale_edit_keeps_the_typed_text_and_says_why(login_as, draft, coordinator):
    client = login_as(coordinator)
    seen = draft.lock_version
    client.post(_url("version_edit", draft), {"text": "Eerste", "lock_version": seen})
    response = client.post(_url("version_edit", draft), {"text": "Tweede", "lock_version": seen})
    assert response.status_code == 409
    text = response.content.decode()
    assert "Iemand anders heeft deze afspraak gewijzigd" in text
    assert "Tweede" in text
    draft.refresh_from_db()
    assert draft.text == "Eerste"


def test_signing_twice_shows_a_dutch_message(
    login_as, draft, coordinator, signatory_user, organisation
):
    from kansrijk.agreements.tests.factories import signatory

    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user)
    response = login_as(signatory(organisation)).post(_url("version_sign", draft), {})
    assert response.status_code == 400
    assert "Uw organisatie heeft deze versie al ondertekend." in response.content.decode()


def test_the_comparison_marks_changes_in_words_not_only_colour(
    login_as, document, draft, coordinator, signatory_user
):
    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user)
    services.version_adopt(version=draft, user=coordinator)
    second = services.version_draft_create(document=document, user=coordinator)
    services.version_update(
        version=second,
        expected_lock_version=second.lock_version,
        user=coordinator,
        text=draft.text.replace("We signaleren vroeg.", "We signaleren zo vroeg mogelijk."),
    )
    response = login_as(coordinator).get(_url("compare", document=document), {"a": 1, "b": 2})
    assert response.status_code == 200
    text = response.content.decode()
    assert '<del><span class="visually-hidden">Weggehaald: </span>- We signaleren vroeg.' in text
    assert '<ins><span class="visually-hidden">Toegevoegd: </span>- We signaleren zo' in text


def test_the_version_page_shows_the_text_and_signatures(
    login_as, draft, coordinator, signatory_user, professional
):
    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user, position="directeur")
    text = login_as(professional).get(_url("version", draft)).content.decode()
    assert '<h2 class="utrecht-heading-2">Doel</h2>' in text
    assert '<li class="utrecht-unordered-list__item">We signaleren vroeg.</li>' in text
    assert signatory_user.get_full_name() in text
    assert "directeur" in text
    assert "Nog niet getekend:" in text


def test_a_version_downloads_as_pdf(login_as, draft, coordinator):
    pytest.importorskip("weasyprint")
    response = login_as(coordinator).get(_url("version_pdf", draft))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_every_page_renders_for_the_coordinator(
    login_as, coalition, document, draft, coordinator, signatory_user, administrator
):
    from django.template.loader import render_to_string

    from kansrijk.agreements import integration

    client = login_as(coordinator)
    assert client.get(reverse("agreements:create", args=[coalition.slug])).status_code == 200
    assert client.get(_url("document", document=document)).status_code == 200
    assert client.get(_url("version_edit", draft)).status_code == 200
    assert client.get(_url("version_consultation", draft)).status_code == 200
    in_consultation(draft, coordinator)
    assert client.get(_url("version_adopt", draft)).status_code == 200
    assert client.get(_url("compare", document=document)).status_code == 200
    sign_page = login_as(signatory_user).get(_url("version_sign", draft))
    assert sign_page.status_code == 200
    assert signatory_user.organisation.name in sign_page.content.decode()
    # An administrator sees every coalition on the index.
    assert login_as(administrator).get(reverse("agreements:index")).status_code in (200, 302)
    html = render_to_string(
        "agreements/_worklist_to_sign.html",
        integration.to_sign_section(signatory_user, draft.created_at.date()),
    )
    assert "Convenant (test)" in html
