"""Scoring of screening instruments, and accumulation (stapeling) over several results.

    from kansrijk.screening import score, accumulation
    result = score("epds", {1: 0, 2: 1, ..., 10: 3})     # item number -> position as printed
    result.total, result.level, result.flags, result.domains, result.urgent
    accumulation([result, score("signal-list", {...})]).accumulates

Plain Python (the instruments are data files), so it runs without a database; inside Kansrijk
its error messages follow the active language (Dutch).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from kansrijk.screening.constants import (
    ACCUMULATION_DOMAINS,
    DOMAIN_PATHWAY_VARIABLES,
    DOMAIN_TARGET_GROUPS,
    DOMAIN_THEMES,
    SCORING_DOMAIN_COUNT,
    URGENT_FLAGS,
    Domain,
    Flag,
    Level,
)
from kansrijk.screening.i18n import current_language, gettext_noop, translate
from kansrijk.screening.instruments import Cutoffs, Instrument, cutoffs_problem, instrument_find

__all__ = [
    "Accumulation",
    "Cutoffs",
    "ScreeningError",
    "ScreeningResult",
    "accumulation",
    "level_for",
    "score",
]


class ScreeningError(ValueError):
    """Answers (or cut-offs) that do not fit the instrument. `str(error)` is a message for
    people that names the item; `code` says what is wrong, `item` is the (first) item concerned
    and `items` all of them."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        instrument: str = "",
        item: int | str | None = None,
        items: Iterable[int] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.instrument = instrument
        self.item = item
        self.items = tuple(items) or ((item,) if item is not None else ())


@dataclass(frozen=True)
class ScreeningResult:
    code: str
    version: str
    total: int
    max_total: int
    level: str  # Level: "normal", "elevated" or "high"
    flags: list[str]  # e.g. ["self_harm"]; for the signal list the signalled domains too
    domains: list[str]  # Domain codes this result signals (EPDS above normal: psychosocial)
    urgent: bool  # a flag that asks for action today (self_harm, unsafe_home)
    validated: bool  # False: a conversation aid, not a validated test
    answers: dict[int, int]  # item number -> position, as scored
    cutoffs: Cutoffs

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, e.g. to store with a client's screening or to send over the API."""
        data = asdict(self)
        data["answers"] = {str(number): position for number, position in self.answers.items()}
        return data


@dataclass(frozen=True)
class Accumulation:
    """Domains signalled by several results together, and whether problems accumulate."""

    domains: list[str]  # in the order of constants.Domain
    count: int
    accumulates: bool  # ACCUMULATION_DOMAINS (2) or more domains
    level: str  # normal (no domain), elevated (one), high (accumulation)
    urgent: bool
    flags: list[str]
    themes: list[str]  # the sociale kaart's theme codes for the domains
    target_groups: list[str] = field(default_factory=list)

    def pathway_answers(self) -> dict[str, bool]:
        """The domains as the boolean inputs of a pathway's decision tables (constants.
        DOMAIN_PATHWAY_VARIABLES, e.g. {"Schulden": True, "Psychisch": False, ...}); the Zaanstad
        pathway's decision "Aantal domeinen" counts them."""
        answers = dict.fromkeys(DOMAIN_PATHWAY_VARIABLES.values(), False)
        for domain in self.domains:
            if domain in DOMAIN_PATHWAY_VARIABLES:
                answers[DOMAIN_PATHWAY_VARIABLES[domain]] = True
        return answers


def score(
    code: str,
    answers: Mapping[int, int],
    *,
    cutoffs: Cutoffs | Mapping[str, int | None] | None = None,
) -> ScreeningResult:
    """Score `answers` (item number 1..n -> position of the chosen answer as printed, 0 = the
    first option) on instrument `code`. `cutoffs` (e.g. a coalition's, from
    `selectors.cutoffs_for`) replace the instrument's own. Raises ScreeningError."""
    instrument = instrument_find(code)
    if instrument is None:
        raise ScreeningError(
            translate(gettext_noop("There is no screening instrument %(code)s."))
            % {"code": repr(code)},
            code="unknown_instrument",
        )
    positions = _positions(instrument, answers)
    applied = _cutoffs(instrument, cutoffs)
    scores = {n: instrument.item(n).scores[p] for n, p in positions.items()}

    if instrument.scoring == SCORING_DOMAIN_COUNT:
        signalled = _ordered_domains(instrument.item(n).domain for n, s in scores.items() if s)
        total = len(signalled)
    else:
        signalled = []
        total = sum(scores.values())
    level = level_for(total, applied)

    flags: list[str] = list(signalled) if instrument.domain_flags else []
    urgent = False
    for rule in instrument.flag_rules:
        if positions[rule.item] in rule.positions:
            flags.append(rule.flag)
            urgent = urgent or rule.urgent
    if level in instrument.level_flags:
        flags.append(instrument.level_flags[level])
    flags = list(dict.fromkeys(flags))

    if instrument.scoring == SCORING_DOMAIN_COUNT:
        domains = signalled
    elif instrument.domain and (level != Level.NORMAL or flags):
        domains = [instrument.domain]
    else:
        domains = []
    return ScreeningResult(
        code=instrument.code,
        version=instrument.version,
        total=total,
        max_total=instrument.max_total,
        level=str(level),
        flags=flags,
        domains=domains,
        urgent=urgent or any(flag in URGENT_FLAGS for flag in flags),
        validated=instrument.validated,
        answers=dict(sorted(positions.items())),
        cutoffs=applied,
    )


