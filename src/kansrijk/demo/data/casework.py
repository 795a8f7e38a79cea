"""The demo's casework in Zaanstad: clients of Verloskundigen Zaanstad, screened, with consent
for Gemeente Zaanstad (the sociale wijkteams), and referrals in each state of the loop.

Every client is made up and pseudonymous: an age instead of a date of birth, dates relative
to the day the demo is loaded, a CBS neighbourhood code, a language. Only clients the
wijkteam will contact have a (made-up) name and contact details; the phone numbers follow the
directory's invented pattern (area code, then 123 4...), the e-mail addresses use example.nl.
"""

from dataclasses import dataclass

from kansrijk.demo.data.places import ZAANSTAD
from kansrijk.referrals.constants import ReferralStatus as S

# Where the clients live.
MUNICIPALITY = ZAANSTAD
# Who registers, refers and receives: demo log-ins (coalitions.USERS).
MIDWIFE = "verloskundige.zaanstad"
SOCIAL_TEAM = "wijkteam.zaanstad"

# Demo directory services (demo.hsds.demo_uuid keys), both managed by Gemeente Zaanstad.
WIJKTEAM_POELENBURG = "service:special:wijkteam-poelenburg"
SOCIAL_TEAM_ZAANSTAD = "service:GM0479:sociaal-wijkteam"

# The overdue referral was made this many working days ago: past its 5-day answer time.
OVERDUE_WORKING_DAYS_AGO = 8

# The signal list (screening instrument "signal-list"): the items a case names are answered
# "Ja" (position 0), every other item "Nee" (position 1).
SIGNAL_LIST_ITEMS = 10
YES, NO = 0, 1
PSYCHOSOCIAL, TEENAGE, POVERTY, RESIDENCE, SUBSTANCES = 1, 2, 3, 4, 5
UNSAFE_HOME, HEALTH_LITERACY, LOW_LITERACY, DEPRIVED, NETWORK = 6, 7, 8, 9, 10


@dataclass(frozen=True)
class Step:
    """One step the social team takes on the referral, with the reason or outcome it needs."""

    status: str  # referrals.constants.ReferralStatus
    note: str = ""  # the reason (rejected) or the outcome (completed)


@dataclass(frozen=True)
class Identity:
    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Case:
    key: str  # for reading the data and the tests; not stored
    age: int  # year of birth = this year - age
    neighbourhood: str  # CBS buurt code in Zaanstad
    language: str  # ISO 639-1
    interpreter_needed: bool
    service: str  # where she is referred to (demo directory key)
    themes: tuple[str, ...]
    reason: str  # the question for the social team: no names
    steps: tuple[Step, ...]  # after "requested"
    # Her facts must hold on that day: a client with a child was registered after the birth.
    registered_days_ago: int
    due_in_days: int | None = None
    child_born_days_ago: int | None = None
    signals: tuple[int, ...] = ()  # signal list items answered "Ja"
    epds: tuple[int, ...] | None = None  # EPDS answer positions for items 1 to 10
    identity: Identity | None = None
    # Made OVERDUE_WORKING_DAYS_AGO working days ago and still not answered.
    overdue: bool = False


