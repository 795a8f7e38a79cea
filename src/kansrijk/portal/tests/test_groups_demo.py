"""The demo's groups for parents reach the parent site and its calendar link, and nothing that
is for professionals does."""

import icalendar


def test_heerlen_parents_see_their_groups_only(demo, client):
    response = client.get("/ouders/heerlen/nl/groepen/")
    assert response.status_code == 200
    assert "Centering Pregnancy Heerlen" in response.text
    assert "Vadergroep Heerlen" in response.text
    assert "Moedergroep Zaanstad" not in response.text
    assert "Positieve Gezondheid" not in response.text  # a training for professionals


def test_the_parents_calendar_link_holds_groups_not_trainings(demo, client):
    feed = client.get("/agenda/zuid-limburg.ics?voor=ouders")
    assert feed.status_code == 200
    titles = [str(c["SUMMARY"]) for c in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")]
    assert any(t.startswith("Centering Pregnancy Heerlen") for t in titles)
    assert not any("Positieve Gezondheid" in t for t in titles)
    everything = client.get("/agenda/zuid-limburg.ics")
    assert b"Positieve Gezondheid" in everything.content


def test_one_to_one_programmes_never_reach_the_public_agenda(demo, client):
    import datetime

    from django.utils import timezone

    from kansrijk.organisations import selectors as organisation_selectors
    from kansrijk.programmes import selectors as programme_selectors
    from kansrijk.programmes import services as programme_services

    group = programme_services.group_create(
        programme=programme_selectors.programme_get(code="voorzorg"),
        coalition=organisation_selectors.coalition_get(slug="zuid-limburg"),
        name="VoorZorg Demo Heerlen",
        place="Bij haar thuis",
        start_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    programme_services.group_plan_sessions(group)
    assert "VoorZorg Demo Heerlen" not in client.get("/ouders/heerlen/nl/groepen/").text
    assert b"VoorZorg Demo Heerlen" not in client.get("/agenda/zuid-limburg.ics").content
