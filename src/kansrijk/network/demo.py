"""Demo events of the coalition network: network meetings and a network café in Zeist, a
network meeting and a Positieve Gezondheid training in Zuid-Limburg. Dates are relative to
today (some past, most upcoming); places are invented. Each event has a fixed id, so loading
twice adds nothing and an event edited in the demo keeps its changes."""

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from kansrijk.network import services
from kansrijk.network.constants import AMSTERDAM, EventKind
from kansrijk.network.models import Event
from kansrijk.organisations import selectors as organisation_selectors

DEMO_NAMESPACE = uuid.UUID("5b0e7c1e-2f4c-4d55-9a3e-6b1d0c8f7a21")


@dataclass(frozen=True)
class DemoEvent:
    key: str
    coalition: str  # slug
    kind: str
    title: str
    description: str
    days_from_today: int
    start: datetime.time
    hours: float
    place: str = ""
    online_link: str = ""
    public: bool = True
    created_by: str = ""  # username


EVENTS: tuple[DemoEvent, ...] = (
    DemoEvent(
        "zeist-network-past",
        "zeist",
        EventKind.NETWORK_MEETING,
        "Netwerkbijeenkomst Kansrijke Start Zeist",
        "Terugblik op het eerste jaar en kennismaking met Samen Oplopen.",
        -28,
        datetime.time(15, 0),
        2,
        place="Buurtcentrum De Vlinderhof (voorbeeldlocatie), Zeist",
        created_by="coordinator.zeist",
    ),
    DemoEvent(
        "zeist-network-next",
        "zeist",
        EventKind.NETWORK_MEETING,
        "Netwerkbijeenkomst: de eerste 1000 dagen in de wijk",
        "Verloskundigen, JGZ, CJG en GGD over samenwerken rond zwangeren in een kwetsbare "
        "situatie. Met een casus uit de praktijk.",
        16,
        datetime.time(15, 0),
        2,
        place="Buurtcentrum De Vlinderhof (voorbeeldlocatie), Zeist",
        created_by="coordinator.zeist",
    ),
    DemoEvent(
        "zeist-network-cafe",
        "zeist",
        EventKind.NETWORK_CAFE,
        "Netwerkcafé Kansrijke Start Zeist",
        "Het jaarlijkse netwerkcafé: elkaar ontmoeten, de sociale kaart bijwerken en "
        "ervaringen delen. Met soep en broodjes.",
        44,
        datetime.time(16, 30),
        2.5,
        place="Theehuis Het Lindenpark (voorbeeldlocatie), Zeist",
        created_by="coordinator.zeist",
    ),
    DemoEvent(
        "zeist-core-meeting",
        "zeist",
        EventKind.CORE_MEETING,
        "Kernteamoverleg Kansrijke Start Zeist",
        "Alleen voor het kernteam: voortgang van het actieprogramma.",
        9,
        datetime.time(10, 0),
        1.5,
        online_link="https://meet.example.nl/kernteam-zeist",
        public=False,
        created_by="coordinator.zeist",
    ),
    DemoEvent(
        "zuid-limburg-network",
        "zuid-limburg",
        EventKind.NETWORK_MEETING,
        "Netwerkbijeenkomst Kansrijke Start Zuid-Limburg",
        "Stand van zaken in de regio en de nieuwe werkafspraken over de overdracht van "
        "verloskundige naar JGZ.",
        23,
        datetime.time(14, 0),
        2.5,
        place="Zalencentrum De Mijnwerker (voorbeeldlocatie), Heerlen",
        created_by="coordinator.zuidlimburg",
    ),
    DemoEvent(
        "zuid-limburg-positive-health",
        "zuid-limburg",
        EventKind.TRAINING,
        "Training Positieve Gezondheid voor professionals",
        "Het gesprek over wat er voor (aanstaande) ouders echt toe doet, met het "
        "spinnenweb van Positieve Gezondheid. Geaccrediteerd voor verloskundigen en "
        "jeugdverpleegkundigen.",
        37,
        datetime.time(9, 30),
        6.5,
        place="Opleidingscentrum Parkstad (voorbeeldlocatie), Heerlen",
        created_by="coordinator.zuidlimburg",
    ),
)


def demo_event_uuid(key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, key)


def _moment(day: datetime.date, at: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, at, tzinfo=zoneinfo.ZoneInfo(AMSTERDAM))


@transaction.atomic
def demo_load(*, organisations: dict, users: dict) -> None:
    """Create the demo events that are missing. `organisations` (partner keys) is part of the
    demo loaders' shared signature; the events only need the coalitions and users."""
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(AMSTERDAM))
    present = set(
        Event.objects.filter(uuid__in=[demo_event_uuid(spec.key) for spec in EVENTS]).values_list(
            "uuid", flat=True
        )
    )
    for spec in EVENTS:
        event_uuid = demo_event_uuid(spec.key)
        if event_uuid in present:
            continue
        coalition = organisation_selectors.coalition_get(slug=spec.coalition)
        if coalition is None:
            continue
        starts_at = _moment(today + datetime.timedelta(days=spec.days_from_today), spec.start)
        services.event_create(
            coalition=coalition,
            kind=spec.kind,
            title=spec.title,
            description=spec.description,
            starts_at=starts_at,
            ends_at=(starts_at.astimezone(datetime.UTC) + datetime.timedelta(hours=spec.hours)),
            place=spec.place,
            online_link=spec.online_link,
            public=spec.public,
            created_by=users.get(spec.created_by),
            uuid=event_uuid,
        )
