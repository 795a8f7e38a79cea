import pytest
from django.core.exceptions import ValidationError

from kansrijk.organisations.constants import Domain
from kansrijk.organisations.selectors import coalition_get
from kansrijk.organisations.services import coalition_create, organisation_create

pytestmark = pytest.mark.django_db


def test_organisation_create_takes_the_municipality_by_cbs_code():
    organisation = organisation_create(
        name="Jeugdgezondheidszorg Heerlen (test)",
        domain=Domain.PUBLIC_HEALTH,
        municipality="GM0917",
    )

    assert organisation.municipality.name == "Heerlen"


def test_organisation_create_refuses_an_unknown_cbs_code_in_dutch():
    with pytest.raises(ValidationError) as error:
        organisation_create(name="X", domain=Domain.SOCIAL, municipality="GM9999")

    assert error.value.messages == ["Er is geen gemeente met CBS-code GM9999."]


def test_organisation_create_refuses_an_unknown_domain():
    with pytest.raises(ValidationError):
        organisation_create(name="X", domain="sports")


def test_coalition_create_links_municipalities_and_members(organisation, other_organisation):
    coalition = coalition_create(
        slug="kansrijke-start-de-vallei",
        name="Kansrijke Start De Vallei (test)",
        municipality_codes=["GM0228", "GM0355"],
        member_organisations=[organisation, other_organisation],
    )

    assert {m.name for m in coalition.municipalities.all()} == {"Ede", "Zeist"}
    assert set(coalition.members.all()) == {organisation, other_organisation}


def test_coalition_create_refuses_unknown_codes_and_writes_nothing(organisation):
    with pytest.raises(ValidationError) as error:
        coalition_create(
            slug="nergens",
            name="Nergens",
            municipality_codes=["GM0479", "GM9998"],
            member_organisations=[organisation],
        )

    assert "GM9998" in error.value.messages[0]
    assert "Er is geen gemeente" in error.value.messages[0]
    assert coalition_get(slug="nergens") is None


def test_coalition_create_needs_a_municipality(organisation):
    with pytest.raises(ValidationError):
        coalition_create(
            slug="leeg", name="Leeg", municipality_codes=[], member_organisations=[organisation]
        )
