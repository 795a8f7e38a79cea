import pytest

from kansrijk.clients.tests.factories import make_client


@pytest.fixture
def demo_client(professional, coalition):
    """Registered by `organisation` (professional's), in Zaanstad, coalition with the
    other organisation."""
    return make_client(user=professional)
