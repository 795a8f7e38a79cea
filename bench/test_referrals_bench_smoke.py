"""The referrals benchmark runs end to end on a tiny synthetic database: it generates clients
and referrals, moves some, times the work lists, prints the figures and cleans up. Speed is
not asserted.

Run it with `.venv/bin/pytest bench/test_referrals_bench_smoke.py`.
"""

import json
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_it_measures_transitions_and_work_lists_on_sqlite(tmp_path):
    # A subprocess, as `python -m bench.referrals` is run; its database is its own.
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.referrals",
            "--database",
            "sqlite",
            "--clients",
            "300",
            "--transitions",
            "20",
            "--work-lists",
            "10",
            "--results-dir",
            str(tmp_path),
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr

    report = json.loads((tmp_path / "referrals-latest.json").read_text())
    (part,) = report["parts"]
    assert part["database"] == "sqlite"
    assert part["generated"]["referrals"] == 300
    assert part["transitions"]["n"] == 20
    assert part["transitions"]["transitions_per_second"] > 0
    assert part["work_lists"]["professional_work_list"]["n"] == 10
    assert part["work_lists"]["professional_work_list"]["p95_ms"] > 0
    assert "transitions per second" in completed.stdout
    assert "work-list p95" in completed.stdout
    assert not list(tmp_path.glob("*.sqlite3*")), "the throwaway database is removed"
