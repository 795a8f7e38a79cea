import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from kansrijk.core.worklist import sections_for
from kansrijk.programmes import integration, services
from kansrijk.programmes.tests.factories import make_client, make_group, make_voorzorg


def _today():
    return timezone.localdate()


@pytest.fixture
def voorzorg_group(coalition, professional):
    voorzorg = make_voorzorg()
    return make_group(
        programme=voorzorg,
        coalition=coalition,
        reference_date=None,
        name="VoorZorg Zaanstad, caseload (test)",
        start_date=_today() + datetime.timedelta(days=3),
        capacity=1,
        facilitators=[professional],
    )


def test_a_waiting_candidate_whose_voorzorg_deadline_is_near_warns_the_facilitator(
    voorzorg_group, professional
):
    services.enrolment_create(
        group=voorzorg_group,
        client=make_client(user=professional, year_of_birth=_today().year - 19),
        user=professional,
        first_child=True,
    )
    # Week 27 today: VoorZorg must start before week 28, a week from now.
    late = make_client(
        user=professional,
        year_of_birth=_today().year - 20,
        due_date=_today() + datetime.timedelta(weeks=13),
    )

    outcome = services.enrolment_create(
        group=voorzorg_group, client=late, user=professional, first_child=True
    )

    assert outcome.warnings[0].startswith("Haast: VoorZorg moet beginnen voor week 28")
    context = integration.facilitator_section(professional, _today())
    (candidate,) = context["candidates"]
    assert candidate.enrolment == outcome.enrolment
    assert candidate.days_left == 7
    assert context["count"] == 1
    html = render_to_string("programmes/_worklist_facilitator.html", context)
    assert f"{late.pseudonym} (wachtlijst van VoorZorg Zaanstad, caseload (test))" in html
    assert "nog 7 dagen" in html


def test_groups_starting_soon_with_free_places_are_on_the_coordinators_work_list(
    centering, coalition, coordinator, professional
):
    soon = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=None,
        name="Start over drie weken (test)",
        start_date=_today() + datetime.timedelta(weeks=3),
        capacity=2,
    )
    full = make_group(
        programme=centering,
        coalition=coalition,
        reference_date=None,
        name="Vol (test)",
        start_date=_today() + datetime.timedelta(weeks=2),
        capacity=1,
    )
    services.enrolment_create(
        group=full,
        client=make_client(user=professional, due_date=_today() + datetime.timedelta(weeks=26)),
        user=professional,
        today=_today(),
    )
    make_group(
        programme=centering,
        coalition=coalition,
        reference_date=None,
        name="Later (test)",
        start_date=_today() + datetime.timedelta(weeks=10),
    )

    context = integration.starting_groups_section(coordinator, _today())

    assert context["groups"] == [soon]
    assert context["groups"][0].free == 2
    html = render_to_string("programmes/_worklist_starting_groups.html", context)
    assert "Groepen die binnenkort starten en nog plaats hebben" in html
    assert "2 plaatsen vrij" in html
    assert any(
        template == "programmes/_worklist_starting_groups.html"
        for template, _context in sections_for(coordinator, _today())
    )


def test_a_professional_who_leads_no_group_gets_neither_section(professional, group):
    assert integration.starting_groups_section(professional, _today()) is None
    assert integration.facilitator_section(professional, _today()) is None
