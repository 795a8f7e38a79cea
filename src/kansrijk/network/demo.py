"""Demo events of the coalition network: network meetings and a network café in Zeist; in
Zuid-Limburg a network meeting (its Positieve Gezondheid training is in the trainings app) and
two closed meetings that took place (core coalition, managers) with invitations, attendance,
decisions and agreements, one still open for the next meeting to decide about. Dates are
relative to today; places are invented. Each event has a fixed id, so loading twice adds nothing
and an event edited in the demo keeps its changes. No invitation e-mails are sent."""

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from kansrijk.actions import services as action_services
from kansrijk.actions.constants import Disposition
from kansrijk.network import services
from kansrijk.network.constants import AMSTERDAM, EventKind, RsvpAnswer
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
    theme: str = ""


@dataclass(frozen=True)
class DemoMeeting:
    """What happened around an event: who was invited (username or e-mail address), their
    answer and (for a past event) whether they came; decisions; agreements (description,
    owner's username, due in days from today)."""

    invitees: tuple[tuple[str, str, bool | None], ...] = ()
    decisions: tuple[str, ...] = ()
    agreements: tuple[tuple[str, str, int], ...] = ()
    done: tuple[int, ...] = ()  # indexes of agreements already done


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
        "zuid-limburg-core-past",
        "zuid-limburg",
        EventKind.CORE_MEETING,
        "Kernteamoverleg Kansrijke Start Zuid-Limburg",
        "Voortgang van het actieprogramma en de overdracht van verloskundige naar JGZ.",
        -35,
        datetime.time(10, 0),
        1.5,
        place="GGD Zuid-Limburg (voorbeeldlocatie), Heerlen",
        public=False,
        created_by="coordinator.zuidlimburg",
        theme="Overdracht verloskundige naar JGZ",
    ),
    DemoEvent(
        "zuid-limburg-managers-past",
        "zuid-limburg",
        EventKind.MANAGERS_MEETING,
        "Managersoverleg Kansrijke Start Zuid-Limburg",
        "Met de managers van de partners: capaciteit en de aanpak van armoede rond de geboorte.",
        -7,
        datetime.time(13, 30),
        1.5,
        online_link="https://meet.example.nl/managers-zuid-limburg",
        public=False,
        created_by="coordinator.zuidlimburg",
        theme="Armoede en schulden",
    ),
)

MEETINGS: dict[str, DemoMeeting] = {
    "zuid-limburg-core-past": DemoMeeting(
        invitees=(
            ("coordinator.zuidlimburg", RsvpAnswer.YES, True),
            ("wijkwerker.heerlen", RsvpAnswer.YES, True),
            ("beleid.heerlen", RsvpAnswer.MAYBE, False),
            ("kraamzorg.heerlen@example.nl", RsvpAnswer.YES, True),
        ),
        decisions=(
            "De verloskundige draagt elke zwangere met een signaal binnen twee weken na de "
            "bevalling over aan de JGZ, met toestemming.",
            "We evalueren de werkafspraak na een halfjaar in het kernteam.",
        ),
        agreements=(
            (
                "Werkafspraak overdracht verloskundige-JGZ uitschrijven en rondsturen aan alle "
                "partners.",
                "beleid.heerlen",
                10,
            ),
            ("Sociale kaart nalopen op aanbod voor kraamzorg in Heerlen.", "wijkwerker.heerlen", 3),
        ),
        done=(1,),
    ),
    "zuid-limburg-managers-past": DemoMeeting(
        invitees=(
            ("coordinator.zuidlimburg", RsvpAnswer.YES, True),
            ("beleid.heerlen", RsvpAnswer.YES, True),
            ("wijkwerker.heerlen", RsvpAnswer.NO, False),
        ),
        decisions=("Elke partner wijst een vaste contactpersoon voor schulden aan.",),
    ),
    "zuid-limburg-network": DemoMeeting(
        invitees=(
            # Not answered yet: on her work list under "Meetings waiting for your answer".
            ("wijkwerker.heerlen", "", None),
            ("beleid.heerlen", RsvpAnswer.MAYBE, None),
            ("verloskundige.voorbeeld@example.nl", "", None),
        ),
    ),
}


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
        event = services.event_create(
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
            theme=spec.theme,
        )
        if spec.key in MEETINGS:
            _meeting_load(event, MEETINGS[spec.key], users=users, today=today)


def _meeting_load(event, meeting: DemoMeeting, *, users: dict, today: datetime.date) -> None:
    coordinator = event.created_by
    accounts = [users[name] for name, _a, _p in meeting.invitees if name in users]
    addresses = [name for name, _a, _p in meeting.invitees if "@" in name]
    invitations = services.invitations_create(
        event=event, users=accounts, emails=addresses, invited_by=coordinator, notify=False
    )
    by_invitee = {i.user.username if i.user_id else i.email: i for i in invitations}
    for name, answer, _present in meeting.invitees:
        if answer and name in by_invitee:
            services.invitation_answer(invitation=by_invitee[name], answer=answer)
    if event.starts_at <= timezone.now():
        services.attendance_save(
            event=event,
            present=[
                by_invitee[name].uuid
                for name, _answer, present in meeting.invitees
                if present and name in by_invitee
            ],
        )
    for text in meeting.decisions:
        services.decision_create(event=event, text=text, recorded_by=coordinator)
    for index, (description, owner, due_in_days) in enumerate(meeting.agreements):
        item = services.event_action_item_create(
            event=event,
            description=description,
            owner_user=users[owner],
            due_on=today + datetime.timedelta(days=due_in_days),
            created_by=coordinator,
        )
        if index in meeting.done:
            action_services.action_item_dispose(
                item=item,
                outcome=Disposition.DONE,
                note="",
                user=users[owner],
                expected_version=item.lock_version,
            )
