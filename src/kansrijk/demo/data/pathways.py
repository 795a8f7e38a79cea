"""The demo zorgpaden: pure data in the pathway definition format (pathways app), no database.

- "Verwijzing Kwetsbare Zwangeren" for Kansrijke Start Zaanstad: signal (questions on nine
  domains), explore (consent), then the DMN model decides the route: unsafe -> Veilig Thuis;
  problems on two or more domains -> the monthly Steunpunt Kwetsbare Zwangeren and the social
  neighbourhood team; one domain -> matching help; nothing -> regular care. Its decision "Route"
  needs the decision "Aantal domeinen", so the demo shows one decision depending on another.
- Zorgpaden for Kansrijke Start Zuid-Limburg on debts, housing, mental health, smoking and
  lifestyle, and domestic violence: a few questions and one small decision table each, with
  different hit policies (FIRST, UNIQUE, PRIORITY, COLLECT with MAX).

The decision tables are DMN 1.5 files beside this module (pathways/*.dmn); `dmn_source` reads
them into the definitions' `tables`. Actions that refer name themes of the demo sociale kaart
(demo.data.directory) and search words found in the services of the coalition's
municipalities; contacts come from the directory, never from these texts. Every person is made
up; no phone number appears here.
"""

from dataclasses import dataclass
from pathlib import Path

DMN_DIR = Path(__file__).with_name("pathways")

# Theme codes (directory/kansrijke_start_taxonomy.py).
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
TEENS = "teenage-parents"  # target group
PREGNANCY = "pregnancy"  # phase


@dataclass(frozen=True)
class DemoPathway:
    slug: str
    title: str
    description: str
    theme: str  # theme code of the sociale kaart
    scope: str  # coalition slug (demo.data.coalitions)
    definition: dict
    approved_by: tuple[str, ...]  # Partner keys (demo.data.coalitions) that agreed


def dmn_source(name: str) -> str:
    """The DMN XML of one of the demo's decision table files."""
    return (DMN_DIR / name).read_text(encoding="utf-8")


def _yes_no(step_id: str, variable: str, text: str, help_text: str, nxt) -> dict:
    return {
        "id": step_id,
        "kind": "question",
        "text": text,
        "help": help_text,
        "variable": variable,
        "answer_type": "boolean",
        "next": nxt,
    }


def _choice(step_id: str, variable: str, text: str, help_text: str, options, nxt) -> dict:
    return {
        "id": step_id,
        "kind": "question",
        "text": text,
        "help": help_text,
        "variable": variable,
        "answer_type": "choice",
        "options": [{"value": value, "label": label} for value, label in options],
        "next": nxt,
    }


def _action(step_id: str, action: str, title: str, text: str, **search) -> dict:
    step = {"id": step_id, "kind": "action", "action": action, "title": title, "text": text}
    if action != "regular_care":
        step.update(
            themes=list(search.get("themes", ())),
            target_groups=list(search.get("target_groups", ())),
            phases=list(search.get("phases", ())),
            query=search.get("query", ""),
        )
    return step


# --- Zaanstad: Verwijzing Kwetsbare Zwangeren ---------------------------------------------------

