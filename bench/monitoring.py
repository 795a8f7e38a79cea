"""Monitoring benchmark: every process indicator for every municipality and quarter over five
years of synthetic national data, against DuckDB's raw aggregation of the same counts.

In a throwaway SQLite database (a fresh file under --results-dir, removed afterwards; its own
subprocess, because Django's settings are per process):
(a) migrate, load the regions (all neighbourhoods) and run `kansrijk generate` at national scale
    (170,000 births a year, 5 years; --quick: 10,000 a year, 2 years), timed;
(b) time `aggregate_refresh()` (rebuilding the monthly aggregate from the whole extract);
(c) time `municipality_quarter_figures(start, end)` over the whole period, best of 3: Kansrijk
    computes every indicator for every municipality and quarter;
(d) export the fact tables once to CSV and load them into an in-memory DuckDB (not timed), then
    time DuckDB aggregating the same counts straight from the raw fact rows per municipality
    and quarter (counts, sums and the median days to support), best of 3;
(e) verify that every count and median is equal (the run fails on any difference);
(f) print Kansrijk / DuckDB for (c), and for (b)+(c) (the full cost, rebuilding the aggregate
    included), with the aim "< 2";
(g) the dashboard page's p50/p95 for a policy adviser of a Zaanstad coalition (Django's test
    client, in process), with the aim "< 300 ms".

    python -m bench monitoring                      # national: 170,000 births a year, 5 years
    python -m bench monitoring --quick              # 10,000 births a year, 2 years
    python -m bench.monitoring --births-per-year 1500 --years 1 --municipality GM0479 GM0917

Synthetic data only (see kansrijk.indicators.synthetic).
"""

import argparse
import csv
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
AIM_RATIO = 2.0
AIM_PAGE_MS = 300.0
COALITION_SLUG = "bench-kansrijke-start-zaanstad"
ONE_DECIMAL = Decimal("0.1")

