"""Reads for help nearby, groups and eligibility: the directory's services as a parent sees
them (one clear next step each), the coalition's public groups, and the checks of a site.

Everything here is public: no client data. A postcode only finds a neighbourhood (once CBS's
postcode table is imported) and is never kept; no distance is shown, as her location is not
known more precisely than that.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils import timezone

from kansrijk.core.calendar import AUDIENCE_PARENTS, CalendarItem, public_items
from kansrijk.directory import selectors as directory_selectors
from kansrijk.directory.constants import AttendingType
from kansrijk.portal.constants import TOPICS
from kansrijk.portal.models import EligibilityCheck, ParentSite
from kansrijk.regions import selectors as region_selectors

__all__ = [
    "MAX_LIST",
    "MAX_RESULTS",
    "NearbyCard",
    "NextStep",
    "postcode_area",
    "postcode_lookup_available",
    "eligibility_check_get",
    "eligibility_service_ids",
    "help_alternatives",
    "help_cards",
    "help_cards_for_ids",
    "help_search",
    "help_service_get",
    "list_ids_parse",
    "public_groups",
    "site_neighbourhoods",
]

MAX_RESULTS = 50
MAX_LIST = 10


@dataclass(frozen=True)
class NextStep:
    """The one thing to do next: "ask" (a request through this site), "call", "walk_in" or
    "website"; None when the directory gives no way in."""

    kind: str
    phone: str = ""
    address: str = ""
    hours: tuple[str, ...] = ()
    url: str = ""

    @property
    def tel(self) -> str:
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


@dataclass
class NearbyCard:
    card: directory_selectors.ServiceCard
    accessibility: list[str] = field(default_factory=list)
    next_step: NextStep | None = None

    @property
    def service(self):
        return self.card.service

    @property
    def free(self) -> bool:
        """Free only when the directory says so: a cost option of 0, none above 0."""
        options = self.card.cost_options
        return bool(options) and all(o.amount is not None and o.amount == 0 for o in options)

    @property
    def cost_text(self) -> str:
        """What it costs, in the directory's (Dutch) words, when it is not free."""
        if self.free:
            return ""
        service = self.service
        texts = [
            service.fees,
            *(o.option for o in self.card.cost_options),
            service.fees_description,
        ]
        return next((t.strip() for t in texts if t and t.strip()), "")

    @property
    def hours(self) -> list[str]:
        lines = list(self.card.schedule_lines)
        for location in self.card.locations:
            lines.extend(line for line in location.schedule_lines if line not in lines)
        return lines

    @property
    def addresses(self) -> list[str]:
        return [_address_text(loc.address) for loc in self.card.locations if loc.address]

    @property
    def phone(self) -> str:
        phones = [*self.card.phones, *(p for loc in self.card.locations for p in loc.phones)]
        return phones[0].number if phones else ""


def _address_text(address) -> str:
    return ", ".join(
        part
        for part in (address.address_1, f"{address.postal_code} {address.city}".strip())
        if part
    )


def site_neighbourhoods(*, municipality) -> list[tuple[str, str]]:
    """(code, name) of a municipality's neighbourhoods, by name."""
    return list(
        region_selectors.neighbourhood_list(municipality=municipality)
        .exclude(code=None)
        .order_by("name")
        .values_list("code", "name")
    )


