"""CBS's postcode table: each 4-digit postcode gets the neighbourhood most of its addresses
lie in; a malformed file is refused whole."""

import pytest
from django.core.management import CommandError, call_command

from kansrijk.regions import selectors
from kansrijk.regions.models import PostcodeArea

# CBS's shape: one row per address, the buurt as a number (BU09171000 is 9171000).
CBS_FILE = """PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023
6411AB;1;9171000;91710;917
6411AB;3;9171000;91710;917
6411AC;2;9171001;91710;917
6412XY;5;9171100;91711;917
9999ZZ;1;99999999;999999;9999
"""


@pytest.fixture
def cbs_file(tmp_path):
    path = tmp_path / "pc6hnr.csv"
    path.write_text(CBS_FILE, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_each_postcode_gets_the_neighbourhood_of_most_of_its_addresses(cbs_file, capsys):
    assert not selectors.postcode_lookup_available()
    call_command("regions", "import-postcodes", str(cbs_file))
    assert selectors.postcode_lookup_available()
    area = PostcodeArea.objects.get(postcode="6411")
    assert area.neighbourhood.code == "BU09171000" and area.share == 67
    assert selectors.postcode_neighbourhood(postcode="6412 XY").code == "BU09171100"
    assert selectors.postcode_neighbourhood(postcode="9999") is None  # not loaded here
    assert selectors.postcode_neighbourhood(postcode="abcd") is None
    assert "1 left out" in capsys.readouterr().out.replace("1 weggelaten", "1 left out")


@pytest.mark.django_db
def test_a_malformed_row_refuses_the_whole_file(cbs_file, tmp_path):
    call_command("regions", "import-postcodes", str(cbs_file))
    bad = tmp_path / "bad.csv"
    bad.write_text(CBS_FILE + "12AB;1;9171000;91710;917\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("regions", "import-postcodes", str(bad))
    assert PostcodeArea.objects.count() == 2  # the earlier import is untouched
