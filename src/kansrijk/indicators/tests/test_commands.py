"""`kansrijk indicators import-opendata` and `kansrijk indicators refresh` as an operator runs
them."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansrijk.indicators.models import OpenDataImport, OpenDataValue, ScreeningFact

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def test_a_file_with_one_bad_region_code_is_refused_with_that_row_named():
    with pytest.raises(CommandError) as refused:
        call_command("indicators", "import-opendata", str(FIXTURES / "opendata_bad_region.csv"))

    message = str(refused.value)
    assert "nothing was imported" in message
    assert "regel 3" in message and "GM9999" in message
    assert not OpenDataValue.objects.exists() and not OpenDataImport.objects.exists()


def test_a_good_file_is_imported():
    out = StringIO()
    call_command(
        "indicators", "import-opendata", str(FIXTURES / "opendata_valid_semicolon.csv"), stdout=out
    )

    assert f"Imported {OpenDataValue.objects.count()} values" in out.getvalue()
    assert OpenDataValue.objects.exists()


def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="No such file"):
        call_command("indicators", "import-opendata", "/nonexistent/file.csv")


def test_refresh_builds_the_extract_and_the_aggregate(professional, other_organisation, coalition):
    from kansrijk.referrals.tests import factories
    from kansrijk.screening import services as screening_services

    client = factories.make_client(user=professional)
    screening_services.screening_record(
        client=client, instrument="epds", answers=dict.fromkeys(range(1, 11), 0), user=professional
    )
    out = StringIO()
    call_command("indicators", "refresh", stdout=out)

    assert ScreeningFact.objects.count() == 1
    assert "screening: 1" in out.getvalue()
