import pytest


@pytest.fixture
def demo(db, fast_password_hashing):
    """The whole demo: the Heerlen ("Sjpruut") and Zaanstad parent sites among it."""
    from kansrijk.demo.services import demo_load

    return demo_load()