def list_ids_parse(value: str | None) -> tuple[list[uuid.UUID], bool]:
    """The service ids in a `lijst` parameter (comma separated), at most MAX_LIST, in order,
    without repeats; and whether anything was left out (not an id, or past the limit)."""
    ids: list[uuid.UUID] = []
    dropped = False
    for part in (value or "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            service_id = uuid.UUID(part)
        except ValueError:
            dropped = True
            continue
        if service_id in ids:
            continue
        if len(ids) >= MAX_LIST:
            dropped = True
            continue
        ids.append(service_id)
    return ids, dropped


def help_search(
    *,
    municipality_code: str,
    neighbourhood_code: str = "",
    phase: str = "",
    theme_codes: Sequence[str] = (),
) -> list[NearbyCard]:
    """Active services reaching the area, for the phase and themes, by name."""
    services = directory_selectors.service_search(
        municipality_code=municipality_code,
        neighbourhood_code=neighbourhood_code or None,
        phase_codes=[phase] if phase else (),
        theme_codes=theme_codes,
    ).order_by("name", "pk")
    return help_cards(services=list(services[:MAX_RESULTS]))


def help_cards(*, services: Iterable) -> list[NearbyCard]:
    """The parent's card of each service: where, when, what it costs, one next step."""
    cards = directory_selectors.service_cards(services=list(services), organisation_id=None)
    location_ids = [loc.location.pk for card in cards for loc in card.locations if loc.address]
    access: dict = {}
    rows = directory_selectors.location_accessibility(location_ids=location_ids)
    for location_id, location_rows in rows.items():
        for row in location_rows:
            text = " ".join(t for t in (row.description.strip(), row.details.strip()) if t)
            if text:
                access.setdefault(location_id, []).append(text)
    result = []
    for card in cards:
        nearby = NearbyCard(
            card=card,
            accessibility=[
                text
                for loc in card.locations
                if loc.address
                for text in access.get(loc.location.pk, [])
            ],
        )
        nearby.next_step = _next_step(nearby)
        result.append(nearby)
    return result


def _next_step(nearby: NearbyCard) -> NextStep | None:
    service = nearby.service
    organisation = service.organization
    if service.self_referral and organisation is not None and organisation.managed_by_id:
        return NextStep(kind="ask")
    if nearby.phone:
        return NextStep(kind="call", phone=nearby.phone)
    for location in nearby.card.locations:
        in_person = [
            s
            for s in [*location.schedules, *nearby.card.schedules]
            if s.attending_type in ("", AttendingType.IN_PERSON)
        ]
        if location.address and in_person:
            return NextStep(
                kind="walk_in",
                address=_address_text(location.address),
                hours=tuple(directory_selectors.schedule_text(s) for s in in_person),
            )
    if service.url:
        return NextStep(kind="website", url=service.url)
    return None


def help_service_get(
    *, site: ParentSite, service_id: uuid.UUID, municipalities
) -> NearbyCard | None:
    """An active service that reaches one of the site's municipalities, else None."""
    for municipality in municipalities:
        found = directory_selectors.service_search(municipality_code=municipality.code).filter(
            pk=service_id
        )
        cards = help_cards(services=found[:1])
        if cards:
            return cards[0]
    return None


def help_cards_for_ids(*, ids: Sequence[uuid.UUID], municipalities) -> list[NearbyCard]:
    """The cards of the listed services that reach one of the municipalities, in list order;
    unknown or out-of-area ids are left out."""
    found: dict = {}
    for municipality in municipalities:
        missing = [pk for pk in ids if pk not in found]
        if not missing:
            break
        for service in directory_selectors.service_search(
            municipality_code=municipality.code
        ).filter(pk__in=missing):
            found[service.pk] = service
    return help_cards(services=[found[pk] for pk in ids if pk in found])


def help_alternatives(
    *, service, municipality_codes: Sequence[str], limit: int = 5
) -> list[NearbyCard]:
    """Other services for the same themes, in the same municipality."""
    themes = directory_selectors.search_options(municipality_code=None).themes
    by_name = {name: code for code, name in themes}
    card = directory_selectors.service_cards(services=[service], organisation_id=None)[0]
    codes = [by_name[name] for name in card.themes if name in by_name]
    if not codes:
        codes = [code for topic in TOPICS for code in topic.themes]
    found: list = []
    for municipality_code in municipality_codes:
        services = (
            directory_selectors.service_search(
                municipality_code=municipality_code, theme_codes=codes
            )
            .exclude(pk=service.pk)
            .order_by("name", "pk")
        )
        for other in services[:limit]:
            if other.pk not in {s.pk for s in found}:
                found.append(other)
        if found:
            break
    return help_cards(services=found[:limit])


def eligibility_check_get(*, site: ParentSite, service_id: uuid.UUID) -> EligibilityCheck | None:
    return EligibilityCheck.objects.filter(site=site, service_id=service_id).first()


def eligibility_service_ids(*, site: ParentSite) -> set[uuid.UUID]:
    return set(EligibilityCheck.objects.filter(site=site).values_list("service_id", flat=True))


def public_groups(*, site: ParentSite, now: datetime.datetime | None = None) -> list[CalendarItem]:
    """The coalition's public groups and events still to come, soonest first."""
    now = now or timezone.now()
    items = [
        item
        for item in public_items(site.coalition, now)
        if not item.cancelled and item.audience == AUDIENCE_PARENTS
    ]

    def starts(item: CalendarItem) -> datetime.datetime:
        value = item.starts
        if isinstance(value, datetime.datetime):
            return value
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))

    return sorted(items, key=lambda item: (starts(item), item.title))


def postcode_lookup_available() -> bool:
    return region_selectors.postcode_lookup_available()


def postcode_area(*, postcode: str, municipalities) -> tuple[str, str] | None:
    """(municipality code, neighbourhood code) of a postcode within the site's municipalities."""
    neighbourhood = region_selectors.postcode_neighbourhood(postcode=postcode)
    codes = {m.code for m in municipalities}
    if neighbourhood is None or neighbourhood.municipality.code not in codes:
        return None
    return neighbourhood.municipality.code, neighbourhood.code