def level_for(total: int, cutoffs: Cutoffs) -> str:
    if cutoffs.high is not None and total >= cutoffs.high:
        return Level.HIGH.value
    if total >= cutoffs.elevated:
        return Level.ELEVATED.value
    return Level.NORMAL.value


def accumulation(
    results: Iterable[ScreeningResult], *, domains: Iterable[str] = ()
) -> Accumulation:
    """Combine results (and `domains` known otherwise, e.g. from a conversation) into the set of
    signalled domains; two or more domains is accumulation (stapeling)."""
    found: list[str] = []
    flags: list[str] = []
    urgent = False
    for result in results:
        if not isinstance(result, ScreeningResult):
            raise ScreeningError(
                translate(gettext_noop("Only screening results can be combined.")),
                code="invalid_result",
            )
        found.extend(result.domains)
        flags.extend(result.flags)
        urgent = urgent or result.urgent
    for domain in domains:
        if domain not in Domain.values:
            raise ScreeningError(
                translate(gettext_noop("There is no domain %(domain)s.")) % {"domain": domain},
                code="unknown_domain",
            )
        found.append(domain)
    ordered = _ordered_domains(found)
    accumulates = len(ordered) >= ACCUMULATION_DOMAINS
    if accumulates:
        flags.append(Flag.ACCUMULATION.value)
    flags = list(dict.fromkeys(flags))
    if accumulates:
        level = Level.HIGH.value
    else:
        level = Level.ELEVATED.value if ordered else Level.NORMAL.value
    return Accumulation(
        domains=ordered,
        count=len(ordered),
        accumulates=accumulates,
        level=level,
        urgent=urgent or any(flag in URGENT_FLAGS for flag in flags),
        flags=flags,
        themes=list(dict.fromkeys(t for d in ordered for t in DOMAIN_THEMES.get(d, ()))),
        target_groups=list(
            dict.fromkeys(t for d in ordered for t in DOMAIN_TARGET_GROUPS.get(d, ()))
        ),
    )


def _ordered_domains(domains: Iterable[str]) -> list[str]:
    wanted = set(domains)
    return [domain for domain in Domain.values if domain in wanted]


def _positions(instrument: Instrument, answers: object) -> dict[int, int]:
    """Check the answers against the instrument: every item once, each a valid position."""
    name = instrument.short_name_in(current_language())

    def error(message: str, code: str, item=None, items=(), **params) -> ScreeningError:
        text = translate(message) % {"instrument": name, "item": item, **params}
        return ScreeningError(text, code=code, instrument=instrument.code, item=item, items=items)

    if not isinstance(answers, Mapping):
        raise error(
            gettext_noop("%(instrument)s: the answers must map item numbers to answer positions."),
            "invalid_answers",
        )
    count = instrument.item_count
    positions: dict[int, int] = {}
    for key, value in answers.items():
        number = _item_number(key)
        if number is None:
            raise error(
                gettext_noop("%(instrument)s: %(item)s is not an item number."),
                "invalid_item",
                item=repr(key),
            )
        if not 1 <= number <= count:
            raise error(
                gettext_noop("%(instrument)s has no item %(item)s; its items are 1 to %(count)d."),
                "unknown_item",
                item=number,
                count=count,
            )
        if number in positions:
            raise error(
                gettext_noop("%(instrument)s, item %(item)s: answered twice."),
                "duplicate_item",
                item=number,
            )
        last = len(instrument.item(number).options) - 1
        if not isinstance(value, int) or isinstance(value, bool):
            raise error(
                gettext_noop(
                    "%(instrument)s, item %(item)s: the answer must be the position of an "
                    "option (0 to %(last)d), not %(value)s."
                ),
                "invalid_position",
                item=number,
                last=last,
                value=repr(value),
            )
        if not 0 <= value <= last:
            raise error(
                gettext_noop(
                    "%(instrument)s, item %(item)s: there is no answer at position %(value)s; "
                    "choose 0 to %(last)d."
                ),
                "position_out_of_range",
                item=number,
                last=last,
                value=value,
            )
        positions[number] = value
    missing = [number for number in range(1, count + 1) if number not in positions]
    if len(missing) == 1:
        raise error(
            gettext_noop("%(instrument)s, item %(item)s: no answer."),
            "missing_item",
            item=missing[0],
        )
    if missing:
        raise error(
            gettext_noop("%(instrument)s, items %(numbers)s: no answer."),
            "missing_item",
            item=missing[0],
            items=missing,
            numbers=", ".join(str(number) for number in missing),
        )
    return positions


def _item_number(key: object) -> int | None:
    """Item numbers are ints; JSON object keys ("3") are accepted too."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key
    if isinstance(key, str) and key.isascii() and key.isdigit():
        return int(key)
    return None


def _cutoffs(instrument: Instrument, cutoffs: object) -> Cutoffs:
    if cutoffs is None:
        return instrument.cutoffs
    if isinstance(cutoffs, Mapping):
        try:
            cutoffs = Cutoffs(
                elevated=cutoffs["elevated"], high=cutoffs.get("high"), source="custom"
            )
        except KeyError:
            cutoffs = None
    if not isinstance(cutoffs, Cutoffs):
        raise ScreeningError(
            translate(gettext_noop("Cut-offs need at least an elevated cut-off.")),
            code="invalid_cutoffs",
            instrument=instrument.code,
        )
    problem = cutoffs_problem(instrument, cutoffs)
    if problem:
        raise ScreeningError(
            translate(problem[1]) % problem[2], code="invalid_cutoffs", instrument=instrument.code
        )
    return cutoffs