# (step id, DMN input, question, help): the signal questions, in the order they are asked.
_ZAANSTAD_SIGNALS = (
    (
        "signaal-schulden",
        "Schulden",
        "Heeft de zwangere geldzorgen of schulden?",
        "Bijvoorbeeld: rekeningen blijven liggen, er is een betalingsachterstand, of er is geen "
        "geld voor eten of babyspullen.",
    ),
    (
        "signaal-wonen",
        "Wonen",
        "Heeft de zwangere problemen met wonen?",
        "Bijvoorbeeld: geen vaste woonplek, een huurachterstand, of een huis dat te klein of niet "
        "veilig is voor een baby.",
    ),
    (
        "signaal-stress",
        "Stress",
        "Heeft de zwangere al lange tijd veel stress?",
        "Bijvoorbeeld door geld, werk, de relatie of familie. Zij slaapt slecht of voelt zich "
        "vaak opgejaagd.",
    ),
    (
        "signaal-psychisch",
        "Psychisch",
        "Heeft de zwangere psychische klachten?",
        "Bijvoorbeeld: somberheid, angst of paniek, nu of vroeger. Of zij gebruikt medicijnen "
        "voor haar psyche.",
    ),
    (
        "signaal-onveilig",
        "Onveilig",
        "Is het thuis niet veilig, of ziet u signalen van huiselijk geweld?",
        "Denk aan slaan, duwen, dreigen, vernederen of controleren. Vraag hiernaar als de "
        "partner er niet bij is.",
    ),
    (
        "signaal-netwerk",
        "Netwerk",
        "Heeft de zwangere weinig mensen om zich heen die haar helpen?",
        "Bijvoorbeeld: geen familie in de buurt, geen vriendinnen, of niemand die helpt na de "
        "bevalling.",
    ),
    (
        "signaal-taal",
        "Taal",
        "Heeft de zwangere moeite met Nederlands, met lezen of met informatie over gezondheid?",
        "Bijvoorbeeld: zij begrijpt folders of brieven niet goed, of zij heeft een tolk nodig.",
    ),
    (
        "signaal-tiener",
        "Tienerzwangerschap",
        "Is de zwangere jonger dan 20 jaar?",
        "",
    ),
    (
        "signaal-verblijf",
        "Verblijfsstatus",
        "Heeft de zwangere zorgen over haar verblijfsvergunning of haar zorgverzekering?",
        "Bijvoorbeeld: zij heeft geen verblijfsvergunning, wacht op een beslissing, of heeft "
        "geen zorgverzekering.",
    ),
)


