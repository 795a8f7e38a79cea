"""`kansrijk generate`: a synthetic national monitoring data set.

Design: the generator writes the pseudonymous monitoring extract directly (the *Fact tables,
origin SYNTHETIC), not client records. Per synthetic pregnancy it writes one ScreeningFact
when she is screened, a ReferralFact per referral with its whole timeline, a CaseFact for a
case discussed in a case consultation and a ParticipationFact for a group programme. No
client, organisation or professional is made: organisation fields stay empty. The outcome and
context indicators (births, preterm birth, low birth weight, small for gestational age,
perinatal mortality, smoking in pregnancy, children in low-income households) go in as
OpenDataValue rows of one OpenDataImport with origin SYNTHETIC and filename "kansrijk
generate": per municipality and year, the country (NL01) as the sum of all synthetic
municipalities, and births per neighbourhood. At the end the monthly aggregate is rebuilt.

How it is spread:
- `births_per_year` is the total over the municipalities generated (all 342 by default: about
  170,000, the Dutch number of live births). Each municipality gets a share in proportion to
  its inhabitants: the sum over its neighbourhoods in the database, else over its districts,
  else its districts in CBS's 2024 table in SHARED_DIR/data/neighbourhoods.csv (which covers
  all 342), else the mean of the others. Within a municipality the births go to its
  neighbourhoods in proportion to their inhabitants; with no neighbourhoods loaded the facts
  have no neighbourhood.
- Each municipality gets a deprivation score from 0 to 1 (from the seed and its code), and each
  neighbourhood its own score around it. It raises the share with an elevated risk (15-30%),
  with accumulated problems (5-12%), teenage parents (1-2%), parents speaking another language
  (10-25%), preterm birth (6-9%), smoking, perinatal mortality and children in low-income
  households (3-15%).
- About 80% of pregnancies are screened (74-86% per municipality). About 60% of those with an
  elevated risk are referred, once or twice, on a Kansrijke Start theme (the directory's
  codes). A referral is answered after 0-15 working days (mostly within 5; `answered_in_time`
  when within 5 working days, Monday to Friday as `referrals.services.add_working_days`
  counts), 8% is never answered; support starts for about 70% days to weeks later; most of
  those are closed, about 80% of them with an outcome. Nothing happens after today. About 3% of
  the elevated are discussed in a case consultation; about 5% of pregnancies join a group
  programme, of whom about 70% complete it.
- Deterministic: municipality GMxxxx draws from random.Random(f"{seed}:GMxxxx"), so the same
  seed gives the same facts for a municipality whichever others are generated with it.
- Re-running replaces: the synthetic facts and synthetic open-data values of the municipalities
  generated are deleted first, in the same transaction. Open-data values imported from a real
  source (origin KANSRIJK) win: no synthetic value is written for the same area, indicator and
  year.
"""

from __future__ import annotations

import bisect
import csv
import datetime
import math
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.indicators.constants import COUNTRY_CODE, Origin, TargetGroup
from kansrijk.indicators.models import (
    CaseFact,
    Indicator,
    OpenDataImport,
    OpenDataValue,
    ParticipationFact,
    ReferralFact,
    ScreeningFact,
)

BATCH_SIZE = 5000
IMPORT_FILENAME = "kansrijk generate"
IMPORT_SOURCE = "Synthetische gegevens (kansrijk generate)"
# The theme codes of the directory's Kansrijke Start taxonomy, with how often each is the
# reason for a referral (relative weights).
THEMES = {
    "debts-and-money": 18,
    "housing": 10,
    "mental-health": 20,
    "lifestyle-and-smoking": 14,
    "domestic-violence-and-safety": 7,
    "substance-use": 5,
    "language-and-literacy": 8,
    "parenting-and-development": 18,
}
PROGRAMMES = ("CenteringPregnancy", "CenteringParenting")
# Children aged 0-17 per yearly birth, for the denominator of low-income children.
CHILDREN_PER_BIRTH = 18
OUTCOME_CODES = (
    "births",
    "preterm",
    "low-birth-weight",
    "small-for-gestational-age",
    "perinatal-mortality",
    "smoking-in-pregnancy",
    "low-income-children",
)
ONE_DECIMAL = Decimal("0.1")