# The raw fact rows exported for DuckDB: table, date column, columns.
EXPORTS = {
    "screening": (
        "indicators_screeningfact",
        ["municipality_id", "neighbourhood_id", "screened_on", "elevated", "accumulated"],
    ),
    "referral": (
        "indicators_referralfact",
        [
            "municipality_id",
            "neighbourhood_id",
            "sent_on",
            "answered_on",
            "answered_in_time",
            "support_started_on",
            "closed_on",
            "closed_with_outcome",
        ],
    ),
    "discussed_case": (
        "indicators_casefact",
        ["municipality_id", "neighbourhood_id", "discussed_on"],
    ),
    "participation": (
        "indicators_participationfact",
        ["municipality_id", "neighbourhood_id", "started_on", "completed"],
    ),
}
BOOLEAN_COLUMNS = {
    "elevated",
    "accumulated",
    "answered_in_time",
    "closed_with_outcome",
    "completed",
}
DUCKDB_TYPES = {
    "municipality_id": "BIGINT",
    "neighbourhood_id": "BIGINT",
    **{c: "INTEGER" for c in BOOLEAN_COLUMNS},
}
# DuckDB's raw aggregation: per fact table, the counts per municipality and quarter of the
# cohort date (the day a screening, referral, case discussion or group participation began).
DUCKDB_QUERIES = {
    "screening": """
        SELECT m.code, year(f.screened_on) AS y, quarter(f.screened_on) AS q,
               count(*) AS screened, sum(f.elevated) AS elevated,
               sum(f.accumulated) AS accumulated
        FROM screening f JOIN municipality m ON m.id = f.municipality_id
        WHERE f.screened_on BETWEEN $start AND $end
        GROUP BY ALL
    """,
    "referral": """
        SELECT m.code, year(f.sent_on) AS y, quarter(f.sent_on) AS q,
               count(*) AS referrals, count(f.answered_on) AS answered,
               sum(f.answered_in_time) AS answered_in_time,
               count(f.support_started_on) AS support_started, count(f.closed_on) AS closed,
               sum(f.closed_with_outcome) AS closed_with_outcome,
               median(f.support_started_on - f.sent_on) AS support_days_median
        FROM referral f JOIN municipality m ON m.id = f.municipality_id
        WHERE f.sent_on BETWEEN $start AND $end
        GROUP BY ALL
    """,
    "discussed_case": """
        SELECT m.code, year(f.discussed_on) AS y, quarter(f.discussed_on) AS q,
               count(*) AS cases_discussed
        FROM discussed_case f JOIN municipality m ON m.id = f.municipality_id
        WHERE f.discussed_on BETWEEN $start AND $end
        GROUP BY ALL
    """,
    "participation": """
        SELECT m.code, year(f.started_on) AS y, quarter(f.started_on) AS q,
               count(*) AS participants, sum(f.completed) AS completed
        FROM participation f JOIN municipality m ON m.id = f.municipality_id
        WHERE f.started_on BETWEEN $start AND $end
        GROUP BY ALL
    """,
}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench monitoring", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--births-per-year", type=int, default=170_000, help="(170000)")
    parser.add_argument("--years", type=int, default=5, help="(5)")
    parser.add_argument("--last-year", type=int, help="default: last year")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument(
        "--municipality", nargs="+", metavar="GM0479", help="only these municipalities"
    )
    parser.add_argument("--repeats", type=int, default=3, help="best of N timings (3)")
    parser.add_argument("--page-requests", type=int, default=50, help="dashboard requests (50)")
    parser.add_argument("--quick", action="store_true", help="10,000 births a year, 2 years")
    parser.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    parser.add_argument("--output", type=Path, help="JSON (results-dir/monitoring-latest.json)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # a database URL: run the part
    args = parser.parse_args(argv)
    if args.quick:
        args.births_per_year = min(args.births_per_year, 10_000)
        args.years = min(args.years, 2)
        args.page_requests = min(args.page_requests, 10)
    if args.births_per_year < 1 or args.years < 1 or args.repeats < 1 or args.page_requests < 1:
        parser.error("--births-per-year, --years, --repeats and --page-requests must be positive")
    if args.output is None:
        args.output = args.results_dir / (
            "monitoring-latest-quick.json" if args.quick else "monitoring-latest.json"
        )
    return args


def _summary(seconds: list[float]) -> dict[str, float]:
    ms = sorted(s * 1000 for s in seconds)
    cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {
        "n": len(ms),
        "p50_ms": round(cuts[49], 3),
        "p95_ms": round(cuts[94], 3),
        "mean_ms": round(statistics.fmean(ms), 3),
        "max_ms": round(ms[-1], 3),
    }


def _best(function, repeats: int):
    """(best seconds of `repeats` runs, all seconds, the last result)."""
    timings, result = [], None
    for _ in range(repeats):
        began = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - began)
    return min(timings), [round(t, 4) for t in timings], result


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the worker: one database, Django set up on it ---------------------------------------------


def _progress(done: int, total: int, state={"tenth": -1}) -> None:  # noqa: B006
    tenth = 10 * done // max(total, 1)
    if tenth > state["tenth"]:
        state["tenth"] = tenth
        _log(f"  generate: {done}/{total} municipalities")


def export_facts(directory: Path) -> dict:
    """The fact tables (and municipality id -> code) as CSV files, once."""
    from django.db import connection

    began = time.perf_counter()
    directory.mkdir(parents=True, exist_ok=True)
    rows = {}
    tables = {**EXPORTS, "municipality": ("regions_municipality", ["id", "code"])}
    with connection.cursor() as cursor:
        for name, (table, columns) in tables.items():
            selected = ", ".join(
                f"CASE WHEN {c} THEN 1 ELSE 0 END" if c in BOOLEAN_COLUMNS else c for c in columns
            )
            cursor.execute(f"SELECT {selected} FROM {table}")  # noqa: S608 (constants)
            path = directory / f"{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as file:
                writer = csv.writer(file)
                writer.writerow(columns)
                count = 0
                while batch := cursor.fetchmany(10_000):
                    writer.writerows(batch)
                    count += len(batch)
            rows[name] = count
    return {"seconds": round(time.perf_counter() - began, 2), "rows": rows}


def duckdb_load(directory: Path):
    import duckdb

    database = duckdb.connect(":memory:")
    tables = {**EXPORTS, "municipality": ("", ["id", "code"])}
    for name, (_table, columns) in tables.items():
        types = {
            c: DUCKDB_TYPES.get(c, "DATE" if c.endswith("_on") else "VARCHAR") for c in columns
        }
        types["id"] = "BIGINT"
        types = {c: types[c] for c in columns}
        database.execute(
            f"CREATE TABLE {name} AS SELECT * FROM read_csv($path, header = true, "
            f"columns = {types!r})",
            {"path": str(directory / f"{name}.csv")},
        )
    return database


