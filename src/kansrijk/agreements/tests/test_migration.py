"""Existing pathway approvals move into the shared approval record (pathways 0002)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("pathways", "0001_initial"), ("agreements", "0001_initial")]
AFTER = [("pathways", "0003_drop_pathwayapproval")]


@pytest.mark.django_db(transaction=True)
def test_pathway_approvals_move_to_the_shared_record():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Organisation = apps.get_model("organisations", "Organisation")
    Pathway = apps.get_model("pathways", "Pathway")
    PathwayVersion = apps.get_model("pathways", "PathwayVersion")
    PathwayApproval = apps.get_model("pathways", "PathwayApproval")
    Coalition = apps.get_model("organisations", "Coalition")
    organisation = Organisation.objects.create(name="GGD (migratietest)", domain="public_health")
    coalition = Coalition.objects.create(slug="migratietest", name="Migratietest")
    pathway = Pathway.objects.create(
        slug="migratietest", title="Migratietest", theme="debts-and-money", coalition=coalition
    )
    version = PathwayVersion.objects.create(
        pathway=pathway, number=1, status="in_review", definition={}
    )
    when = datetime.datetime(2026, 5, 1, 12, 0, tzinfo=datetime.UTC)
    PathwayApproval.objects.create(
        version=version,
        organisation=organisation,
        user_name="Demo Ondertekenaar",
        approved_at=when,
        remark="Akkoord",
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    PartnerApproval = apps.get_model("agreements", "PartnerApproval")
    moved = PartnerApproval.objects.get()
    assert moved.subject_kind == "pathway_version"
    assert moved.subject_id == version.uuid
    assert moved.organisation_id == organisation.pk
    assert (moved.user_name, moved.approved_at, moved.remark) == (
        "Demo Ondertekenaar",
        when,
        "Akkoord",
    )

    # And back: the approvals return to the pathways table.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    assert apps.get_model("pathways", "PathwayApproval").objects.count() == 1
    assert apps.get_model("agreements", "PartnerApproval").objects.count() == 0
    MigrationExecutor(connection).migrate(AFTER)  # as the other tests expect it
