import uuid

import pytest
from django.utils import timezone

from kansrijk.actions import services


@pytest.fixture
def agreement(coalition, professional, coordinator):
    """An agreement owned by `professional`, made at a meeting, due in a week."""
    return services.action_item_create(
        coalition=coalition,
        context_kind="test.meeting",
        context_uuid=uuid.uuid4(),
        context_label="Kernteamoverleg (test)",
        description="Folder over de moedergroep naar alle partners sturen",
        owner_user=professional,
        due_on=timezone.localdate() + timezone.timedelta(days=7),
        created_by=coordinator,
    )
