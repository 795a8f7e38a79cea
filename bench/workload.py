"""A fixed, seeded mix of searches as people make them: free text alone, text within a
municipality or neighbourhood, browsing a theme, and the narrower filters."""

import random
from collections import defaultdict
from dataclasses import dataclass

from bench import words
from bench.generate import _Picker
from kansrijk.regions.models import Municipality, Neighbourhood

TARGET_GROUPS = [
    "pregnant-women",
    "parents-0-2",
    "fathers",
    "teenage-parents",
    "parents-with-lvb",
    "migrants-and-status-holders",
]
PHASES = ["wish-for-a-child", "pregnancy", "0-6-months", "6-24-months"]
LANGUAGE_CODES = ["en", "ar", "tr", "pl", "uk"]


@dataclass(frozen=True)
class Query:
    kind: str
    query: str = ""
    municipality_code: str | None = None
    neighbourhood_code: str | None = None
    theme_codes: tuple[str, ...] = ()
    target_group_codes: tuple[str, ...] = ()
    phase_codes: tuple[str, ...] = ()
    language_code: str | None = None
    free_of_charge: bool = False
    self_referral: bool = False

    def selector_kwargs(self) -> dict:
        return {
            "query": self.query,
            "municipality_code": self.municipality_code,
            "neighbourhood_code": self.neighbourhood_code,
            "theme_codes": self.theme_codes,
            "target_group_codes": self.target_group_codes,
            "phase_codes": self.phase_codes,
            "language_code": self.language_code,
            "free_of_charge": self.free_of_charge,
            "self_referral": self.self_referral,
        }


# (kind, share of the mix)
MIX = [
    ("text", 0.15),
    ("text+municipality", 0.35),
    ("text+neighbourhood", 0.10),
    ("theme+municipality", 0.15),
    ("theme+target+phase+municipality", 0.10),
    ("text+municipality+language/free/self", 0.10),
    ("municipality", 0.05),
]


def workload_build(*, count: int, seed: int) -> list[Query]:
    """`count` searches; municipalities and neighbourhoods weighted by inhabitants."""
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.order_by("code"))
    hoods_of: dict[int, list[Neighbourhood]] = defaultdict(list)
    for hood in Neighbourhood.objects.exclude(code=None).order_by("code"):
        hoods_of[hood.municipality_id].append(hood)
    inhabitants = {m.pk: sum(h.inhabitants or 0 for h in hoods_of[m.pk]) for m in municipalities}
    pick_municipality = _Picker(municipalities, [inhabitants[m.pk] + 1 for m in municipalities])
    hood_pickers = {
        m.pk: _Picker(hoods_of[m.pk], [(h.inhabitants or 0) + 1 for h in hoods_of[m.pk]])
        for m in municipalities
        if hoods_of[m.pk]
    }
    pick_kind = _Picker([k for k, _ in MIX], [w for _, w in MIX])
    themes = list(words.THEMES)
    pick_theme = _Picker(themes, [words.THEMES[t]["weight"] for t in themes])

    queries = []
    for _ in range(count):
        kind = pick_kind(rng)
        municipality = pick_municipality(rng)
        text = rng.choice(words.QUERIES)
        if kind == "text":
            q = Query(kind, query=text)
        elif kind == "text+municipality":
            q = Query(kind, query=text, municipality_code=municipality.code)
        elif kind == "text+neighbourhood":
            hood = hood_pickers[municipality.pk](rng)
            q = Query(
                kind,
                query=text,
                municipality_code=municipality.code,
                neighbourhood_code=hood.code,
            )
        elif kind == "theme+municipality":
            q = Query(kind, municipality_code=municipality.code, theme_codes=(pick_theme(rng),))
        elif kind == "theme+target+phase+municipality":
            q = Query(
                kind,
                municipality_code=municipality.code,
                theme_codes=(pick_theme(rng),),
                target_group_codes=(rng.choice(TARGET_GROUPS),),
                phase_codes=(rng.choice(PHASES),),
            )
        elif kind == "text+municipality+language/free/self":
            roll = rng.random()
            q = Query(
                kind,
                query=text,
                municipality_code=municipality.code,
                language_code=rng.choice(LANGUAGE_CODES) if roll < 0.4 else None,
                free_of_charge=0.4 <= roll < 0.7,
                self_referral=roll >= 0.7,
            )
        else:
            q = Query(kind, municipality_code=municipality.code)
        queries.append(q)
    return queries