def _zaanstad_definition() -> dict:
    steps = []
    for (step_id, variable, text, help_text), following in zip(
        _ZAANSTAD_SIGNALS,
        [s[0] for s in _ZAANSTAD_SIGNALS[1:]] + ["verkennen"],
        strict=True,
    ):
        steps.append(_yes_no(step_id, variable, text, help_text, following))
    steps.append(
        _yes_no(
            "verkennen",
            "Toestemming",
            "Bespreek wat u ziet met de zwangere. Wil zij hulp, en mag u haar aanmelden of haar "
            "naam noemen in het Steunpunt?",
            "Vraag door: hoe lang speelt dit al, wat heeft zij zelf al geprobeerd, en wie helpt "
            "haar nu? Zonder toestemming kunt u haar situatie zonder naam bespreken.",
            "route",
        )
    )
    steps.append(
        {
            "id": "route",
            "kind": "decision",
            "table": "route",
            "decision": "Route",
            "output": None,
            "next": {
                "veilig": "veilig-thuis",
                "steunpunt": "steunpunt",
                "geld": "hulp-geld",
                "wonen": "hulp-wonen",
                "psyche": "hulp-psyche",
                "netwerk": "hulp-netwerk",
                "taal": "hulp-taal",
                "jong": "hulp-jong",
                "verblijf": "hulp-verblijf",
                "regulier": "regulier",
                "*": "regulier",
            },
        }
    )
    pregnancy = {"phases": [PREGNANCY]}
    steps += [
        _action(
            "veilig-thuis",
            "urgent",
            "Overleg vandaag nog met Veilig Thuis",
            "Het is thuis niet veilig. Volg de meldcode: vraag advies aan Veilig Thuis, ook als u "
            "twijfelt. Is er direct gevaar? Bel dan de politie via het alarmnummer. Bespreek de "
            "zwangere daarna ook in het Steunpunt Kwetsbare Zwangeren.",
            themes=[VIOLENCE],
            query="Veilig Thuis",
        ),
        _action(
            "steunpunt",
            "case_consultation",
            "Bespreek de zwangere in het Steunpunt Kwetsbare Zwangeren",
            "Er spelen problemen op meer gebieden tegelijk, of de zwangere wil nog geen hulp. "
            "Meld haar aan voor het maandelijkse overleg van het Steunpunt Kwetsbare Zwangeren. "
            "Daar kijken verloskundige, JGZ, wijkteam en andere partners samen wat zij nodig "
            "heeft. Heeft zij toestemming gegeven? Verwijs haar dan nu ook naar het sociaal "
            "wijkteam of de schuldhulp in haar wijk. Zonder toestemming bespreekt u haar zonder "
            "naam.",
            themes=[DEBTS, HOUSING, MENTAL],
            query="wijkteam schuldhulp",
            **pregnancy,
        ),
        _action(
            "hulp-geld",
            "refer",
            "Verwijs naar hulp bij geldzorgen en schulden",
            "Help de zwangere op weg naar schuldhulp, een budgetcoach of het wijkteam in haar "
            "wijk. Doe het snel: met een baby worden geldzorgen vaak groter.",
            themes=[DEBTS],
            query="schulden",
            **pregnancy,
        ),
        _action(
            "hulp-wonen",
            "refer",
            "Verwijs naar hulp bij wonen",
            "Het wijkteam of het woonloket helpt bij een huurachterstand, bij urgentie en bij "
            "het zoeken naar een veilige plek voor moeder en baby.",
            themes=[HOUSING],
            query="wonen",
            **pregnancy,
        ),
        _action(
            "hulp-psyche",
            "refer",
            "Verwijs naar hulp bij stress en psychische klachten",
            "Bespreek met de zwangere wie haar kan helpen: de POH-GGZ van de huisarts, het "
            "wijkteam, of bij ernstige klachten de POP-poli van het ziekenhuis.",
            themes=[MENTAL],
            query="stress psychische klachten",
            **pregnancy,
        ),
        _action(
            "hulp-netwerk",
            "refer",
            "Zoek steun in de buurt",
            "Een vrijwilliger, een steungezin of een groep met andere zwangeren kan de zwangere "
            "helpen, ook na de bevalling.",
            themes=[NETWORK],
            **pregnancy,
        ),
        _action(
            "hulp-taal",
            "refer",
            "Verwijs naar hulp bij taal en gezondheidsinformatie",
            "Het Taalhuis en voorlichters in de eigen taal helpen de zwangere de zorg en de "
            "brieven te begrijpen. Gebruik bij gesprekken een tolk.",
            themes=[LANGUAGE],
            **pregnancy,
        ),
        _action(
            "hulp-jong",
            "refer",
            "Verwijs naar steun voor jonge zwangeren",
            "Jonge moeders krijgen extra steun, bijvoorbeeld van VoorZorg of een groep voor jonge "
            "ouders. Meld haar aan vóór week 28 van de zwangerschap.",
            themes=[PREGNANCY_CARE, PARENTING, NETWORK],
            target_groups=[TEENS],
            **pregnancy,
        ),
        _action(
            "hulp-verblijf",
            "refer",
            "Verwijs naar hulp bij verblijf en verzekering",
            "Ook zonder verblijfsvergunning of zorgverzekering heeft de zwangere recht op zorg. "
            "Deze organisaties helpen haar verder.",
            themes=[RESIDENCE],
        ),
        _action(
            "regulier",
            "regular_care",
            "Gewone zorg van verloskundige en JGZ",
            "U ziet nu geen extra problemen. De zwangere krijgt de gewone zorg van de "
            "verloskundige en het huisbezoek van de JGZ. Let bij volgende controles op nieuwe "
            "signalen.",
        ),
    ]
    return {
        "start": _ZAANSTAD_SIGNALS[0][0],
        "steps": steps,
        "tables": {"route": dmn_source("verwijzing-kwetsbare-zwangeren.dmn")},
    }


# --- Zuid-Limburg ----------------------------------------------------------------------------


def _regular(text: str) -> dict:
    return _action("regulier", "regular_care", "Geen extra hulp nodig", text)


