"""The demo sociale kaart: a standard set of services per municipality and per coalition region,
generated from the tables below, plus the hand-written ones in demo.data.special.

Names of organisations and programmes are real; every address number, postcode letter pair,
phone number and e-mail address is invented (example.nl, "123 4..." numbers).
"""

import hashlib
from dataclasses import dataclass

from kansrijk.demo.data.places import (
    ARNHEM,
    DUIVEN,
    EDE,
    GELDERLAND_MIDDEN,
    HEERLEN,
    PLACES,
    ZAANSTAD,
    ZEIST,
    ZUID_LIMBURG,
)
from kansrijk.demo.data.specs import DirectoryOrganization, LocationSpec, Place, ServiceSpec

# Taxonomy codes (directory/kansrijke_start_taxonomy.py), shortened for the tables.
DEBTS = "debts-and-money"
HOUSING = "housing"
MENTAL = "mental-health"
LIFESTYLE = "lifestyle-and-smoking"
VIOLENCE = "domestic-violence-and-safety"
SUBSTANCE = "substance-use"
LANGUAGE = "language-and-literacy"
PARENTING = "parenting-and-development"
PREGNANCY_CARE = "pregnancy-and-birth-care"
NETWORK = "social-network-and-loneliness"
RESIDENCE = "residence-status"

PREGNANT = "pregnant-women"
PARENTS = "parents-0-2"
FATHERS = "fathers"
TEENS = "teenage-parents"
LVB = "parents-with-lvb"
MIGRANTS = "migrants-and-status-holders"

WISH = "wish-for-a-child"
PREGNANCY = "pregnancy"
BABY = "0-6-months"
TODDLER = "6-24-months"
FIRST_1000 = (PREGNANCY, BABY, TODDLER)
ALL_PHASES = (WISH, PREGNANCY, BABY, TODDLER)

# Partner organisations (demo.data.coalitions) that own directory entries, per municipality.
MUNICIPALITY_PARTNER = {
    ZAANSTAD: "gemeente-zaanstad",
    ARNHEM: "gemeente-arnhem",
    EDE: "gemeente-ede",
    DUIVEN: "gemeente-duiven",
    HEERLEN: "gemeente-heerlen",
    ZEIST: "gemeente-zeist",
}
MIDWIFE_PARTNER = {
    ZAANSTAD: "verloskunde-zaanstad",
    ARNHEM: "vsv-kracht",
    DUIVEN: "vsv-kracht",
    EDE: "vsv-gelderse-vallei",
    HEERLEN: "verloskunde-heerlen",
    ZEIST: "verloskunde-zeist",
}


@dataclass(frozen=True)
class Region:
    """A coalition's region and the regional organisations that serve all its municipalities."""

    slug: str  # the coalition's slug
    name: str
    municipalities: tuple[str, ...]
    hub: str  # where regional organisations have their office
    ggd: str
    ggd_partner: str
    veilig_thuis: str
    shelter: str
    shelter_partner: str | None
    addiction_care: str
    hospital: str
    hospital_partner: str | None
    refugee_help: str
    humanitas: str
    humanitas_partner: str | None
    maternity_care: str
    skip: frozenset[str] = frozenset()  # regional rows written by hand for this region


