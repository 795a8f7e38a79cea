"""A synthetic national directory: services in all 342 municipalities, in proportion to their
inhabitants, written straight to the models in bulk (the benchmark is not an app).

Deterministic for a given seed and size, so two runs measure the same data. Every organisation,
address and phone number is invented; only the municipalities and CBS areas are real.
"""

import random
import re
import time
import uuid
from bisect import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import time as clock
from decimal import Decimal
from itertools import accumulate

from django.db import transaction

from bench import words
from kansrijk.directory import models as hsds
from kansrijk.directory.constants import (
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    TARGET_GROUP_TAXONOMY,
    AttendingType,
    CapacityStatus,
    LocationType,
    ServiceStatus,
)
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES, term_id
from kansrijk.regions.models import District, Municipality, Neighbourhood

BATCH_SIZE = 2000
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
TARGET_GROUP_NAMES = {code: name for code, name, _ in TAXONOMIES[TARGET_GROUP_TAXONOMY][2]}

DISTINCT_NAMES = [
    "De Linde",
    "Het Anker",
    "De Horizon",
    "Zonnestraal",
    "De Brug",
    "Het Nest",
    "De Wieg",
    "De Kiem",
    "Samen Sterk",
    "De Boog",
    "Het Kompas",
    "De Vlinder",
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Centrum",
]


@dataclass
class GenerationResult:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class _Picker:
    """Weighted choice with a precomputed cumulative table (random.choices recomputes it)."""

    def __init__(self, items, weights):
        self.items = list(items)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _slug(text: str) -> str:
    text = text.lower().translate(str.maketrans("éëïöüç", "eeiouc"))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:50]


def _apportion(total: int, weights: list[int], minimum: int) -> list[int]:
    """Largest-remainder split of `total` in proportion to `weights`, each at least `minimum`."""
    rest = total - minimum * len(weights)
    weight_sum = sum(weights)
    exact = [rest * w / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    short = rest - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)[:short]:
        shares[i] += 1
    return [minimum + s for s in shares]


class _Writer:
    """Collects model instances per model and writes them in batches."""

    def __init__(self):
        self.pending: dict[type, list] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, obj) -> None:
        self.pending[type(obj)].append(obj)

    def flush(self) -> None:
        # Parents before children, so foreign keys hold while writing.
        order = [
            hsds.Organization,
            hsds.Location,
            hsds.Address,
            hsds.Service,
            hsds.ServiceAtLocation,
            hsds.ServiceArea,
            hsds.Phone,
            hsds.Schedule,
            hsds.Language,
            hsds.CostOption,
            hsds.Attribute,
        ]
        for model in order:
            objs = self.pending.pop(model, [])
            if objs:
                model.objects.bulk_create(objs, batch_size=BATCH_SIZE)
                self.counts[model._meta.model_name] += len(objs)
        assert not self.pending, f"no write order for {list(self.pending)}"