def _debts_definition() -> dict:
    return {
        "start": "schulden",
        "steps": [
            _yes_no(
                "schulden",
                "Schulden",
                "Heeft de cliënt schulden of betalingsachterstanden?",
                "Bijvoorbeeld bij de huur, energie, zorgverzekering of telefoon.",
                "spoed",
            ),
            _yes_no(
                "spoed",
                "Spoed",
                "Is er nu een geldprobleem dat niet kan wachten?",
                "Bijvoorbeeld: geen geld voor eten, een brief van de deurwaarder, of energie die "
                "wordt afgesloten.",
                "overzicht",
            ),
            _yes_no(
                "overzicht",
                "Overzicht",
                "Houdt de cliënt zelf overzicht over post, rekeningen en geld?",
                "",
                "geldroute",
            ),
            {
                "id": "geldroute",
                "kind": "decision",
                "table": "geldroute",
                "decision": "Geldroute",
                "next": {
                    "spoed": "nood",
                    "schuldhulp": "schuldhulp",
                    "budgetcoach": "budgetcoach",
                    "regulier": "regulier",
                    "*": "regulier",
                },
            },
            _action(
                "nood",
                "refer",
                "Regel vandaag nog hulp bij geldnood",
                "Los eerst de nood op: de voedselbank en de schuldhulpverlening van de gemeente "
                "helpen snel. Daarna komt er een plan voor de schulden.",
                themes=[DEBTS],
                query="voedselbank schuldhulpverlening",
            ),
            _action(
                "schuldhulp",
                "refer",
                "Meld aan bij schuldhulpverlening",
                "De gemeente helpt gratis met een overzicht van de schulden en een oplossing. "
                "Zwangeren en gezinnen met een baby krijgen voorrang.",
                themes=[DEBTS],
                query="schuldhulpverlening schuldhulp",
            ),
            _action(
                "budgetcoach",
                "refer",
                "Verwijs naar een budgetcoach",
                "Een vrijwilliger helpt thuis met post, rekeningen en geld. Zo voorkomt de cliënt "
                "schulden.",
                themes=[DEBTS],
                query="budgetcoaching",
            ),
            _regular("Er zijn geen geldzorgen. Vraag er bij een volgend contact opnieuw naar."),
        ],
        "tables": {"geldroute": dmn_source("zuid-limburg-schulden.dmn")},
    }


def _housing_definition() -> dict:
    return {
        "start": "woonsituatie",
        "steps": [
            _choice(
                "woonsituatie",
                "Woonsituatie",
                "Waar woont de cliënt nu?",
                "",
                [
                    ("eigen", "In een eigen huis of huurhuis"),
                    ("dreigt", "Zij dreigt haar huis kwijt te raken, bijvoorbeeld door schulden"),
                    ("geen", "Zij heeft geen vaste woonplek, bijvoorbeeld slapen bij vrienden"),
                ],
                "geschikt",
            ),
            _yes_no(
                "geschikt",
                "Geschikt",
                "Is het huis veilig en groot genoeg voor een baby?",
                "Denk aan vocht en schimmel, te weinig ruimte of een onveilige trap. Heeft zij "
                "geen vaste woonplek? Kies dan nee.",
                "woonroute",
            ),
            {
                "id": "woonroute",
                "kind": "decision",
                "table": "woonroute",
                "decision": "Woonroute",
                "next": {
                    "dakloos": "dakloos",
                    "uitzetting": "uitzetting",
                    "woonloket": "woonloket",
                    "regulier": "regulier",
                    "*": "regulier",
                },
            },
            _action(
                "dakloos",
                "refer",
                "Zoek snel samen een veilige woonplek",
                "Zonder vaste woonplek is de zorg voor een baby moeilijk. Het wijkteam en het "
                "woonloket kijken samen met de cliënt naar opvang en urgentie.",
                themes=[HOUSING],
                query="woonurgentie wijkteam",
            ),
            _action(
                "uitzetting",
                "refer",
                "Voorkom dat de cliënt haar huis kwijtraakt",
                "Bij een huurachterstand is snelle hulp belangrijk. Het woonloket en de "
                "schuldhulpverlening helpen met een betalingsregeling.",
                themes=[HOUSING, DEBTS],
                query="huurachterstand schuldhulpverlening",
            ),
            _action(
                "woonloket",
                "refer",
                "Verwijs naar het woonloket",
                "Het woonloket kijkt of de cliënt urgentie kan krijgen voor een beter huis.",
                themes=[HOUSING],
                query="woonurgentie",
            ),
            _regular("De cliënt woont goed. Er is geen extra hulp nodig."),
        ],
        "tables": {"woonroute": dmn_source("zuid-limburg-wonen.dmn")},
    }