REGIONS: tuple[Region, ...] = (
    Region(
        slug="zaanstad",
        name="Zaanstreek-Waterland",
        municipalities=(ZAANSTAD,),
        hub=ZAANSTAD,
        ggd="GGD Zaanstreek-Waterland",
        ggd_partner="ggd-zw",
        veilig_thuis="Veilig Thuis Zaanstreek-Waterland",
        shelter="Blijf Groep",
        shelter_partner="blijf-groep",
        addiction_care="Brijder Verslavingszorg",
        hospital="Zaans Medisch Centrum",
        hospital_partner="zmc",
        refugee_help="VluchtelingenWerk Noord-Holland",
        humanitas="Humanitas Zaanstreek",
        humanitas_partner="humanitas-zaanstreek",
        maternity_care="Kraamzorg Zaanstreek",
    ),
    Region(
        slug="gelderland-midden",
        name="Gelderland-Midden",
        municipalities=GELDERLAND_MIDDEN,
        hub=ARNHEM,
        ggd="GGD Gelderland-Midden",
        ggd_partner="ggd-gm",
        veilig_thuis="Veilig Thuis Gelderland-Midden",
        shelter="Moviera",
        shelter_partner=None,
        addiction_care="IrisZorg",
        hospital="Rijnstate",
        hospital_partner="rijnstate",
        refugee_help="VluchtelingenWerk Oost-Nederland",
        humanitas="Humanitas Gelderland-Midden",
        humanitas_partner=None,
        maternity_care="Kraamzorg Gelderland-Midden",
        # Two hospitals and two midwifery partnerships: written by hand in demo.data.special.
        skip=frozenset({"pop-poli", "centering-pregnancy"}),
    ),
    Region(
        slug="zuid-limburg",
        name="Zuid-Limburg",
        municipalities=ZUID_LIMBURG,
        hub=HEERLEN,
        ggd="GGD Zuid-Limburg",
        ggd_partner="ggd-zl",
        veilig_thuis="Veilig Thuis Zuid-Limburg",
        shelter="Vrouwenopvang Zuid-Limburg",
        shelter_partner=None,
        addiction_care="Mondriaan",
        hospital="Zuyderland Medisch Centrum",
        hospital_partner="zuyderland",
        refugee_help="VluchtelingenWerk Zuid-Nederland",
        humanitas="Humanitas Zuid-Limburg",
        humanitas_partner=None,
        maternity_care="Kraamzorg Zuid-Limburg",
    ),
    Region(
        slug="zeist",
        name="regio Utrecht",
        municipalities=(ZEIST,),
        hub=ZEIST,
        ggd="GGD regio Utrecht",
        ggd_partner="ggd-ru",
        veilig_thuis="Veilig Thuis regio Utrecht",
        shelter="Vrouwenopvang regio Utrecht",
        shelter_partner=None,
        addiction_care="Victas",
        hospital="Diakonessenhuis",
        hospital_partner=None,
        refugee_help="VluchtelingenWerk Midden-Nederland",
        humanitas="Humanitas Utrecht",
        humanitas_partner=None,
        maternity_care="Kraamzorg regio Utrecht",
    ),
)
REGION_OF = {code: region for region in REGIONS for code in region.municipalities}


# --- invented contact details -------------------------------------------------------------------

# Letter pairs Dutch postcodes use (no SA, SD, SS).
_POSTCODE_LETTERS = ("AB", "BC", "CE", "DG", "EH", "GK", "HL", "JM", "KN", "LP", "MR", "NT")


def stable_number(key: str, modulo: int) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % modulo


def fake_phone(place: Place, key: str) -> str:
    """A number with the real area code and an obviously made-up subscriber part (123 4...)."""
    n = stable_number(key, 1000)
    if len(place.area_code) == 3:
        return f"{place.area_code} 123 4{n:03d}"
    return f"{place.area_code} 12 3{n:03d}"


def fake_address(place: Place, key: str) -> tuple[str, str]:
    """(street and number, postcode): a common street name with an invented number."""
    street = place.streets[stable_number(key + ":street", len(place.streets))]
    number = 2 + stable_number(key + ":number", 180)
    letters = _POSTCODE_LETTERS[stable_number(key + ":pc", len(_POSTCODE_LETTERS))]
    return f"{street} {number}", f"{place.postcode} {letters}"


def slugify(text: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in keep.split("-") if part)


def fake_email(local: str, organisation_name: str) -> str:
    return f"{slugify(local)}@{slugify(organisation_name)}.example.nl"


def location_at(
    *,
    key: str,
    name: str,
    code: str,
    description: str = "",
    is_confidential: bool = False,
    accessibility: str = "Rolstoeltoegankelijk, met lift.",
    address_key: str = "",
) -> LocationSpec:
    """`address_key`: locations with the same one share an address (one building, two users)."""
    place = PLACES[code]
    street, postcode = fake_address(place, address_key or key)
    return LocationSpec(
        key=key,
        name=name,
        municipality=code,
        street=street,
        postcode=postcode,
        city=place.city,
        province=place.province,
        description=description,
        accessibility=accessibility,
        is_confidential=is_confidential,
        phone="" if is_confidential else fake_phone(place, address_key or key),
    )


# --- directory organisations --------------------------------------------------------------------


def directory_org(key: str, name: str, description: str, managed_by: str | None = None):
    return DirectoryOrganization(
        key=key,
        name=name,
        description=description,
        email=fake_email("info", name),
        website=f"https://{slugify(name)}.example.nl",
        managed_by=managed_by,
    )