def duckdb_counts(database, start: datetime.date, end: datetime.date) -> dict:
    """{(municipality code, quarter label): {measure: count, "support_days_median": float}}."""
    counts: dict[tuple[str, str], dict] = {}
    for query in DUCKDB_QUERIES.values():
        cursor = database.execute(query, {"start": start, "end": end})
        names = [d[0] for d in cursor.description][3:]
        for code, year, quarter, *values in cursor.fetchall():
            counts.setdefault((code, f"{year}-K{quarter}"), {}).update(
                zip(names, values, strict=True)
            )
    return counts


def _half_up(value: float | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def verify(figures: dict, counts: dict) -> dict:
    """Every figure's counts (and every median) equal to DuckDB's; every municipality and quarter
    with facts present on both sides."""
    from kansrijk.indicators.constants import IndicatorKind, Statistic
    from kansrijk.indicators.models import Indicator

    indicators = {i.code: i for i in Indicator.objects.filter(kind=IndicatorKind.PROCESS)}
    problems: list[str] = []
    checked = 0
    for (code, municipality, quarter), figure in figures.items():
        indicator = indicators[code]
        raw = counts.get((municipality, quarter), {})

        def expect(what, kansrijk, duck, key=(code, municipality, quarter)):
            if kansrijk != duck:
                problems.append(f"{key} {what}: Kansrijk {kansrijk!r}, DuckDB {duck!r}")

        if indicator.statistic == Statistic.MEDIAN:
            base = getattr(figure, "base_count", None)
            base = figure.denominator if base is None else base
            expect("referrals with support", base or 0, raw.get("support_started", 0))
            expect("median days", figure.value, _half_up(raw.get("support_days_median")))
        else:
            expect("numerator", figure.numerator, raw.get(indicator.numerator_measure, 0))
            if indicator.statistic == Statistic.RATIO:
                expect("denominator", figure.denominator, raw.get(indicator.denominator_measure, 0))
        checked += 1
    kansrijk_cells = {(m, q) for (_c, m, q) in figures}
    duck_cells = {cell for cell, values in counts.items() if any(values.values())}
    for cell in sorted(duck_cells - kansrijk_cells)[:20]:
        problems.append(f"{cell}: DuckDB has facts, Kansrijk has no figures")
    for cell in sorted(kansrijk_cells - set(counts))[:20]:
        problems.append(f"{cell}: Kansrijk has figures, DuckDB has no facts")
    return {
        "passed": not problems,
        "figures_checked": checked,
        "cells": len(kansrijk_cells),
        "indicators": len(indicators),
        "problems": problems[:50],
        "problem_count": len(problems),
    }


def measure_dashboard(*, requests: int) -> dict:
    """p50/p95 of the dashboard page for a policy adviser of a Zaanstad coalition."""
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.services import user_create
    from kansrijk.organisations.constants import Domain
    from kansrijk.organisations.services import coalition_create, organisation_create

    try:
        url = reverse("monitoring:dashboard", kwargs={"slug": COALITION_SLUG})
    except NoReverseMatch:
        return {"skipped": "no dashboard URL"}
    organisation = organisation_create(
        name="GGD Zaanstreek-Waterland (bench)", domain=Domain.PUBLIC_HEALTH
    )
    coalition_create(
        slug=COALITION_SLUG,
        name="Kansrijke Start Zaanstad (bench)",
        municipality_codes=["GM0479"],
        member_organisations=[organisation],
    )
    user = user_create(
        username="bench-beleidsadviseur",
        password=None,
        organisation=organisation,
        roles=[Role.POLICY_ADVISER],
        first_name="Bench",
        last_name="Beleidsadviseur",
    )
    client = Client()
    client.force_login(user)
    first = client.get(url)  # warm up: imports, templates, translations
    if first.status_code != 200:
        return {"url": url, "failed": f"status {first.status_code}"}
    seconds = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - began)
        if response.status_code != 200:
            return {"url": url, "failed": f"status {response.status_code}"}
    return {"url": url, "bytes": len(first.content), **_summary(seconds)}


