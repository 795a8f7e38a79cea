"""The coordinator's screens: add a training, accredit it, plan and change an edition,
register someone from outside Kansrijk; and what the work list and calendar feed show."""

import datetime

from django.utils import timezone

from kansrijk.core.calendar import personal_items
from kansrijk.core.worklist import sections_for
from kansrijk.trainings import services
from kansrijk.trainings.constants import AccreditationStatus, Profession, Register
from kansrijk.trainings.models import Accreditation, Course, Edition, Registration
from kansrijk.trainings.tests.factories import make_edition

LOCAL = "%Y-%m-%dT%H:%M"


def test_a_coordinator_adds_a_training_accredits_it_and_plans_an_edition(
    coalition, coordinator, login_as
):
    client = login_as(coordinator)
    response = client.post(
        "/scholing/beheer/nieuw/",
        {
            "coalition": coalition.slug,
            "title": "Positieve Gezondheid",
            "hours": "6",
            "target_professions": [Profession.MIDWIFE, Profession.NURSE],
        },
    )
    assert response.status_code == 302
    course = Course.objects.get(title="Positieve Gezondheid")
    assert course.target_professions == [Profession.MIDWIFE, Profession.NURSE]

    refused = client.post(
        f"/scholing/beheer/{course.uuid}/accreditatie/",
        {"register": Register.KNOV, "status": AccreditationStatus.GRANTED, "points": "6"},
    )
    assert refused.status_code == 400
    assert "Een toegekende accreditatie heeft het nummer van het register." in (
        refused.content.decode()
    )
    client.post(
        f"/scholing/beheer/{course.uuid}/accreditatie/",
        {
            "register": Register.KNOV,
            "status": AccreditationStatus.GRANTED,
            "accreditation_id": "PE-123",
            "points": "6",
        },
    )
    assert Accreditation.objects.get(course=course).accreditation_id == "PE-123"

    start = timezone.localtime() + datetime.timedelta(days=20)
    response = client.post(
        f"/scholing/beheer/{course.uuid}/editie/",
        {
            "starts_at": start.strftime(LOCAL),
            "ends_at": (start + datetime.timedelta(hours=7)).strftime(LOCAL),
            "place": "Heerlen",
            "capacity": "12",
            "status": "open",
            "public": "on",
        },
    )
    assert response.status_code == 302
    edition = Edition.objects.get(course=course)
    assert (edition.capacity, edition.public) == (12, True)


def test_an_edition_changed_by_someone_else_is_refused_with_409(edition, coordinator, login_as):
    seen = edition.lock_version
    services.edition_update(edition=edition, expected_version=seen, place="Zaal 1")
    data = {
        "starts_at": timezone.localtime(edition.starts_at).strftime(LOCAL),
        "ends_at": timezone.localtime(edition.ends_at).strftime(LOCAL),
        "place": "Zaal 2",
        "capacity": "10",
        "status": "open",
        "version": str(seen),
    }
    response = login_as(coordinator).post(f"/scholing/beheer/editie/{edition.uuid}/wijzigen/", data)
    assert response.status_code == 409
    assert "Iemand anders heeft deze editie intussen gewijzigd." in response.content.decode()
    edition.refresh_from_db()
    assert edition.place == "Zaal 1"


def test_a_coordinator_registers_someone_from_outside_kansrijk(edition, coordinator, login_as):
    client = login_as(coordinator)
    url = f"/scholing/beheer/editie/{edition.uuid}/aanmelden/"
    refused = client.post(
        url,
        {
            "name": "Sanne Peters",
            "profession": Profession.YOUTH_PROFESSIONAL,
            "register": Register.SKJ,
            "register_number": "12",
        },
    )
    assert refused.status_code == 400
    assert "Een SKJ-registratienummer heeft 6 tot 9 cijfers." in refused.content.decode()
    response = client.post(
        url,
        {
            "name": "Sanne Peters",
            "organisation_name": "Jeugdteam (test)",
            "profession": Profession.YOUTH_PROFESSIONAL,
            "register": Register.SKJ,
            "register_number": "100012345",
        },
        follow=True,
    )
    assert "Sanne Peters is aangemeld." in response.content.decode()
    assert Registration.objects.get(edition=edition).register_number == "100012345"


def test_the_work_list_and_calendar_show_my_coming_training(course, professional):
    edition = make_edition(course=course)
    services.registration_create(edition=edition, user=professional, profession=Profession.NURSE)

    sections = dict(sections_for(professional, timezone.localdate()))
    assert [r.edition for r in sections["trainings/_worklist_mine.html"]["registrations"]] == [
        edition
    ]
    items = [i for i in personal_items(professional, timezone.now()) if i.title == course.title]
    assert [i.uid for i in items] == [f"training-edition-{edition.uuid}@kansrijk.nl"]
