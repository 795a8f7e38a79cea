"""From signal to support: her risk profile proposes the approved pathways for her
municipality and the help of the sociale kaart that reaches her, per theme. Nothing is sent:
the professional chooses with her, and referring is a separate step."""

import pytest
from django.apps import apps
from django.urls import reverse

from kansrijk.clients.tests.factories import make_client, zaanstad_neighbourhood
from kansrijk.directory import services as directory_services
from kansrijk.pathways.tests.factories import approve_fully, make_pathway
from kansrijk.regions import selectors as region_selectors
from kansrijk.screening.selectors import support_proposals
from kansrijk.screening.services import screening_record

pytestmark = pytest.mark.django_db

DEBTS, PSYCHOSOCIAL = 3, 1  # signal list items; position 0 is "Ja"


def _signals(*yes):
    return {number: 0 if number in yes else 1 for number in range(1, 11)}


@pytest.fixture
def debts_and_stress(zaanstad_client, professional):
    """Her signal list: debts, and she is often tense (psychosocial): two domains."""
    return screening_record(
        client=zaanstad_client,
        instrument="signal-list",
        answers=_signals(DEBTS, PSYCHOSOCIAL),
        user=professional,
    )


@pytest.fixture
def services():
    provider = directory_services.organization_create(
        name="Gemeente Zaanstad (test)", description="Gemeente.", updated_by="test"
    )

    def service(name, theme, area):
        return directory_services.service_create(
            organization=provider,
            name=name,
            description="Hulp.",
            theme_codes=[theme],
            area_codes=[area],
            updated_by="test",
        )

    hoods = list(
        region_selectors.neighbourhood_list(
            municipality=region_selectors.municipality_get(code="GM0479")
        )
        .exclude(code=None)
        .order_by("code")[:2]
    )
    return {
        "debts": service("Schuldhulpverlening Zaanstad", "debts-and-money", "GM0479"),
        "debts_elsewhere": service("Schuldhulp Heerlen", "debts-and-money", "GM0917"),
        "debts_other_hood": service(
            "Geldcafé in de andere buurt", "debts-and-money", hoods[1].code
        ),
        "debts_her_hood": service("Geldcafé in haar buurt", "debts-and-money", hoods[0].code),
        "mental": service("POH-GGZ Zaanstad", "mental-health", "GM0479"),
        "housing": service("Woonloket Zaanstad", "housing", "GM0479"),
    }


@pytest.fixture
def pathways(coalition, coordinator, organisation, other_organisation):
    def approved(title, theme):
        pathway = make_pathway(coalition=coalition, user=coordinator, title=title, theme=theme)
        approve_fully(pathway.versions.get(), [organisation, other_organisation])
        return pathway

    draft = make_pathway(coalition=coalition, user=coordinator, title="Schulden concept")
    return {
        "debts": approved("Schulden en stress", "debts-and-money"),
        "pregnancy": approved("Verwijzing Kwetsbare Zwangeren", "pregnancy-and-birth-care"),
        "housing": approved("Wonen", "housing"),
        "draft": draft,
    }


def _names(group):
    return [card.service.name for card in group.cards]


def test_debts_and_stress_in_zaanstad_propose_zaanstads_debt_help(
    zaanstad_client, debts_and_stress, services
):
    proposals = support_proposals(zaanstad_client)

    by_theme = {group.theme: group for group in proposals.services}
    assert list(by_theme) == ["mental-health", "debts-and-money"]
    debts = _names(by_theme["debts-and-money"])
    assert "Schuldhulpverlening Zaanstad" in debts
    assert "Schuldhulp Heerlen" not in debts
    assert by_theme["debts-and-money"].name == "Schulden en geld"
    assert _names(by_theme["mental-health"]) == ["POH-GGZ Zaanstad"]
    assert "Woonloket Zaanstad" not in str([_names(g) for g in proposals.services])


def test_with_her_neighbourhood_only_help_reaching_it_is_proposed(
    professional, coalition, services
):
    client = make_client(
        user=professional,
        neighbourhood=zaanstad_neighbourhood(),
    )
    screening_record(
        client=client, instrument="signal-list", answers=_signals(DEBTS), user=professional
    )

    [debts] = support_proposals(client).services

    assert set(_names(debts)) == {"Schuldhulpverlening Zaanstad", "Geldcafé in haar buurt"}


