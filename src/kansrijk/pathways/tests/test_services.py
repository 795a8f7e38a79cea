"""The life of a pathway version: draft, in review, approved by every partner, retired; edits
locked optimistically and every saved edit kept."""

import pytest
from django.core.exceptions import ValidationError

from kansrijk.accounts.testing import make_organisation
from kansrijk.audit.models import AuditEvent
from kansrijk.organisations.services import coalition_create
from kansrijk.pathways import selectors, services
from kansrijk.pathways.constants import VersionStatus
from kansrijk.pathways.models import Pathway, PathwayVersionEdit
from kansrijk.pathways.tests.factories import approve_fully, definition, make_pathway, step
from kansrijk.regions.selectors import municipality_get

pytestmark = pytest.mark.django_db


def test_a_new_pathway_starts_as_a_draft_with_its_first_edit_kept(pathway, coordinator):
    version = pathway.versions.get()
    assert version.number == 1
    assert version.status == VersionStatus.DRAFT
    assert version.created_by == coordinator
    assert list(version.edits.values_list("lock_version", flat=True)) == [1]


def test_a_new_pathway_needs_exactly_one_area(coalition):
    with pytest.raises(ValidationError):
        services.pathway_create(
            user=None,
            slug="geen-gebied",
            title="Geen gebied",
            theme="housing",
        )
    with pytest.raises(ValidationError):
        services.pathway_create(
            user=None,
            slug="twee-gebieden",
            title="Twee gebieden",
            theme="housing",
            coalition=coalition,
            municipality=municipality_get(code="GM0479"),
        )
    assert not Pathway.objects.exists()


def test_the_database_refuses_a_pathway_with_two_areas(coalition):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Pathway.objects.create(
            slug="x",
            title="X",
            theme="housing",
            coalition=coalition,
            municipality=municipality_get(code="GM0479"),
        )


def test_it_stores_nothing_invalid(coalition):
    broken = definition(start="nowhere")
    with pytest.raises(ValidationError):
        make_pathway(coalition=coalition, definition=broken)
    assert not Pathway.objects.exists()


def test_an_unknown_theme_is_refused(coalition):
    with pytest.raises(ValidationError):
        make_pathway(coalition=coalition, theme="astrology")


def test_saving_a_draft_keeps_every_edit(draft, coordinator):
    changed = definition()
    step(changed, "mdo")["title"] = "Bespreek in het Steunpunt"
    services.version_update(
        version=draft,
        expected_lock_version=1,
        user=coordinator,
        definition=changed,
        change_note="Nieuwe naam voor het overleg",
    )
    draft.refresh_from_db()
    assert draft.lock_version == 2
    assert step(draft.definition, "mdo")["title"] == "Bespreek in het Steunpunt"
    edits = list(draft.edits.order_by("lock_version"))
    assert [e.lock_version for e in edits] == [1, 2]
    assert step(edits[0].definition, "mdo")["title"] == "Bespreek in het MDO"
    assert edits[1].change_note == "Nieuwe naam voor het overleg"


def test_a_stale_edit_is_refused_and_the_other_change_is_kept(draft, coordinator):
    first = definition()
    step(first, "mdo")["title"] = "Eerste wijziging"
    second = definition()
    step(second, "mdo")["title"] = "Tweede wijziging"
    services.version_update(
        version=draft, expected_lock_version=1, user=coordinator, definition=first
    )
    with pytest.raises(services.PathwayConflictError) as caught:
        services.version_update(
            version=draft, expected_lock_version=1, user=coordinator, definition=second
        )
    assert "iemand anders" in str(caught.value).lower()
    draft.refresh_from_db()
    assert step(draft.definition, "mdo")["title"] == "Eerste wijziging"
    assert PathwayVersionEdit.objects.filter(version=draft).count() == 2