def municipal_organizations(place: Place) -> list[DirectoryOrganization]:
    region = REGION_OF[place.code]
    code, name = place.code, place.name
    return [
        directory_org(
            f"gemeente:{code}",
            f"Gemeente {name}",
            f"De gemeente {name}: sociaal loket, wijkteams, schuldhulp en wonen.",
            MUNICIPALITY_PARTNER.get(code),
        ),
        directory_org(
            f"cjg:{code}",
            f"Centrum voor Jeugd en Gezin {name}",
            f"Het CJG {name}: jeugdgezondheidszorg (JGZ) en het consultatiebureau, "
            f"uitgevoerd door {region.ggd}.",
            region.ggd_partner,
        ),
        directory_org(
            f"verloskunde:{code}",
            f"Verloskundigen {name}",
            f"Verloskundigenpraktijken in {name}.",
            MIDWIFE_PARTNER.get(code),
        ),
        directory_org(
            f"bibliotheek:{code}",
            f"Bibliotheek {name}",
            "De openbare bibliotheek, met het Taalhuis.",
        ),
        directory_org(
            f"voedselbank:{code}",
            f"Voedselbank {name}",
            "Vrijwilligers die voedselpakketten geven aan huishoudens die dat nodig hebben.",
        ),
        directory_org(
            f"huisartsen:{code}",
            f"Huisartsen {name}",
            f"De huisartsenpraktijken in {name}.",
        ),
    ]


def regional_organizations(region: Region) -> list[DirectoryOrganization]:
    slug = region.slug
    return [
        directory_org(
            f"ggd:{slug}",
            region.ggd,
            "Gemeentelijke gezondheidsdienst: jeugdgezondheidszorg, infectieziekten, "
            "seksuele gezondheid en gezondheidsbevordering.",
            region.ggd_partner,
        ),
        directory_org(
            f"veilig-thuis:{slug}",
            region.veilig_thuis,
            "Advies- en meldpunt huiselijk geweld en kindermishandeling.",
        ),
        directory_org(
            f"shelter:{slug}",
            region.shelter,
            "Opvang en hulp bij huiselijk geweld.",
            region.shelter_partner,
        ),
        directory_org(
            f"addiction:{slug}",
            region.addiction_care,
            "Hulp bij problemen met alcohol, drugs, medicijnen en gokken.",
        ),
        directory_org(
            f"hospital:{slug}",
            region.hospital,
            "Ziekenhuis met verloskunde, kindergeneeskunde en psychiatrie.",
            region.hospital_partner,
        ),
        directory_org(
            f"refugee:{slug}",
            region.refugee_help,
            "Hulp aan vluchtelingen en statushouders.",
        ),
        directory_org(
            f"humanitas:{slug}",
            region.humanitas,
            "Vrijwilligers die mensen steunen, onder andere met Home-Start en thuisadministratie.",
            region.humanitas_partner,
        ),
        directory_org(
            f"maternity:{slug}",
            region.maternity_care,
            "Kraamzorg thuis na de bevalling.",
        ),
    ]


BUURTGEZINNEN = directory_org(
    "buurtgezinnen",
    "Buurtgezinnen",
    "Koppelt gezinnen die het even zwaar hebben aan steungezinnen uit de buurt.",
)


# --- the standard set per municipality ------------------------------------------------------

