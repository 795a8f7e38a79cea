import datetime
import zoneinfo

import pytest
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.network import services
from kansrijk.network.constants import EventKind

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def plan(coalition, title="Netwerkbijeenkomst", *, days=7, hours=2, public=False, **kw):
    """An event `days` from now (negative: in the past), on the whole minute."""
    starts_at = (timezone.now().astimezone(AMSTERDAM) + datetime.timedelta(days=days)).replace(
        second=0, microsecond=0
    )
    return services.event_create(
        coalition=coalition,
        kind=kw.pop("kind", EventKind.NETWORK_MEETING),
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        public=public,
        **kw,
    )


@pytest.fixture
def other_coalition_coordinator(outsider_organisation, db):
    from kansrijk.organisations.services import coalition_create

    coalition_create(
        slug="elders-test",
        name="Kansrijke Start Elders (test)",
        municipality_codes=["GM0917"],
        member_organisations=[outsider_organisation],
    )
    return make_user(organisation=outsider_organisation, roles=[Role.COORDINATOR])