def directory_generate(*, services: int, seed: int) -> GenerationResult:
    """Write `services` synthetic services (and their organisations, locations, areas...)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    today = date.today()

    municipalities = list(
        Municipality.objects.select_related("province", "ggd_region").order_by("code")
    )
    districts_of: dict[int, list[District]] = defaultdict(list)
    for district in District.objects.exclude(code=None).order_by("code"):
        districts_of[district.municipality_id].append(district)
    hoods_of: dict[int, list[Neighbourhood]] = defaultdict(list)
    for hood in Neighbourhood.objects.exclude(code=None).order_by("code"):
        hoods_of[hood.district_id].append(hood)
    missing = [m.code for m in municipalities if not districts_of[m.pk]]
    if len(municipalities) != 342 or missing:
        raise RuntimeError(
            f"regions incomplete: {len(municipalities)} municipalities, no districts in {missing}"
        )
    inhabitants = [sum(d.inhabitants or 0 for d in districts_of[m.pk]) for m in municipalities]
    per_municipality = _apportion(
        services, inhabitants, minimum=3 if services >= 10 * len(municipalities) else 1
    )
    ggd_members: dict[int, list[Municipality]] = defaultdict(list)
    for municipality in municipalities:
        ggd_members[municipality.ggd_region_id].append(municipality)

    theme_codes = list(words.THEMES)
    pick_theme = _Picker(theme_codes, [words.THEMES[c]["weight"] for c in theme_codes])
    district_pickers = {
        m.pk: _Picker(districts_of[m.pk], [(d.inhabitants or 0) + 1 for d in districts_of[m.pk]])
        for m in municipalities
    }
    hood_pickers = {
        district_id: _Picker(hoods, [(h.inhabitants or 0) + 1 for h in hoods])
        for district_id, hoods in hoods_of.items()
    }

    writer = _Writer()
    phone_counter = 0

    def fake_phone() -> str:
        nonlocal phone_counter
        phone_counter += 1
        # Clearly fake: the 020-123 4xxx block the project uses for invented numbers.
        return f"0201234{phone_counter % 1000:03d}"

    def place(municipality: Municipality) -> tuple[District, Neighbourhood | None]:
        district = district_pickers[municipality.pk](rng)
        hoods = hood_pickers.get(district.pk)
        return district, hoods(rng) if hoods else None

    with transaction.atomic():
        for municipality, count in zip(municipalities, per_municipality, strict=True):
            n_orgs = max(1, round(count / 4))
            # Every organisation gets at least one service; the rest fall where they fall.
            org_service_counts = [1] * n_orgs
            for _ in range(count - n_orgs):
                org_service_counts[rng.randrange(n_orgs)] += 1
            for org_services in org_service_counts:
                org_theme = pick_theme(rng)
                theme = words.THEMES[org_theme]
                district, hood = place(municipality)
                distinct = district.name if rng.random() < 0.5 else rng.choice(DISTINCT_NAMES)
                distinct = re.sub(r"^Wijk \d+ ", "", distinct)
                org_name = (
                    f"{rng.choice(words.LEGAL_FORMS)} Voorbeeld {rng.choice(theme['org_kinds'])} "
                    f"{distinct} {municipality.name}"
                )
                slug = _slug(f"voorbeeld-{org_name.split(' ', 1)[1]}")
                organization = hsds.Organization(
                    id=_uuid(rng),
                    name=org_name,
                    description=(
                        f"{org_name} is een synthetische aanbieder in {municipality.name}. "
                        + rng.choice(theme["sentences"])
                    ),
                    email=f"info@{slug}.example.nl",
                    website=f"https://{slug}.example.nl/",
                    year_incorporated=rng.randint(1950, 2023),
                    legal_status=org_name.split(" ", 1)[0],
                )
                writer.add(organization)

                locations = []
                for i in range(1 if rng.random() < 0.6 else rng.randint(2, 3)):
                    if i:
                        district, hood = place(municipality)
                    confidential = org_theme == "domestic-violence-and-safety" and (
                        rng.random() < 0.3
                    )
                    area_name = hood.name if hood else district.name
                    location = hsds.Location(
                        id=_uuid(rng),
                        organization=organization,
                        name=f"{rng.choice(words.LOCATION_KINDS)} {area_name}",
                        location_type=LocationType.PHYSICAL,
                        is_confidential=confidential,
                        municipality=municipality,
                        neighbourhood=hood,
                    )
                    writer.add(location)
                    writer.add(
                        hsds.Address(
                            id=_uuid(rng),
                            location=location,
                            address_1=f"{rng.choice(words.STREETS)} {rng.randint(1, 240)}",
                            city=municipality.name,
                            state_province=municipality.province.name,
                            postal_code=f"{rng.randint(1000, 9999)} "
                            + "".join(rng.choices(POSTCODE_LETTERS, k=2)),
                        )
                    )
                    locations.append(location)

                for _ in range(org_services):
                    _service_add(
                        writer=writer,
                        rng=rng,
                        today=today,
                        organization=organization,
                        slug=slug,
                        theme_code=org_theme if rng.random() < 0.7 else pick_theme(rng),
                        pick_theme=pick_theme,
                        municipality=municipality,
                        locations=locations,
                        districts=districts_of[municipality.pk],
                        hoods_of=hoods_of,
                        regional=ggd_members[municipality.ggd_region_id],
                        fake_phone=fake_phone,
                    )
            if sum(len(v) for v in writer.pending.values()) > 20 * BATCH_SIZE:
                writer.flush()
        writer.flush()
    return GenerationResult(counts=dict(writer.counts), seconds=time.perf_counter() - started)


def _service_add(
    *,
    writer: _Writer,
    rng: random.Random,
    today: date,
    organization: hsds.Organization,
    slug: str,
    theme_code: str,
    pick_theme: _Picker,
    municipality: Municipality,
    locations: list[hsds.Location],
    districts: list[District],
    hoods_of: dict[int, list[Neighbourhood]],
    regional: list[Municipality],
    fake_phone,
) -> None:
    theme = words.THEMES[theme_code]
    name = rng.choice(theme["services"]) + rng.choice(words.NAME_SUFFIXES)
    online = name.endswith(" online")
    sentences = rng.sample(theme["sentences"], k=min(len(theme["sentences"]), rng.randint(2, 3)))
    sentences += rng.sample(words.GENERIC_SENTENCES, k=rng.randint(1, 2))
    targets = rng.sample(theme["targets"], k=rng.randint(1, min(2, len(theme["targets"]))))
    phases = rng.sample(theme["phases"], k=rng.randint(1, len(theme["phases"])))

    cost = rng.random()
    if cost < 0.7:
        fees, amount, option = "Gratis", Decimal("0.00"), "Gratis"
    elif cost < 0.85:
        amount = Decimal(rng.choice([5, 7.5, 10, 15, 25]))
        fees = "Eigen bijdrage € " + f"{amount:.2f}".replace(".", ",")
        option = "Eigen bijdrage per keer"
    else:
        fees, amount, option = "Vergoed door de zorgverzekering", None, "Basisverzekering"

    status_roll = rng.random()
    status = (
        ServiceStatus.ACTIVE
        if status_roll < 0.94
        else ServiceStatus.INACTIVE
        if status_roll < 0.97
        else ServiceStatus.TEMPORARILY_CLOSED
        if status_roll < 0.99
        else ServiceStatus.DEFUNCT
    )
    capacity_roll = rng.random()
    capacity = (
        CapacityStatus.OPEN
        if capacity_roll < 0.75
        else CapacityStatus.WAITING_LIST
        if capacity_roll < 0.95
        else CapacityStatus.CLOSED
    )
    service = hsds.Service(
        id=_uuid(rng),
        organization=organization,
        name=name,
        description=" ".join(sentences),
        url=f"https://{slug}.example.nl/{_slug(name)}",
        email=f"{_slug(name)[:30]}@{slug}.example.nl",
        status=status,
        application_process=rng.choice(words.APPLICATION_PROCESSES),
        fees=fees,
        fees_description=fees,
        eligibility_description=" en ".join(TARGET_GROUP_NAMES[t] for t in targets) + ".",
        assured_date=today - timedelta(days=rng.randint(0, 400)),
        assurer_email=f"redactie@{slug}.example.nl",
        capacity_status=capacity,
        capacity_wait_weeks=rng.randint(2, 12) if capacity == CapacityStatus.WAITING_LIST else None,
        self_referral=rng.random() < 0.45,
    )
    writer.add(service)

    # Where it is offered: a GGD region, the whole municipality, some wijken or some buurten.
    area_roll = rng.random()
    if area_roll < 0.04:
        for member in regional:
            writer.add(
                hsds.ServiceArea(
                    id=_uuid(rng), service=service, name=member.name, municipality=member
                )
            )
    elif area_roll < 0.64:
        writer.add(
            hsds.ServiceArea(
                id=_uuid(rng), service=service, name=municipality.name, municipality=municipality
            )
        )
    elif area_roll < 0.84:
        for district in rng.sample(districts, k=min(len(districts), rng.randint(1, 3))):
            writer.add(
                hsds.ServiceArea(
                    id=_uuid(rng), service=service, name=district.name, district=district
                )
            )
    else:
        district = rng.choice(districts)
        hoods = hoods_of.get(district.pk) or []
        if not hoods:
            writer.add(
                hsds.ServiceArea(
                    id=_uuid(rng), service=service, name=district.name, district=district
                )
            )
        for hood in rng.sample(hoods, k=min(len(hoods), rng.randint(1, 4))):
            writer.add(
                hsds.ServiceArea(id=_uuid(rng), service=service, name=hood.name, neighbourhood=hood)
            )

    if not online:
        at = rng.sample(locations, k=1 if rng.random() < 0.85 or len(locations) == 1 else 2)
        for location in at:
            sal = hsds.ServiceAtLocation(id=_uuid(rng), service=service, location=location)
            writer.add(sal)
            morning = rng.random() < 0.5
            writer.add(
                hsds.Schedule(
                    id=_uuid(rng),
                    service_at_location=sal,
                    freq="WEEKLY",
                    byday=rng.choice(["MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH", "WE"]),
                    opens_at=clock(9, 0) if morning else clock(13, 0),
                    closes_at=clock(12, 0) if morning else clock(17, 0),
                    attending_type=AttendingType.IN_PERSON,
                    description="Inloopspreekuur" if morning else "Op afspraak",
                )
            )
    writer.add(hsds.Phone(id=_uuid(rng), service=service, number=fake_phone()))

    writer.add(hsds.Language(id=_uuid(rng), service=service, name="Nederlands", code="nl"))
    boost = 3 if theme_code in ("residence-status", "language-and-literacy") else 1
    for code, language_name, share in words.LANGUAGES:
        if rng.random() < share * boost:
            writer.add(hsds.Language(id=_uuid(rng), service=service, name=language_name, code=code))

    writer.add(
        hsds.CostOption(
            id=_uuid(rng), service=service, option=option, amount=amount, amount_description=fees
        )
    )

    themes = [theme_code]
    if rng.random() < 0.25:
        other = pick_theme(rng)
        if other != theme_code:
            themes.append(other)
    for link_type, codes in (
        (LINK_TYPE_THEME, themes),
        (LINK_TYPE_ELIGIBILITY, targets),
        (LINK_TYPE_PHASE, phases),
    ):
        for code in codes:
            writer.add(
                hsds.Attribute(
                    id=_uuid(rng),
                    link_id=service.id,
                    link_type=link_type,
                    link_entity="service",
                    taxonomy_term_id=term_id(code),
                )
            )