# Each row: slug, name, organisation kind, description, themes, target groups, phases,
# languages, schedule, cost, self-referral, at a location?, application process, extra fields.
# {m} is the municipality's name, {ggd} the region's GGD.
LOCAL_ROWS = (
    dict(
        slug="consultatiebureau",
        name="Consultatiebureau {m}",
        org="cjg",
        description=(
            "De jeugdverpleegkundige en de jeugdarts volgen de groei en ontwikkeling van uw kind "
            "van 0 tot 4 jaar. U krijgt de vaccinaties en advies over voeding, slapen, opvoeden "
            "en een rookvrije omgeving."
        ),
        themes=(PARENTING, LIFESTYLE),
        target_groups=(PARENTS, FATHERS),
        phases=(BABY, TODDLER),
        languages=("nl", "en", "ar", "tr"),
        schedule="office",
        application_process=(
            "U krijgt vanzelf een uitnodiging na de geboorte. Bel voor een extra afspraak."
        ),
        eligibility_description="Alle ouders met kinderen van 0 tot 4 jaar in {m}.",
        interpretation_services="Een tolk via de tolkentelefoon is gratis.",
        maximum_age=4,
    ),
    dict(
        slug="prenataal-huisbezoek",
        name="Prenataal huisbezoek JGZ {m}",
        org="cjg",
        location=False,
        description=(
            "Een jeugdverpleegkundige komt tijdens de zwangerschap bij u thuis. Zij praat met u "
            "over de voorbereiding op de baby, en over zorgen om geld, wonen of stress. Zij weet "
            "waar u hulp kunt krijgen."
        ),
        themes=(PREGNANCY_CARE, PARENTING),
        target_groups=(PREGNANT, FATHERS),
        phases=(PREGNANCY,),
        languages=("nl", "en", "ar", "tr"),
        schedule="appointment",
        application_process=(
            "Vraag het aan via uw verloskundige of bel het CJG. U kunt zich ook zelf aanmelden."
        ),
    ),
    dict(
        slug="schuldhulpverlening",
        name="Schuldhulpverlening {m}",
        org="gemeente",
        description=(
            "Heeft u schulden of lukt het niet meer om uw rekeningen te betalen? De gemeente {m} "
            "helpt u gratis. Samen maken we een overzicht van uw schulden en zoeken we een "
            "oplossing, zoals een betalingsregeling of een schuldregeling. Zwangeren en gezinnen "
            "met een baby krijgen voorrang."
        ),
        themes=(DEBTS,),
        target_groups=(PREGNANT, PARENTS),
        phases=FIRST_1000,
        languages=("nl", "en", "tr", "ar"),
        schedule="office",
        waitlist=3,
        application_process=(
            "Meld u aan bij het sociaal loket: bellen, langskomen of online. Een hulpverlener mag "
            "u ook aanmelden, als u dat goed vindt."
        ),
        eligibility_description="Inwoners van {m} van 18 jaar en ouder.",
        minimum_age=18,
    ),
    dict(
        slug="budgetcoaching",
        name="Budgetcoaching {m}",
        org="humanitas",
        location=False,
        description=(
            "Een getrainde vrijwilliger helpt u thuis om overzicht te krijgen in uw geld, post en "
            "rekeningen. Zo voorkomt u nieuwe schulden. De coach komt een paar maanden lang elke "
            "week of om de week."
        ),
        themes=(DEBTS, NETWORK),
        target_groups=(PREGNANT, PARENTS, LVB),
        phases=FIRST_1000,
        languages=("nl", "en"),
        schedule="appointment",
        waitlist=4,
        application_process="Bel of mail ons. U kunt zich zelf aanmelden.",
    ),
    dict(
        slug="voedselbank",
        name="Voedselbank {m}",
        org="voedselbank",
        description=(
            "Huishoudens die (even) niet genoeg geld hebben voor eten krijgen elke week een "
            "voedselpakket. Met een baby krijgt u ook luiers en babyvoeding, als die er zijn."
        ),
        themes=(DEBTS,),
        target_groups=(PREGNANT, PARENTS),
        phases=FIRST_1000,
        languages=("nl", "en", "ar", "uk"),
        schedule="food_bank",
        self_referral=False,
        application_process=(
            "Een hulpverlener, bijvoorbeeld van het wijkteam of de schuldhulpverlening, meldt u "
            "aan. De voedselbank kijkt of uw inkomen laag genoeg is."
        ),
    ),
    dict(
        slug="sociaal-wijkteam",
        name="Sociaal wijkteam {m}",
        org="gemeente",
        description=(
            "Het sociaal wijkteam helpt bij vragen over geld en schulden, wonen, werk, opvoeden, "
            "spanningen thuis of als het even niet meer gaat. Eén vaste hulpverlener kijkt samen "
            "met u naar het hele gezin."
        ),
        themes=(HOUSING, DEBTS, MENTAL, VIOLENCE),
        target_groups=(PREGNANT, PARENTS, LVB, MIGRANTS),
        phases=FIRST_1000,
        languages=("nl", "en", "ar", "tr", "pl"),
        schedule="office",
        application_process="Bel of loop binnen. Een hulpverlener mag u ook aanmelden.",
    ),
    dict(
        slug="woonloket",
        name="Hulp bij wonen en woonurgentie {m}",
        org="gemeente",
        description=(
            "Dreigt u uw huis kwijt te raken, of woont u met een baby in een huis dat niet veilig "
            "of veel te klein is? Het woonloket kijkt of u urgentie kunt krijgen en helpt bij een "
            "huurachterstand."
        ),
        themes=(HOUSING,),
        target_groups=(PREGNANT, PARENTS),
        phases=FIRST_1000,
        languages=("nl", "en"),
        schedule="office",
        application_process="Maak een afspraak via het sociaal loket.",
    ),
    dict(
        slug="taalhuis",
        name="Taalhuis {m}",
        org="bibliotheek",
        description=(
            "Wilt u beter Nederlands spreken, lezen of schrijven, of leren werken met de "
            "computer? In het Taalhuis in de bibliotheek vindt u gratis een cursus of een "
            "taalmaatje dat bij u past. Er is ook een taalcafé voor ouders."
        ),
        themes=(LANGUAGE,),
        target_groups=(MIGRANTS, PARENTS, LVB),
        phases=ALL_PHASES,
        languages=("nl", "en", "ar", "tr", "pl", "uk", "ti"),
        schedule="walk_in_tuesday",
        application_process="Loop binnen tijdens het spreekuur. Aanmelden is niet nodig.",
    ),
    dict(
        slug="voorlezen-thuis",
        name="Voorlezen en taal thuis {m}",
        org="bibliotheek",
        location=False,
        description=(
            "Een vrijwilliger komt twintig weken lang bij u thuis om samen voor te lezen aan uw "
            "kind. Uw kind leert zo meer woorden, en u leert hoe u thuis met taal kunt spelen, "
            "ook in uw eigen taal."
        ),
        themes=(LANGUAGE, PARENTING),
        target_groups=(PARENTS, MIGRANTS),
        phases=(TODDLER,),
        languages=("nl", "ar", "tr", "ti"),
        schedule="appointment",
        waitlist=6,
        application_process="Aanmelden via het consultatiebureau, het wijkteam of de bibliotheek.",
    ),
    dict(
        slug="home-start",
        name="Humanitas Home-Start {m}",
        org="humanitas",
        location=False,
        program="home-start",
        description=(
            "Een ervaren vrijwilliger, zelf ook ouder, komt elke week een paar uur bij u thuis. "
            "Voor steun, een luisterend oor en hulp bij het opvoeden. Voor zwangeren en ouders "
            "met een kind tot 7 jaar."
        ),
        themes=(PARENTING, NETWORK),
        target_groups=(PREGNANT, PARENTS, TEENS),
        phases=FIRST_1000,
        languages=("nl", "en"),
        schedule="appointment",
        waitlist=6,
        application_process="Meld u zelf aan, of vraag uw verloskundige of het CJG.",
    ),
    dict(
        slug="statushouders",
        name="Begeleiding statushouders {m}",
        org="gemeente",
        description=(
            "Nieuwe inwoners met een verblijfsvergunning krijgen hulp bij inburgering, taal en "
            "geldzaken, en bij de weg naar de verloskundige, het consultatiebureau en de "
            "huisarts."
        ),
        themes=(RESIDENCE, LANGUAGE),
        target_groups=(MIGRANTS,),
        phases=ALL_PHASES,
        languages=("nl", "ar", "ti", "en", "uk"),
        schedule="office",
        application_process="De gemeente meldt statushouders aan. Met vragen kunt u zelf bellen.",
        interpretation_services="Gesprekken met een tolk zijn gratis.",
    ),
    dict(
        slug="stevig-ouderschap",
        name="Stevig Ouderschap {m}",
        org="cjg",
        location=False,
        program="stevig-ouderschap",
        description=(
            "Extra steun van een jeugdverpleegkundige voor ouders die het zwaar hebben of "
            "hadden, bijvoorbeeld door stress, somberheid of een moeilijke jeugd. Zes "
            "huisbezoeken in het eerste jaar na de geboorte."
        ),
        themes=(PARENTING, MENTAL),
        target_groups=(PREGNANT, PARENTS, FATHERS),
        phases=FIRST_1000,
        languages=("nl", "en"),
        schedule="appointment",
        self_referral=False,
        application_process=(
            "De verloskundige of het consultatiebureau bespreekt dit met u en meldt u aan."
        ),
    ),
    dict(
        slug="verloskundige",
        name="Verloskundigenpraktijk {m}",
        org="verloskunde",
        description=(
            "Controles tijdens de zwangerschap, begeleiding bij de bevalling en zorg in de "
            "kraamweek. Ook voor vragen over een kinderwens, voeding, roken en alcohol. Meld u "
            "aan zodra u weet dat u zwanger bent."
        ),
        themes=(PREGNANCY_CARE, LIFESTYLE),
        target_groups=(PREGNANT,),
        phases=(WISH, PREGNANCY, BABY),
        languages=("nl", "en", "ar", "tr"),
        schedule="office",
        cost="midwife",
        application_process="Bel of mail om u aan te melden. Een verwijzing is niet nodig.",
    ),
    dict(
        slug="stoppen-met-roken",
        name="Stoppen met roken voor (aanstaande) ouders {m}",
        org="ggd",
        description=(
            "Persoonlijke begeleiding om te stoppen met roken tijdens de zwangerschap of na de "
            "geboorte, ook voor partners. Rookvrij opgroeien is beter voor uw kind. De coach "
            "helpt met een stopplan, tips en aandacht voor stress."
        ),
        themes=(LIFESTYLE, SUBSTANCE),
        target_groups=(PREGNANT, FATHERS, PARENTS),
        phases=ALL_PHASES,
        languages=("nl", "en", "tr"),
        schedule="appointment",
        cost="smoking",
        application_process="Meld u zelf aan, of via uw verloskundige, huisarts of het CJG.",
    ),
    dict(
        slug="buurtgezinnen",
        name="Buurtgezinnen {m}",
        org="buurtgezinnen",
        location=False,
        description=(
            "Een steungezin uit de buurt helpt uw gezin, bijvoorbeeld door een middag op te "
            "passen of samen te eten. Zo krijgt u wat lucht en een netwerk dichtbij."
        ),
        themes=(NETWORK, PARENTING),
        target_groups=(PARENTS,),
        phases=(BABY, TODDLER),
        languages=("nl",),
        schedule="appointment",
        waitlist=8,
        application_process="Meld u zelf aan via de website, of vraag uw hulpverlener.",
    ),
    dict(
        slug="poh-ggz",
        name="Praktijkondersteuner GGZ bij de huisarts {m}",
        org="huisartsen",
        description=(
            "Heeft u last van somberheid, angst of stress, tijdens of na de zwangerschap? De "
            "praktijkondersteuner GGZ (POH-GGZ) van uw huisarts heeft een paar gesprekken met u "
            "en kijkt samen met u of meer hulp nodig is."
        ),
        themes=(MENTAL,),
        target_groups=(PREGNANT, PARENTS, FATHERS),
        phases=FIRST_1000,
        languages=("nl", "en"),
        schedule="office",
        cost="gp",
        self_referral=False,
        application_process="Maak een afspraak via uw huisarts.",
    ),
)

