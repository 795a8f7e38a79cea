"""Submitting a case: the discussion mode is explicit, a named case needs covering consent or
an approved legal basis, and an anonymous case warns when she could be recognised."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.casework import selectors, services
from kansrijk.casework.constants import CaseStatus, DiscussionMode
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.tests.factories import make_client, make_consent

pytestmark = pytest.mark.django_db


def test_a_case_without_a_discussion_mode_is_refused(consultation, midwife, summary):
    with pytest.raises(ValidationError) as caught:
        services.case_submit(consultation=consultation, user=midwife, mode="", **summary)
    assert "Kies hoe de casus wordt besproken" in str(caught.value.message_dict["mode"])


def test_the_form_refuses_a_missing_mode_in_dutch(consultation, midwife, login_as, zaanstad):
    response = login_as(midwife).post(
        f"/casusoverleg/{consultation.uuid}/aanmelden/",
        {
            "age_band": "23_29",
            "phase": "second_trimester",
            "municipality": zaanstad.code,
            "domains": ["poverty_debts"],
            "question": "Wat kunnen we doen?",
        },
    )
    assert response.status_code == 400
    assert "Kies hoe de casus wordt besproken" in response.content.decode()
    assert not selectors.cases_of(consultation).exists()


def test_named_with_consent_must_cover_every_organisation_at_the_table(
    consultation, midwife, summary, third_organisation
):
    client = make_client(user=midwife)
    # Her consent names the wijkteam only; the GGD sits at the table.
    make_consent(
        client=client,
        user=midwife,
        organisations=[third_organisation],
        purpose=ConsentPurpose.CASE_CONSULTATION,
    )
    with pytest.raises(ValidationError) as caught:
        services.case_submit(
            consultation=consultation,
            user=midwife,
            mode=DiscussionMode.NAMED_CONSENT,
            client=client,
            **summary,
        )
    message = " ".join(caught.value.message_dict["client"])
    assert "GGD Zaanstreek-Waterland (test)" in message
    assert not selectors.cases_of(consultation).exists()


def test_consent_for_a_referral_does_not_cover_a_case_consultation(
    consultation, midwife, summary, organisation
):
    client = make_client(user=midwife)
    make_consent(client=client, user=midwife, organisations=[organisation])
    with pytest.raises(ValidationError):
        services.case_submit(
            consultation=consultation,
            user=midwife,
            mode=DiscussionMode.NAMED_CONSENT,
            client=client,
            **summary,
        )


def test_named_with_covering_consent_is_submitted_with_a_code(
    consultation, midwife, summary, named_client
):
    case = services.case_submit(
        consultation=consultation,
        user=midwife,
        mode=DiscussionMode.NAMED_CONSENT,
        client=named_client,
        **summary,
    )
    assert case.status == CaseStatus.SUBMITTED
    assert case.code.startswith("SKZ-") and case.code.endswith("-001")
    assert selectors.case_basis_holds(case)


def test_named_without_consent_needs_basis_justification_and_second_approver(
    consultation, midwife, summary, chair
):
    client = make_client(user=midwife)
    with pytest.raises(ValidationError) as caught:
        services.case_submit(
            consultation=consultation,
            user=midwife,
            mode=DiscussionMode.NAMED_LEGAL_BASIS,
            client=client,
            **summary,
        )
    assert {"legal_basis", "justification", "second_approver"} <= set(caught.value.message_dict)

    case = services.case_submit(
        consultation=consultation,
        user=midwife,
        mode=DiscussionMode.NAMED_LEGAL_BASIS,
        client=client,
        legal_basis="meldcode",
        justification="Signalen van huiselijk geweld; wachten op toestemming is niet veilig.",
        second_approver=chair,
        **summary,
    )
    assert case.status == CaseStatus.AWAITING_APPROVAL
    assert not selectors.case_basis_holds(case)
    with pytest.raises(ValidationError):
        services.case_approve(case=case, user=midwife)  # not herself
    case = services.case_approve(case=case, user=chair)
    assert case.status == CaseStatus.SUBMITTED
    assert selectors.case_basis_holds(case)


def test_an_anonymous_case_that_could_identify_her_asks_for_a_check(consultation, midwife, summary):
    details = {**summary, "age_band": "under_18", "due_precision": "day"}
    with pytest.raises(services.RecognisableError) as caught:
        services.case_submit(
            consultation=consultation, user=midwife, mode=DiscussionMode.ANONYMOUS, **details
        )
    assert any("herken" in warning for warning in caught.value.warnings)
    case = services.case_submit(
        consultation=consultation,
        user=midwife,
        mode=DiscussionMode.ANONYMOUS,
        recognisable_checked=True,
        **details,
    )
    assert case.client is None


def test_an_ordinary_anonymous_case_needs_no_check(consultation, midwife, summary):
    case = services.case_submit(
        consultation=consultation, user=midwife, mode=DiscussionMode.ANONYMOUS, **summary
    )
    assert case.mode == DiscussionMode.ANONYMOUS


def test_names_and_numbers_in_the_question_are_warned_about():
    warnings = selectors.recognisability_warnings(
        inhabitants=150_000,
        area_name="Zaanstad",
        age_band="30_39",
        due_precision="",
        question="Mevrouw Jansen aan de Dorpsstraat 12 heeft schulden.",
    )
    assert len(warnings) == 2


def test_a_small_neighbourhood_with_a_due_week_is_recognisable():
    assert selectors.recognisability_warnings(
        inhabitants=2_000,
        area_name="Poelenburg",
        age_band="30_39",
        due_precision="week",
        question="Zorgen over geld.",
    )
    assert not selectors.recognisability_warnings(
        inhabitants=150_000,
        area_name="Zaanstad",
        age_band="30_39",
        due_precision="month",
        question="Zorgen over geld.",
    )
