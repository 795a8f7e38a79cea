"""Referrals benchmark: closed-loop referrals at national scale.

Builds a throwaway database with synthetic clients (one referral each, in every state), written
in bulk straight to the models, then measures in one process:
- transitions per second through `referral_transition` (the full write: the conditional UPDATE
  on the version, the timeline event, the client's activity and the hash-chained audit event);
- the latency of the work lists (`work_list_for_professional`, `coordinator_overview`), p50/p95.

SQLite always (a fresh file under --results-dir, removed afterwards); PostgreSQL too when
DATABASE_URL points to a PostgreSQL server (a fresh database on it, dropped afterwards). Each
database runs in its own subprocess, because Django's settings are per process.

    python -m bench.referrals                 # 100,000 clients and referrals
    python -m bench.referrals --quick         # 2,000
    python -m bench.referrals --database sqlite --clients 500 --transitions 20 --work-lists 10

Synthetic people only: clients are a pseudonym, a year of birth and a municipality.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
BATCH_SIZE = 5000
CLIENTS_PER_ORGANISATION = 250
ORGANISATIONS_PER_COALITION = 20
PROFESSIONALS_PER_ORGANISATION = 3
PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"

# How the referrals are spread over the states (FHIR Task.status), roughly as in practice.
STATUS_WEIGHTS = {
    "requested": 30,
    "received": 10,
    "accepted": 12,
    "in-progress": 20,
    "on-hold": 3,
    "completed": 12,
    "rejected": 6,
    "cancelled": 4,
    "failed": 2,
    "entered-in-error": 1,
}
# The steps measured, from the states the generator made (receiving side).
MEASURED_STEPS = {"requested": "received", "received": "accepted", "accepted": "in-progress"}


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.referrals", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--clients", type=int, default=100_000, help="clients = referrals")
    parser.add_argument("--transitions", type=int, default=2000, help="steps to time (2000)")
    parser.add_argument("--work-lists", type=int, default=300, help="work lists to time (300)")
    parser.add_argument("--seed", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="2,000 clients, 200 steps")
    parser.add_argument(
        "--database",
        choices=["auto", "sqlite", "postgresql"],
        default="auto",
        help="auto: SQLite, and PostgreSQL when DATABASE_URL is a PostgreSQL URL",
    )
    parser.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    parser.add_argument("--output", type=Path, help="JSON (results-dir/referrals-latest.json)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # a database URL: run one part
    args = parser.parse_args(argv)
    if args.quick:
        args.clients = min(args.clients, 2000)
        args.transitions = min(args.transitions, 200)
        args.work_lists = min(args.work_lists, 60)
    if args.clients < 10 or args.transitions < 1 or args.work_lists < 1:
        parser.error("--clients must be at least 10, --transitions and --work-lists positive")
    if args.output is None:
        args.output = args.results_dir / (
            "referrals-latest-quick.json" if args.quick else "referrals-latest.json"
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


# --- one database (runs in a subprocess with Django set up on it) ------------------------------


def _pseudonym(index: int) -> str:
    digits = []
    for _ in range(6):
        index, rest = divmod(index, len(PSEUDONYM_ALPHABET))
        digits.append(PSEUDONYM_ALPHABET[rest])
    return "KS-" + "".join(reversed(digits))


def _bulk(model, rows: list) -> list:
    made = []
    for start in range(0, len(rows), BATCH_SIZE):
        made += model.objects.bulk_create(rows[start : start + BATCH_SIZE])
    return made


def generate(*, clients: int, seed: int) -> dict:
    """Organisations in coalitions with professionals and coordinators, then `clients`
    clients, each with a consent and one referral (and its first timeline event)."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.models import User, UserRole
    from kansrijk.clients.models import Client, Consent
    from kansrijk.organisations.models import Coalition, Organisation
    from kansrijk.referrals.models import Referral, ReferralEvent
    from kansrijk.regions.models import Municipality

    rng = random.Random(seed)
    began = time.perf_counter()
    municipalities = list(Municipality.objects.order_by("code"))
    count = max(4, clients // CLIENTS_PER_ORGANISATION)
    senders_count = max(2, count // 2)
    password = make_password(None)
    today = date.today()
    now = datetime.now(UTC)
    with transaction.atomic():
        organisations = _bulk(
            Organisation,
            [
                Organisation(
                    name=f"Demo {'GGD' if i < senders_count else 'wijkteam'} {i + 1}",
                    domain="public_health" if i < senders_count else "social",
                    municipality=municipalities[i % len(municipalities)],
                )
                for i in range(count)
            ],
        )
        organisations = list(Organisation.objects.order_by("pk"))
        senders, receivers = organisations[:senders_count], organisations[senders_count:]
        coalitions = _bulk(
            Coalition,
            [
                Coalition(slug=f"demo-coalitie-{i + 1}", name=f"Demo coalitie {i + 1}")
                for i in range(0, count, ORGANISATIONS_PER_COALITION)
            ],
        )
        coalitions = list(Coalition.objects.order_by("pk"))
        Coalition.members.through.objects.bulk_create(
            [
                Coalition.members.through(
                    coalition_id=coalitions[i // ORGANISATIONS_PER_COALITION].pk,
                    organisation_id=organisation.pk,
                )
                for i, organisation in enumerate(organisations)
            ]
        )
        users, roles = [], []
        for organisation in organisations:
            for n in range(PROFESSIONALS_PER_ORGANISATION):
                users.append(
                    User(
                        username=f"demo-{organisation.pk}-{n}",
                        password=password,
                        organisation=organisation,
                        first_name="Demo",
                        last_name=f"Professional {organisation.pk}-{n}",
                    )
                )
        for number, coalition in enumerate(coalitions):
            member = organisations[number * ORGANISATIONS_PER_COALITION]
            users.append(
                User(
                    username=f"demo-coordinator-{coalition.pk}",
                    password=password,
                    organisation=member,
                    first_name="Demo",
                    last_name="Coordinator",
                )
            )
        _bulk(User, users)
        users = list(User.objects.order_by("pk"))
        for user in users:
            role = Role.COORDINATOR if "coordinator" in user.username else Role.PROFESSIONAL
            roles.append(UserRole(user=user, role=role))
        _bulk(UserRole, roles)
        professionals: dict[int, list[int]] = {}
        for user in users:
            if "coordinator" not in user.username:
                professionals.setdefault(user.organisation_id, []).append(user.pk)

        client_rows, consent_rows, recipients, referral_rows = [], [], [], []
        statuses = list(STATUS_WEIGHTS)
        weights = list(STATUS_WEIGHTS.values())
        for i in range(clients):
            sender = senders[rng.randrange(len(senders))]
            client_rows.append(
                Client(
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    pseudonym=_pseudonym(i),
                    year_of_birth=today.year - rng.randint(17, 44),
                    municipality=municipalities[rng.randrange(len(municipalities))],
                    organisation=sender,
                    created_at=now,
                    last_activity_at=now,
                )
            )
        _bulk(Client, client_rows)
        client_list = list(Client.objects.order_by("pk").values_list("pk", "organisation_id"))
        for client_id, _organisation_id in client_list:
            consent_rows.append(
                Consent(
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    client_id=client_id,
                    purpose="referral",
                    words="Ik vind het goed (synthetisch).",
                    given_at=now,
                )
            )
        _bulk(Consent, consent_rows)
        consents = list(Consent.objects.order_by("pk").values_list("pk", "client_id"))
        receiver_of: dict[int, Organisation] = {}
        for consent_id, client_id in consents:
            receiver = receivers[rng.randrange(len(receivers))]
            receiver_of[client_id] = receiver
            recipients.append(
                Consent.organisations.through(consent_id=consent_id, organisation_id=receiver.pk)
            )
        _bulk(Consent.organisations.through, recipients)
        consent_of = {client_id: consent_id for consent_id, client_id in consents}
        for client_id, sender_id in client_list:
            status = rng.choices(statuses, weights)[0]
            created = now - timedelta(days=rng.randint(0, 60))
            referral_rows.append(
                Referral(
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    client_id=client_id,
                    sender_organisation_id=sender_id,
                    sender_user_id=professionals[sender_id][0],
                    receiver_organisation=receiver_of[client_id],
                    service_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    service_name=f"Demo dienst {receiver_of[client_id].pk}",
                    theme_codes=["debts-and-money"],
                    reason="Synthetische verwijzing.",
                    consent_id=consent_of[client_id],
                    status=status,
                    answer_due=(created + timedelta(days=7)).date(),
                    support_started_on=created.date() if status == "in-progress" else None,
                    created_at=created,
                    updated_at=created,
                )
            )
        _bulk(Referral, referral_rows)
        _bulk(
            ReferralEvent,
            [
                ReferralEvent(
                    referral_id=pk, to_status="requested", organisation_id=sender, at=created
                )
                for pk, sender, created in Referral.objects.values_list(
                    "pk", "sender_organisation_id", "created_at"
                )
            ],
        )
    return {
        "seconds": round(time.perf_counter() - began, 2),
        "organisations": len(organisations),
        "coalitions": len(coalitions),
        "users": len(users),
        "clients": clients,
        "referrals": clients,
    }


def measure_transitions(*, count: int, seed: int) -> dict:
    """Time `count` steps by the receiving side, each through referral_transition."""
    from kansrijk.accounts.models import User
    from kansrijk.referrals.models import Referral
    from kansrijk.referrals.services import referral_transition

    rng = random.Random(seed + 1)
    candidates = list(
        Referral.objects.filter(status__in=MEASURED_STEPS).values_list(
            "pk", "status", "receiver_organisation_id", "lock_version"
        )
    )
    rng.shuffle(candidates)
    candidates = candidates[:count]
    user_of = {}
    for user in User.objects.filter(
        organisation_id__in={c[2] for c in candidates}, roles__role="professional"
    ).prefetch_related("roles"):
        user_of.setdefault(user.organisation_id, user)
    for user in user_of.values():
        user.role_codes  # noqa: B018  (cached per user, as within one request)
    seconds = []
    wall = time.perf_counter()
    for pk, status, receiver_id, lock_version in candidates:
        began = time.perf_counter()
        referral_transition(
            referral_id=pk,
            to_status=MEASURED_STEPS[status],
            user=user_of[receiver_id],
            expected_lock_version=lock_version,
        )
        seconds.append(time.perf_counter() - began)
    wall = time.perf_counter() - wall
    return {
        **_summary(seconds),
        "transitions_per_second": round(len(seconds) / wall, 1),
        "steps": {
            f"{a} -> {b}": sum(1 for c in candidates if c[1] == a)
            for a, b in MEASURED_STEPS.items()
        },
    }


def measure_floor(*, count: int, seed: int) -> dict:
    """The baseline in the same run and database: a bare conditional UPDATE of one referral in
    a transaction (what a step cannot go below), and reading one referral by its key."""
    from django.db import transaction
    from django.db.models import F

    from kansrijk.referrals.models import Referral

    rng = random.Random(seed + 3)
    pks = list(Referral.objects.values_list("pk", flat=True)[: max(count, 1) * 5])
    writes, reads = [], []
    for _ in range(count):
        pk = pks[rng.randrange(len(pks))]
        began = time.perf_counter()
        with transaction.atomic():
            Referral.objects.filter(pk=pk).update(lock_version=F("lock_version") + 1)
        writes.append(time.perf_counter() - began)
        began = time.perf_counter()
        Referral.objects.filter(pk=pk).first()
        reads.append(time.perf_counter() - began)
    return {"bare_update": _summary(writes), "read_one": _summary(reads)}


def measure_work_lists(*, count: int, seed: int) -> dict:
    """p50/p95 of a professional's work list (sending and receiving organisations alike) and
    of a coordinator's overview, every query run (lists materialised)."""
    from kansrijk.accounts.models import User
    from kansrijk.referrals.selectors import coordinator_overview, work_list_for_professional

    rng = random.Random(seed + 2)
    professionals = list(User.objects.filter(roles__role="professional").order_by("pk"))
    coordinators = list(User.objects.filter(roles__role="coordinator").order_by("pk"))
    for user in professionals + coordinators:
        user.role_codes  # noqa: B018
    timed: dict[str, list[float]] = {"professional": [], "coordinator": []}
    rows = 0
    for _ in range(count):
        user = professionals[rng.randrange(len(professionals))]
        began = time.perf_counter()
        work = work_list_for_professional(user)
        timed["professional"].append(time.perf_counter() - began)
        rows += len(work.outgoing) + len(work.incoming) + len(work.in_care)
    for _ in range(max(1, count // 5)):
        user = coordinators[rng.randrange(len(coordinators))]
        began = time.perf_counter()
        coordinator_overview(user)
        timed["coordinator"].append(time.perf_counter() - began)
    return {
        "professional_work_list": _summary(timed["professional"]),
        "coordinator_overview": _summary(timed["coordinator"]),
        "mean_rows_per_work_list": round(rows / count, 1),
    }


def worker(args: argparse.Namespace) -> None:
    """Set Django up on args.worker (a database URL), build, measure, print JSON."""
    os.environ["DATABASE_URL"] = args.worker
    os.environ["DJANGO_SETTINGS_MODULE"] = "kansrijk.conf.settings"
    os.environ["DEBUG"] = "0"
    os.environ.pop("DATABASE_CONN_MAX_AGE", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kansrijk.regions.services import municipalities_import

    began = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    municipalities_import()
    prepared = round(time.perf_counter() - began, 2)
    generated = generate(clients=args.clients, seed=args.seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # Warm up: the first calls pay for imports and query plans.
    measure_work_lists(count=5, seed=args.seed + 10)
    report = {
        "database": connection.vendor,
        "migrate_and_regions_seconds": prepared,
        "generated": generated,
        "work_lists": measure_work_lists(count=args.work_lists, seed=args.seed),
        "transitions": measure_transitions(count=args.transitions, seed=args.seed),
        "floor": measure_floor(count=args.transitions, seed=args.seed),
    }
    print(json.dumps(report))


# --- the run: one subprocess per database ------------------------------------------------------


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _postgres_admin(url: str):
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    return psycopg.connect(
        dbname=config["NAME"] or "postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    )


def _with_database_name(url: str, name: str) -> str:
    base, _slash, _old = url.rpartition("/")
    query = ""
    if "?" in _old:
        query = "?" + _old.split("?", 1)[1]
    return f"{base}/{name}{query}"


def _run_part(args: argparse.Namespace, url: str) -> dict:
    command = [
        sys.executable,
        "-m",
        "bench.referrals",
        "--worker",
        url,
        "--clients",
        str(args.clients),
        "--transitions",
        str(args.transitions),
        "--work-lists",
        str(args.work_lists),
        "--seed",
        str(args.seed),
    ]
    completed = subprocess.run(
        command, cwd=PROJECT_DIR, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{url.split(':')[0]} part failed:\n{completed.stderr[-4000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run_sqlite(args: argparse.Namespace) -> dict:
    path = (args.results_dir / f"referrals-bench-{os.getpid()}.sqlite3").resolve()
    try:
        return _run_part(args, f"sqlite:///{path}")
    finally:
        for leftover in (path, *path.parent.glob(path.name + "-*")):
            leftover.unlink(missing_ok=True)


def run_postgresql(args: argparse.Namespace, url: str) -> dict:
    name = f"kansrijk_bench_referrals_{os.getpid()}"
    with _postgres_admin(url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        return _run_part(args, _with_database_name(url, name))
    finally:
        with _postgres_admin(url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _print(report: dict) -> None:
    print(
        f"\nReferrals benchmark: {report['clients']:,} synthetic clients, one referral each "
        f"(seed {report['seed']})"
    )
    row = "{:<44} {:>8} {:>9} {:>9} {:>8} {:>10}"
    for part in report["parts"]:
        g = part["generated"]
        print(
            f"\n{part['database']}: generated {g['referrals']:,} referrals, "
            f"{g['organisations']} organisations, {g['users']} users in {g['seconds']:.1f} s"
        )
        print(row.format("", "n", "p50 ms", "p95 ms", "per s", "× floor p50"))
        floor = part["floor"]

        def line(label, f, per_second, base, row=row):
            ratio = f["p50_ms"] / base["p50_ms"] if base and base["p50_ms"] else 0
            print(
                row.format(
                    label,
                    f["n"],
                    f"{f['p50_ms']:.2f}",
                    f"{f['p95_ms']:.2f}",
                    f"{per_second:.0f}",
                    f"{ratio:.1f}" if base else "1 (floor)",
                )
            )

        for label, f in (
            ("floor: bare UPDATE of one referral", floor["bare_update"]),
            ("floor: read one referral", floor["read_one"]),
        ):
            line(label, f, 1000 / f["mean_ms"] if f["mean_ms"] else 0, None)
        t = part["transitions"]
        line(
            "referral_transition (receiving side)",
            t,
            t["transitions_per_second"],
            floor["bare_update"],
        )
        w = part["work_lists"]
        for label, key in (
            ("work list of a professional", "professional_work_list"),
            ("coordinator's overview", "coordinator_overview"),
        ):
            f = w[key]
            line(label, f, 1000 / f["mean_ms"] if f["mean_ms"] else 0, floor["read_one"])
        print(f"  transitions per second: {t['transitions_per_second']:.1f}")
        print(f"  work-list p95: {w['professional_work_list']['p95_ms']:.2f} ms")
        print(
            "  × floor: a transition (checks, event, hash-chained audit) against a bare UPDATE; "
            "a work list against reading one referral"
        )
    print(f"\nWritten to {report['output']}")


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    if args.worker:
        worker(args)
        return
    args.results_dir.mkdir(parents=True, exist_ok=True)
    postgres = _postgres_url()
    parts = []
    if args.database in ("auto", "sqlite"):
        print(f"SQLite: {args.clients:,} clients ...", flush=True)
        parts.append(run_sqlite(args))
    if args.database == "postgresql" and postgres is None:
        sys.exit("--database postgresql needs DATABASE_URL=postgres://...")
    if args.database in ("auto", "postgresql") and postgres is not None:
        print(f"PostgreSQL: {args.clients:,} clients ...", flush=True)
        parts.append(run_postgresql(args, postgres))
    report = {
        "benchmark": "referrals",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "clients": args.clients,
        "seed": args.seed,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1_5_15": os.getloadavg(),
        "parts": parts,
        "output": str(args.output),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    _print(report)


if __name__ == "__main__":
    main()