# Rows for a whole coalition region; {r} is the region's name, orgs as in regional_organizations.
REGIONAL_ROWS = (
    dict(
        slug="veilig-thuis",
        name="{veilig_thuis}",
        org="veilig-thuis",
        location=False,
        description=(
            "Advies- en meldpunt voor huiselijk geweld en kindermishandeling. Bel voor advies "
            "als u zich zorgen maakt om uw eigen veiligheid of die van een ander. Dat mag ook "
            "anoniem. Dag en nacht bereikbaar."
        ),
        themes=(VIOLENCE,),
        target_groups=(PREGNANT, PARENTS, FATHERS, MIGRANTS),
        phases=ALL_PHASES,
        languages=("nl", "en", "ar", "tr", "pl"),
        schedule="always",
        application_process="Bel ons, dag en nacht. Bij direct gevaar: bel 112.",
    ),
    dict(
        slug="vrouwenopvang",
        name="{shelter_service}",
        org="shelter",
        confidential=True,
        description=(
            "Veilige opvang voor vrouwen en hun kinderen die thuis niet veilig zijn, ook tijdens "
            "de zwangerschap. Het adres is geheim. U krijgt hulp bij veiligheid, wonen, geld en "
            "de zorg voor de kinderen."
        ),
        themes=(VIOLENCE, HOUSING),
        target_groups=(PREGNANT, PARENTS, MIGRANTS),
        phases=ALL_PHASES,
        languages=("nl", "en", "ar", "tr"),
        schedule="always",
        waitlist=1,
        application_process=(
            "Bel de opvang of Veilig Thuis, dag en nacht. Het adres hoort u pas als u komt."
        ),
    ),
    dict(
        slug="pop-poli",
        name="POP-poli {hospital}",
        org="hospital",
        description=(
            "Polikliniek voor Psychiatrie, Obstetrie en Pediatrie. Voor zwangeren met "
            "psychische klachten of die medicijnen voor hun psyche gebruiken, en voor zwangeren "
            "die alcohol of drugs gebruiken. Gynaecoloog, psychiater en kinderarts werken samen."
        ),
        themes=(MENTAL, PREGNANCY_CARE, SUBSTANCE),
        target_groups=(PREGNANT,),
        phases=(WISH, PREGNANCY, BABY),
        languages=("nl", "en"),
        schedule="office",
        cost="insured",
        self_referral=False,
        waitlist=3,
        application_process="Met een verwijzing van uw verloskundige, huisarts of gynaecoloog.",
    ),
    dict(
        slug="verslavingszorg",
        name="Verslavingszorg voor (aanstaande) ouders - {addiction_care}",
        org="addiction",
        description=(
            "Hulp bij problemen met alcohol, drugs, medicijnen of gokken, met speciale aandacht "
            "voor zwangeren en ouders van jonge kinderen. U kunt ook eerst anoniem advies vragen."
        ),
        themes=(SUBSTANCE, MENTAL),
        target_groups=(PREGNANT, PARENTS, FATHERS),
        phases=ALL_PHASES,
        languages=("nl", "en", "pl"),
        schedule="office",
        cost="insured",
        self_referral=False,
        waitlist=5,
        application_process="Aanmelden met een verwijzing van de huisarts. Advies vragen kan zelf.",
    ),
    dict(
        slug="kraamzorg",
        name="{maternity_care}",
        org="maternity",
        location=False,
        description=(
            "Een kraamverzorgende helpt u de eerste acht tot tien dagen na de bevalling thuis. "
            "Zij let op de gezondheid van moeder en baby en helpt met voeden. Meld u aan vóór "
            "week 16 van de zwangerschap."
        ),
        themes=(PREGNANCY_CARE,),
        target_groups=(PREGNANT,),
        phases=(PREGNANCY, BABY),
        languages=("nl", "en"),
        schedule="always",
        cost="maternity",
        application_process="Meld u zelf aan, telefonisch of online.",
    ),
    dict(
        slug="voorzorg",
        name="VoorZorg {r}",
        org="ggd",
        location=False,
        program="voorzorg",
        description=(
            "Intensieve begeleiding door een VoorZorg-verpleegkundige, van de zwangerschap tot "
            "uw kind twee jaar is. Voor jonge vrouwen die hun eerste kind krijgen en het moeilijk "
            "hebben."
        ),
        themes=(PREGNANCY_CARE, PARENTING),
        target_groups=(TEENS, PREGNANT, LVB),
        phases=FIRST_1000,
        languages=("nl", "en"),
        schedule="appointment",
        self_referral=False,
        waitlist=4,
        application_process=(
            "Aanmelden via de verloskundige, huisarts of het wijkteam, vóór week 28 van de "
            "zwangerschap."
        ),
        maximum_age=25,
    ),
    dict(
        slug="nu-niet-zwanger",
        name="Nu Niet Zwanger {r}",
        org="ggd",
        location=False,
        program="nu-niet-zwanger",
        description=(
            "Gesprekken over kinderwens en anticonceptie voor mensen in een kwetsbare situatie, "
            "zodat een zwangerschap een bewuste keuze is. De anticonceptie kan gratis zijn."
        ),
        themes=(PREGNANCY_CARE,),
        target_groups=(LVB, TEENS),
        phases=(WISH,),
        languages=("nl",),
        schedule="appointment",
        self_referral=False,
        application_process="Een hulpverlener bespreekt dit met u en meldt u aan.",
    ),
    dict(
        slug="vluchtelingenwerk",
        name="Spreekuur {refugee_help}",
        org="refugee",
        description=(
            "Hulp bij vragen over uw verblijfsvergunning, de asielprocedure en gezinshereniging, "
            "en bij de weg naar zorg en onderwijs. Gratis, en in uw eigen taal als dat kan."
        ),
        themes=(RESIDENCE,),
        target_groups=(MIGRANTS,),
        phases=ALL_PHASES,
        languages=("nl", "en", "ar", "ti", "uk", "fa"),
        schedule="walk_in_thursday",
        application_process="Loop binnen tijdens het spreekuur.",
    ),
    dict(
        slug="centering-pregnancy",
        name="Centering Pregnancy {r}",
        org="verloskunde-hub",
        program="centering-pregnancy",
        description=(
            "Zwangerschapszorg in een groep van acht tot twaalf zwangeren die rond dezelfde tijd "
            "uitgerekend zijn. Tien bijeenkomsten van twee uur: de controles, uitleg en "
            "ervaringen delen. Zo leert u andere ouders kennen."
        ),
        themes=(PREGNANCY_CARE, NETWORK),
        target_groups=(PREGNANT, MIGRANTS),
        phases=(PREGNANCY,),
        languages=("nl", "en", "ar"),
        schedule="group_wednesday",
        cost="midwife",
        application_process="Vraag uw verloskundige naar de volgende groep.",
    ),
    dict(
        slug="onverzekerde-zwangeren",
        name="Zorg voor onverzekerde en ongedocumenteerde zwangeren {r}",
        org="ggd",
        location=False,
        description=(
            "Ook zonder zorgverzekering of verblijfsvergunning heeft u recht op zorg tijdens de "
            "zwangerschap en de bevalling. De GGD helpt u een verloskundige te vinden. De "
            "zorgverlener kan de kosten declareren bij de regeling onverzekerden van het CAK."
        ),
        themes=(RESIDENCE, PREGNANCY_CARE),
        target_groups=(PREGNANT, MIGRANTS),
        phases=(PREGNANCY, BABY),
        languages=("nl", "en", "ar", "ti", "fr"),
        schedule="office",
        application_process="Bel de GGD. Wij vragen niet naar uw verblijfsstatus.",
    ),
    dict(
        slug="samen-oplopen",
        name="Samen Oplopen {r}",
        org="humanitas",
        location=False,
        program="samen-oplopen",
        description=(
            "Een getrainde vrijwilliger loopt een tijdje met u mee tijdens de zwangerschap en het "
            "eerste jaar: een maatje voor praktische steun, een luisterend oor en de weg naar "
            "hulp in de buurt."
        ),
        themes=(NETWORK, PARENTING),
        target_groups=(PREGNANT, PARENTS, MIGRANTS),
        phases=FIRST_1000,
        languages=("nl", "en", "ar", "tr"),
        schedule="appointment",
        waitlist=4,
        application_process="Meld u zelf aan, of vraag de verloskundige of het wijkteam.",
    ),
)

