import pytest

from kansrijk.pathways.tests.factories import make_pathway, signatory


@pytest.fixture
def pathway(coalition, coordinator):
    return make_pathway(coalition=coalition, user=coordinator)


@pytest.fixture
def draft(pathway):
    return pathway.versions.get()


@pytest.fixture
def signatory_user(organisation, coalition):
    return signatory(organisation)


@pytest.fixture
def other_signatory(other_organisation, coalition):
    return signatory(other_organisation)
