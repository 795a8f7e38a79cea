"""Directory search benchmark.

Builds (or reuses) a synthetic national directory in its own SQLite file under bench/results/,
then measures search latency in-process and over HTTP under concurrent load. Every figure is
also given as a ratio to /healthz measured in the same run on the same machine, so results from
different machines can be compared.

    python -m bench                      # 50,000 services, 2,000 requests, 8 clients
    python -m bench --quick              # small smoke run
    python -m bench --regenerate         # rebuild the cached database
"""

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from bench import GENERATOR_VERSION

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
PAGE_SIZE = 20
SERVER_THREADS = 8

API_PATH = "/api/hsds/services"
HTML_PATH = "/sociale-kaart/"


def api_path(query) -> str:
    """The HSDS API search for a workload query. The API (HSDS 3.0) filters by text and by one
    taxonomy term; the place and the narrower filters exist only in the HTML search."""
    params = [("per_page", str(PAGE_SIZE))]
    if query.query:
        params.append(("search", query.query))
    if query.theme_codes:
        from kansrijk.directory.kansrijke_start_taxonomy import term_id

        params.append(("taxonomy_term_id", str(term_id(query.theme_codes[0]))))
    return f"{API_PATH}?{urlencode(params)}"


def html_path(query) -> str:
    """The sociale kaart's search page for a workload query (GET parameters of
    directory/views/search.py)."""
    params = []
    if query.query:
        params.append(("q", query.query))
    if query.municipality_code:
        params.append(("gemeente", query.municipality_code))
    if query.neighbourhood_code:
        params.append(("buurt", query.neighbourhood_code))
    params += [("thema", c) for c in query.theme_codes]
    params += [("doelgroep", c) for c in query.target_group_codes]
    params += [("fase", c) for c in query.phase_codes]
    if query.language_code:
        params.append(("taal", query.language_code))
    if query.free_of_charge:
        params.append(("gratis", "1"))
    if query.self_referral:
        params.append(("zelf_aanmelden", "1"))
    return f"{HTML_PATH}?{urlencode(params)}"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[1])
    parser.add_argument("--services", type=int, default=50_000, help="directory size (50000)")
    parser.add_argument(
        "--requests", type=int, default=2000, help="searches per measurement (2000)"
    )
    parser.add_argument("--concurrency", type=int, default=8, help="HTTP client threads (8)")
    parser.add_argument("--seed", type=int, default=1000, help="random seed of data and queries")
    parser.add_argument("--quick", action="store_true", help="smoke run: 500 services, 60 requests")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the cached database")
    parser.add_argument("--reindex", action="store_true", help="rebuild and time the search index")
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP measurements")
    parser.add_argument(
        "--prepare-only", action="store_true", help="build the database and index, measure nothing"
    )
    parser.add_argument(
        "--results-dir", type=Path, default=BENCH_DIR / "results", help="databases and output"
    )
    parser.add_argument("--output", type=Path, help="JSON output (results-dir/latest.json)")
    args = parser.parse_args(argv)
    if args.quick:
        args.services, args.requests = min(args.services, 500), min(args.requests, 60)
    if args.services < 342:
        parser.error("--services must be at least 342 (one per municipality)")
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be positive")
    if args.output is None:
        args.output = args.results_dir / ("latest-quick.json" if args.quick else "latest.json")
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


def _ratios(figures: dict, baseline: dict) -> dict[str, float]:
    return {
        "p50_ratio": round(figures["p50_ms"] / baseline["p50_ms"], 1),
        "p95_ratio": round(figures["p95_ms"] / baseline["p95_ms"], 1),
    }


def _index_fingerprint() -> str:
    """What the search index depends on: the indexing code, the models and the migrations."""
    from django.db.migrations.recorder import MigrationRecorder

    from kansrijk.directory import search

    digest = hashlib.sha256()
    directory = Path(search.__file__).parent
    for path in [Path(search.__file__), *sorted((directory / "models").glob("*.py"))]:
        digest.update(path.read_bytes())
    applied = MigrationRecorder.Migration.objects.values_list("app", "name").order_by("app", "name")
    digest.update(repr(list(applied)).encode())
    return digest.hexdigest()[:16]


def _migration_files() -> dict[str, str]:
    """The project's migrations with a hash of their text."""
    return {
        f"{path.parent.parent.name}/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for path in sorted((PROJECT_DIR / "src" / "kansrijk").glob("*/migrations/0*.py"))
    }