def test_saving_without_a_change_writes_nothing(draft, coordinator):
    services.version_update(
        version=draft, expected_lock_version=1, user=coordinator, definition=draft.definition
    )
    draft.refresh_from_db()
    assert draft.lock_version == 1
    assert draft.edits.count() == 1


def test_an_invalid_edit_is_refused_and_the_draft_stays(draft, coordinator):
    broken = definition()
    step(broken, "signal-debts")["next"] = "typo"
    with pytest.raises(ValidationError) as caught:
        services.version_update(
            version=draft, expected_lock_version=1, user=coordinator, definition=broken
        )
    assert "signal-debts" in caught.value.messages[0]
    draft.refresh_from_db()
    assert draft.definition == definition()


def test_only_a_draft_can_be_edited(draft, coordinator):
    services.version_submit(version=draft, user=coordinator)
    with pytest.raises(ValidationError):
        services.version_update(
            version=draft,
            expected_lock_version=draft.lock_version,
            user=coordinator,
            definition=definition(),
        )


def test_approval_needs_every_partner_of_the_coalition(
    draft, coordinator, signatory_user, other_signatory
):
    services.version_submit(version=draft, user=coordinator)
    assert draft.status == VersionStatus.IN_REVIEW

    services.version_approve(version=draft, user=signatory_user, remark="Akkoord")
    draft.refresh_from_db()
    assert draft.status == VersionStatus.IN_REVIEW
    assert draft.approved_at is None

    services.version_approve(version=draft, user=other_signatory)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.APPROVED
    assert draft.approved_at is not None
    approvals = selectors.version_approvals(version=draft)
    assert [a.organisation for a in approvals] == [
        signatory_user.organisation,
        other_signatory.organisation,
    ]
    assert approvals[0].remark == "Akkoord"
    assert approvals[0].user_name == signatory_user.get_full_name()


def test_a_new_approved_version_retires_the_one_before(
    pathway, draft, coordinator, organisation, other_organisation
):
    approve_fully(draft, [organisation, other_organisation])
    second = services.version_draft_create(pathway=pathway, user=coordinator)
    assert second.number == 2
    assert second.definition == draft.definition
    approve_fully(second, [organisation, other_organisation])

    draft.refresh_from_db()
    second.refresh_from_db()
    assert draft.status == VersionStatus.RETIRED
    assert draft.retired_at is not None
    assert second.status == VersionStatus.APPROVED


def test_a_partner_agrees_only_once(draft, coordinator, signatory_user):
    services.version_submit(version=draft, user=coordinator)
    services.version_approve(version=draft, user=signatory_user)
    with pytest.raises(ValidationError):
        services.version_approve(version=draft, user=signatory_user)


def test_an_organisation_outside_the_coalition_cannot_agree(draft, coordinator):
    from kansrijk.pathways.tests.factories import signatory

    services.version_submit(version=draft, user=coordinator)
    with pytest.raises(ValidationError):
        services.version_approve(version=draft, user=signatory(make_organisation()))
    assert not selectors.version_approvals(version=draft)


def test_a_draft_cannot_be_approved_before_it_is_submitted(draft, signatory_user):
    with pytest.raises(ValidationError):
        services.version_approve(version=draft, user=signatory_user)


def test_only_one_version_is_worked_on_at_a_time(pathway, coordinator):
    with pytest.raises(ValidationError):
        services.version_draft_create(pathway=pathway, user=coordinator)


def test_a_municipality_pathway_needs_the_partners_of_every_coalition_covering_it(
    coordinator, organisation, other_organisation, coalition
):
    third = make_organisation(name="Kraamzorg Zaanstreek (test)")
    coalition_create(
        slug="tweede-coalitie",
        name="Tweede coalitie",
        municipality_codes=["GM0479"],
        member_organisations=[third],
    )
    pathway = make_pathway(
        coalition=None, municipality=municipality_get(code="GM0479"), user=coordinator
    )
    version = approve_fully(pathway.versions.get(), [organisation, other_organisation])
    assert version.status == VersionStatus.IN_REVIEW
    version = approve_fully_rest(version, [third])
    assert version.status == VersionStatus.APPROVED


