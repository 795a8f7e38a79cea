import pytest

from kansrijk.agreements.tests.factories import make_document, signatory


@pytest.fixture
def document(coalition, coordinator):
    return make_document(coalition=coalition, user=coordinator)


@pytest.fixture
def draft(document):
    return document.versions.get()


@pytest.fixture
def signatory_user(organisation, coalition):
    return signatory(organisation)


@pytest.fixture
def other_signatory(other_organisation, coalition):
    return signatory(other_organisation)
