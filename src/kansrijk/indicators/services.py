"""Writes of the indicators app: the catalogue, the monitoring extract and its aggregate."""

from __future__ import annotations

import datetime
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from kansrijk.indicators.constants import COUNT_MEASURES, Breakdown, Period
from kansrijk.indicators.models import (
    AggregateRefresh,
    CaseFact,
    Indicator,
    MonthlyAggregate,
    ParticipationFact,
    ReferralFact,
    ScreeningFact,
)

CATALOGUE_FILE = Path(__file__).parent / "data" / "catalogue.json"
BATCH_SIZE = 5000


def catalogue_load() -> list[dict[str, Any]]:
    return json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def catalogue_sync() -> int:
    """Bring the indicator table in line with the catalogue file (add and update; an
    indicator left out of the file stays, since targets and values may point at it)."""
    for entry in catalogue_load():
        fields = {key: value for key, value in entry.items() if key != "code"}
        Indicator.objects.update_or_create(code=entry["code"], defaults=fields)
    return Indicator.objects.count()


def catalogue_sync_after_migrate(sender, **kwargs) -> None:
    catalogue_sync()


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class _Counter:
    """Counts for one aggregate row."""

    __slots__ = ("counts", "days")

    def __init__(self) -> None:
        self.counts = dict.fromkeys(COUNT_MEASURES, 0)
        self.days: dict[str, int] = defaultdict(int)


def _add(
    rows: dict[tuple, _Counter],
    *,
    municipality_id: int,
    neighbourhood_id: int | None,
    month: datetime.date,
    breakdowns: Iterable[tuple[str, str]],
    counts: dict[str, int],
    days: int | None = None,
) -> None:
    """Add one fact to the country's and the municipality's rows in total and in each of its
    breakdowns, and to its neighbourhood's total row (neighbourhoods are compared in total
    only: broken down further, nearly every cell would rest on fewer than 10 people)."""
    for breakdown, value in ((Breakdown.TOTAL.value, ""), *breakdowns):
        places = [(None, None), (municipality_id, None)]
        if neighbourhood_id and not breakdown:
            places.append((municipality_id, neighbourhood_id))
        for municipality, neighbourhood in places:
            key = (municipality, neighbourhood, month, breakdown, value)
            counter = rows.get(key)
            if counter is None:
                counter = rows[key] = _Counter()
            for measure, amount in counts.items():
                counter.counts[measure] += amount
            if days is not None:
                counter.days[str(days)] += 1