CASES: tuple[Case, ...] = (
    Case(
        "overdue",
        age=24,
        neighbourhood="BU04791213",  # Poelenburg Zuid
        language="ar",
        interpreter_needed=True,
        due_in_days=110,
        signals=(POVERTY, RESIDENCE, LOW_LITERACY, DEPRIVED),
        service=WIJKTEAM_POELENBURG,
        themes=("debts-and-money", "residence-status"),
        reason=(
            "Zwanger van het eerste kind. Veel stress over geld en over de verblijfsvergunning "
            "van haar partner; post blijft ongeopend liggen. Graag een vaste hulpverlener die "
            "samen met haar de post en de regelingen doorloopt. Een tolk Arabisch is nodig."
        ),
        steps=(),
        registered_days_ago=20,
        overdue=True,
    ),
    Case(
        "received",
        age=19,
        neighbourhood="BU04791212",  # Poelenburg Noord
        language="nl",
        interpreter_needed=False,
        due_in_days=150,
        signals=(TEENAGE, NETWORK, DEPRIVED),
        service=WIJKTEAM_POELENBURG,
        themes=("social-network-and-loneliness", "housing"),
        reason=(
            "Jonge zwangere, woont nog bij haar moeder in een kleine flat. Weinig mensen om "
            "zich heen. Vraag: meedenken over woonruimte en een steunnetwerk rond de geboorte."
        ),
        steps=(Step(S.RECEIVED),),
        registered_days_ago=3,
        identity=Identity("Demo Cliënt Twee", phone="075 123 4902"),
    ),
    Case(
        "accepted",
        age=31,
        neighbourhood="BU04791211",  # Vennenbuurt
        language="tr",
        interpreter_needed=False,
        due_in_days=75,
        signals=(PSYCHOSOCIAL, POVERTY),
        epds=(1, 1, 2, 1, 1, 2, 1, 2, 2, 3),  # total 11: elevated; item 10 "never"
        service=WIJKTEAM_POELENBURG,
        themes=("mental-health", "debts-and-money"),
        reason=(
            "Somber en gespannen in deze zwangerschap (EPDS verhoogd), mede door "
            "betalingsachterstanden. Graag hulp bij de schulden en een gesprek over steun "
            "thuis. De huisarts weet ervan."
        ),
        steps=(Step(S.RECEIVED), Step(S.ACCEPTED)),
        registered_days_ago=9,
        identity=Identity("Demo Cliënt Drie", phone="075 123 4903"),
    ),
    Case(
        "in-progress",
        age=28,
        neighbourhood="BU04791512",  # Kogerveld
        language="pl",
        interpreter_needed=True,
        child_born_days_ago=35,
        signals=(HEALTH_LITERACY, LOW_LITERACY, NETWORK),
        service=SOCIAL_TEAM_ZAANSTAD,
        themes=("language-and-literacy", "social-network-and-loneliness"),
        reason=(
            "Net bevallen van het tweede kind. Spreekt weinig Nederlands, vindt brieven van "
            "instanties moeilijk en heeft hier geen familie. Vraag: hulp bij regelingen "
            "(kinderbijslag, toeslagen) en contact met een taalcoach."
        ),
        steps=(
            Step(S.RECEIVED),
            Step(S.ACCEPTED),
            Step(S.IN_PROGRESS),
        ),
        registered_days_ago=30,  # after the birth
        identity=Identity(
            "Demo Cliënt Vier", phone="075 123 4904", email="demo.client.vier@example.nl"
        ),
    ),
    Case(
        "completed",
        age=34,
        neighbourhood="BU04791412",  # Rosmolenbuurt West
        language="nl",
        interpreter_needed=False,
        child_born_days_ago=120,
        signals=(POVERTY,),
        service=SOCIAL_TEAM_ZAANSTAD,
        themes=("debts-and-money",),
        reason=(
            "Huurachterstand van drie maanden sinds haar partner zijn werk kwijt is. Vraag: "
            "een betalingsregeling met de verhuurder en uitzoeken op welke toeslagen zij recht "
            "hebben."
        ),
        steps=(
            Step(S.RECEIVED),
            Step(S.ACCEPTED),
            Step(S.IN_PROGRESS),
            Step(
                S.COMPLETED,
                note=(
                    "Betalingsregeling met de verhuurder getroffen, huurtoeslag aangevraagd. "
                    "Het gezin redt het weer zelf; zij weet ons te vinden als het nodig is."
                ),
            ),
        ),
        registered_days_ago=90,
        identity=Identity("Demo Cliënt Vijf", phone="075 123 4905"),
    ),
    Case(
        "rejected",
        age=22,
        neighbourhood="BU04791311",  # Peldersveld West
        language="en",
        interpreter_needed=False,
        due_in_days=180,
        signals=(SUBSTANCES,),
        service=SOCIAL_TEAM_ZAANSTAD,
        themes=("substance-use",),
        reason=(
            "Rookt en drinkt af en toe in de zwangerschap en wil daarmee stoppen. Vraag: "
            "begeleiding bij stoppen."
        ),
        steps=(
            Step(S.RECEIVED),
            Step(
                S.REJECTED,
                note=(
                    "Dit past beter bij de verslavingszorg of het stoppen-met-roken-aanbod van "
                    "de GGD. Het wijkteam helpt graag als er daarnaast vragen zijn over geld, "
                    "wonen of opvoeden."
                ),
            ),
        ),
        registered_days_ago=6,
    ),
)
