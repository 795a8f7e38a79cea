"""The follow-up migration: streets already stored become keyed hashes, and the requester's
organisation becomes the referrer."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kansrijk.volunteers.streets import street_key

BEFORE = [("volunteers", "0001_initial")]
AFTER = [("volunteers", "0004_drop_plain_streets_and_copied_place")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def regions_again(transactional_db):
    """A transactional test that ran before this one emptied the database, regions too."""
    from kansrijk.regions.services import municipalities_import

    municipalities_import()


@pytest.mark.django_db(transaction=True)
def test_stored_streets_become_keyed_hashes(
    regions_again, zeist, volunteer_organisation, zeist_coalition
):
    old_apps = _migrate(BEFORE)
    try:
        old_volunteer = old_apps.get_model("volunteers", "Volunteer")
        old_volunteer.objects.create(
            coalition_id=zeist_coalition.pk,
            organisation_id=volunteer_organisation.pk,
            municipality_id=zeist.pk,
            first_name="Demo Ilse",
            postcode4="3701",
            street="Slotlaan",
        )
        new_apps = _migrate(AFTER)
        volunteer = new_apps.get_model("volunteers", "Volunteer").objects.get()
        assert volunteer.street_key == street_key("3701", "slotlaan")
        assert not hasattr(volunteer, "street")
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes("volunteers"))