def worker(args: argparse.Namespace) -> None:
    """Set Django up on args.worker (a database URL), build, measure, print JSON."""
    os.environ["DATABASE_URL"] = args.worker
    os.environ["DJANGO_SETTINGS_MODULE"] = "kansrijk.conf.settings"
    os.environ["DEBUG"] = "0"
    os.environ.pop("DATABASE_CONN_MAX_AGE", None)
    import django

    django.setup()
    from django.core.management import call_command

    from kansrijk.indicators.selectors import municipality_quarter_figures
    from kansrijk.indicators.services import aggregate_refresh
    from kansrijk.indicators.synthetic import generate
    from kansrijk.regions.services import regions_load

    report: dict = {"database": "sqlite"}
    began = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    regions_load(municipality_codes=args.municipality)
    report["migrate_and_regions_seconds"] = round(time.perf_counter() - began, 2)
    _log(f"  migrated and loaded the regions in {report['migrate_and_regions_seconds']:.1f} s")

    result = generate(
        births_per_year=args.births_per_year,
        years=args.years,
        last_year=args.last_year,
        seed=args.seed,
        municipality_codes=args.municipality,
        progress=_progress,
    )
    start, end = result.first_day, result.last_day
    report["generated"] = {
        "seconds": result.seconds,
        "aggregate_seconds_within": result.aggregate_seconds,
        "municipalities": result.municipalities,
        "births": result.births,
        "first_day": start.isoformat(),
        "last_day": end.isoformat(),
        **result.counts,
    }
    _log(f"  generated in {result.seconds:.1f} s")

    began = time.perf_counter()
    refresh = aggregate_refresh()
    report["aggregate_refresh"] = {
        "seconds": round(time.perf_counter() - began, 3),
        "facts": refresh.facts,
        "rows": refresh.rows,
    }
    _log(f"  aggregate_refresh in {report['aggregate_refresh']['seconds']:.1f} s")

    best, timings, figures = _best(
        lambda: municipality_quarter_figures(start=start, end=end), args.repeats
    )
    report["kansrijk"] = {"seconds": round(best, 4), "runs": timings, "figures": len(figures)}

    export_dir = args.results_dir / f"monitoring-export-{os.getpid()}"
    try:
        report["export"] = export_facts(export_dir)
        database = duckdb_load(export_dir)
    finally:
        for leftover in export_dir.glob("*.csv"):
            leftover.unlink()
        if export_dir.exists():
            export_dir.rmdir()
    import duckdb

    best, timings, counts = _best(lambda: duckdb_counts(database, start, end), args.repeats)
    report["duckdb"] = {
        "version": duckdb.__version__,
        "seconds": round(best, 4),
        "runs": timings,
        "cells": len(counts),
    }
    report["verification"] = verify(figures, counts)
    duck = report["duckdb"]["seconds"] or 1e-9
    report["ratio"] = {
        "figures": round(report["kansrijk"]["seconds"] / duck, 2),
        "refresh_and_figures": round(
            (report["aggregate_refresh"]["seconds"] + report["kansrijk"]["seconds"]) / duck, 2
        ),
        "aim": AIM_RATIO,
    }
    report["dashboard"] = measure_dashboard(requests=args.page_requests)
    print(json.dumps(report))


# --- the run -----------------------------------------------------------------------------------


