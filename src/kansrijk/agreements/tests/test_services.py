"""Statuses of an agreement version, who may sign, and the "27 of 40" summary."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_organisation, make_user
from kansrijk.agreements import selectors, services
from kansrijk.agreements.constants import AgreementStatus, SubjectKind
from kansrijk.agreements.tests.factories import in_consultation, signatory
from kansrijk.audit.models import AuditEvent


def test_a_new_agreement_starts_as_a_draft_with_version_one(draft, document):
    assert draft.number == 1
    assert draft.status == AgreementStatus.DRAFT
    assert selectors.version_current(document=document) is None


def test_a_draft_is_not_signed(draft, signatory_user):
    with pytest.raises(ValidationError) as error:
        services.version_sign(version=draft, user=signatory_user)
    assert "concept" in error.value.messages[0]


def test_partners_sign_in_consultation_and_the_summary_counts_them(
    draft, coordinator, signatory_user, other_signatory
):
    in_consultation(draft, coordinator)
    summary = selectors.version_summary(version=draft)
    assert (summary.signed, summary.total) == (0, 2)

    services.version_sign(
        version=draft, user=signatory_user, position="directeur", remark="Akkoord"
    )
    summary = selectors.version_summary(version=draft)
    assert (summary.signed, summary.total) == (1, 2)
    assert [o.pk for o in summary.waiting_for] == [other_signatory.organisation_id]
    approval = summary.approvals[0]
    assert approval.user_name == signatory_user.get_full_name()
    assert approval.position == "directeur"
    assert approval.organisation == signatory_user.organisation
    assert not summary.complete

    services.version_sign(version=draft, user=other_signatory)
    assert selectors.version_summary(version=draft).complete


def test_signing_twice_is_refused_in_dutch(draft, coordinator, signatory_user, organisation):
    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user)
    colleague = signatory(organisation)
    with pytest.raises(ValidationError) as error:
        services.version_sign(version=draft, user=colleague)
    assert error.value.messages == ["Uw organisatie heeft deze versie al ondertekend."]
    assert selectors.version_summary(version=draft).signed == 1


def test_signing_without_the_signatory_role_is_refused_in_dutch(draft, coordinator):
    in_consultation(draft, coordinator)
    with pytest.raises(ValidationError) as error:
        services.version_sign(version=draft, user=coordinator)
    assert "ondertekenaar" in error.value.messages[0]
    assert selectors.version_summary(version=draft).signed == 0


def test_an_organisation_outside_the_coalition_cannot_sign(draft, coordinator):
    in_consultation(draft, coordinator)
    with pytest.raises(ValidationError) as error:
        services.version_sign(version=draft, user=signatory(make_organisation()))
    assert "geen partner" in error.value.messages[0]


def test_adoption_needs_a_signature_and_supersedes_the_version_before(
    document, draft, coordinator, signatory_user, other_signatory
):
    in_consultation(draft, coordinator)
    with pytest.raises(ValidationError) as error:
        services.version_adopt(version=draft, user=coordinator)
    assert "Nog geen partner" in error.value.messages[0]

    services.version_sign(version=draft, user=signatory_user)
    services.version_adopt(version=draft, user=coordinator)
    assert draft.status == AgreementStatus.APPROVED
    assert draft.adopted_by_name == coordinator.get_full_name()

    # A partner may still sign once adopted.
    services.version_sign(version=draft, user=other_signatory)

    second = services.version_draft_create(document=document, user=coordinator)
    assert second.number == 2 and second.text == draft.text
    in_consultation(second, coordinator)
    services.version_sign(version=second, user=signatory_user)
    services.version_adopt(version=second, user=coordinator)
    draft.refresh_from_db()
    assert draft.status == AgreementStatus.SUPERSEDED
    assert selectors.version_current(document=document) == second
    # A superseded version is no longer signed.
    with pytest.raises(ValidationError):
        services.version_sign(version=draft, user=signatory(make_organisation()))


def test_only_one_version_is_worked_on_at_a_time(document, coordinator):
    with pytest.raises(ValidationError):
        services.version_draft_create(document=document, user=coordinator)


def test_a_stale_edit_is_refused_and_the_first_one_kept(draft, coordinator):
    seen = draft.lock_version
    services.version_update(
        version=draft, expected_lock_version=seen, user=coordinator, text="Eerste wijziging"
    )
    with pytest.raises(services.AgreementConflictError) as error:
        services.version_update(
            version=draft, expected_lock_version=seen, user=coordinator, text="Tweede wijziging"
        )
    assert "Iemand anders" in str(error.value)
    draft.refresh_from_db()
    assert draft.text == "Eerste wijziging"


def test_only_a_draft_changes(draft, coordinator):
    in_consultation(draft, coordinator)
    with pytest.raises(ValidationError):
        services.version_update(
            version=draft,
            expected_lock_version=draft.lock_version,
            user=coordinator,
            text="Nieuwe tekst",
        )


def test_an_empty_text_is_refused(coalition, coordinator):
    with pytest.raises(ValidationError):
        services.document_create(
            user=coordinator, coalition=coalition, kind="covenant", title="Leeg", text="  \n"
        )


def test_comments_only_during_consultation(draft, coordinator, signatory_user):
    with pytest.raises(ValidationError):
        services.comment_add(version=draft, user=signatory_user, text="Vraag")
    in_consultation(draft, coordinator)
    services.comment_add(version=draft, user=signatory_user, text="Vraag")
    assert [c.text for c in selectors.version_comments(version=draft)] == ["Vraag"]


def test_the_approval_record_is_one_per_organisation_and_subject(organisation, coalition):
    from kansrijk.organisations import selectors as organisation_selectors

    user = signatory(organisation)
    partners = organisation_selectors.organisation_list().filter(pk=organisation.pk)
    subject = uuid.uuid4()
    services.approval_record(
        subject_kind=SubjectKind.PATHWAY_VERSION, subject_id=subject, user=user, partners=partners
    )
    with pytest.raises(ValidationError):
        services.approval_record(
            subject_kind=SubjectKind.PATHWAY_VERSION,
            subject_id=subject,
            user=user,
            partners=partners,
        )
    # The same organisation signs another kind of subject with the same id separately.
    services.approval_record(
        subject_kind=SubjectKind.AGREEMENT_VERSION, subject_id=subject, user=user, partners=partners
    )
    summary = selectors.approval_summary(
        subject_kind=SubjectKind.PATHWAY_VERSION, subject_id=subject, partners=partners
    )
    assert (summary.signed, summary.total) == (1, 1)


def test_every_step_is_in_the_audit_log(draft, coordinator, signatory_user):
    in_consultation(draft, coordinator)
    services.version_sign(version=draft, user=signatory_user)
    services.version_adopt(version=draft, user=coordinator)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "agreements.document_created",
        "agreements.consultation_started",
        "agreements.approval_recorded",
        "agreements.version_adopted",
    } <= actions


def test_the_work_list_shows_coordinators_what_is_due_and_signatories_what_to_sign(
    draft, coordinator, signatory_user, professional
):
    from kansrijk.agreements import integration

    today = datetime.date(2027, 1, 1)
    services.version_update(
        version=draft,
        expected_lock_version=draft.lock_version,
        user=coordinator,
        text=draft.text,
        evaluation_due=today + datetime.timedelta(days=10),
    )
    in_consultation(draft, coordinator)
    assert integration.to_sign_section(signatory_user, today)["count"] == 1
    assert integration.evaluation_section(coordinator, today)["count"] == 0  # not adopted yet
    services.version_sign(version=draft, user=signatory_user)
    services.version_adopt(version=draft, user=coordinator)
    assert integration.to_sign_section(signatory_user, today)["count"] == 0
    assert integration.evaluation_section(coordinator, today)["count"] == 1
    assert (
        integration.evaluation_section(coordinator, today - datetime.timedelta(days=60))["count"]
        == 0
    )
    assert integration.evaluation_section(professional, today) is None
    assert integration.evaluation_section(make_user(roles=[Role.COORDINATOR]), today)["count"] == 0