def _checkpoint() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def database_prepare(*, args: argparse.Namespace, db_path: Path, meta_path: Path) -> dict:
    """Migrate, load regions and generate the directory unless the cached copy fits; rebuild
    the search index when its code changed. Returns the database's description."""
    from django.core.management import call_command

    meta = json.loads(meta_path.read_text()) if meta_path.exists() and db_path.exists() else None
    migrations = _migration_files()
    if meta is not None and not args.regenerate:
        # A migration edited or removed since the database was built cannot be migrated.
        changed = [k for k, v in meta.get("migrations", {}).items() if migrations.get(k) != v]
        if changed:
            print(f"Migrations changed since the cached database was built: {changed[:5]}")
            meta = None
    if args.regenerate or meta is None:
        for stale in (db_path, meta_path, *db_path.parent.glob(db_path.name + "-*")):
            stale.unlink(missing_ok=True)
        meta = None
    call_command("migrate", verbosity=0, interactive=False)

    if meta is None:
        from bench.generate import directory_generate
        from kansrijk.regions.services import municipalities_import, neighbourhoods_import

        print(f"Generating {args.services:,} services (seed {args.seed}) in {db_path} ...")
        began = time.perf_counter()
        municipalities_import()
        neighbourhoods_import()
        regions_seconds = time.perf_counter() - began
        generated = directory_generate(services=args.services, seed=args.seed)
        meta = {
            "generator_version": GENERATOR_VERSION,
            "services_requested": args.services,
            "seed": args.seed,
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "regions_import_seconds": round(regions_seconds, 2),
            "generate_seconds": round(generated.seconds, 2),
            "rows": generated.counts,
        }
        print(f"  generated in {generated.seconds:.1f} s: {generated.counts}")

    meta["migrations"] = migrations
    fingerprint = _index_fingerprint()
    index = meta.get("search_index")
    if args.reindex or not index or index.get("fingerprint") != fingerprint:
        from kansrijk.directory.search import search_index_update

        print("Rebuilding the search index (search_index_update()) ...")
        began = time.perf_counter()
        search_index_update()
        seconds = time.perf_counter() - began
        meta["search_index"] = {
            "fingerprint": fingerprint,
            "rebuild_seconds": round(seconds, 2),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        print(f"  rebuilt in {seconds:.1f} s")
        meta["search_index"]["rebuilt_this_run"] = True
    else:
        meta["search_index"]["rebuilt_this_run"] = False
    _checkpoint()
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return meta


def directory_describe() -> dict:
    from kansrijk.directory import models as hsds
    from kansrijk.regions.models import District, Municipality, Neighbourhood

    return {
        "municipalities": Municipality.objects.count(),
        "districts": District.objects.count(),
        "neighbourhoods": Neighbourhood.objects.count(),
        "services": hsds.Service.objects.count(),
        "municipalities_with_services": Municipality.objects.filter(
            pk__in=hsds.Location.objects.filter(organization__services__isnull=False).values(
                "municipality"
            )
        ).count(),
        "organizations": hsds.Organization.objects.count(),
        "locations": hsds.Location.objects.count(),
        "service_areas": hsds.ServiceArea.objects.count(),
        "attributes": hsds.Attribute.objects.count(),
    }


def inprocess_measure(*, queries: list, warmup: int) -> dict:
    """Alternate one /healthz view call and one search (first page, then its count), so both
    see the same machine state; single thread, one database connection."""
    from django.test import RequestFactory

    from kansrijk.core.views import healthz
    from kansrijk.directory.selectors import service_search

    factory = RequestFactory()
    for q in queries[:warmup]:
        list(service_search(**q.selector_kwargs())[:PAGE_SIZE])
        healthz(factory.get("/healthz"))

    health, page, counted, per_kind = [], [], [], {}
    empty = 0
    for q in queries:
        request = factory.get("/healthz")
        kwargs = q.selector_kwargs()
        began = time.perf_counter()
        response = healthz(request)
        health.append(time.perf_counter() - began)
        if response.status_code != 200:
            raise RuntimeError(f"/healthz view answered {response.status_code}")

        began = time.perf_counter()
        queryset = service_search(**kwargs)
        results = list(queryset[:PAGE_SIZE])
        page_seconds = time.perf_counter() - began
        queryset.count()
        counted.append(time.perf_counter() - began)
        page.append(page_seconds)
        per_kind.setdefault(q.kind, []).append(page_seconds)
        empty += not results

    health_figures = _summary(health)
    page_figures = _summary(page)
    counted_figures = _summary(counted)
    return {
        "healthz_view": health_figures,
        "search_first_page": {**page_figures, **_ratios(page_figures, health_figures)},
        "search_first_page_and_count": {
            **counted_figures,
            **_ratios(counted_figures, health_figures),
        },
        "searches_with_no_results": empty,
        "search_first_page_by_kind": {
            kind: {**_summary(times), **_ratios(_summary(times), health_figures)}
            for kind, times in sorted(per_kind.items())
        },
    }


def _http_figures(result, baseline: dict | None = None, kinds: list[str] | None = None) -> dict:
    figures = _summary(result.latencies)
    figures["throughput_rps"] = round(len(result.latencies) / result.wall_seconds, 1)
    figures["errors"] = result.errors
    figures["statuses"] = {
        str(s): result.statuses.count(s) for s in sorted(set(result.statuses), key=str)
    }
    figures["mean_kib"] = round(result.bytes_received / len(result.latencies) / 1024, 1)
    if baseline is not None:
        figures.update(_ratios(figures, baseline))
        # How many /healthz requests the server answers in the time of one search.
        figures["throughput_ratio"] = round(
            baseline["throughput_rps"] / figures["throughput_rps"], 1
        )
    if kinds is not None:
        by_kind: dict[str, list[float]] = {}
        for kind, seconds in zip(kinds, result.latencies, strict=True):
            by_kind.setdefault(kind, []).append(seconds)
        figures["by_kind"] = {kind: _summary(times) for kind, times in sorted(by_kind.items())}
    return figures


def http_measure(*, queries: list, concurrency: int, results_dir: Path) -> dict:
    """The real server under load: /healthz, then the API search, then the HTML search."""
    from bench.http_load import load_run, proc_memory_kib, server_env, server_running

    api_paths = [api_path(q) for q in queries]
    html_paths = [html_path(q) for q in queries]
    health_paths = ["/healthz"] * len(queries)
    with server_running(
        threads=SERVER_THREADS,
        log_path=results_dir / "server.log",
        env=server_env(),
        cwd=PROJECT_DIR,
    ) as server:
        started_kib = proc_memory_kib(server.process.pid)
        for label, paths in (("API", api_paths), ("HTML", html_paths)):
            status, body = server.get(paths[0])
            if status != 200:
                raise RuntimeError(f"{label} search {paths[0]} answered {status}: {body[:300]!r}")
        if not json.loads(server.get(api_paths[0])[1]).get("contents") and not any(
            json.loads(server.get(p)[1]).get("contents") for p in api_paths[:20]
        ):
            raise RuntimeError("API search found nothing for the first 20 queries")

        warm = max(4 * concurrency, 40)
        for paths in (health_paths, api_paths, html_paths):
            load_run(server=server, paths=paths[:warm], concurrency=concurrency)

        health = load_run(server=server, paths=health_paths, concurrency=concurrency)
        api = load_run(server=server, paths=api_paths, concurrency=concurrency)
        html = load_run(server=server, paths=html_paths, concurrency=concurrency)
        memory = proc_memory_kib(server.process.pid)

    health_figures = _http_figures(health)
    kinds = [q.kind for q in queries]
    return {
        "server": f"waitress threads={SERVER_THREADS}",
        "client_threads": concurrency,
        "healthz": health_figures,
        "api_search": {"path": API_PATH, **_http_figures(api, health_figures, kinds)},
        "html_search": {"path": HTML_PATH, **_http_figures(html, health_figures, kinds)},
        "example_urls": {"api": api_paths[0], "html": html_paths[0]},
        "server_memory_mib": {
            "after_start_rss": round(started_kib["VmRSS"] / 1024, 1),
            "peak_rss": round(memory["VmHWM"] / 1024, 1),
        },
    }


def _environment() -> dict:
    import sqlite3

    import django

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "sqlite": sqlite3.sqlite_version,
        "database": "SQLite, WAL, a new connection per request (DATABASE_CONN_MAX_AGE=0)",
        "cpus": os.cpu_count(),
        # Other work on the machine skews the figures; the ratios to /healthz less so.
        "load_average_1_5_15": os.getloadavg(),
        "platform": platform.platform(),
        "git_commit": commit,
    }


