"""Demo agreements (synthetic text; real organisation and place names).

- Zaanstad: the covenant, version 1 adopted by all six partners with its evaluation within
  30 days (so `coordinator.zaanstad` sees it on the work list and the daily reminder e-mails),
  and version 2 in consultation, signed by three partners: `akkoord.gemeente-zaanstad` can
  sign it. Also a working agreement on warm hand-overs as a draft (only coordinators see it).
- Zuid-Limburg: the manifest, adopted, signed by three of the four partners (Zuyderland can
  still sign late).

Loading again adds nothing: a coalition that already has the agreement keeps it as edited.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from kansrijk.agreements import selectors, services
from kansrijk.agreements.constants import DocumentKind
from kansrijk.agreements.models import AgreementDocument
from kansrijk.organisations import selectors as organisation_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation

COVENANT_TITLE = "Convenant Kansrijke Start Zaanstad"
HANDOVER_TITLE = "Werkafspraak warme overdracht zwangere naar JGZ"
MANIFEST_TITLE = "Manifest Kansrijke Start Zuid-Limburg"

ZAANSTAD_PARTNERS = (
    "ggd-zw",
    "gemeente-zaanstad",
    "verloskunde-zaanstad",
    "zmc",
    "blijf-groep",
    "humanitas-zaanstreek",
)
# Version 2 of the covenant waits for the others (Gemeente Zaanstad among them).
ZAANSTAD_V2_SIGNED = ("ggd-zw", "verloskunde-zaanstad", "zmc")
ZUID_LIMBURG_SIGNED = ("ggd-zl", "gemeente-heerlen", "verloskunde-heerlen")

POSITIONS = {
    "ggd-zw": "directeur publieke gezondheid",
    "gemeente-zaanstad": "wethouder zorg en jeugd",
    "verloskunde-zaanstad": "praktijkhouder",
    "zmc": "lid raad van bestuur",
    "blijf-groep": "regiomanager",
    "humanitas-zaanstreek": "coördinator",
    "ggd-zl": "directeur publieke gezondheid",
    "gemeente-heerlen": "wethouder jeugd",
    "verloskunde-heerlen": "praktijkhouder",
}

COVENANT_V1 = """# Doel
De partners van Kansrijke Start Zaanstad zorgen samen dat elk kind een goede start krijgt in
de eerste 1000 dagen: van de wens om zwanger te worden tot de tweede verjaardag.

# Afspraken
- We signaleren kwetsbaarheid vroeg, met dezelfde signalenlijst.
- We verwijzen via de zorgpaden van de coalitie en sluiten de lus: de verwijzer hoort of
  de hulp is gestart.
- We bespreken zorgen over een gezin in het casusoverleg, met toestemming van de cliënt.
- Elke partner wijst een contactpersoon aan voor de coalitie.

# Looptijd
Dit convenant geldt voor vier jaar. We evalueren het samen, op de evaluatiedatum.
"""

COVENANT_V2 = """# Doel
De partners van Kansrijke Start Zaanstad zorgen samen dat elk kind een goede start krijgt in
de eerste 1000 dagen: van de wens om zwanger te worden tot de tweede verjaardag.

# Afspraken
- We signaleren kwetsbaarheid vroeg, met dezelfde signalenlijst.
- We verwijzen via de zorgpaden van de coalitie en sluiten de lus: de verwijzer hoort binnen
  5 werkdagen of de hulp is gestart.
- We bespreken zorgen over een gezin in het casusoverleg, met toestemming van de cliënt.
- Elke partner wijst een contactpersoon aan voor de coalitie.
- We vragen ervaringsdeskundigen (het klankbord) om mee te lezen met nieuwe afspraken.

# Looptijd
Dit convenant geldt voor vier jaar. We evalueren het samen, op de evaluatiedatum.
"""

HANDOVER_TEXT = """# Warme overdracht
- De verloskundige meldt een kwetsbare zwangere met toestemming aan bij de JGZ vóór 34 weken.
- De JGZ plant binnen 2 weken een prenataal huisbezoek.
- Lukt dat niet, dan belt de JGZ de verloskundige terug.
"""

MANIFEST_TEXT = """# Wat we willen
In Zuid-Limburg krijgt elk kind een kansrijke start. We werken samen over de grenzen van
zorg en sociaal domein heen.

# Wat we doen
- We kennen elkaars aanbod en gebruiken de sociale kaart.
- We werken met vijf zorgpaden: schulden, wonen, psychische klachten, roken en leefstijl,
  huiselijk geweld.
- We meten elk jaar wat we bereiken en delen dat in de coalitie.
"""


def _exists(coalition, title: str) -> bool:
    return AgreementDocument.objects.filter(coalition=coalition, title=title).exists()


def _sign(version, users: dict, keys) -> None:
    for key in keys:
        services.version_sign(
            version=version,
            user=users[f"akkoord.{key}"],
            position=POSITIONS.get(key, ""),
        )


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    today = timezone.localdate()
    zaanstad = organisation_selectors.coalition_get(slug="zaanstad")
    if zaanstad is not None and not _exists(zaanstad, COVENANT_TITLE):
        coordinator = users["coordinator.zaanstad"]
        document = services.document_create(
            user=coordinator,
            coalition=zaanstad,
            kind=DocumentKind.COVENANT,
            title=COVENANT_TITLE,
            text=COVENANT_V1,
            # Within 30 days: on the work list, and the reminder goes out once.
            evaluation_due=today + datetime.timedelta(days=21),
            change_note="Eerste versie, vastgesteld in het kernteam (demo).",
        )
        v1 = selectors.version_open(document=document)
        v1 = services.version_consultation_start(version=v1, user=coordinator)
        _sign(v1, users, ZAANSTAD_PARTNERS)
        services.version_adopt(version=v1, user=coordinator)
        v2 = services.version_draft_create(
            document=document,
            user=coordinator,
            change_note="Termijn voor het sluiten van de lus en het klankbord toegevoegd.",
        )
        v2 = services.version_update(
            version=v2,
            expected_lock_version=v2.lock_version,
            user=coordinator,
            text=COVENANT_V2,
            change_note=v2.change_note,
            evaluation_due=today + datetime.timedelta(days=4 * 365),
        )
        v2 = services.version_consultation_start(version=v2, user=coordinator)
        _sign(v2, users, ZAANSTAD_V2_SIGNED)
        services.comment_add(
            version=v2,
            user=users["akkoord.humanitas-zaanstreek"],
            text="Graag ook opnemen wie het klankbord begeleidt.",
        )
    if zaanstad is not None and not _exists(zaanstad, HANDOVER_TITLE):
        services.document_create(
            user=users["coordinator.zaanstad"],
            coalition=zaanstad,
            kind=DocumentKind.WORKING_AGREEMENT,
            title=HANDOVER_TITLE,
            text=HANDOVER_TEXT,
        )
    zuid_limburg = organisation_selectors.coalition_get(slug="zuid-limburg")
    if zuid_limburg is not None and not _exists(zuid_limburg, MANIFEST_TITLE):
        coordinator = users["coordinator.zuidlimburg"]
        document = services.document_create(
            user=coordinator,
            coalition=zuid_limburg,
            kind=DocumentKind.MANIFEST,
            title=MANIFEST_TITLE,
            text=MANIFEST_TEXT,
            evaluation_due=today + datetime.timedelta(days=365),
            change_note="Ondertekend op de startbijeenkomst (demo).",
        )
        version = selectors.version_open(document=document)
        version = services.version_consultation_start(version=version, user=coordinator)
        _sign(version, users, ZUID_LIMBURG_SIGNED)
        services.version_adopt(version=version, user=coordinator)
