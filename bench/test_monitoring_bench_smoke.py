"""The monitoring benchmark runs end to end on a tiny synthetic data set: it generates two
municipalities, times Kansrijk's figures and DuckDB's raw aggregation, verifies that they agree,
prints the ratio and cleans up. Speed is not asserted.

Run it with `.venv/bin/pytest bench/test_monitoring_bench_smoke.py`.
"""

import json
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_it_compares_kansrijk_with_duckdb_and_verifies_the_counts(tmp_path):
    # A subprocess, as `python -m bench monitoring` is run; its database is its own.
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "monitoring",
            "--births-per-year",
            "1500",
            "--years",
            "1",
            "--municipality",
            "GM0479",
            "GM0917",
            "--page-requests",
            "3",
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

    assert "ratio Kansrijk/DuckDB:" in completed.stdout
    assert "verification passed" in completed.stdout
    report = json.loads((tmp_path / "monitoring-latest.json").read_text())
    (part,) = report["parts"]
    assert part["generated"]["municipalities"] == 2
    assert part["generated"]["births"] == 1500
    assert part["verification"]["passed"]
    # Ten process indicators for each municipality and quarter with data.
    assert part["verification"]["figures_checked"] == part["kansrijk"]["figures"] > 0
    assert part["duckdb"]["cells"] == part["verification"]["cells"]
    assert part["ratio"]["figures"] > 0
    assert not list(tmp_path.glob("*.sqlite3*")), "the throwaway database is removed"
    assert not list(tmp_path.glob("monitoring-export-*")), "the export is removed"