def test_it_proposes_her_themes_pathways_and_the_pregnancy_pathway_when_problems_accumulate(
    zaanstad_client, debts_and_stress, pathways
):
    proposals = support_proposals(zaanstad_client)

    assert [(p.pathway.title, p.because_accumulation) for p in proposals.pathways] == [
        ("Verwijzing Kwetsbare Zwangeren", True),
        ("Schulden en stress", False),
    ]
    debts = proposals.pathways[1]
    assert debts.theme_name == "Schulden en geld"
    # The test pathway asks "Schulden" (yes/no): her screening already answered it.
    assert debts.answers == {"Schulden": "true"}


def test_one_domain_does_not_propose_the_pregnancy_pathway(zaanstad_client, professional, pathways):
    screening_record(
        client=zaanstad_client,
        instrument="signal-list",
        answers=_signals(DEBTS),
        user=professional,
    )
    assert [p.pathway.title for p in support_proposals(zaanstad_client).pathways] == [
        "Schulden en stress"
    ]


def test_pathways_of_another_area_are_not_proposed(professional, services, pathways):
    heerlen = make_client(
        user=professional, municipality=region_selectors.municipality_get(code="GM0917")
    )
    screening_record(
        client=heerlen,
        instrument="signal-list",
        answers=_signals(DEBTS, PSYCHOSOCIAL),
        user=professional,
    )
    proposals = support_proposals(heerlen)
    assert proposals.pathways == []
    debts = next(g for g in proposals.services if g.theme == "debts-and-money")
    assert _names(debts) == ["Schuldhulp Heerlen"]


def test_without_worries_nothing_is_proposed(zaanstad_client, professional, services, pathways):
    assert support_proposals(zaanstad_client).empty  # not screened
    screening_record(
        client=zaanstad_client, instrument="phq2", answers={1: 0, 2: 0}, user=professional
    )
    proposals = support_proposals(zaanstad_client)
    assert proposals.empty and proposals.pathways == [] and proposals.services == []


def test_the_result_page_shows_the_proposals_with_links_and_sends_nothing(
    login_as, professional, zaanstad_client, debts_and_stress, services, pathways
):
    browser = login_as(professional)
    url = reverse(
        "clients:screening:result",
        kwargs={"client_id": zaanstad_client.uuid, "screening_id": debts_and_stress.uuid},
    )

    page = browser.get(url)

    assert page.status_code == 200
    text = page.text
    assert "Kansrijk stuurt niets vanzelf; u kiest samen met de cliënt." in text
    assert "Voorstellen voor steun" in text and "Hulp in de buurt" in text
    assert f"/zorgpaden/{pathways['debts'].uuid}/doorlopen/?gemeente=GM0479" in text
    assert f"/zorgpaden/{pathways['housing'].uuid}/" not in text
    refer = (
        f"{reverse('referrals:create')}?client={zaanstad_client.uuid}"
        f"&amp;service={services['debts'].pk}"
    )
    assert refer in text
    assert ">Verwijs<" in text
    assert "Schuldhulp Heerlen" not in text
    assert apps.get_model("referrals", "Referral").objects.count() == 0


def test_walking_a_proposed_pathway_starts_from_what_the_screening_found(
    login_as, professional, zaanstad_client, debts_and_stress, pathways
):
    browser = login_as(professional)
    [debts] = [
        p
        for p in support_proposals(zaanstad_client).pathways
        if p.theme != "pregnancy-and-birth-care"
    ]
    data = {"gemeente": "GM0479", "buurt": "", "plaats": "klaar"}
    data.update({f"a:{variable}": answer for variable, answer in debts.answers.items()})

    walk = browser.post(reverse("pathways:walk", kwargs={"pathway_id": debts.pathway.uuid}), data)

    assert walk.status_code == 200
    # "Schulden" is answered: the walk goes on to the next question.
    assert "Hoeveel stress ervaart de cliënt?" in walk.text