def _mental_definition() -> dict:
    return {
        "start": "acuut",
        "steps": [
            _yes_no(
                "acuut",
                "Acuut",
                "Denkt de cliënt aan zelfdoding, of bent u bang dat zij zichzelf of haar kind iets "
                "aandoet?",
                "Vraag het gewoon. Praten over zelfdoding maakt het risico niet groter.",
                {"true": "crisis", "false": "klachten"},
            ),
            _choice(
                "klachten",
                "Klachten",
                "Hoe erg zijn de psychische klachten?",
                "",
                [
                    ("geen", "Geen of bijna geen klachten"),
                    ("licht", "Licht: somber of gespannen, maar het dagelijks leven lukt"),
                    ("ernstig", "Ernstig: het dagelijks leven lukt niet goed meer"),
                ],
                "voorgeschiedenis",
            ),
            _yes_no(
                "voorgeschiedenis",
                "Voorgeschiedenis",
                "Gebruikt de cliënt medicijnen voor haar psyche, of had zij eerder een "
                "psychiatrische ziekte?",
                "Bijvoorbeeld een depressie, een psychose of een bipolaire stoornis.",
                "zwanger",
            ),
            _yes_no("zwanger", "Zwanger", "Is de cliënt nu zwanger?", "", "hulproute"),
            {
                "id": "hulproute",
                "kind": "decision",
                "table": "hulproute",
                "decision": "Hulproute",
                "next": {
                    "pop-poli": "pop-poli",
                    "huisarts": "huisarts",
                    "steun": "steun",
                    "regulier": "regulier",
                    "*": "regulier",
                },
            },
            _action(
                "crisis",
                "urgent",
                "Zorg vandaag nog voor hulp van de huisarts of de crisisdienst",
                "Laat de cliënt niet alleen als er direct gevaar is. Bel samen met haar de "
                "huisarts, of buiten kantoortijd de huisartsenpost. Die schakelt zo nodig de "
                "crisisdienst in.",
                themes=[MENTAL],
                query="huisarts",
            ),
            _action(
                "pop-poli",
                "refer",
                "Verwijs naar de POP-poli",
                "Bij de POP-poli werken gynaecoloog, psychiater en kinderarts samen. Een "
                "verwijzing van verloskundige, huisarts of gynaecoloog is nodig.",
                themes=[MENTAL],
                query="POP-poli",
            ),
            _action(
                "huisarts",
                "refer",
                "Verwijs naar de huisarts of de POH-GGZ",
                "De praktijkondersteuner GGZ van de huisarts heeft een paar gesprekken met de "
                "cliënt en kijkt of meer hulp nodig is.",
                themes=[MENTAL],
                query="praktijkondersteuner huisarts",
            ),
            _action(
                "steun",
                "refer",
                "Zoek steun dichtbij",
                "Bij lichte klachten helpt steun dichtbij: Stevig Ouderschap van de "
                "jeugdverpleegkundige, of het sociaal wijkteam.",
                themes=[MENTAL],
                query="Stevig Ouderschap wijkteam",
            ),
            _regular("Er zijn nu geen psychische klachten. Vraag er later opnieuw naar."),
        ],
        "tables": {"hulproute": dmn_source("zuid-limburg-psychische-klachten.dmn")},
    }


