"""DMN decision-table benchmark.

Evaluates the same DMN 1.3 decision tables (bench/dmn_tables/) on the same seeded input rows with
Kansrijk's engine (kansrijk.rules.dmn), SpiffWorkflow's DMNEngine, pyDMNrules and, for the route
table, a hand-written Python if-chain as the floor, all in one process and one run. Every engine's
results on every row are first compared with Kansrijk's; an engine that disagrees on a table is
not timed there. Then evaluations per second (median of several runs) and the time to load a
table and evaluate its first row.

    python -m bench dmn                  # 1,000 rows per table, up to 5 runs per engine and table
    python -m bench dmn --quick          # small smoke run
    python -m bench dmn --profile        # also cProfile Kansrijk's evaluation per table
"""

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
TABLES_DIR = BENCH_DIR / "dmn_tables"
KANSRIJK = "Kansrijk"
IF_CHAIN = "if-chain (floor)"
SPIFF = "SpiffWorkflow"
PYDMNRULES = "pyDMNrules"

# Municipality codes (CBS) in the eligibility table's four lists, and some in none of them.
LISTED_MUNICIPALITIES = (
    "GM0479 GM0439 GM0880 GM0431 GM0917 GM0935 GM1883 GM0928 GM0882 "
    "GM0363 GM0599 GM0518 GM0344 GM0014 GM0080 GM0193 GM0202 GM0268"
).split()
OTHER_MUNICIPALITIES = ["GM0153", "GM0855", "GM0772", "GM0034", "GM0307"]


# -- Input rows ---------------------------------------------------------------------------------


def _number(rng: random.Random, low: int, high: int, boundaries: list[int]) -> int:
    """Mostly uniform, one in four on a rule boundary (where off-by-one mistakes show)."""
    return rng.choice(boundaries) if rng.random() < 0.25 else rng.randint(low, high)


def route_rows(rng: random.Random, count: int) -> list[dict]:
    return [
        {
            "Stapeling": rng.choice([0, 0, 0, 1, 1, 2, 2, 3, 4, 5]),
            "OnveiligThuis": rng.random() < 0.1,
            "Zwangerschapsweek": _number(rng, 4, 42, [12, 13, 19, 20]),
        }
        for _ in range(count)
    ]


def eligibility_rows(rng: random.Random, count: int) -> list[dict]:
    rows = []
    for _ in range(count):
        income: int | float = _number(rng, 0, 4500, [1499, 1500, 2199, 2200, 3000, 3001])
        if rng.random() < 0.2:
            income = round(income + rng.random(), 2)
        municipality = (
            rng.choice(OTHER_MUNICIPALITIES)
            if rng.random() < 0.15
            else rng.choice(LISTED_MUNICIPALITIES)
        )
        rows.append(
            {
                "Leeftijd": _number(rng, 0, 95, [0, 17, 18, 26, 27, 44, 45, 66, 67]),
                "Inkomen": income,
                "Gemeente": municipality,
            }
        )
    return rows


def risk_score_rows(rng: random.Random, count: int) -> list[dict]:
    return [
        {
            "Leeftijd": _number(rng, 14, 45, [17, 18, 19, 20, 22, 23]),
            "Schulden": rng.random() < 0.3,
            "Roken": rng.random() < 0.25,
            "Stapeling": rng.randint(0, 6),
        }
        for _ in range(count)
    ]


def route_if_chain(row: dict) -> str | None:
    """bench/dmn_tables/route.dmn written by hand: the fastest Python can do it."""
    domains = row["Stapeling"]
    if row["OnveiligThuis"]:
        return "veilig-thuis"
    week = row["Zwangerschapsweek"]
    if domains >= 3:
        return "steunpunt-mdo" if week < 20 else "mdo-spoed"
    if 1 <= domains <= 2:
        return "wijkteam" if week <= 12 else "wijkteam-voorrang"
    if domains == 0:
        return "regulier"
    return None


@dataclass(frozen=True)
class TableSpec:
    key: str
    decision: str
    make_rows: Callable[[random.Random, int], list[dict]]
    if_chain: Callable[[dict], object] | None = None

    @property
    def path(self) -> Path:
        return TABLES_DIR / f"{self.key}.dmn"


