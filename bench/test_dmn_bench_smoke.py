"""The DMN benchmark runs end to end on a few rows: every engine agrees with Kansrijk's on every
table and gets a speed figure. Speed itself is not asserted.

SpiffWorkflow and pyDMNrules come with the `bench` extra (`make setup`); without them this test
fails, it does not skip. pyDMNrules is only checked for here, not run: importing it takes ~20 s
(pySFeel builds its parser tables on every import), too long for every test run. `make bench`
runs it and exits non-zero when it disagrees with Kansrijk's engine.

Run it with `.venv/bin/pytest bench/test_dmn_bench_smoke.py`.
"""

import json
import subprocess
import sys
from importlib import metadata, util
from pathlib import Path

from bench.dmn import spiff_cell

PROJECT_DIR = Path(__file__).resolve().parent.parent


def test_it_times_every_engine_on_every_table_after_they_agree(tmp_path):
    # A subprocess, as `python -m bench dmn` is run; tiny counts keep it to a few seconds.
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "dmn",
            "--rows",
            "40",
            "--repeat",
            "2",
            "--budget",
            "0.1",
            "--min-run",
            "0.01",
            "--engines",
            "kansrijk,if-chain,spiffworkflow",
            "--results-dir",
            str(tmp_path),
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr

    report = json.loads((tmp_path / "dmn-latest.json").read_text())
    assert set(report["versions"]) == {"Kansrijk", "SpiffWorkflow"}
    assert set(report["tables"]) == {"route", "eligibility", "risk_score"}
    for key, table in report["tables"].items():
        engines = table["engines"]
        expected = {"Kansrijk", "SpiffWorkflow"} | (
            {"if-chain (floor)"} if key == "route" else set()
        )
        assert set(engines) == expected, key
        for name, figures in engines.items():
            assert figures["skipped"] == "", (key, name, figures)
            assert figures["evals_per_s"] > 0, (key, name)
            assert figures["kansrijk_ratio"] > 0, (key, name)
            if name != "Kansrijk":
                assert figures["disagreements"] == 0, (key, name, figures["examples"])
    assert report["tables"]["eligibility"]["rules"] == 80

    out = completed.stdout
    assert "evals/s" in out
    assert "Kansrijk vs SpiffWorkflow: route " in out
    assert "If-chain floor (route): hand-written Python is " in out


def test_the_bench_extra_installs_both_competitors():
    for package, module in (("SpiffWorkflow", "SpiffWorkflow"), ("pyDMNrules", "pyDMNrules")):
        assert metadata.version(package), package
        assert util.find_spec(module) is not None, f"{package}: run `make setup`"


def test_it_writes_feel_cells_in_spiffworkflows_python_dialect():
    assert spiff_cell("[18..27)") == "18 <= ? < 27"
    assert spiff_cell("]1..2]") == "1 < ? <= 2"
    assert spiff_cell('"GM0479","GM0363"') == '? in ("GM0479", "GM0363")'
    assert spiff_cell(">= 3") == ">= 3"
    assert spiff_cell("true") == "True"
    assert spiff_cell("-") == "-"
    assert spiff_cell('"mdo"', output=True) == '"mdo"'
