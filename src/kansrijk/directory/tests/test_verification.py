"""Services not checked by a person for too long, and the "checked today" button."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts.testing import *  # noqa: F403  (personas and login_as)
from kansrijk.directory import services
from kansrijk.directory.models import Metadata, Service

pytestmark = pytest.mark.django_db

OVERDUE_URL = reverse("directory:verification_overdue")


def _days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def directory_organization(organisation):
    return services.organization_create(
        name="Verloskundigen Zaanstad",
        description="Verloskundige zorg.",
        managed_by=organisation,
        updated_by="test",
    )


def _service(organization, name: str, assured_date: datetime.date | None) -> Service:
    return services.service_create(
        organization=organization,
        name=name,
        assured_date=assured_date,
        assurer_email="controle@example.nl" if assured_date else "",
        updated_by="test",
    )


def test_the_list_shows_stale_and_never_verified_services_but_not_recent_ones(
    login_as, directory_editor, directory_organization
):
    _service(directory_organization, "Nooit gecontroleerd", None)
    _service(directory_organization, "Lang geleden gecontroleerd", _days_ago(200))
    _service(directory_organization, "Net op tijd gecontroleerd", _days_ago(183))
    _service(directory_organization, "Kort geleden gecontroleerd", _days_ago(10))

    response = login_as(directory_editor).get(OVERDUE_URL)

    assert response.status_code == 200
    listed = [s.name for s in response.context["services"]]
    # Never verified first, then the oldest.
    assert listed == ["Nooit gecontroleerd", "Lang geleden gecontroleerd"]
    assert "nooit" in response.text
    assert "Kort geleden gecontroleerd" not in response.text


def test_the_list_shows_only_services_the_user_may_edit(
    login_as, directory_editor, directory_organization, other_organisation
):
    other = services.organization_create(
        name="Andere aanbieder", description="-", managed_by=other_organisation, updated_by="t"
    )
    _service(directory_organization, "Eigen dienst", None)
    _service(other, "Dienst van een ander", None)

    text = login_as(directory_editor).get(OVERDUE_URL).text

    assert "Eigen dienst" in text
    assert "Dienst van een ander" not in text


def test_the_maximum_age_comes_from_the_settings(
    settings, login_as, directory_editor, directory_organization
):
    settings.DIRECTORY_VERIFICATION_MAX_AGE_DAYS = 30
    _service(directory_organization, "Veertig dagen geleden", _days_ago(40))

    response = login_as(directory_editor).get(OVERDUE_URL)

    assert [s.name for s in response.context["services"]] == ["Veertig dagen geleden"]
    assert "30 dagen" in response.text


def test_checked_today_records_the_person_and_date_and_leaves_the_list(
    login_as, directory_editor, directory_organization
):
    service = _service(directory_organization, "Lang geleden gecontroleerd", _days_ago(400))
    client = login_as(directory_editor)

    response = client.post(
        reverse("directory:service_verify", kwargs={"service_id": service.pk}),
        {"next": OVERDUE_URL},
    )

    assert response.status_code == 302
    assert response["Location"] == OVERDUE_URL
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer_email == directory_editor.email
    change = Metadata.objects.filter(resource_id=service.pk, field_name="assured_date").latest(
        "last_action_date"
    )
    assert change.updated_by == directory_editor.email
    assert change.previous_value == _days_ago(400).isoformat()
    assert service not in client.get(OVERDUE_URL).context["services"]


def test_checked_today_ignores_a_next_address_outside_the_site(
    login_as, directory_editor, directory_organization
):
    service = _service(directory_organization, "Dienst", None)
    response = login_as(directory_editor).post(
        reverse("directory:service_verify", kwargs={"service_id": service.pk}),
        {"next": "https://example.com/elders"},
    )
    assert response["Location"] == reverse(
        "directory:service_edit", kwargs={"service_id": service.pk}
    )


def test_the_edit_page_shows_when_and_by_whom_it_was_last_checked(
    login_as, directory_editor, directory_organization
):
    service = _service(directory_organization, "Dienst", _days_ago(3))
    text = (
        login_as(directory_editor)
        .get(reverse("directory:service_edit", kwargs={"service_id": service.pk}))
        .text
    )
    assert "Laatst gecontroleerd op" in text
    assert "controle@example.nl" in text