TABLES = [
    TableSpec("route", "Route", route_rows, route_if_chain),
    TableSpec("eligibility", "Regeling", eligibility_rows),
    TableSpec("risk_score", "Risicoscore", risk_score_rows),
]


# -- Reading a table's shape (for the heading and the adapters) ---------------------------------


@dataclass
class TableShape:
    hit_policy: str
    aggregation: str | None
    inputs: list[str]
    outputs: list[str]
    rules: int


def _shape(xml: bytes) -> TableShape:
    from lxml import etree

    root = etree.fromstring(xml)
    ns = {"dmn": etree.QName(root).namespace}
    table = root.find(".//dmn:decisionTable", ns)
    return TableShape(
        hit_policy=table.get("hitPolicy", "UNIQUE"),
        aggregation=table.get("aggregation"),
        inputs=[
            e.findtext("dmn:inputExpression/dmn:text", namespaces=ns)
            for e in table.iterfind("dmn:input", ns)
        ],
        outputs=[e.get("name") for e in table.iterfind("dmn:output", ns)],
        rules=len(table.findall("dmn:rule", ns)),
    )


# -- SpiffWorkflow's cell language ----------------------------------------------------------------


class NotTranslatable(ValueError):
    pass


def _split_list(text: str) -> list[str]:
    """Split a FEEL unary-test list at commas outside string literals."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


def spiff_cell(text: str | None, *, output: bool = False) -> str | None:
    """One S-FEEL cell in SpiffWorkflow's dialect: Python expressions, `?` for the input value
    (SpiffWorkflow 3 evaluates cells with Python's eval, it has no FEEL). Covers what the bench
    tables use; anything else raises NotTranslatable."""
    if text is None:
        return None
    text = text.strip()
    if text in ("", "-"):
        return text
    if text in ("true", "false"):
        return text.capitalize()
    if output:
        if text.startswith('"') or _is_number(text):
            return text
        raise NotTranslatable(text)
    if text[0] in "[(]" and text[-1] in "[])" and ".." in text:
        low, high = (part.strip() for part in text[1:-1].split(".."))
        low_op = "<=" if text[0] == "[" else "<"
        high_op = "<=" if text[-1] == "]" else "<"
        return f"{low} {low_op} ? {high_op} {high}"
    parts = _split_list(text)
    if len(parts) > 1:
        if all(p.startswith('"') or _is_number(p) for p in parts):
            return f"? in ({', '.join(parts)})"
        raise NotTranslatable(text)
    for op in ("<=", ">=", "<", ">"):
        if text.startswith(op) and _is_number(text[len(op) :].strip()):
            return text
    if text.startswith('"') or _is_number(text):
        return text
    raise NotTranslatable(text)


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return text.lstrip("-")[:1].isdigit()


def spiff_xml(xml: bytes) -> bytes:
    """The same table with every rule cell in SpiffWorkflow's dialect."""
    from lxml import etree

    root = etree.fromstring(xml)
    ns = {"dmn": etree.QName(root).namespace}
    for kind, output in (("inputEntry", False), ("outputEntry", True)):
        for text in root.iterfind(f".//dmn:rule/dmn:{kind}/dmn:text", ns):
            text.text = spiff_cell(text.text, output=output)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# -- Engines ------------------------------------------------------------------------------------


class Failure:
    """An evaluation that raised: never equal to a result."""

    def __init__(self, error: BaseException):
        self.text = f"{type(error).__name__}: {error}"[:300]

    def __repr__(self) -> str:
        return f"<raised {self.text}>"


def _plain(value):
    """A result value in one form for every engine: Decimal numbers, None for null."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _outputs(values: dict, shape: TableShape):
    """One output: its value; several: a tuple in column order."""
    if len(shape.outputs) == 1:
        return _plain(values.get(shape.outputs[0]))
    return tuple(_plain(values.get(name)) for name in shape.outputs)


@dataclass
class Engine:
    """load(spec, xml, shape) returns evaluate(row) -> raw result; normalise(raw, shape) gives
    the comparable value."""

    name: str
    version: str
    load: Callable
    normalise: Callable
    translated: bool = False  # the table's cells were rewritten for this engine
    note: str = ""


def kansrijk_engine() -> Engine:
    from kansrijk.rules import dmn

    def load(spec: TableSpec, xml: bytes, shape: TableShape):
        model = dmn.load(xml)
        decision = spec.decision
        return lambda row: model.evaluate(decision, row)

    def normalise(result, shape: TableShape):
        value = result.value
        if isinstance(value, dict):
            return _outputs(value, shape)
        return _plain(value)

    return Engine(KANSRIJK, _kansrijk_version(), load, normalise)


def spiff_engine() -> Engine:
    from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
    from SpiffWorkflow.dmn.parser.BpmnDmnParser import BpmnDmnParser

    workflow = SimpleNamespace(script_engine=PythonScriptEngine())

    def load(spec: TableSpec, xml: bytes, shape: TableShape):
        # The engine a BusinessRuleTask would run, without a BPMN workflow around it: DMNEngine
        # reads only task.data and task.workflow.script_engine.
        parser = BpmnDmnParser()
        parser.add_dmn_str(xml)
        engine = parser.get_engine(parser.dmn_parsers_by_name[spec.decision].bpmn_id, None)
        result = engine.result
        if shape.aggregation:
            # COLLECT gives each output's list of values; SpiffWorkflow has no aggregations.
            aggregate = {"SUM": sum, "MIN": min, "MAX": max, "COUNT": len}[shape.aggregation]
            name = shape.outputs[0]

            def evaluate(row):
                values = result(SimpleNamespace(data=row, workflow=workflow)).get(name)
                return {name: aggregate(values)} if values else {}

            return evaluate
        return lambda row: result(SimpleNamespace(data=row, workflow=workflow))

    def normalise(result, shape: TableShape):
        return _outputs(result, shape) if result else None

    return Engine(
        SPIFF,
        metadata.version("SpiffWorkflow"),
        load,
        normalise,
        translated=True,
        note="cells rewritten from S-FEEL to its Python dialect; C+ summed in the adapter",
    )


def pydmnrules_engine() -> Engine:
    import pyDMNrules

    def load(spec: TableSpec, xml: bytes, shape: TableShape):
        rules = pyDMNrules.DMN()
        status = rules.useXML(xml.decode())
        if status.get("errors"):
            raise RuntimeError(f"useXML: {status['errors']}")
        return rules.decide

    def normalise(raw, shape: TableShape):
        status, data = raw
        errors = status.get("errors") or []
        if errors:
            if all(e.startswith("No rules matched") for e in errors):
                return None
            return Failure(RuntimeError("; ".join(errors)))
        return _outputs(data["Result"], shape)

    return Engine(
        PYDMNRULES,
        f"{metadata.version('pyDMNrules')} (pySFeel {metadata.version('pySFeel')})",
        load,
        normalise,
    )


def if_chain_engine() -> Engine:
    def load(spec: TableSpec, xml: bytes, shape: TableShape):
        return spec.if_chain

    return Engine(IF_CHAIN, "", load, lambda raw, shape: _plain(raw))


ENGINES = {
    "kansrijk": kansrijk_engine,
    "if-chain": if_chain_engine,
    "spiffworkflow": spiff_engine,
    "pydmnrules": pydmnrules_engine,
}


def _kansrijk_version() -> str:
    try:
        version = metadata.version("kansrijk")
    except metadata.PackageNotFoundError:
        version = "?"
    commit = _git_commit()
    return f"{version} ({commit})" if commit else version


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=PROJECT_DIR,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        return ""


# -- Measuring ----------------------------------------------------------------------------------


def _pass(evaluate, rows: list[dict]) -> tuple[float, list]:
    """Evaluate every row once; the same loop for every engine, so the same overhead."""
    results: list = []
    append = results.append
    began = time.perf_counter()
    for row in rows:
        try:
            append(evaluate(row))
        except Exception as error:  # an engine failing on a row is a disagreement, not a crash
            append(Failure(error))
    return time.perf_counter() - began, results


@dataclass
class Measured:
    load_ms: float | None = None
    disagreements: int | None = None
    examples: list = field(default_factory=list)
    skipped: str = ""
    evals_per_s: float | None = None
    runs_per_s: list = field(default_factory=list)
    loops: int = 1
    evaluate: Callable | None = None
    spent: float = 0.0


def _load(engine: Engine, spec: TableSpec, xml: bytes, shape: TableShape, row: dict, times: int):
    """Median time of loading the table and evaluating one row (a lazy compiler pays on the
    first evaluation), and the evaluator of the last load."""
    seconds = []
    for _ in range(times):
        began = time.perf_counter()
        evaluate = engine.load(spec, xml, shape)
        evaluate(row)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds) * 1000, evaluate


def check(
    engine: Engine,
    spec: TableSpec,
    xml: bytes,
    shape: TableShape,
    rows: list[dict],
    reference: list | None,
    *,
    min_run: float,
) -> tuple[Measured, list]:
    """Load the table, evaluate every row once and compare with the reference. This pass counts
    as the first timed run when it lasts at least `min_run` seconds (the slow engines);
    otherwise it is the warm-up and sets how many passes a run makes."""
    measured = Measured()
    try:
        measured.load_ms, measured.evaluate = _load(engine, spec, xml, shape, rows[0], times=3)
    except Exception as error:
        measured.skipped = f"could not load the table: {Failure(error).text}"
        return measured, []

    gc.collect()
    seconds, raw = _pass(measured.evaluate, rows)
    values = [r if isinstance(r, Failure) else _normalised(engine, r, shape) for r in raw]
    if reference is not None:
        wrong = [
            i for i, (got, want) in enumerate(zip(values, reference, strict=True)) if got != want
        ]
        measured.disagreements = len(wrong)
        measured.examples = [
            {"row": rows[i], KANSRIJK: repr(reference[i]), engine.name: repr(values[i])}
            for i in wrong[:3]
        ]
        if wrong:
            measured.skipped = f"disagrees with {KANSRIJK} on {len(wrong)} of {len(rows)} rows"
            return measured, values
    measured.spent = seconds
    if seconds >= min_run:
        measured.runs_per_s.append(len(rows) / seconds)
    else:
        measured.loops = max(1, math.ceil(min_run / max(seconds, 1e-9)))
    return measured, values


def time_runs(measured: list[Measured], rows: list[dict], *, repeat: int, budget: float) -> None:
    """Timed runs, round-robin over the engines so that other load on the machine falls on all
    of them alike: an engine stops after `repeat` runs, or once it has used `budget` seconds."""

    def wants_more(m: Measured) -> bool:
        return (
            not m.skipped and len(m.runs_per_s) < repeat and (m.spent < budget or not m.runs_per_s)
        )

    while active := [m for m in measured if wants_more(m)]:
        for m in active:
            gc.collect()
            total = 0.0
            for _ in range(m.loops):
                total += _pass(m.evaluate, rows)[0]
            m.spent += total
            m.runs_per_s.append(m.loops * len(rows) / total)
    for m in measured:
        if m.runs_per_s:
            m.evals_per_s = statistics.median(m.runs_per_s)


def _normalised(engine: Engine, raw, shape: TableShape):
    try:
        return engine.normalise(raw, shape)
    except Exception as error:
        return Failure(error)


def profile_kansrijk(spec: TableSpec, xml: bytes, rows: list[dict], top: int = 15) -> str:
    from kansrijk.rules import dmn

    model = dmn.load(xml)
    profiler = cProfile.Profile()
    profiler.enable()
    for row in rows:
        model.evaluate(spec.decision, row)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


# -- Running and reporting ----------------------------------------------------------------------


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench dmn", description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="input rows per table (1000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs at most (5)")
    parser.add_argument(
        "--budget",
        type=float,
        default=2.0,
        help="seconds per engine and table after which no further run starts (2)",
    )
    parser.add_argument(
        "--min-run", type=float, default=0.2, help="seconds one timed run lasts at least (0.2)"
    )
    parser.add_argument("--seed", type=int, default=1000, help="random seed of the input rows")
    parser.add_argument("--quick", action="store_true", help="smoke run: 100 rows, short runs")
    parser.add_argument(
        "--tables", default=",".join(t.key for t in TABLES), help="comma-separated table names"
    )
    parser.add_argument(
        "--engines",
        default=",".join(ENGINES),
        help=f"comma-separated, {KANSRIJK.lower()} always included ({','.join(ENGINES)})",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile Kansrijk per table")
    parser.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    parser.add_argument("--output", type=Path, help="JSON output (results-dir/dmn-latest.json)")
    args = parser.parse_args(argv)
    if args.quick:
        args.rows, args.repeat = min(args.rows, 100), min(args.repeat, 3)
        args.budget, args.min_run = min(args.budget, 0.5), min(args.min_run, 0.05)
    if args.rows < 1 or args.repeat < 1:
        parser.error("--rows and --repeat must be positive")
    known = {t.key for t in TABLES}
    args.tables = [t for t in args.tables.split(",") if t]
    if not args.tables or set(args.tables) - known:
        parser.error(f"--tables: choose from {', '.join(sorted(known))}")
    args.engines = [e for e in args.engines.split(",") if e]
    if set(args.engines) - set(ENGINES):
        parser.error(f"--engines: choose from {', '.join(ENGINES)}")
    if "kansrijk" not in args.engines:
        args.engines.insert(0, "kansrijk")
    if args.output is None:
        args.output = args.results_dir / (
            "dmn-latest-quick.json" if args.quick else "dmn-latest.json"
        )
    return args


def _environment() -> dict:
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1_5_15": os.getloadavg(),
        "platform": platform.platform(),
        "git_commit": _git_commit(),
    }


def run_table(spec: TableSpec, engines: list[Engine], args) -> dict:
    xml = spec.path.read_bytes()
    shape = _shape(xml)
    rows = spec.make_rows(random.Random(f"{args.seed}-{spec.key}"), args.rows)
    translated: bytes | None = None
    report = {
        "file": str(spec.path.relative_to(PROJECT_DIR)),
        "decision": spec.decision,
        "hit_policy": shape.hit_policy + (f" {shape.aggregation}" if shape.aggregation else ""),
        "rules": shape.rules,
        "inputs": shape.inputs,
        "outputs": shape.outputs,
        "rows": len(rows),
        "engines": {},
    }
    reference = None
    checked: dict[str, tuple[Engine, Measured]] = {}
    for engine in engines:
        if engine.name == IF_CHAIN and spec.if_chain is None:
            continue
        source = xml
        if engine.translated:
            try:
                translated = translated or spiff_xml(xml)
            except NotTranslatable as error:
                report["engines"][engine.name] = {
                    "skipped": f"cannot express {error} in its dialect"
                }
                continue
            source = translated
        measured, values = check(engine, spec, source, shape, rows, reference, min_run=args.min_run)
        if engine.name == KANSRIJK:
            if measured.skipped:
                raise SystemExit(f"{KANSRIJK}'s engine failed on {spec.key}: {measured.skipped}")
            reference = values
            failures = [v for v in values if isinstance(v, Failure)]
            if failures:
                raise SystemExit(f"{KANSRIJK}'s engine raised on {spec.key}: {failures[0].text}")
        checked[engine.name] = (engine, measured)

    time_runs([m for _, m in checked.values()], rows, repeat=args.repeat, budget=args.budget)
    for name, (engine, measured) in checked.items():
        report["engines"][name] = {
            "version": engine.version,
            **({"note": engine.note} if engine.note else {}),
            "load_and_first_ms": None if measured.load_ms is None else round(measured.load_ms, 3),
            "disagreements": measured.disagreements,
            "examples": measured.examples,
            "skipped": measured.skipped,
            "evals_per_s": None if measured.evals_per_s is None else round(measured.evals_per_s, 1),
            "runs_evals_per_s": [round(r, 1) for r in measured.runs_per_s],
            "passes_per_run": measured.loops,
        }
    ours = report["engines"][KANSRIJK]["evals_per_s"]
    for figures in report["engines"].values():
        if figures.get("evals_per_s"):
            figures["kansrijk_ratio"] = float(f"{ours / figures['evals_per_s']:.4g}")
    if args.profile:
        report["kansrijk_profile"] = profile_kansrijk(spec, xml, rows)
    return report


def _format_ratio(ratio: float) -> str:
    if ratio >= 10:
        return f"{ratio:,.1f}"
    return f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.2g}"


def print_report(report: dict) -> None:
    print()
    print(
        f"DMN decision tables: {report['rows']:,} input rows per table (seed {report['seed']}), "
        f"Python {report['environment']['python']}, {report['environment']['cpus']} CPUs"
    )
    print(
        "Kansrijk × = Kansrijk's evaluations per second / the engine's (above 1: Kansrijk faster)"
    )
    row = "{:<22} {:>11} {:>12} {:>5} {:>11} {:>10}"
    for key, table in report["tables"].items():
        print(
            f"\n{key}: decision {table['decision']!r}, {table['rules']} rules, "
            f"{table['hit_policy']}, inputs {', '.join(table['inputs'])} ({table['file']})"
        )
        print(row.format("engine", "load+1st ms", "evals/s", "runs", "disagree", "Kansrijk ×"))
        for name, f in table["engines"].items():
            if f.get("evals_per_s") is None:
                print(
                    row.format(
                        name,
                        ""
                        if f.get("load_and_first_ms") is None or name == IF_CHAIN
                        else f"{f['load_and_first_ms']:.2f}",
                        "-",
                        "",
                        "" if f.get("disagreements") is None else str(f["disagreements"]),
                        "",
                    )
                )
                print(f"  not timed: {f['skipped']}")
                for example in f.get("examples", []):
                    print(f"    {example}")
                continue
            print(
                row.format(
                    name,
                    "" if name == IF_CHAIN else f"{f['load_and_first_ms']:.2f}",
                    f"{f['evals_per_s']:,.0f}",
                    str(len(f["runs_evals_per_s"])),
                    "ref" if f["disagreements"] is None else str(f["disagreements"]),
                    _format_ratio(f["kansrijk_ratio"]),
                )
            )
        if "kansrijk_profile" in table:
            print(table["kansrijk_profile"])
    print()
    for line in summary_lines(report):
        print(line)
    print(f"\nVersions: {', '.join(f'{k} {v}' for k, v in report['versions'].items())}")
    imports = ", ".join(
        f"{k} {v:.1f} s" for k, v in report["import_seconds"].items() if k != IF_CHAIN
    )
    print(f"First import in this process: {imports}")
    env = report["environment"]
    print(
        f"Load average (1 min) at start {env['load_average_1_5_15'][0]:.1f}, at end "
        f"{env['load_average_at_end'][0]:.1f}, on {env['cpus']} CPUs; {report['seconds']} s"
    )
    print(f"Written to {report['output']}")


def summary_lines(report: dict) -> list[str]:
    lines = []
    for name in (SPIFF, PYDMNRULES):
        if name not in report["versions"]:
            continue
        parts = []
        for key, table in report["tables"].items():
            figures = table["engines"].get(name, {})
            ratio = figures.get("kansrijk_ratio")
            parts.append(f"{key} {_format_ratio(ratio)}×" if ratio else f"{key} not timed")
        lines.append(f"Kansrijk vs {name}: {', '.join(parts)}")
    for key, table in report["tables"].items():
        floor = table["engines"].get(IF_CHAIN, {}).get("evals_per_s")
        if floor:
            ratio = floor / table["engines"][KANSRIJK]["evals_per_s"]
            lines.append(
                f"If-chain floor ({key}): hand-written Python is {ratio:,.0f}× as fast as Kansrijk"
            )
    return lines


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    # No skipping: the competitors come with the `bench` extra (`make setup`); an import error
    # here means the environment is incomplete.
    engines, import_seconds = [], {}
    for key, factory in ENGINES.items():
        if key in args.engines:
            began = time.perf_counter()
            engines.append(factory())
            import_seconds[engines[-1].name] = round(time.perf_counter() - began, 3)
    report = {
        "benchmark": "dmn decision tables",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python -m bench dmn", *(argv if argv is not None else sys.argv[1:])]),
        "environment": _environment(),
        "versions": {e.name: e.version for e in engines if e.version},
        # First import in this process (pySFeel builds its parser tables on import).
        "import_seconds": import_seconds,
        "rows": args.rows,
        "seed": args.seed,
        "repeat": args.repeat,
        "budget_seconds": args.budget,
        "min_run_seconds": args.min_run,
        "tables": {},
    }
    began = time.perf_counter()
    for spec in TABLES:
        if spec.key in args.tables:
            report["tables"][spec.key] = run_table(spec, engines, args)
    report["seconds"] = round(time.perf_counter() - began, 1)
    report["environment"]["load_average_at_end"] = os.getloadavg()
    report["output"] = str(args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    print_report(report)
    if any(
        f.get("disagreements") for t in report["tables"].values() for f in t["engines"].values()
    ):
        sys.exit(1)
