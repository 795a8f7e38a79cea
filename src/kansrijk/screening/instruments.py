"""The screening instruments Kansrijk ships, read from data/instruments/*.json.

An instrument file holds its code and version, its names and instructions in Dutch and English,
its items (number, label, domain, answer options in printed order and the score of each
position), the scoring rule, the default cut-offs and the flag rules. A file that breaks these
rules is a programming error: loading it raises InstrumentDataError, and a test loads them all.

Pure Python: no Django models here, so `kansrijk.screening.score` works without a database.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kansrijk.screening.constants import (
    SCORING_DOMAIN_COUNT,
    SCORING_SUM,
    URGENT_FLAGS,
    Domain,
    Flag,
    Level,
)
from kansrijk.screening.i18n import gettext_noop

DATA_DIR = Path(__file__).with_name("data") / "instruments"
# Texts fall back to these languages, in this order, when the wanted one is missing.
FALLBACK_LANGUAGES = ("nl", "en")


class InstrumentDataError(RuntimeError):
    """An instrument file breaks the format (a bug in Kansrijk, not bad user input)."""


def text_in(texts: Mapping[str, str], language: str | None) -> str:
    """The text in `language` (or its base language: "nl" for "nl-be"), else Dutch, else English."""
    wanted = [language, language.split("-")[0]] if language else []
    for code in [*wanted, *FALLBACK_LANGUAGES]:
        if code and texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")


@dataclass(frozen=True)
class Cutoffs:
    """From which total a result is elevated or high. `high` None: the instrument has no high
    level (GAD-2, PHQ-2). `source` says where they came from ("instrument", a coalition, ...)."""

    elevated: int
    high: int | None = None
    source: str = "instrument"


@dataclass(frozen=True)
class FlagRule:
    """Raise `flag` when item `item` is answered with one of `positions`, whatever the total."""

    flag: str
    item: int
    positions: frozenset[int]
    urgent: bool


@dataclass(frozen=True)
class Item:
    number: int
    label: Mapping[str, str]
    domain: str
    options: tuple[Mapping[str, str], ...]
    scores: tuple[int, ...]

    @property
    def max_score(self) -> int:
        return max(self.scores)


@dataclass(frozen=True)
class Instrument:
    code: str
    version: str
    name: Mapping[str, str]
    short_name: Mapping[str, str]
    instructions: Mapping[str, str]
    validated: bool
    texts_shipped: bool
    licence: Mapping[str, str]
    scoring: str
    cutoffs: Cutoffs
    cutoff_note: Mapping[str, str]
    domain: str | None
    items: tuple[Item, ...]
    flag_rules: tuple[FlagRule, ...] = ()
    # Instructions to show with imported licensed texts (the shipped ones may refer to paper).
    instructions_licensed: Mapping[str, str] = field(default_factory=dict)
    domain_flags: bool = False
    level_flags: Mapping[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()

    @property
    def item_count(self) -> int:
        return len(self.items)

    @property
    def max_total(self) -> int:
        if self.scoring == SCORING_DOMAIN_COUNT:
            return len({item.domain for item in self.items})
        return sum(item.max_score for item in self.items)

    def item(self, number: int) -> Item:
        return self.items[number - 1]

    def name_in(self, language: str | None) -> str:
        return text_in(self.name, language)

    def short_name_in(self, language: str | None) -> str:
        return text_in(self.short_name, language)


def instrument_list() -> list[Instrument]:
    """Every shipped instrument, by code."""
    return list(_registry()[0].values())


def instrument_find(code: object) -> Instrument | None:
    """The instrument with this code or alias (case does not matter), or None."""
    if not isinstance(code, str):
        return None
    codes, aliases = _registry()
    key = code.strip().lower()
    return codes.get(key) or aliases.get(key)


@functools.cache
def _registry() -> tuple[dict[str, Instrument], dict[str, Instrument]]:
    codes: dict[str, Instrument] = {}
    aliases: dict[str, Instrument] = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        instrument = instrument_parse(json.loads(path.read_text(encoding="utf-8")), name=path.name)
        if instrument.code in codes:
            raise InstrumentDataError(f"{path.name}: instrument {instrument.code} twice")
        codes[instrument.code] = instrument
        for alias in instrument.aliases:
            aliases[alias.lower()] = instrument
    return codes, aliases


def instrument_parse(data: Mapping[str, Any], *, name: str = "instrument") -> Instrument:
    """Build an Instrument from its JSON form, checking the structure."""

    def fail(message: str) -> InstrumentDataError:
        return InstrumentDataError(f"{name}: {message}")

    try:
        option_sets = data.get("option_sets", {})
        items = []
        for position, raw in enumerate(data["items"], start=1):
            options = raw["options"]
            if isinstance(options, str):
                options = option_sets[options]
            scores = tuple(raw["scores"])
            if raw["number"] != position:
                raise fail(f"items must be numbered 1..n in order; found {raw['number']}")
            if len(options) < 2 or len(options) != len(scores):
                raise fail(f"item {position}: each of 2 or more options needs one score")
            if not all(isinstance(s, int) and s >= 0 for s in scores):
                raise fail(f"item {position}: scores are whole numbers of 0 or more")
            if raw["domain"] not in Domain.values:
                raise fail(f"item {position}: unknown domain {raw['domain']}")
            items.append(
                Item(
                    number=position,
                    label=dict(raw["label"]),
                    domain=raw["domain"],
                    options=tuple(dict(option) for option in options),
                    scores=scores,
                )
            )
        flag_rules = tuple(
            FlagRule(
                flag=rule["flag"],
                item=rule["item"],
                positions=frozenset(rule["positions"]),
                urgent=bool(rule.get("urgent", rule["flag"] in URGENT_FLAGS)),
            )
            for rule in data.get("flag_rules", [])
        )
        instrument = Instrument(
            code=data["code"],
            version=str(data["version"]),
            name=dict(data["name"]),
            short_name=dict(data.get("short_name") or data["name"]),
            instructions=dict(data.get("instructions") or {}),
            validated=bool(data["validated"]),
            texts_shipped=bool(data["texts_shipped"]),
            licence=dict(data.get("licence") or {}),
            scoring=data["scoring"],
            cutoffs=Cutoffs(elevated=data["cutoffs"]["elevated"], high=data["cutoffs"].get("high")),
            cutoff_note=dict(data.get("cutoff_note") or {}),
            domain=data.get("domain"),
            items=tuple(items),
            flag_rules=flag_rules,
            instructions_licensed=dict(data.get("instructions_licensed") or {}),
            domain_flags=bool(data.get("domain_flags", False)),
            level_flags=dict(data.get("level_flags") or {}),
            aliases=tuple(data.get("aliases", ())),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise fail(f"malformed ({error!r})") from error
    if instrument.code != instrument.code.lower() or not instrument.code:
        raise fail("the code is lower case")
    if instrument.scoring not in (SCORING_SUM, SCORING_DOMAIN_COUNT):
        raise fail(f"unknown scoring rule {instrument.scoring}")
    if instrument.domain is not None and instrument.domain not in Domain.values:
        raise fail(f"unknown domain {instrument.domain}")
    if not items:
        raise fail("no items")
    for rule in flag_rules:
        if not 1 <= rule.item <= len(items):
            raise fail(f"flag {rule.flag}: there is no item {rule.item}")
        if not rule.positions or not all(
            0 <= p < len(items[rule.item - 1].options) for p in rule.positions
        ):
            raise fail(f"flag {rule.flag}: positions out of range")
        if rule.flag not in Flag.values:
            raise fail(f"unknown flag {rule.flag}")
    for level, flag in instrument.level_flags.items():
        if level not in Level.values or flag not in Flag.values:
            raise fail(f"level flag {level}: {flag} is unknown")
    problem = cutoffs_problem(instrument, instrument.cutoffs)
    if problem:
        raise fail(problem[1] % problem[2])
    return instrument


def cutoffs_problem(instrument: Instrument, cutoffs: Cutoffs) -> tuple[str, str, dict] | None:
    """Why these cut-offs cannot apply to the instrument, as (field, message id, parameters)
    with the message for `i18n.translate`, or None when they can: 0 <= elevated <= high <= the
    highest total."""
    values = {
        "elevated": cutoffs.elevated,
        "high": cutoffs.high,
        "max": instrument.max_total,
        "instrument": instrument.short_name_in("en"),
    }
    if not _whole(cutoffs.elevated):
        return "elevated", gettext_noop("A cut-off is a whole number."), values
    if not (cutoffs.high is None or _whole(cutoffs.high)):
        return "high", gettext_noop("A cut-off is a whole number."), values
    if not 0 <= cutoffs.elevated <= instrument.max_total:
        return (
            "elevated",
            gettext_noop("The elevated cut-off must lie between 0 and %(max)d."),
            values,
        )
    if cutoffs.high is not None and not cutoffs.elevated <= cutoffs.high <= instrument.max_total:
        return (
            "high",
            gettext_noop(
                "The high cut-off must lie between the elevated cut-off (%(elevated)d) and %(max)d."
            ),
            values,
        )
    return None


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
