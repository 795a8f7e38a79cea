"""The care pathways use the same partner approval record as the agreements."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.agreements import selectors
from kansrijk.agreements.constants import SubjectKind
from kansrijk.pathways import selectors as pathway_selectors
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.tests.factories import make_pathway, signatory


@pytest.fixture
def pathway_version(coalition, coordinator):
    pathway = make_pathway(coalition=coalition, user=coordinator)
    version = pathway.versions.get()
    return pathway_services.version_submit(version=version, user=coordinator)


def test_a_pathway_approval_is_a_partner_approval(pathway_version, organisation):
    user = signatory(organisation)
    pathway_services.version_approve(version=pathway_version, user=user, remark="Akkoord")
    approvals = selectors.approvals_for(
        subject_kind=SubjectKind.PATHWAY_VERSION, subject_id=pathway_version.uuid
    )
    assert [(a.organisation, a.user, a.remark) for a in approvals] == [
        (organisation, user, "Akkoord")
    ]
    state = pathway_selectors.approval_state(version=pathway_version)
    assert (state.signed, state.total) == (1, 2)


def test_a_pathway_needs_a_signatory(pathway_version, organisation):
    with pytest.raises(ValidationError) as error:
        pathway_services.version_approve(
            version=pathway_version,
            user=make_user(organisation=organisation, roles=[Role.COORDINATOR]),
        )
    assert "ondertekenaar" in error.value.messages[0]


def test_the_pathway_keeps_its_own_message_for_agreeing_twice(pathway_version, organisation):
    pathway_services.version_approve(version=pathway_version, user=signatory(organisation))
    with pytest.raises(ValidationError) as error:
        pathway_services.version_approve(version=pathway_version, user=signatory(organisation))
    assert error.value.messages == ["Uw organisatie heeft deze versie al goedgekeurd."]


def test_the_pathway_page_shows_who_agreed_in_which_position_and_how_many(
    login_as, pathway_version, organisation, coordinator
):
    from django.urls import reverse

    user = signatory(organisation)
    pathway_services.version_approve(version=pathway_version, user=user, position="directeur")
    url = reverse("pathways:version", args=[pathway_version.pathway.uuid, 1])
    text = login_as(coordinator).get(url).content.decode()
    assert "1 van 2 partnerorganisaties hebben akkoord gegeven op versie 1" in text
    assert f"{user.get_full_name()}, directeur" in text
