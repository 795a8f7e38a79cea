"""The ranking on its own (no database): who is suggested first, who never, and why."""

import datetime
from types import SimpleNamespace

from kansrijk.volunteers.ranking import need_score, suggest_volunteers, vog_valid_until
from kansrijk.volunteers.streets import street_key

TODAY = datetime.date(2026, 11, 23)
ZEIST, UTRECHT = 355, 344
CENTRUM, NOORD = 1, 2


def family(**overrides):
    facts = {
        "language": "ar",
        "municipality_id": ZEIST,
        "neighbourhood_id": CENTRUM,
        "street_key": street_key("3701", "Slotlaan"),
        "availability": ["tue-morning", "thu-morning"],
        "needs": ["social-network-and-loneliness", "parenting-and-development"],
    }
    facts.update(overrides)
    return SimpleNamespace(**facts)


def volunteer(first_name, **overrides):
    facts = {
        "first_name": first_name,
        "status": "approved",
        "languages": ["nl"],
        "municipality_id": ZEIST,
        "neighbourhood_id": NOORD,
        "street_key": street_key("3705", "Tiendweg"),
        "availability": ["tue-morning"],
        "support_themes": ["parenting-and-development"],
        "max_families": 2,
        "current_load": 0,
        "vog_valid_until": TODAY + datetime.timedelta(days=400),
    }
    facts.update(overrides)
    return SimpleNamespace(**facts)


def by_name(suggestions):
    return {s.volunteer.first_name: s for s in suggestions}


def test_an_arabic_speaking_volunteer_with_a_valid_vog_comes_first_for_an_arabic_family():
    suggestions = suggest_volunteers(
        family(),
        [
            volunteer(
                "Demo Anna", neighbourhood_id=CENTRUM, availability=["tue-morning", "thu-morning"]
            ),
            volunteer("Demo Samira", languages=["ar", "nl"]),
            volunteer("Demo Yonas", languages=["ti", "nl"]),
        ],
        today=TODAY,
    )
    assert suggestions[0].volunteer.first_name == "Demo Samira"
    assert "Spreekt de taal van het gezin (Arabisch)." in suggestions[0].reasons
    assert all(s.suggested for s in suggestions)


def test_a_volunteer_whose_vog_expired_is_never_suggested_even_if_she_speaks_arabic():
    suggestions = suggest_volunteers(
        family(),
        [
            volunteer("Demo Fatima", languages=["ar"], vog_valid_until=TODAY),
            volunteer("Demo Anna"),
        ],
        today=TODAY,
    )
    fatima = by_name(suggestions)["Demo Fatima"]
    assert not fatima.suggested
    assert "23-11-2026" in fatima.excluded_reason
    assert suggestions[0].volunteer.first_name == "Demo Anna"


def test_a_volunteer_without_a_vog_or_not_yet_approved_is_not_suggested():
    suggestions = by_name(
        suggest_volunteers(
            family(),
            [
                volunteer("Demo Lotte", languages=["ar"], vog_valid_until=None),
                volunteer("Demo Noor", languages=["ar"], status="training"),
            ],
            today=TODAY,
        )
    )
    assert "Geen verklaring omtrent het gedrag (VOG)." == suggestions["Demo Lotte"].excluded_reason
    assert "nog niet goedgekeurd" in suggestions["Demo Noor"].excluded_reason


def test_same_street_and_full_load_volunteers_are_excluded_with_their_reason():
    suggestions = suggest_volunteers(
        family(),
        [
            volunteer("Demo Ilse", languages=["ar"], street_key=street_key("3701", " slotlaan ")),
            volunteer("Demo Marieke", languages=["ar"], max_families=2, current_load=2),
            volunteer("Demo Anna"),
        ],
        today=TODAY,
    )
    named = by_name(suggestions)
    assert named["Demo Ilse"].excluded_reason == "Woont in dezelfde straat als het gezin."
    assert "geen plek vrij" in named["Demo Marieke"].excluded_reason
    assert [s.volunteer.first_name for s in suggestions if s.suggested] == ["Demo Anna"]
    # Excluded volunteers come after every suggested one.
    assert suggestions[0].volunteer.first_name == "Demo Anna"


def test_closer_and_less_busy_volunteers_rank_higher_and_say_why():
    suggestions = suggest_volunteers(
        family(),
        [
            volunteer("Demo Utrecht", municipality_id=UTRECHT, neighbourhood_id=None),
            volunteer("Demo Buurvrouw", neighbourhood_id=CENTRUM, current_load=1),
            volunteer("Demo Dorp"),
        ],
        today=TODAY,
    )
    assert [s.volunteer.first_name for s in suggestions] == [
        "Demo Buurvrouw",
        "Demo Dorp",
        "Demo Utrecht",
    ]
    assert "Woont in dezelfde wijk." in suggestions[0].reasons
    assert "Heeft 1 van de 2 plekken vrij." in suggestions[0].reasons
    assert "Woont in een andere gemeente." in suggestions[2].reasons


def test_the_vog_is_valid_for_three_years():
    assert vog_valid_until(datetime.date(2024, 2, 29)) == datetime.date(2027, 2, 28)
    assert vog_valid_until(datetime.date(2025, 6, 1)) == datetime.date(2028, 6, 1)


def test_a_family_with_a_safety_need_weighs_more_than_one_with_a_lifestyle_need():
    assert need_score(["domestic-violence-and-safety"]) > need_score(["lifestyle-and-smoking"])
