"""The benchmark runs end to end on a small directory. Speed is not asserted, only that it
produced every figure and that every request succeeded.

Run it with `.venv/bin/pytest bench/test_bench_smoke.py`.
"""

import json
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_it_measures_search_and_healthz_in_process_and_over_http(tmp_path):
    # A subprocess: the benchmark sets up Django on its own database, apart from pytest's.
    completed = subprocess.run(
        [sys.executable, "-m", "bench", "directory", "--quick", "--results-dir", str(tmp_path)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr

    report = json.loads((tmp_path / "latest-quick.json").read_text())
    assert report["directory"]["services"] == 500
    assert report["directory"]["municipalities_with_services"] == 342
    inprocess = report["inprocess"]
    assert inprocess["search_first_page"]["n"] == inprocess["healthz_view"]["n"] == 60
    assert inprocess["search_first_page"]["p50_ratio"] > 0
    http = report["http"]
    for measured in ("healthz", "api_search", "html_search"):
        assert http[measured]["n"] == 60
        assert http[measured]["errors"] == 0, http[measured]["statuses"]
    assert http["api_search"]["p95_ratio"] > 0
    assert http["server_memory_mib"]["peak_rss"] > 0
    assert "p50 ms" in completed.stdout