def _rolled_up(months: dict[tuple, _Counter]) -> dict[tuple, _Counter]:
    """Quarter and year rows summed from the month rows, keyed (grain, ...): a quarter's
    figures then read one row per area instead of three (a national computation of every
    municipality and quarter reads 6,800 rows, not 20,000)."""
    rows = {(Period.MONTH.value, *key): counter for key, counter in months.items()}
    for (muni, hood, month, breakdown, value), counter in months.items():
        starts = (
            (Period.QUARTER.value, month.replace(month=(month.month - 1) // 3 * 3 + 1)),
            (Period.YEAR.value, month.replace(month=1)),
        )
        for grain, start in starts:
            key = (grain, muni, hood, start, breakdown, value)
            total = rows.get(key)
            if total is None:
                total = rows[key] = _Counter()
            for measure, amount in counter.counts.items():
                total.counts[measure] += amount
            for days, count in counter.days.items():
                total.days[days] += count
    return rows


def _organisation(value: int | None) -> tuple[str, str]:
    return (Breakdown.ORGANISATION.value, str(value) if value else "")


def _aggregate_write(rows: dict[tuple, _Counter]) -> None:
    """Insert the aggregate rows with plain parameterised SQL: the ORM's per-object work would
    take most of a national refresh (about 10 times slower here)."""
    table = connection.ops.quote_name(MonthlyAggregate._meta.db_table)
    columns = [
        "grain",
        "municipality_id",
        "neighbourhood_id",
        "month",
        "breakdown",
        "breakdown_value",
        "support_days",
        *COUNT_MEASURES,
    ]
    sql = (
        f"INSERT INTO {table} ({', '.join(connection.ops.quote_name(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    values = (
        (
            grain,
            muni,
            hood,
            month,
            breakdown,
            value[:60],
            json.dumps(counter.days),
            *counter.counts.values(),
        )
        for (grain, muni, hood, month, breakdown, value), counter in rows.items()
    )
    with connection.cursor() as cursor:
        while batch := list(islice(values, BATCH_SIZE)):
            cursor.executemany(sql, batch)


def aggregate_refresh(*, progress: Callable[[str, int], None] | None = None) -> AggregateRefresh:
    """Rebuild the monthly aggregate from the whole extract. Each fact counts in the month its
    cohort starts (screening, referral sent, case discussed, group started), so a quarter's
    shares describe the referrals of that quarter however long they take to close."""
    started = time.perf_counter()
    rows: dict[tuple, _Counter] = {}
    facts = 0
    for muni, hood, group, org, day, elevated, accumulated in ScreeningFact.objects.values_list(
        "municipality_id",
        "neighbourhood_id",
        "target_group",
        "organisation_id",
        "screened_on",
        "elevated",
        "accumulated",
    ).iterator(chunk_size=BATCH_SIZE):
        facts += 1
        _add(
            rows,
            municipality_id=muni,
            neighbourhood_id=hood,
            month=_month(day),
            breakdowns=(("target_group", group), _organisation(org)),
            counts={"screened": 1, "elevated": int(elevated), "accumulated": int(accumulated)},
        )
    if progress:
        progress("screenings", facts)
    for (
        muni,
        hood,
        group,
        sender,
        theme,
        sent,
        answered,
        in_time,
        started_on,
        closed,
        with_outcome,
    ) in ReferralFact.objects.values_list(
        "municipality_id",
        "neighbourhood_id",
        "target_group",
        "sender_organisation_id",
        "theme",
        "sent_on",
        "answered_on",
        "answered_in_time",
        "support_started_on",
        "closed_on",
        "closed_with_outcome",
    ).iterator(chunk_size=BATCH_SIZE):
        facts += 1
        _add(
            rows,
            municipality_id=muni,
            neighbourhood_id=hood,
            month=_month(sent),
            breakdowns=(("theme", theme), ("target_group", group), _organisation(sender)),
            counts={
                "referrals": 1,
                "answered": int(answered is not None),
                "answered_in_time": int(in_time),
                "support_started": int(started_on is not None),
                "closed": int(closed is not None),
                "closed_with_outcome": int(with_outcome),
            },
            days=(started_on - sent).days if started_on else None,
        )
    if progress:
        progress("referrals", facts)
    for muni, hood, group, day in CaseFact.objects.values_list(
        "municipality_id", "neighbourhood_id", "target_group", "discussed_on"
    ).iterator(chunk_size=BATCH_SIZE):
        facts += 1
        _add(
            rows,
            municipality_id=muni,
            neighbourhood_id=hood,
            month=_month(day),
            breakdowns=(("target_group", group),),
            counts={"cases_discussed": 1},
        )
    for muni, hood, group, day, completed in ParticipationFact.objects.values_list(
        "municipality_id", "neighbourhood_id", "target_group", "started_on", "completed"
    ).iterator(chunk_size=BATCH_SIZE):
        facts += 1
        _add(
            rows,
            municipality_id=muni,
            neighbourhood_id=hood,
            month=_month(day),
            breakdowns=(("target_group", group),),
            counts={"participants": 1, "completed": int(completed)},
        )
    if progress:
        progress("cases and groups", facts)
    rows = _rolled_up(rows)
    with transaction.atomic():
        MonthlyAggregate.objects.all().delete()
        _aggregate_write(rows)
        refresh = AggregateRefresh.objects.create(
            finished_at=timezone.now(),
            facts=facts,
            rows=len(rows),
            seconds=round(time.perf_counter() - started, 3),
        )
    return refresh


@transaction.atomic
def facts_refresh() -> dict[str, int]:
    """Replace the extract of Kansrijk's own records with a fresh one from the registered
    sources (synthetic facts stay). Returns the number of facts per kind."""
    from kansrijk.indicators.constants import Origin
    from kansrijk.indicators.extract import FACT_MODELS, sources

    written: dict[str, int] = {}
    for kind, model in FACT_MODELS.items():
        model.objects.filter(origin=Origin.KANSRIJK).delete()
        batch = [
            model(origin=Origin.KANSRIJK, **fact) for source in sources(kind) for fact in source()
        ]
        model.objects.bulk_create(batch, batch_size=BATCH_SIZE)
        written[kind] = len(batch)
    return written


def monitoring_refresh() -> AggregateRefresh:
    """The nightly job: a fresh extract, then the aggregate."""
    facts_refresh()
    return aggregate_refresh()