def run_sqlite(args: argparse.Namespace) -> dict:
    path = (args.results_dir / f"monitoring-bench-{os.getpid()}.sqlite3").resolve()
    command = [
        sys.executable,
        "-m",
        "bench.monitoring",
        "--worker",
        f"sqlite:///{path}",
        "--births-per-year",
        str(args.births_per_year),
        "--years",
        str(args.years),
        "--seed",
        str(args.seed),
        "--repeats",
        str(args.repeats),
        "--page-requests",
        str(args.page_requests),
        "--results-dir",
        str(args.results_dir),
    ]
    if args.last_year is not None:
        command += ["--last-year", str(args.last_year)]
    if args.municipality:
        command += ["--municipality", *args.municipality]
    try:
        # The worker's progress goes straight to stderr; its report is its last stdout line.
        completed = subprocess.run(
            command, cwd=PROJECT_DIR, stdout=subprocess.PIPE, text=True, check=False
        )
    finally:
        for leftover in (path, *path.parent.glob(path.name + "-*")):
            leftover.unlink(missing_ok=True)
    if completed.returncode != 0:
        sys.exit(f"The monitoring benchmark failed (exit {completed.returncode}).")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _print(report: dict) -> None:
    part = report["parts"][0]
    g = part["generated"]
    print(
        f"\nMonitoring benchmark: {g['births']:,} synthetic births in {g['municipalities']} "
        f"municipalities, {g['first_day']} to {g['last_day']} (seed {report['seed']})"
    )
    print(
        f"  generate: {g['screenings']:,} screenings, {g['referrals']:,} referrals, "
        f"{g['cases']:,} cases, {g['participations']:,} group participants, "
        f"{g['open_data_values']:,} open-data values in {g['seconds']:.1f} s "
        f"(aggregate included: {g['aggregate_seconds_within']:.1f} s)"
    )
    refresh, kansrijk, duck = part["aggregate_refresh"], part["kansrijk"], part["duckdb"]
    print(
        f"  (b) aggregate_refresh: {refresh['seconds']:.3f} s "
        f"({refresh['facts']:,} facts -> {refresh['rows']:,} aggregate rows)"
    )
    print(
        f"  (c) Kansrijk, every indicator x municipality x quarter: {kansrijk['seconds']:.4f} s "
        f"(best of {len(kansrijk['runs'])}; {kansrijk['figures']:,} figures)"
    )
    print(
        f"  (d) DuckDB {duck['version']}, raw aggregation of the same counts: "
        f"{duck['seconds']:.4f} s (best of {len(duck['runs'])}; {duck['cells']:,} "
        f"municipality-quarters; export once, not timed: {part['export']['seconds']:.1f} s)"
    )
    check = part["verification"]
    if check["passed"]:
        print(
            f"  (e) verification passed: {check['figures_checked']:,} figures of "
            f"{check['indicators']} indicators in {check['cells']:,} municipality-quarters "
            "equal DuckDB's counts and medians"
        )
    else:
        print(f"  (e) VERIFICATION FAILED: {check['problem_count']} differences")
        for problem in check["problems"][:20]:
            print(f"      {problem}")
    ratio = part["ratio"]
    print(
        f"  (f) ratio Kansrijk/DuckDB: {ratio['figures']:.2f} (aim < {AIM_RATIO:g}) "
        f"{'ok' if ratio['figures'] < AIM_RATIO else 'ABOVE AIM'}"
    )
    print(
        f"      ratio incl. aggregate_refresh: {ratio['refresh_and_figures']:.2f} "
        f"(aim < {AIM_RATIO:g}) "
        f"{'ok' if ratio['refresh_and_figures'] < AIM_RATIO else 'ABOVE AIM'}"
    )
    page = part["dashboard"]
    if "skipped" in page:
        print(f"  (g) dashboard: skipped: {page['skipped']}")
    elif "failed" in page:
        print(f"  (g) dashboard {page['url']}: FAILED ({page['failed']})")
    else:
        print(
            f"  (g) dashboard {page['url']}: p50 {page['p50_ms']:.1f} ms, "
            f"p95 {page['p95_ms']:.1f} ms over {page['n']} requests (aim p95 < "
            f"{AIM_PAGE_MS:g} ms) {'ok' if page['p95_ms'] < AIM_PAGE_MS else 'ABOVE AIM'}"
        )
    print(f"\nWritten to {report['output']}")


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    if args.worker:
        worker(args)
        return
    args.results_dir = args.results_dir.resolve()
    args.results_dir.mkdir(parents=True, exist_ok=True)
    print(
        f"SQLite: {args.births_per_year:,} births a year, {args.years} years ...",
        flush=True,
    )
    part = run_sqlite(args)
    report = {
        "benchmark": "monitoring",
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "births_per_year": args.births_per_year,
        "years": args.years,
        "seed": args.seed,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1_5_15": os.getloadavg(),
        "parts": [part],
        "output": str(args.output),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    _print(report)
    failed = not part["verification"]["passed"] or "failed" in part["dashboard"]
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
