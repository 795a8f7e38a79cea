import datetime

import pytest
from django.utils import timezone

from kansrijk.clients.tests.factories import make_client


@pytest.fixture
def zaanstad_client(professional, coalition):
    """Registered by `organisation` (the professional's), in Zaanstad (the `coalition`'s
    municipality), due in 90 days: week 27, her second trimester."""
    return make_client(user=professional)


@pytest.fixture
def early_client(professional, coalition):
    """In Zaanstad, due in 250 days: her first trimester."""
    return make_client(
        user=professional, due_date=timezone.localdate() + datetime.timedelta(days=250)
    )
