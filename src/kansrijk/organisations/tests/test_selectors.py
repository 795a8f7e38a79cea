import pytest
from django.contrib.auth.models import AnonymousUser

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.organisations.selectors import (
    coalition_get,
    coalition_list,
    coalitions_for_organisation,
    organisation_get,
    organisation_list,
    organisations_coordinated_by,
)
from kansrijk.organisations.services import coalition_create

pytestmark = pytest.mark.django_db


def test_a_coordinator_works_for_every_member_of_their_coalition(
    coordinator, organisation, other_organisation, outsider_organisation
):
    organisations = set(organisations_coordinated_by(coordinator))

    assert organisations == {organisation, other_organisation}
    assert outsider_organisation not in organisations


def test_a_coordinator_in_two_coalitions_works_for_the_members_of_both(
    coordinator, organisation, other_organisation, outsider_organisation
):
    coalition_create(
        slug="tweede",
        name="Tweede coalitie",
        municipality_codes=["GM0917"],
        member_organisations=[organisation, outsider_organisation],
    )

    organisations = list(organisations_coordinated_by(coordinator))

    assert set(organisations) == {organisation, other_organisation, outsider_organisation}
    assert len(organisations) == 3  # no duplicates


def test_a_professional_coordinates_nothing(professional, coalition):
    assert not organisations_coordinated_by(professional).exists()


def test_a_coordinator_whose_organisation_is_in_no_coalition_coordinates_nothing(
    outsider_organisation,
):
    lonely = make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])

    assert not organisations_coordinated_by(lonely).exists()


def test_an_anonymous_visitor_coordinates_nothing():
    assert not organisations_coordinated_by(AnonymousUser()).exists()


def test_coalition_lookups(coalition, organisation, outsider_organisation):
    assert coalition_get(slug=coalition.slug) == coalition
    assert coalition_get(slug="bestaat-niet") is None
    assert list(coalitions_for_organisation(organisation=organisation)) == [coalition]
    assert not coalitions_for_organisation(organisation=outsider_organisation).exists()
    assert coalition in coalition_list()


def test_organisation_lookups(organisation):
    assert organisation in organisation_list()
    assert organisation_get(uuid=organisation.uuid) == organisation
    assert organisation_get(uuid="geen-uuid") is None