def _print_report(report: dict) -> None:
    d, idx = report["directory"], report["database"]["search_index"]
    print()
    print(
        f"Directory: {d['services']:,} services in {d['municipalities_with_services']} "
        f"municipalities, {d['organizations']:,} organisations, {d['locations']:,} locations, "
        f"{d['service_areas']:,} service areas, {d['attributes']:,} attributes"
    )
    print(
        f"Search index rebuild (search_index_update()): {idx['rebuild_seconds']:.1f} s"
        + ("" if idx["rebuilt_this_run"] else f" (cached, built {idx['built_at']})")
    )
    row = "{:<48} {:>9} {:>9} {:>9} {:>8} {:>8} {:>9} {:>6}"
    header = row.format("", "p50 ms", "p95 ms", "mean ms", "x p50", "x p95", "req/s", "errors")

    def line(label, f, http=False):
        print(
            row.format(
                label,
                f"{f['p50_ms']:.2f}",
                f"{f['p95_ms']:.2f}",
                f"{f['mean_ms']:.2f}",
                f"{f['p50_ratio']:.1f}" if "p50_ratio" in f else "1.0",
                f"{f['p95_ratio']:.1f}" if "p95_ratio" in f else "1.0",
                f"{f['throughput_rps']:.0f}" if http else "",
                str(f["errors"]) if http else "",
            )
        )

    p = report["inprocess"]
    print(f"\nIn-process, one thread, {p['healthz_view']['n']:,} calls each (x = ratio to healthz)")
    print(header)
    line("healthz view (SELECT 1)", p["healthz_view"])
    line(f"service_search, first page ({PAGE_SIZE})", p["search_first_page"])
    line("service_search, first page + count()", p["search_first_page_and_count"])
    for kind, figures in p["search_first_page_by_kind"].items():
        line(f"  {kind} (n={figures['n']})", figures)
    print(f"  searches with no results: {p['searches_with_no_results']}")
    if "http" in report:
        h = report["http"]
        print(
            f"\nHTTP, {h['server']}, {h['client_threads']} concurrent clients, "
            f"{h['healthz']['n']:,} requests each"
        )
        print(header)
        line("GET /healthz", h["healthz"], http=True)
        line(f"GET {API_PATH}?search=...", h["api_search"], http=True)
        line(f"GET {HTML_PATH}?q=...", h["html_search"], http=True)
        print(
            "Throughput ratio (healthz req/s / search req/s): "
            f"API {h['api_search']['throughput_ratio']:.1f}, "
            f"HTML {h['html_search']['throughput_ratio']:.1f}"
        )
        m = h["server_memory_mib"]
        print(f"Server RSS: {m['after_start_rss']} MiB after start, peak {m['peak_rss']} MiB")
    env = report["environment"]
    print(
        f"\nLoad average (1 min) at start {env['load_average_1_5_15'][0]:.1f}, at end "
        f"{env['load_average_at_end'][0]:.1f}, on {env['cpus']} CPUs"
    )
    print(f"Written to {report['output']}")


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    name = f"directory-g{GENERATOR_VERSION}-s{args.seed}-n{args.services}"
    db_path = (args.results_dir / f"{name}.sqlite3").resolve()
    meta_path = args.results_dir / f"{name}.meta.json"
    # Its own database, whatever the environment says: never the development database.
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "kansrijk.conf.settings"
    os.environ["DEBUG"] = "0"
    os.environ.pop("DATABASE_CONN_MAX_AGE", None)

    import django

    django.setup()
    from bench.workload import workload_build

    meta = database_prepare(args=args, db_path=db_path, meta_path=meta_path)
    if args.prepare_only:
        print(json.dumps(directory_describe()))
        return
    queries = workload_build(count=args.requests, seed=args.seed)
    report = {
        "benchmark": "directory search",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench", *(argv if argv is not None else sys.argv[1:])]),
        "environment": _environment(),
        "database": {"path": str(db_path), **meta},
        "directory": directory_describe(),
        "page_size": PAGE_SIZE,
        "requests": args.requests,
        "inprocess": inprocess_measure(queries=queries, warmup=min(50, len(queries))),
    }
    if not args.no_http:
        report["http"] = http_measure(
            queries=queries, concurrency=args.concurrency, results_dir=args.results_dir
        )
    report["environment"]["load_average_at_end"] = os.getloadavg()
    report["output"] = str(args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    _print_report(report)
    errors = report.get("http", {})
    if any(errors.get(k, {}).get("errors") for k in ("healthz", "api_search", "html_search")):
        sys.exit(1)