def _lifestyle_definition() -> dict:
    return {
        "start": "rookt",
        "steps": [
            _yes_no(
                "rookt",
                "Rookt",
                "Rookt de zwangere of jonge moeder?",
                "Ook een paar sigaretten per dag telt mee, en ook e-sigaretten.",
                "meeroken",
            ),
            _yes_no(
                "meeroken",
                "Meeroken",
                "Rookt de partner of iemand anders in huis?",
                "",
                "middelen",
            ),
            _yes_no(
                "middelen",
                "Middelen",
                "Drinkt de zwangere alcohol, of gebruikt zij drugs?",
                "In de zwangerschap is geen enkele hoeveelheid alcohol veilig.",
                "niveau",
            ),
            {
                "id": "niveau",
                "kind": "decision",
                "table": "leefstijl",
                "decision": "Leefstijlniveau",
                "next": {"3": "middelen-hulp", "2": "stoppen", "1": "rookvrij", "*": "regulier"},
            },
            _action(
                "middelen-hulp",
                "refer",
                "Verwijs naar hulp bij alcohol of drugs",
                "De verslavingszorg helpt zwangeren en ouders, ook eerst anoniem. Rookt zij ook? "
                "Bespreek dan ook stoppen met roken.",
                themes=[SUBSTANCE],
                query="verslavingszorg",
            ),
            _action(
                "stoppen",
                "refer",
                "Verwijs naar begeleiding bij stoppen met roken",
                "Een coach helpt met een stopplan en tips. Stoppen is in elke week van de "
                "zwangerschap goed voor moeder en kind.",
                themes=[LIFESTYLE],
                query="stoppen met roken",
            ),
            _action(
                "rookvrij",
                "refer",
                "Help het huis rookvrij te maken",
                "Geef advies over een rookvrij huis en auto. De partner kan zelf hulp krijgen om "
                "te stoppen.",
                themes=[LIFESTYLE],
                query="stoppen met roken",
            ),
            _regular("Er wordt niet gerookt of gedronken. Geef de gewone voorlichting."),
        ],
        "tables": {"leefstijl": dmn_source("zuid-limburg-roken-en-leefstijl.dmn")},
    }


def _violence_definition() -> dict:
    return {
        "start": "gevaar",
        "steps": [
            _yes_no(
                "gevaar",
                "Gevaar",
                "Is er nu direct gevaar voor de cliënt of haar kinderen?",
                "",
                {"true": "direct-gevaar", "false": "signalen"},
            ),
            _choice(
                "signalen",
                "Signalen",
                "Zijn er signalen van huiselijk geweld?",
                "Denk aan blauwe plekken, angst voor de partner, of een partner die alles "
                "controleert.",
                [
                    ("geen", "Nee, geen signalen"),
                    ("vermoeden", "Ik maak me zorgen, maar ik weet het niet zeker"),
                    ("zeker", "Ja: de cliënt vertelt erover, of ik zie het"),
                ],
                "veilig",
            ),
            _yes_no(
                "veilig",
                "Veilig",
                "Kan de cliënt veilig thuis blijven wonen?",
                "",
                "veiligheidsroute",
            ),
            {
                "id": "veiligheidsroute",
                "kind": "decision",
                "table": "veiligheid",
                "decision": "Veiligheidsroute",
                "next": {
                    "opvang": "opvang",
                    "melden": "melden",
                    "advies": "advies",
                    "regulier": "regulier",
                    "*": "regulier",
                },
            },
            _action(
                "direct-gevaar",
                "urgent",
                "Direct gevaar: bel de politie en daarna Veilig Thuis",
                "Bel bij direct gevaar de politie via het alarmnummer. Neem daarna contact op met "
                "Veilig Thuis. Veilig Thuis is dag en nacht bereikbaar.",
                themes=[VIOLENCE],
                query="Veilig Thuis",
            ),
            _action(
                "opvang",
                "urgent",
                "Zoek samen een veilige plek",
                "Thuis is het niet veilig. Veilig Thuis en de vrouwenopvang zoeken samen met de "
                "cliënt een veilige plek voor haar en haar kinderen.",
                themes=[VIOLENCE],
                query="vrouwenopvang Veilig Thuis",
            ),
            _action(
                "melden",
                "urgent",
                "Meld bij Veilig Thuis",
                "Volg de meldcode en meld bij Veilig Thuis. Vertel de cliënt dat u dit doet, "
                "behalve als dat haar in gevaar brengt.",
                themes=[VIOLENCE],
                query="Veilig Thuis",
            ),
            _action(
                "advies",
                "refer",
                "Vraag advies aan Veilig Thuis",
                "U twijfelt. Vraag advies aan Veilig Thuis (stap 2 van de meldcode); dat kan "
                "zonder de naam van de cliënt. Bespreek de zorgen ook met een collega.",
                themes=[VIOLENCE],
                query="Veilig Thuis",
            ),
            _regular("Er zijn geen signalen. Blijf alert bij volgende contacten."),
        ],
        "tables": {"veiligheid": dmn_source("zuid-limburg-huiselijk-geweld.dmn")},
    }


