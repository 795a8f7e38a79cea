"""Screening a client: the result is scored with her coalition's cut-offs and stored, the pages
show it in Dutch (an urgent EPDS item 10 prominently, with what to do now), and only people
who may see her reach any of it; every read and write is in the audit log."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.audit.constants import Outcome
from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.screening import ScreeningError
from kansrijk.screening.constants import (
    AUDIT_SCREENING_RECORDED,
    AUDIT_SCREENING_VIEWED,
    Phase,
)
from kansrijk.screening.models import ScreeningResponse
from kansrijk.screening.selectors import (
    client_phase,
    risk_profile,
    screenings_for_client,
    screenings_for_client_export,
)
from kansrijk.screening.services import cutoff_set, screening_record, screenings_pseudonymise

pytestmark = pytest.mark.django_db

# EPDS total 10, item 10 "never" (its last answer): no self-harm flag.
EPDS_TEN = {1: 3, 2: 3, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 3}
# EPDS total 3, but item 10 at its first answer: the self-harm flag.
EPDS_SELF_HARM = {1: 0, 2: 0, 3: 3, 4: 0, 5: 3, 6: 3, 7: 3, 8: 3, 9: 3, 10: 0}


def _url(name, client, **kwargs):
    return reverse(f"clients:screening:{name}", kwargs={"client_id": client.uuid, **kwargs})


def _post_data(code, positions):
    return {f"{code}-item_{number}": str(position) for number, position in positions.items()}


@pytest.fixture
def browser(login_as, professional):
    return login_as(professional)


# --- recording -----------------------------------------------------------------------------


def test_recording_stores_the_result_scored_with_the_coalitions_cut_off_of_11(
    zaanstad_client, professional, coalition, coordinator
):
    cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=11, high=13)

    response = screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_TEN, user=professional
    )

    stored = ScreeningResponse.objects.get()
    assert stored == response
    assert (stored.total, stored.max_total, stored.level) == (10, 30, "normal")
    assert (stored.cutoff_elevated, stored.cutoff_high) == (11, 13)
    assert stored.cutoff_source == "coalition:kansrijke-start-zaanstad-test"
    assert stored.answers == {str(n): p for n, p in EPDS_TEN.items()}
    assert stored.screened_by == professional
    assert stored.screened_by_organisation == professional.organisation
    assert stored.instrument_version and stored.language == "nl"


def test_without_a_coalition_cut_off_the_questionnaires_own_apply(zaanstad_client, professional):
    stored = screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_TEN, user=professional
    )
    assert (stored.level, stored.cutoff_elevated, stored.cutoff_source) == (
        "elevated",
        10,
        "instrument",
    )


def test_a_first_trimester_cut_off_applies_to_a_client_in_her_first_trimester(
    early_client, zaanstad_client, professional, coalition
):
    cutoff_set(
        coalition_id=coalition.pk,
        instrument="epds",
        phase=Phase.FIRST_TRIMESTER,
        elevated=11,
        high=13,
    )
    assert client_phase(client=early_client) == Phase.FIRST_TRIMESTER
    assert client_phase(client=zaanstad_client) == Phase.SECOND_TRIMESTER

    early = screening_record(
        client=early_client, instrument="epds", answers=EPDS_TEN, user=professional
    )
    later = screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_TEN, user=professional
    )

    assert (early.phase, early.cutoff_elevated, early.level) == ("first_trimester", 11, "normal")
    assert (later.phase, later.cutoff_elevated, later.level) == ("second_trimester", 10, "elevated")


def test_recording_is_in_the_audit_log_with_the_client_but_not_her_answers(
    zaanstad_client, professional
):
    stored = screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_SELF_HARM, user=professional
    )
    event = audit_events_for_client(client_id=str(zaanstad_client.uuid)).get(
        action=AUDIT_SCREENING_RECORDED
    )
    assert event.object_id == str(stored.uuid)
    assert event.actor_id == str(professional.uuid)
    assert event.actor_role == Role.PROFESSIONAL
    assert event.detail == {
        "instrument": "epds",
        "level": "normal",
        "urgent": True,
        "cutoffs": "instrument",
    }


def test_answers_that_do_not_fit_the_questionnaire_store_nothing(zaanstad_client, professional):
    with pytest.raises(ScreeningError, match="vraag 10: geen antwoord"):
        screening_record(
            client=zaanstad_client,
            instrument="epds",
            answers={n: 0 for n in range(1, 10)},
            user=professional,
        )
    with pytest.raises(ScreeningError):
        screening_record(client=zaanstad_client, instrument="nope", answers={}, user=professional)
    assert not ScreeningResponse.objects.exists()


def test_the_risk_profile_takes_her_newest_result_per_questionnaire(zaanstad_client, professional):
    screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_SELF_HARM, user=professional
    )
    newest = screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_TEN, user=professional
    )
    signals = screening_record(
        client=zaanstad_client,
        instrument="signal-list",
        answers={n: 0 if n == 3 else 1 for n in range(1, 11)},
        user=professional,
    )

    profile = risk_profile(zaanstad_client)

    assert profile.latest == [newest, signals]
    assert profile.domains == ["psychosocial", "poverty_debts"]
    assert profile.accumulates and not profile.urgent
    assert profile.themes == ["mental-health", "debts-and-money"]
    assert list(screenings_for_client(zaanstad_client))[0] == signals


def test_her_screenings_go_into_her_right_of_access_export(zaanstad_client, professional):
    stored = screening_record(
        client=zaanstad_client, instrument="gad2", answers={1: 2, 2: 1}, user=professional
    )
    [exported] = screenings_for_client_export(zaanstad_client.pk)
    assert exported["id"] == str(stored.uuid)
    assert exported["instrument_name"] == "GAD-2 (angst)"
    assert (exported["total"], exported["level"]) == (3, "elevated")
    assert exported["organisation"] == professional.organisation.name
    assert "screened_by" not in exported and professional.username not in str(exported)


def test_pseudonymising_removes_who_screened_her_and_coarsens_the_date(
    zaanstad_client, professional
):
    stored = screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    assert screenings_pseudonymise(client_id=zaanstad_client.pk) == 1
    stored.refresh_from_db()
    assert stored.screened_by is None
    when = timezone.localtime(stored.screened_at)
    assert (when.day, when.hour, when.minute) == (1, 0, 0)
    assert (stored.total, stored.level) == (0, "normal")


# --- pages ---------------------------------------------------------------------------------


def test_the_overview_offers_the_questionnaires_and_marks_the_signal_list(browser, zaanstad_client):
    response = browser.get(_url("overview", zaanstad_client))
    assert response.status_code == 200
    text = response.text
    assert "Screening en steun" in text and zaanstad_client.pseudonym in text
    for code in ("epds", "gad2", "phq2", "signal-list"):
        assert _url("fill", zaanstad_client, code=code) in text
    signal_list = text[text.index("Signalenlijst Kansrijke Start") :]
    assert "Gespreksinstrument, geen gevalideerde test" in signal_list[:600]
    assert "Zij is nog niet gescreend." in text
    assert "Kansrijk stuurt niets vanzelf; u kiest samen met de cliënt." in text


def test_the_form_has_a_radio_group_per_question(browser, zaanstad_client):
    response = browser.get(_url("fill", zaanstad_client, code="gad2"))
    assert response.status_code == 200
    assert response.text.count("<fieldset") == 2
    assert response.text.count('type="radio"') == 8
    assert "Bijna elke dag" in response.text
    assert "Opslaan en uitkomst tonen" in response.text


def test_the_signal_list_form_says_it_is_a_conversation_aid(browser, zaanstad_client):
    response = browser.get(_url("fill", zaanstad_client, code="signal-list"))
    assert response.status_code == 200
    assert "Gespreksinstrument, geen gevalideerde test" in response.text


def test_the_questions_can_be_shown_in_english(browser, zaanstad_client):
    response = browser.get(_url("fill", zaanstad_client, code="gad2") + "?taal=en")
    assert "Nearly every day" in response.text
    assert 'lang="en"' in response.text


def test_an_unknown_questionnaire_is_not_found(browser, zaanstad_client):
    assert browser.get(_url("fill", zaanstad_client, code="nope")).status_code == 404


def test_saving_the_epds_with_item_10_shows_the_urgent_flag_and_what_to_do_now(
    browser, zaanstad_client
):
    response = browser.post(
        _url("fill", zaanstad_client, code="epds"), _post_data("epds", EPDS_SELF_HARM)
    )
    stored = ScreeningResponse.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("result", zaanstad_client, screening_id=stored.uuid)
    assert stored.urgent and stored.flags == ["self_harm"]

    page = browser.get(response["Location"])
    assert page.status_code == 200
    text = page.text
    urgent = text.index("Vandaag actie nodig")
    assert urgent < text.index('id="screening-result-epds"')
    assert 'role="alert"' in text[urgent - 300 : urgent]
    assert "Gedachten aan zelfbeschadiging." in text
    assert "overleg met de huisarts of crisisdienst" in text
    assert "3 van 30" in text
    assert text.count("Vandaag actie nodig") == 1
    assert "tel:" not in text[urgent : urgent + 800]


def test_the_result_shows_the_coalitions_cut_offs_in_words(browser, zaanstad_client, coalition):
    cutoff_set(coalition_id=coalition.pk, instrument="epds", elevated=11, high=13)
    browser.post(_url("fill", zaanstad_client, code="epds"), _post_data("epds", EPDS_TEN))
    page = browser.get(
        _url("result", zaanstad_client, screening_id=ScreeningResponse.objects.get().uuid)
    )
    assert "Niet verhoogd" in page.text
    assert "Verhoogd vanaf 11, hoog vanaf 13 (Kansrijke Start Zaanstad (test))." in page.text
    assert "Vandaag actie nodig" not in page.text


def test_a_missing_answer_gets_a_dutch_message_and_nothing_is_stored(browser, zaanstad_client):
    data = _post_data("epds", EPDS_TEN)
    del data["epds-item_4"]
    response = browser.post(_url("fill", zaanstad_client, code="epds"), data)
    assert response.status_code == 200
    assert "Controleer het formulier" in response.text
    assert "Kies een antwoord op vraag 4." in response.text
    assert 'href="#id_epds-item_4_fieldset"' in response.text
    assert not ScreeningResponse.objects.exists()


def test_a_nonsense_answer_gets_a_dutch_message_not_an_error_page(browser, zaanstad_client):
    data = _post_data("gad2", {1: 0, 2: 0})
    data["gad2-item_2"] = "9"
    response = browser.post(_url("fill", zaanstad_client, code="gad2"), data)
    assert response.status_code == 200
    assert "Kies een van de antwoorden op vraag 2." in response.text
    assert not ScreeningResponse.objects.exists()


def test_the_client_page_shows_her_screening_and_links_to_it(
    browser, zaanstad_client, professional
):
    detail = reverse("clients:detail", kwargs={"client_id": zaanstad_client.uuid})
    before = browser.get(detail)
    assert "Zij is nog niet gescreend." in before.text
    assert _url("overview", zaanstad_client) in before.text

    screening_record(
        client=zaanstad_client, instrument="epds", answers=EPDS_SELF_HARM, user=professional
    )
    after = browser.get(detail)
    assert "Edinburgh Postnatale Depressie Schaal (EPDS): Niet verhoogd" in after.text
    assert "overleg met de huisarts of crisisdienst" in after.text


def test_an_unknown_screening_is_not_found(browser, zaanstad_client, professional, early_client):
    other = screening_record(
        client=early_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    url = _url("result", zaanstad_client, screening_id=other.uuid)  # not hers
    assert browser.get(url).status_code == 404


def test_every_page_that_shows_her_screenings_is_audited(browser, zaanstad_client, professional):
    stored = screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    browser.get(_url("overview", zaanstad_client))
    browser.get(_url("fill", zaanstad_client, code="phq2"))
    browser.get(_url("result", zaanstad_client, screening_id=stored.uuid))
    events = audit_events_for_client(client_id=str(zaanstad_client.uuid)).filter(
        action=AUDIT_SCREENING_VIEWED
    )
    assert sorted(e.detail["page"] for e in events) == ["form:phq2", "overview", "result"]
    assert all(e.actor_id == str(professional.uuid) and e.source for e in events)


# --- access --------------------------------------------------------------------------------


def _urls(client, screening):
    return [
        _url("overview", client),
        _url("fill", client, code="epds"),
        _url("result", client, screening_id=screening.uuid),
    ]


def test_a_professional_of_another_organisation_gets_404_and_stores_nothing(
    login_as, other_professional, outsider, zaanstad_client, professional
):
    stored = screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    for user in (other_professional, outsider):
        browser = login_as(user)
        for url in _urls(zaanstad_client, stored):
            assert browser.get(url).status_code == 404, url
        response = browser.post(
            _url("fill", zaanstad_client, code="epds"), _post_data("epds", EPDS_TEN)
        )
        assert response.status_code == 404
    assert ScreeningResponse.objects.count() == 1
    denied = audit_events_for_client(client_id=str(zaanstad_client.uuid)).filter(
        outcome=Outcome.DENIED
    )
    assert denied.count() == 8
    assert {e.actor_id for e in denied} == {str(other_professional.uuid), str(outsider.uuid)}


def test_coordinators_and_policy_advisers_are_refused(
    login_as, coordinator, policy_adviser, zaanstad_client, professional
):
    stored = screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    for user in (coordinator, policy_adviser):
        browser = login_as(user)
        for url in _urls(zaanstad_client, stored):
            assert browser.get(url).status_code == 403, url


def test_anonymous_visitors_are_sent_to_log_in(client, zaanstad_client, professional):
    stored = screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    for url in _urls(zaanstad_client, stored):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_a_colleague_of_her_care_team_sees_her_screenings(
    login_as, organisation, zaanstad_client, professional
):
    colleague = make_user(organisation=organisation, roles=[Role.PROFESSIONAL])
    stored = screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    browser = login_as(colleague)
    for url in _urls(zaanstad_client, stored):
        assert browser.get(url).status_code == 200, url
