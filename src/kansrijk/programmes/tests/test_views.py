from kansrijk.audit.models import AuditEvent
from kansrijk.programmes import services
from kansrijk.programmes.constants import AUDIT_GROUP_VIEWED
from kansrijk.programmes.tests.factories import make_client


def _url(group):
    return f"/programmas/groepen/{group.uuid}/"


def test_a_professional_of_a_member_organisation_sees_the_group_with_sessions_and_places(
    group, professional, login_as
):
    group.capacity = 1
    group.save()
    services.group_plan_sessions(group)
    first = make_client(user=professional)
    second = make_client(user=professional)
    services.enrolment_create(group=group, client=first, user=professional)
    services.enrolment_create(group=group, client=second, user=professional)

    response = login_as(professional).get(_url(group))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Bijeenkomsten" in page
    assert "0 van 1 plaatsen vrij" in page
    assert first.pseudonym in page and second.pseudonym in page
    assert "Op de wachtlijst" in page
    viewed = AuditEvent.objects.filter(action=AUDIT_GROUP_VIEWED)
    assert set(viewed.values_list("client_id", flat=True)) == {str(first.uuid), str(second.uuid)}


def test_the_group_list_links_to_the_group(group, professional, login_as):
    response = login_as(professional).get("/programmas/")

    assert response.status_code == 200
    assert _url(group) in response.content.decode()


def test_a_professional_outside_the_coalition_gets_404(group, outsider, login_as):
    assert login_as(outsider).get(_url(group)).status_code == 404


def test_a_coordinator_sees_no_client_codes_because_the_page_is_for_professionals(
    group, coordinator, login_as
):
    assert login_as(coordinator).get(_url(group)).status_code == 404