class GenerateError(ValueError):
    """Bad input: nothing was generated."""


@dataclass
class GenerateResult:
    municipalities: int = 0
    births: int = 0
    screenings: int = 0
    referrals: int = 0
    cases: int = 0
    participations: int = 0
    open_data_values: int = 0
    first_day: datetime.date | None = None
    last_day: datetime.date | None = None
    seconds: float = 0.0
    aggregate_seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Municipality:
    pk: int
    code: str
    weight: float
    hood_ids: list[int]
    hood_cumulative: list[float]
    hood_codes: dict[int, str]


# --- where the births go ----------------------------------------------------------------------


def _csv_inhabitants() -> dict[str, int]:
    """Inhabitants per municipality: the sum of its districts in CBS's 2024 table."""
    from kansrijk.regions.services import default_neighbourhoods_csv

    path = default_neighbourhoods_csv()
    totals: dict[str, int] = defaultdict(int)
    try:
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                if row.get("type") == "wijk" and (row.get("inhabitants") or "").isdigit():
                    totals[row["gm_code"]] += int(row["inhabitants"])
    except OSError:
        return {}
    return dict(totals)


def _municipalities(codes: list[str] | None) -> list[_Municipality]:
    from kansrijk.regions.models import District, Municipality, Neighbourhood

    municipalities = Municipality.objects.order_by("code")
    if codes is not None:
        wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
        found = dict(municipalities.filter(code__in=wanted).values_list("code", "pk"))
        if unknown := [code for code in wanted if code not in found]:
            raise GenerateError(
                _("Unknown municipality code: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        rows = sorted(found.items())
    else:
        rows = list(municipalities.values_list("code", "pk"))
    pks = [pk for _code, pk in rows]
    hoods: dict[int, list[tuple[int, int, str | None]]] = defaultdict(list)
    for pk, muni, inhabitants, code in (
        Neighbourhood.objects.filter(municipality_id__in=pks)
        .order_by("code", "pk")
        .values_list("pk", "municipality_id", "inhabitants", "code")
    ):
        hoods[muni].append((pk, inhabitants or 0, code))
    district_sums = dict(
        District.objects.filter(municipality_id__in=pks)
        .values_list("municipality_id")
        .annotate(total=Sum("inhabitants"))
        .values_list("municipality_id", "total")
    )
    from_file: dict[str, int] | None = None
    result = []
    for code, pk in rows:
        weight = float(sum(inhabitants for _pk, inhabitants, _code in hoods[pk]))
        if not weight:
            weight = float(district_sums.get(pk) or 0)
        if not weight:
            if from_file is None:
                from_file = _csv_inhabitants()
            weight = float(from_file.get(code, 0))
        living = [(hood, inhabitants, hood_code) for hood, inhabitants, hood_code in hoods[pk]]
        living = [row for row in living if row[1] > 0]
        cumulative, running = [], 0.0
        for _hood, inhabitants, _code in living:
            running += inhabitants
            cumulative.append(running)
        result.append(
            _Municipality(
                pk=pk,
                code=code,
                weight=weight,
                hood_ids=[row[0] for row in living],
                hood_cumulative=cumulative,
                hood_codes={row[0]: row[2] for row in living if row[2]},
            )
        )
    known = [m.weight for m in result if m.weight]
    default = sum(known) / len(known) if known else 1.0
    for municipality in result:
        municipality.weight = municipality.weight or default
    return result


def _shares(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainder: the parts add up)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    parts = [math.floor(x) for x in exact]
    left = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[:left]:
        parts[i] += 1
    return parts


# --- one municipality --------------------------------------------------------------------------


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def _binomial(rng: random.Random, n: int, p: float) -> int:
    """A binomial draw (normal approximation; enough for synthetic yearly counts)."""
    if n <= 0 or p <= 0:
        return 0
    mean = n * p
    return max(0, min(n, round(rng.gauss(mean, math.sqrt(mean * (1 - p))))))


def _weekday(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


class _Writer:
    """Buffers fact rows and writes them with plain INSERTs (executemany) in batches: with
    a million rows, making model instances for bulk_create would be most of the run."""

    def __init__(self) -> None:
        from django.db import connection

        self.connection = connection
        self.native_uuid = connection.features.has_native_uuid_field
        self.buffers: dict[type, list[tuple]] = defaultdict(list)
        self.columns: dict[type, tuple[str, ...]] = {}
        self.counts: dict[type, int] = defaultdict(int)

    def add(self, model: type, **values) -> None:
        columns = self.columns.get(model)
        if columns is None:
            columns = self.columns[model] = tuple(values)
        row = []
        for name in columns:
            value = values[name]
            if isinstance(value, uuid.UUID):
                value = value if self.native_uuid else value.hex
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            row.append(value)
        buffer = self.buffers[model]
        buffer.append(tuple(row))
        if len(buffer) >= BATCH_SIZE:
            self.flush(model)

    def flush(self, model: type | None = None) -> None:
        quote = self.connection.ops.quote_name
        for kind in [model] if model else list(self.buffers):
            buffer = self.buffers[kind]
            if not buffer:
                continue
            fields = {f.attname: f.column for f in kind._meta.concrete_fields}
            columns = [fields[name] for name in self.columns[kind]]
            sql = "INSERT INTO {} ({}) VALUES ({})".format(
                quote(kind._meta.db_table),
                ", ".join(quote(c) for c in columns),
                ", ".join(["%s"] * len(columns)),
            )
            with self.connection.cursor() as cursor:
                cursor.executemany(sql, buffer)
            self.counts[kind] += len(buffer)
            buffer.clear()


def _municipality_generate(
    municipality: _Municipality,
    *,
    births_per_year: int,
    years: list[int],
    seed: int,
    today: datetime.date,
    writer: _Writer,
    outcomes: dict[tuple[str, str, int], tuple[int, int | None, Decimal]],
    hood_births: dict[tuple[int, int], int],
) -> int:
    """Write the facts of one municipality; collect its open-data values. Returns births."""
    from kansrijk.referrals.services import add_working_days

    rng = random.Random(f"{seed}:{municipality.code}")
    deprivation = (rng.random() + rng.random()) / 2
    coverage = 0.74 + 0.12 * rng.random()
    referral_share = 0.5 + 0.2 * rng.random()
    in_time_share = 0.68 + 0.22 * rng.random()
    hood_deprivation = {
        hood: _clamp(deprivation + rng.gauss(0, 0.15)) for hood in municipality.hood_ids
    }
    themes, theme_weights = list(THEMES), list(THEMES.values())
    language_weights = [w * 4 if t == "language-and-literacy" else w for t, w in THEMES.items()]
    hoods, cumulative = municipality.hood_ids, municipality.hood_cumulative
    hood_total = cumulative[-1] if cumulative else 0.0
    synthetic, teenage, other_language, other = (
        Origin.SYNTHETIC.value,
        TargetGroup.TEENAGE.value,
        TargetGroup.OTHER_LANGUAGE.value,
        TargetGroup.OTHER.value,
    )
    born = 0

    def new_uuid() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    for year in years:
        first = datetime.date(year, 1, 1)
        last = min(datetime.date(year, 12, 31), today)
        span = (last - first).days + 1
        if span <= 0:
            continue
        births = births_per_year
        born += births
        for _birth in range(births):
            day = first + datetime.timedelta(days=rng.randrange(span))
            hood = None
            local = deprivation
            if hoods:
                hood = hoods[bisect.bisect_right(cumulative, rng.random() * hood_total)]
                local = hood_deprivation[hood]
                hood_births[(hood, year)] += 1
            draw = rng.random()
            if draw < 0.01 + 0.01 * local:
                group = teenage
            elif draw < 0.11 + 0.16 * local:
                group = other_language
            else:
                group = other
            if rng.random() < 0.05:
                started = min(day + datetime.timedelta(days=rng.randrange(90)), last)
                writer.add(
                    ParticipationFact,
                    source_uuid=new_uuid(),
                    origin=synthetic,
                    municipality_id=municipality.pk,
                    neighbourhood_id=hood,
                    target_group=group,
                    programme=PROGRAMMES[rng.randrange(2)],
                    started_on=started,
                    completed=rng.random() < 0.7,
                )
            if rng.random() >= coverage:
                continue
            elevated_share = 0.14 + 0.15 * local
            if group == teenage:
                elevated_share += 0.25
            elif group == other_language:
                elevated_share += 0.06
            elevated = rng.random() < elevated_share
            accumulated = elevated and rng.random() < (0.05 + 0.07 * local) / (0.15 + 0.15 * local)
            writer.add(
                ScreeningFact,
                source_uuid=new_uuid(),
                origin=synthetic,
                municipality_id=municipality.pk,
                neighbourhood_id=hood,
                target_group=group,
                screened_on=day,
                elevated=elevated,
                accumulated=accumulated,
            )
            if not elevated:
                continue
            if rng.random() < 0.03:
                writer.add(
                    CaseFact,
                    source_uuid=new_uuid(),
                    origin=synthetic,
                    municipality_id=municipality.pk,
                    neighbourhood_id=hood,
                    target_group=group,
                    discussed_on=min(day + datetime.timedelta(days=rng.randint(7, 60)), last),
                )
            if rng.random() >= referral_share:
                continue
            for _referral in range(1 if rng.random() < 0.65 else 2):
                sent = min(_weekday(day + datetime.timedelta(days=rng.randrange(22))), last)
                answered = started_on = closed = None
                in_time = with_outcome = False
                if rng.random() >= 0.08:
                    working_days = (
                        rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5))
                        if rng.random() < in_time_share
                        else rng.randint(6, 15)
                    )
                    answered = add_working_days(sent, working_days)
                    if answered > today:
                        answered = None
                    else:
                        in_time = working_days <= 5
                if answered is not None:
                    if rng.random() < 0.76:
                        wait = 1 + int(rng.expovariate(1 / (8 + 8 * local)))
                        started_on = answered + datetime.timedelta(days=min(wait, 120))
                        if started_on > today:
                            started_on = None
                    if started_on is not None:
                        if rng.random() < 0.9:
                            closed = started_on + datetime.timedelta(days=rng.randint(30, 240))
                            with_outcome = rng.random() < 0.8
                    elif rng.random() < 0.5:
                        closed = answered  # rejected: the loop closed without support
                    if closed is not None and closed > today:
                        closed, with_outcome = None, False
                writer.add(
                    ReferralFact,
                    source_uuid=new_uuid(),
                    origin=synthetic,
                    municipality_id=municipality.pk,
                    neighbourhood_id=hood,
                    target_group=group,
                    theme=rng.choices(
                        themes,
                        language_weights if group == other_language else theme_weights,
                    )[0],
                    sent_on=sent,
                    answered_on=answered,
                    answered_in_time=in_time,
                    support_started_on=started_on,
                    closed_on=closed,
                    closed_with_outcome=with_outcome,
                )
        # Outcome and context indicators of the year.
        year_rng = random.Random(f"{seed}:{municipality.code}:{year}")
        code = municipality.code
        outcomes[("births", code, year)] = (births, None, Decimal(births))
        for indicator, share, denominator in (
            ("preterm", 0.06 + 0.03 * deprivation, births),
            ("low-birth-weight", 0.05 + 0.03 * deprivation, births),
            ("small-for-gestational-age", 0.08 + 0.05 * deprivation, births),
            ("smoking-in-pregnancy", 0.04 + 0.10 * deprivation, births),
            ("perinatal-mortality", 0.007 + 0.005 * deprivation, births),
            ("low-income-children", 0.03 + 0.12 * deprivation, births * CHILDREN_PER_BIRTH),
        ):
            share = _clamp(share * (1 + year_rng.gauss(0, 0.05)))
            numerator = _binomial(year_rng, denominator, share)
            outcomes[(indicator, code, year)] = (numerator, denominator, None)
    return born


# --- open data ---------------------------------------------------------------------------------


def _value(code: str, numerator: int, denominator: int | None) -> Decimal:
    if denominator is None:
        return Decimal(numerator)
    if not denominator:
        return Decimal(0)
    scale = 1000 if code == "perinatal-mortality" else 100
    return (Decimal(numerator) * scale / Decimal(denominator)).quantize(
        ONE_DECIMAL, rounding=ROUND_HALF_UP
    )


def _open_data_write(
    municipalities: list[_Municipality],
    outcomes: dict[tuple[str, str, int], tuple[int, int | None, Decimal | None]],
    hood_births: dict[tuple[int, int], int],
) -> int:
    from kansrijk.indicators.services import catalogue_sync

    indicators = dict(Indicator.objects.filter(code__in=OUTCOME_CODES).values_list("code", "pk"))
    if len(indicators) < len(OUTCOME_CODES):
        catalogue_sync()
        indicators = dict(
            Indicator.objects.filter(code__in=OUTCOME_CODES).values_list("code", "pk")
        )
    batch = OpenDataImport.objects.filter(
        origin=Origin.SYNTHETIC, filename=IMPORT_FILENAME
    ).first() or OpenDataImport.objects.create(
        filename=IMPORT_FILENAME, source=IMPORT_SOURCE, rows=0, origin=Origin.SYNTHETIC
    )
    pks = [m.pk for m in municipalities]
    mine = OpenDataValue.objects.filter(batch__origin=Origin.SYNTHETIC)
    mine.filter(municipality_id__in=pks).delete()
    mine.filter(neighbourhood__municipality_id__in=pks).delete()
    mine.filter(region_code=COUNTRY_CODE).delete()
    # Values from a real source win over synthetic ones.
    taken = set(
        OpenDataValue.objects.exclude(batch__origin=Origin.SYNTHETIC)
        .filter(indicator_id__in=indicators.values())
        .values_list("indicator_id", "region_code", "year")
    ) | set(
        OpenDataValue.objects.filter(batch__origin=Origin.SYNTHETIC).values_list(
            "indicator_id", "region_code", "year"
        )
    )
    pk_of = {m.code: m.pk for m in municipalities}
    writer = _Writer()

    def add(code, region, year, numerator, denominator, municipality_id, hood_id=None):
        key = (indicators[code], region, year)
        if key in taken:
            return
        taken.add(key)
        writer.add(
            OpenDataValue,
            indicator_id=indicators[code],
            batch_id=batch.pk,
            region_code=region,
            municipality_id=municipality_id,
            neighbourhood_id=hood_id,
            year=year,
            numerator=numerator,
            denominator=denominator,
            value=_value(code, numerator, denominator),
        )

    for (code, region, year), (numerator, denominator, _v) in sorted(outcomes.items()):
        add(code, region, year, numerator, denominator, pk_of[region])
    by_hood: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (hood, year), births in hood_births.items():
        by_hood[hood].append((year, births))
    for municipality in municipalities:
        for hood, hood_code in municipality.hood_codes.items():
            for year, births in sorted(by_hood.get(hood, ())):
                add("births", hood_code, year, births, None, municipality.pk, hood)
    writer.flush()
    # The country: the sum of every synthetic municipality in the database.
    totals: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for indicator_id, year, numerator, denominator in OpenDataValue.objects.filter(
        batch=batch, municipality__isnull=False, neighbourhood__isnull=True
    ).values_list("indicator_id", "year", "numerator", "denominator"):
        totals[(indicator_id, year)][0] += numerator or 0
        totals[(indicator_id, year)][1] += denominator or 0
    code_of = {pk: code for code, pk in indicators.items()}
    for (indicator_id, year), (numerator, denominator) in sorted(totals.items()):
        key = (indicator_id, COUNTRY_CODE, year)
        if key in taken:
            continue
        code = code_of[indicator_id]
        denominator_or_none = None if code == "births" else denominator
        writer.add(
            OpenDataValue,
            indicator_id=indicator_id,
            batch_id=batch.pk,
            region_code=COUNTRY_CODE,
            municipality_id=None,
            neighbourhood_id=None,
            year=year,
            numerator=numerator,
            denominator=denominator_or_none,
            value=_value(code, numerator, denominator_or_none),
        )
    writer.flush()
    batch.rows = OpenDataValue.objects.filter(batch=batch).count()
    batch.imported_at = timezone.now()
    batch.save(update_fields=["rows", "imported_at"])
    return writer.counts[OpenDataValue]


# --- the whole run -----------------------------------------------------------------------------


def generate(
    *,
    births_per_year: int = 170_000,
    years: int = 5,
    last_year: int | None = None,
    seed: int = 1000,
    municipality_codes: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    refresh: bool = True,
) -> GenerateResult:
    """Replace the synthetic extract and open data of the given municipalities (all in the
    database when None) with `years` years ending in `last_year` (default: last year) of about
    `births_per_year` births in total, then rebuild the monthly aggregate (unless `refresh` is
    false: a caller that generates in parts rebuilds it once at the end).
    `progress(done, total)` is called after each municipality. Raises GenerateError on bad
    input, writing nothing."""
    from kansrijk.indicators.services import aggregate_refresh

    began = time.perf_counter()
    today = timezone.localdate()
    last_year = today.year - 1 if last_year is None else last_year
    if births_per_year < 0:
        raise GenerateError(_("The number of births per year cannot be negative."))
    if years < 1:
        raise GenerateError(_("Generate at least one year."))
    first_year = last_year - years + 1
    if first_year > today.year:
        raise GenerateError(
            _("The years %(first)d-%(last)d are all in the future.")
            % {"first": first_year, "last": last_year}
        )
    if municipality_codes is not None and not municipality_codes:
        raise GenerateError(_("Name at least one municipality."))
    municipalities = _municipalities(municipality_codes)
    if not municipalities:
        raise GenerateError(_("There are no municipalities: load the regions first."))
    year_list = list(range(first_year, last_year + 1))
    shares = _shares(births_per_year, [m.weight for m in municipalities])
    result = GenerateResult(municipalities=len(municipalities))
    writer = _Writer()
    outcomes: dict[tuple[str, str, int], tuple[int, int | None, Decimal | None]] = {}
    hood_births: dict[tuple[int, int], int] = defaultdict(int)
    pks = [m.pk for m in municipalities]
    with transaction.atomic():
        for model in (ScreeningFact, ReferralFact, CaseFact, ParticipationFact):
            for start in range(0, len(pks), 500):
                model.objects.filter(
                    origin=Origin.SYNTHETIC, municipality_id__in=pks[start : start + 500]
                ).delete()
        if progress:
            progress(0, len(municipalities))
        for done, (municipality, births) in enumerate(
            zip(municipalities, shares, strict=True), start=1
        ):
            result.births += _municipality_generate(
                municipality,
                births_per_year=births,
                years=year_list,
                seed=seed,
                today=today,
                writer=writer,
                outcomes=outcomes,
                hood_births=hood_births,
            )
            if progress:
                progress(done, len(municipalities))
        writer.flush()
        result.open_data_values = _open_data_write(municipalities, outcomes, hood_births)
    result.screenings = writer.counts[ScreeningFact]
    result.referrals = writer.counts[ReferralFact]
    result.cases = writer.counts[CaseFact]
    result.participations = writer.counts[ParticipationFact]
    result.counts = {
        "screenings": result.screenings,
        "referrals": result.referrals,
        "cases": result.cases,
        "participations": result.participations,
        "open_data_values": result.open_data_values,
    }
    result.first_day = datetime.date(first_year, 1, 1)
    result.last_day = min(datetime.date(last_year, 12, 31), today)
    refreshed = time.perf_counter()
    if refresh:
        aggregate_refresh()
    result.aggregate_seconds = round(time.perf_counter() - refreshed, 2)
    result.seconds = round(time.perf_counter() - began, 2)
    return result
