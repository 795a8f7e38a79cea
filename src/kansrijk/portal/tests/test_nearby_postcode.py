"""Help nearby by postcode, once CBS's postcode table is imported: the postcode finds her
neighbourhood and is gone from the address she lands on."""

from django.core.management import call_command

HELP = "/ouders/heerlen/nl/hulp-in-de-buurt/"


def _import(tmp_path):
    path = tmp_path / "pc.csv"
    path.write_text("postcode;buurtcode\n6411;BU09171000\n1500;BU04791112\n", encoding="utf-8")
    call_command("regions", "import-postcodes", str(path))


def test_no_postcode_field_until_the_table_is_imported(demo, client, tmp_path):
    assert 'name="postcode"' not in client.get(HELP).text
    _import(tmp_path)
    assert 'name="postcode"' in client.get(HELP).text


def test_a_postcode_leads_to_her_neighbourhood_and_is_not_kept(demo, client, tmp_path):
    _import(tmp_path)
    response = client.get(HELP, {"postcode": "6411 AB", "onderwerp": "money"})
    assert response.status_code == 302
    assert "wijk=BU09171000" in response["Location"] and "gemeente=GM0917" in response["Location"]
    assert "6411" not in response["Location"] and "onderwerp=money" in response["Location"]
    assert client.get(response["Location"]).status_code == 200


def test_a_postcode_outside_the_site_is_explained(demo, client, tmp_path):
    _import(tmp_path)
    response = client.get(HELP, {"postcode": "1500"})  # Zaanstad: not Heerlen's site
    assert response.status_code == 400
    assert 'id="error_postcode"' in response.text