_ORG_KEY = {
    "gemeente": "gemeente:{code}",
    "cjg": "cjg:{code}",
    "verloskunde": "verloskunde:{code}",
    "verloskunde-hub": "verloskunde:{hub}",
    "bibliotheek": "bibliotheek:{code}",
    "voedselbank": "voedselbank:{code}",
    "huisartsen": "huisartsen:{code}",
    "ggd": "ggd:{region}",
    "veilig-thuis": "veilig-thuis:{region}",
    "shelter": "shelter:{region}",
    "addiction": "addiction:{region}",
    "hospital": "hospital:{region}",
    "refugee": "refugee:{region}",
    "humanitas": "humanitas:{region}",
    "maternity": "maternity:{region}",
    "buurtgezinnen": "buurtgezinnen",
}


def capacity_for(key: str, weeks: int | None) -> tuple[str, int | None]:
    """Some services with a typical waiting list have one now (chosen stably per service)."""
    if weeks is None or stable_number(key + ":capacity", 3) != 0:
        return "open", None
    return "waiting_list", weeks


def _spec_from_row(
    row: dict,
    *,
    key: str,
    code: str,
    region: Region,
    areas: tuple[str, ...],
    names: dict[str, str],
    org_names: dict[str, str],
) -> ServiceSpec:
    row = dict(row)
    slug = row.pop("slug")
    org_key = _ORG_KEY[row.pop("org")].format(code=code, region=region.slug, hub=region.hub)
    name = row.pop("name").format(**names)
    place = PLACES[code]
    capacity, wait_weeks = capacity_for(key, row.pop("waitlist", None))
    locations = ()
    confidential = row.pop("confidential", False)
    if row.pop("location", True):
        locations = (
            location_at(
                key=f"location:{org_key}:{code}",
                name=f"{org_names[org_key]}, {place.city}",
                code=code,
                is_confidential=confidential,
                description=(
                    "Geheim adres. Bel voor een afspraak; u wordt opgehaald op een veilige plek."
                    if confidential
                    else ""
                ),
            ),
        )
    for text_field in ("description", "eligibility_description", "application_process"):
        if text_field in row:
            row[text_field] = row[text_field].format(**names)
    return ServiceSpec(
        key=key,
        name=name,
        organization=org_key,
        areas=areas,
        locations=locations,
        phone=fake_phone(place, key),
        email=fake_email(slug, org_names[org_key]),
        capacity=capacity,
        wait_weeks=wait_weeks,
        verified_days_ago=20 + stable_number(key + ":verified", 300),
        **row,
    )


