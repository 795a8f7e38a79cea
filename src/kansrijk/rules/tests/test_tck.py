"""The DMN TCK compliance-level-2 cases shipped in ../shared/spec/dmn-tck all pass."""

import io
import shutil
from pathlib import Path

import pytest

from kansrijk.rules import tck

TCK = (
    Path(__file__).resolve().parents[4]
    / ".."
    / "shared"
    / "spec"
    / "dmn-tck"
    / "compliance-level-2"
)


def test_every_compliance_level_2_case_passes():
    out = io.StringIO()
    code = tck.main(["test", str(TCK)], out=out)
    lines = out.getvalue().splitlines()
    assert lines[-1] == "116 passed, 0 failed", lines
    assert code == 0


def test_a_wrong_expectation_is_reported_as_a_failure(tmp_path):
    folder = tmp_path / "0004-simpletable-U"
    shutil.copytree(TCK / "0004-simpletable-U", folder)
    test_file = next(folder.glob("*-test-*.xml"))
    text = test_file.read_text()
    assert ">Approved<" in text
    test_file.write_text(text.replace(">Approved<", ">Rejected<", 1))

    out = io.StringIO()
    code = tck.main(["test", str(tmp_path)], out=out)

    assert code == 1
    report = out.getvalue()
    assert "FAIL 0004-simpletable-U" in report
    assert "expected Rejected, got Approved" in report
    assert report.splitlines()[-1].endswith("1 failed")


def test_a_folder_without_test_cases_does_not_pass(tmp_path):
    out = io.StringIO()
    assert tck.main(["test", str(tmp_path)], out=out) == 1
    assert out.getvalue().splitlines()[-1] == "0 passed, 0 failed"


def test_the_kansrijk_command_runs_the_tck(capsys):
    from kansrijk import cli

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["dmn", "test", str(TCK / "0001-input-data-string")])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 passed, 0 failed"