def approve_fully_rest(version, organisations):
    from kansrijk.pathways.tests.factories import signatory

    for organisation in organisations:
        version = services.version_approve(version=version, user=signatory(organisation))
    return version


def test_a_version_can_be_retired_and_a_new_draft_continues_from_it(pathway, draft, coordinator):
    services.version_submit(version=draft, user=coordinator)
    services.version_retire(version=draft, user=coordinator)
    assert draft.status == VersionStatus.RETIRED
    second = services.version_draft_create(pathway=pathway, user=coordinator)
    assert second.definition == draft.definition
    with pytest.raises(ValidationError):
        services.version_retire(version=draft, user=coordinator)


def test_every_step_is_in_the_audit_log(draft, coordinator, organisation, other_organisation):
    approve_fully(draft, [organisation, other_organisation])
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "pathways.pathway_created",
        "pathways.version_submitted",
        "pathways.version_approval",
        "pathways.version_approved",
    } <= actions


def test_importing_a_decision_table_replaces_it_in_the_draft(draft, coordinator):
    from kansrijk.rules import dmn

    xml = dmn.table_model_xml(
        name="Route",
        hit_policy="FIRST",
        inputs=[
            dmn.InputSpec(label="Schulden", expression="Schulden", type_ref="boolean"),
            dmn.InputSpec(label="Stress", expression="Stress", type_ref="string"),
        ],
        outputs=[
            dmn.OutputSpec(
                name="Actie", type_ref="string", allowed_values='"mdo","wijkteam","regulier"'
            )
        ],
        rules=[
            (["true", "-"], ['"mdo"'], "Altijd MDO bij schulden"),
            (["-", "-"], ['"regulier"'], ""),
        ],
    )
    services.decision_table_import(
        version=draft,
        expected_lock_version=1,
        user=coordinator,
        table_key="route",
        source=xml.encode(),
    )
    draft.refresh_from_db()
    assert "Altijd MDO bij schulden" in draft.definition["tables"]["route"]
    assert draft.edits.count() == 2


def test_an_invalid_dmn_file_is_refused_with_a_message_naming_the_element(draft, coordinator):
    broken = (
        '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" name="x" '
        'namespace="x" id="d"><decision id="d1"><decisionTable id="t"/></decision></definitions>'
    )
    with pytest.raises(ValidationError) as caught:
        services.decision_table_import(
            version=draft,
            expected_lock_version=1,
            user=coordinator,
            table_key="route",
            source=broken,
        )
    assert caught.value.messages[0].startswith("De beslistabel is niet te lezen:")
    draft.refresh_from_db()
    assert draft.definition["tables"]["route"] == definition()["tables"]["route"]


def test_a_table_used_by_a_step_must_keep_the_decision_the_step_needs(draft, coordinator):
    from kansrijk.rules import dmn

    other = dmn.table_model_xml(
        name="Iets anders",
        inputs=[dmn.InputSpec(label="Schulden", expression="Schulden", type_ref="boolean")],
        outputs=[dmn.OutputSpec(name="Uit")],
        rules=[(["-"], ['"x"'], "")],
    )
    with pytest.raises(ValidationError) as caught:
        services.decision_table_import(
            version=draft,
            expected_lock_version=1,
            user=coordinator,
            table_key="route",
            source=other,
        )
    assert any("geen beslissing Route" in m for m in caught.value.messages)


def test_an_unused_decision_table_can_be_removed(draft, coordinator):
    with_extra = definition()
    with_extra["tables"]["oud"] = with_extra["tables"]["route"]
    services.version_update(
        version=draft, expected_lock_version=1, user=coordinator, definition=with_extra
    )
    services.decision_table_remove(
        version=draft, expected_lock_version=2, user=coordinator, table_key="oud"
    )
    draft.refresh_from_db()
    assert set(draft.definition["tables"]) == {"route"}
