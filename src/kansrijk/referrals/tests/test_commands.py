"""`kansrijk referrals openapi --check|--write`: the committed OpenAPI document of the
referrals API must match the code (make lint runs the check)."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansrijk.referrals.api import openapi_document

COMMITTED = Path(__file__).resolve().parents[4] / "docs" / "api" / "referrals-openapi.json"


def test_the_committed_document_is_up_to_date():
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == openapi_document()


def test_write_then_check_passes(tmp_path, capsys):
    path = tmp_path / "referrals-openapi.json"
    call_command("referrals", "openapi", "--write", str(path))
    call_command("referrals", "openapi", "--check", str(path))
    assert "actueel" in capsys.readouterr().out


def test_check_fails_on_drift_and_says_how_to_fix_it(tmp_path):
    path = tmp_path / "referrals-openapi.json"
    path.write_text("{}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="kansrijk referrals openapi --write"):
        call_command("referrals", "openapi", "--check", str(path))


def test_check_fails_when_the_file_is_missing(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("referrals", "openapi", "--check", str(tmp_path / "missing.json"))
