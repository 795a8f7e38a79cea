import csv

import pytest
from django.conf import settings


@pytest.fixture
def write_csv(tmp_path):
    """Write text to a CSV file in tmp_path and return its path."""

    def write(text: str, name: str = "import.csv", encoding: str = "utf-8"):
        path = tmp_path / name
        path.write_text(text, encoding=encoding)
        return path

    return write


@pytest.fixture(scope="session")
def shared_areas():
    """The rows of ../shared/data/neighbourhoods.csv."""
    with open(settings.SHARED_DIR / "data" / "neighbourhoods.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def shared_municipalities():
    with open(settings.SHARED_DIR / "data" / "municipalities.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
