"""`kansrijk hsds export|import|openapi`: what the command prints and its exit code."""

import io
import json
from unittest import mock

import pytest

from kansrijk import cli
from kansrijk.directory import api
from kansrijk.directory import models as hsds
from kansrijk.directory.tests.test_hsds_io import (
    directory_empty,
    directory_fill,
    read_csv,
    write_csv,
)
from kansrijk.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def run(*args: str, capsys) -> tuple[int, str, str]:
    """Run `kansrijk hsds ...` as from the shell: exit code, stdout, stderr."""
    try:
        # From the shell Django closes all connections afterwards; on PostgreSQL that would end
        # the test's transaction, so keep the connection open here.
        with mock.patch("django.db.connections.close_all"):
            cli.main(["hsds", *args])
        code = 0
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def test_export_writes_the_files_and_says_how_many_rows(tmp_path, capsys):
    directory_fill()

    code, out, err = run("export", str(tmp_path / "out"), capsys=capsys)

    assert code == 0
    assert "services.csv: 2" in out
    assert (tmp_path / "out" / "datapackage.json").is_file()


def test_export_for_an_organisation_includes_its_confidential_address(tmp_path, capsys):
    owner = OrganisationFactory()
    location = directory_fill(managed_by=owner)["location"]
    location.is_confidential = True
    location.save()

    code, _out, _err = run(
        "export", str(tmp_path), "--organisation", str(owner.uuid), capsys=capsys
    )

    assert code == 0
    assert len(read_csv(tmp_path / "addresses.csv")) == 1


def test_export_refuses_an_unknown_organisation(tmp_path, capsys):
    code, _out, err = run(
        "export",
        str(tmp_path),
        "--organisation",
        "00000000-0000-4000-8000-000000000000",
        capsys=capsys,
    )

    assert code == 1
    assert "00000000-0000-4000-8000-000000000000" in err
    assert not (tmp_path / "services.csv").exists()


def test_import_reports_what_it_wrote(tmp_path, capsys):
    directory_fill()
    run("export", str(tmp_path), capsys=capsys)
    directory_empty()

    code, out, _err = run("import", str(tmp_path), capsys=capsys)

    assert code == 0
    assert "service: 2" in out
    assert hsds.Service.objects.count() == 2


def test_import_of_bad_data_prints_every_problem_and_fails(tmp_path, capsys):
    directory_fill()
    run("export", str(tmp_path), capsys=capsys)
    directory_empty()
    rows = read_csv(tmp_path / "services.csv")
    rows[0]["status"] = "weg"
    rows[1]["minimum_age"] = "jong"
    write_csv(tmp_path / "services.csv", rows)

    code, _out, err = run("import", str(tmp_path), capsys=capsys)

    assert code == 1
    assert "services.csv" in err and "status" in err and "minimum_age" in err
    assert "2" in err.splitlines()[-1]
    assert hsds.Service.objects.count() == 0


def test_import_of_a_missing_path_fails(tmp_path, capsys):
    code, _out, err = run("import", str(tmp_path / "nowhere"), capsys=capsys)

    assert code == 1
    assert "nowhere" in err


def test_import_shows_progress_when_asked(tmp_path, capsys):
    directory_fill()
    run("export", str(tmp_path), capsys=capsys)

    code, _out, err = run("import", str(tmp_path), "--progress", capsys=capsys)

    assert code == 0
    assert "services.csv" in err


@pytest.fixture
def fake_openapi(monkeypatch):
    document = {"openapi": "3.1.0", "info": {"title": "HSDS", "version": "3.0"}}
    monkeypatch.setattr(api, "openapi_document", lambda: document, raising=False)
    return document


def test_openapi_write_then_check_passes(tmp_path, capsys, fake_openapi):
    path = tmp_path / "docs" / "hsds-openapi.json"

    assert run("openapi", "--write", str(path), capsys=capsys)[0] == 0
    code, out, _err = run("openapi", "--check", str(path), capsys=capsys)

    assert code == 0
    assert path.read_text() == json.dumps(fake_openapi, indent=2, sort_keys=True) + "\n"


def test_openapi_check_fails_on_drift_and_says_how_to_fix_it(tmp_path, capsys, fake_openapi):
    path = tmp_path / "hsds-openapi.json"
    run("openapi", "--write", str(path), capsys=capsys)
    fake_openapi["info"]["version"] = "3.1"

    code, _out, err = run("openapi", "--check", str(path), capsys=capsys)

    assert code == 1
    assert "--write" in err
    assert '"version": "3.1"' in err


def test_openapi_check_fails_when_the_file_is_missing(tmp_path, capsys, fake_openapi):
    code, _out, err = run("openapi", "--check", str(tmp_path / "none.json"), capsys=capsys)

    assert code == 1
    assert "none.json" in err


def test_progress_line_rewrites_itself_on_a_terminal():
    from kansrijk.directory.hsds_io import ProgressLine

    stream = io.StringIO()
    line = ProgressLine(stream, interactive=True, interval=0)
    line(stage="write", label="service", done=5, total=10)
    line(stage="write", label="service", done=10, total=10)

    assert stream.getvalue().count("\r") == 2
    assert stream.getvalue().endswith("\n")


def test_check_api_validates_every_endpoint_of_a_server(capsys, client, monkeypatch):
    directory_fill()
    monkeypatch.setattr(
        "kansrijk.directory.hsds_api_check._get",
        lambda url: client.get(url.removeprefix("http://testserver")).json(),
    )

    code, out, _err = run("check-api", "http://testserver/api/hsds/", capsys=capsys)

    assert code == 0
    assert "/api/hsds/services/" in out and "/api/hsds/taxonomy_terms?" in out
    assert "Elk antwoord volgt HSDS 3.0." in out


def test_check_api_fails_and_names_the_error_when_output_breaks_the_schema(
    capsys, client, monkeypatch
):
    directory_fill()

    def broken(url):
        data = client.get(url.removeprefix("http://testserver")).json()
        for item in data.get("contents", []):
            item["id"] = "geen-uuid"
        return data

    monkeypatch.setattr("kansrijk.directory.hsds_api_check._get", broken)

    code, out, err = run("check-api", "http://testserver/api/hsds/", capsys=capsys)

    assert code == 1
    assert "geen-uuid" in out and "fout" in out
    assert "volgen HSDS 3.0 niet" in err