_ZUID_LIMBURG = "zuid-limburg"

# Every partner of Kansrijke Start Zuid-Limburg agreed to its zorgpaden.
ZUID_LIMBURG_PARTNERS = ("ggd-zl", "gemeente-heerlen", "zuyderland", "verloskunde-heerlen")

PATHWAYS: tuple[DemoPathway, ...] = (
    DemoPathway(
        slug="verwijzing-kwetsbare-zwangeren",
        title="Verwijzing Kwetsbare Zwangeren",
        description=(
            "Stroomschema voor verloskundigen, JGZ en wijkteams in Zaanstad. Signaleer "
            "problemen bij een zwangere, bespreek ze met haar, en kies de route: gewone zorg, "
            "passende hulp in de wijk, het Steunpunt Kwetsbare Zwangeren, of Veilig Thuis."
        ),
        theme=PREGNANCY_CARE,
        scope="zaanstad",
        definition=_zaanstad_definition(),
        approved_by=(
            "ggd-zw",
            "gemeente-zaanstad",
            "verloskunde-zaanstad",
            "zmc",
            "blijf-groep",
            "humanitas-zaanstreek",
        ),
    ),
    DemoPathway(
        slug="zuid-limburg-schulden",
        title="Zorgpad Schulden en geldzorgen",
        description=(
            "Welke hulp past bij geldzorgen of schulden van (aanstaande) ouders in Zuid-Limburg?"
        ),
        theme=DEBTS,
        scope=_ZUID_LIMBURG,
        definition=_debts_definition(),
        approved_by=ZUID_LIMBURG_PARTNERS,
    ),
    DemoPathway(
        slug="zuid-limburg-wonen",
        title="Zorgpad Wonen",
        description=(
            "Welke hulp past als (aanstaande) ouders in Zuid-Limburg geen goed of veilig huis "
            "hebben?"
        ),
        theme=HOUSING,
        scope=_ZUID_LIMBURG,
        definition=_housing_definition(),
        approved_by=ZUID_LIMBURG_PARTNERS,
    ),
    DemoPathway(
        slug="zuid-limburg-psychische-klachten",
        title="Zorgpad Psychische klachten",
        description=(
            "Welke hulp past bij somberheid, angst of stress tijdens de zwangerschap of na de "
            "geboorte?"
        ),
        theme=MENTAL,
        scope=_ZUID_LIMBURG,
        definition=_mental_definition(),
        approved_by=ZUID_LIMBURG_PARTNERS,
    ),
    DemoPathway(
        slug="zuid-limburg-roken-en-leefstijl",
        title="Zorgpad Roken en leefstijl",
        description="Roken, meeroken, alcohol en drugs tijdens de zwangerschap: welke hulp past?",
        theme=LIFESTYLE,
        scope=_ZUID_LIMBURG,
        definition=_lifestyle_definition(),
        approved_by=ZUID_LIMBURG_PARTNERS,
    ),
    DemoPathway(
        slug="zuid-limburg-huiselijk-geweld",
        title="Zorgpad Huiselijk geweld",
        description=(
            "De volgende stap bij signalen van huiselijk geweld, volgens de meldcode: advies "
            "vragen, melden, of een veilige plek zoeken."
        ),
        theme=VIOLENCE,
        scope=_ZUID_LIMBURG,
        definition=_violence_definition(),
        approved_by=ZUID_LIMBURG_PARTNERS,
    ),
)
