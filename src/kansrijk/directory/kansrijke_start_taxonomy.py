"""The Kansrijke Start taxonomy that ships with Kansrijk: themes, target groups and phases.

Ids are UUID5s of the term codes, so every installation (and every HSDS export) uses the same ids.
Names are in Dutch (the taxonomy's language, HSDS `language` "nl"), as coalitions use them.
"""

import uuid

from kansrijk.directory.constants import PHASE_TAXONOMY, TARGET_GROUP_TAXONOMY, THEME_TAXONOMY

NAMESPACE = uuid.UUID("6f1f7c1e-3b0a-4d55-9a57-6b6e6a5a1000")
URI = "https://kansrijk.nl/taxonomie/"

TAXONOMIES = {
    THEME_TAXONOMY: (
        "Kansrijke Start thema's",
        "Thema's van hulp in de eerste 1000 dagen (Kansrijke Start).",
        [
            (
                "debts-and-money",
                "Schulden en geld",
                "Schuldhulp, budgetcoaching, inkomen en toeslagen.",
            ),
            ("housing", "Wonen", "Huisvesting, dakloosheid, woonproblemen."),
            (
                "mental-health",
                "Psychische gezondheid",
                "Somberheid, angst, stress en psychische klachten.",
            ),
            ("lifestyle-and-smoking", "Leefstijl en roken", "Stoppen met roken, voeding, bewegen."),
            (
                "domestic-violence-and-safety",
                "Huiselijk geweld en veiligheid",
                "Huiselijk geweld, kindermishandeling, veiligheid thuis.",
            ),
            ("substance-use", "Middelengebruik", "Alcohol, drugs en verslaving."),
            (
                "language-and-literacy",
                "Taal en laaggeletterdheid",
                "Nederlands leren, lezen en schrijven, gezondheidsvaardigheden.",
            ),
            (
                "parenting-and-development",
                "Opvoeden en ontwikkeling",
                "Opvoedsteun en de ontwikkeling van het kind.",
            ),
            (
                "pregnancy-and-birth-care",
                "Zwangerschap en geboortezorg",
                "Verloskundige zorg, kraamzorg, zwangerschapsbegeleiding.",
            ),
            (
                "social-network-and-loneliness",
                "Sociaal netwerk en eenzaamheid",
                "Contact met anderen, steun uit de omgeving.",
            ),
            (
                "residence-status",
                "Verblijfsstatus",
                "Ongedocumenteerden, asielzoekers, statushouders.",
            ),
        ],
    ),
    TARGET_GROUP_TAXONOMY: (
        "Kansrijke Start doelgroepen",
        "Voor wie de hulp is (geschiktheid, HSDS eligibility).",
        [
            ("pregnant-women", "Zwangeren", "Vrouwen die zwanger zijn."),
            (
                "parents-0-2",
                "Ouders van kinderen van 0-2 jaar",
                "Ouders en verzorgers van jonge kinderen.",
            ),
            ("fathers", "Vaders", "Vaders en partners."),
            ("teenage-parents", "Tienerouders", "Ouders jonger dan 20 jaar."),
            (
                "parents-with-lvb",
                "Ouders met een licht verstandelijke beperking (LVB)",
                "Ouders met een licht verstandelijke beperking.",
            ),
            (
                "migrants-and-status-holders",
                "Migranten en statushouders",
                "Nieuwkomers, migranten en statushouders.",
            ),
        ],
    ),
    PHASE_TAXONOMY: (
        "Kansrijke Start fasen",
        "De fasen van de eerste 1000 dagen.",
        [
            ("wish-for-a-child", "Kinderwens", "Voor de zwangerschap."),
            ("pregnancy", "Zwangerschap", "Tijdens de zwangerschap."),
            ("0-6-months", "0-6 maanden", "De eerste zes maanden na de geboorte."),
            ("6-24-months", "6-24 maanden", "Van zes maanden tot twee jaar."),
        ],
    ),
}


def taxonomy_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, code)


def term_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"term:{code}")


def install(taxonomy_model, term_model) -> None:
    """Create or update the shipped taxonomies. Takes the models so a migration can call it."""
    for code, (name, description, terms) in TAXONOMIES.items():
        taxonomy, _ = taxonomy_model.objects.update_or_create(
            id=taxonomy_id(code),
            defaults={"name": name, "description": description, "uri": URI + code, "version": "1"},
        )
        for term_code, term_name, term_description in terms:
            term_model.objects.update_or_create(
                id=term_id(term_code),
                defaults={
                    "code": term_code,
                    "name": term_name,
                    "description": term_description,
                    "taxonomy": taxonomy,
                    "language": "nl",
                    "term_uri": f"{URI}{code}/{term_code}",
                },
            )