def _names(place: Place, region: Region) -> dict[str, str]:
    return {
        "m": place.name,
        "r": region.name,
        "veilig_thuis": region.veilig_thuis,
        "shelter_service": region.shelter
        if region.shelter.startswith("Vrouwenopvang")
        else f"Vrouwenopvang {region.shelter}",
        "hospital": region.hospital,
        "addiction_care": region.addiction_care,
        "refugee_help": region.refugee_help,
        "maternity_care": region.maternity_care,
    }


def standard_organizations() -> list[DirectoryOrganization]:
    organizations = [BUURTGEZINNEN]
    for region in REGIONS:
        organizations += regional_organizations(region)
        for code in region.municipalities:
            organizations += municipal_organizations(PLACES[code])
    return organizations


def standard_services(org_names: dict[str, str]) -> list[ServiceSpec]:
    services = []
    for region in REGIONS:
        hub = PLACES[region.hub]
        for row in REGIONAL_ROWS:
            if row["slug"] in region.skip:
                continue
            services.append(
                _spec_from_row(
                    row,
                    key=f"service:{region.slug}:{row['slug']}",
                    code=region.hub,
                    region=region,
                    areas=region.municipalities,
                    names=_names(hub, region),
                    org_names=org_names,
                )
            )
        for code in region.municipalities:
            place = PLACES[code]
            for row in LOCAL_ROWS:
                services.append(
                    _spec_from_row(
                        row,
                        key=f"service:{code}:{row['slug']}",
                        code=code,
                        region=region,
                        areas=(code,),
                        names=_names(place, region),
                        org_names=org_names,
                    )
                )
    return services
