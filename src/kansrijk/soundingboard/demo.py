"""Demo content for Gelderland-Midden: a sounding board of six parents ("Ouder A" to "Ouder F",
invented first names and contact details), three sessions and three advice requests: one
adopted, one partly adopted and one waiting for the coalition's answer (on the coordinator's
work list). Log in as `coordinator.gelderland`; the public page is
/klankbord/gelderland-midden/jullie-zeiden-wij-deden/.

- Ouder A to D gave consent; their first name and contact details are stored (encrypted).
- Ouder E withdrew her consent: her details were erased, her attendance stays.
- Ouder F gave no consent yet: she is reached through her JGZ nurse, nothing is stored.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.soundingboard import services
from kansrijk.soundingboard.constants import AdviceOutcome, ContactRoute, ExpenseKind
from kansrijk.soundingboard.models import SoundingBoard

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation

COALITION_SLUG = "gelderland-midden"
COORDINATOR = "coordinator.gelderland"
BOARD_NAME = "Klankbordgroep ouders Gelderland-Midden"

# pseudonym, route, languages, interpreter, childcare, (first name, phone, e-mail) or None
MEMBERS = [
    (
        "Ouder A",
        ContactRoute.TEXT,
        ["ar", "nl"],
        False,
        True,
        ("Demo Amina", "06 0000 0101", ""),
    ),
    ("Ouder B", ContactRoute.EMAIL, ["nl"], False, False, ("Demo Lotte", "", "lotte@example.nl")),
    ("Ouder C", ContactRoute.PHONE, ["tr", "nl"], False, True, ("Demo Elif", "06 0000 0103", "")),
    ("Ouder D", ContactRoute.PHONE, ["nl"], False, False, ("Demo Kees", "06 0000 0104", "")),
    ("Ouder E", ContactRoute.TEXT, ["uk"], True, True, ("Demo Olena", "06 0000 0105", "")),
    ("Ouder F", ContactRoute.VIA_PROFESSIONAL, ["ti"], True, False, None),
]

CONSENT_WORDS = (
    "Je mag mijn voornaam en telefoonnummer of e-mailadres bewaren om mij uit te nodigen voor "
    "de bijeenkomsten van de klankbordgroep en om mijn onkosten te betalen."
)

# days from today, place, theme, childcare, interpreter, pseudonyms who came
SESSIONS = [
    (
        -70,
        "CJG Arnhem, Velperweg",
        "Het consultatiebureau in je eigen taal",
        True,
        True,
        ["Ouder A", "Ouder B", "Ouder C", "Ouder E"],
    ),
    (
        -28,
        "Wijkcentrum Ede, Molenstraat",
        "Geldzorgen en een ouderavond",
        True,
        True,
        ["Ouder A", "Ouder B", "Ouder D", "Ouder F"],
    ),
    (21, "Bibliotheek Duiven", "Wat heb je nodig na de bevalling?", True, False, []),
]

ADVICE_REQUESTS = [
    {
        "title": "Het consultatiebureau in je eigen taal",
        "question": (
            "Veel ouders spreken weinig Nederlands. Wat helpt jullie om het consultatiebureau "
            "goed te begrijpen?"
        ),
        "asked": -100,
        "deadline": -72,
        "advice": (
            "Zorg voor een tolk bij het eerste gesprek, zonder dat ouders erom moeten vragen. "
            "Geef folders ook in het Arabisch, Turks en Oekraïens. Laat ouders een vertrouwd "
            "persoon meenemen."
        ),
        "advised": -70,
        "outcome": AdviceOutcome.ADOPTED,
        "answer": (
            "We doen alle drie. Vanaf nu plant de JGZ bij het eerste gesprek vanzelf een tolk "
            "als dat nodig is. De folders komen in vier talen. Een vertrouwd persoon mag altijd "
            "mee."
        ),
        "answered": -50,
        "action_line": "Actieprogramma 2026, actielijn 2.3: taal en tolken",
    },
    {
        "title": "Informatie over geldzorgen in de zwangerschap",
        "question": (
            "Wanneer en hoe willen jullie informatie krijgen over hulp bij geldzorgen als je "
            "zwanger bent?"
        ),
        "asked": -45,
        "deadline": -26,
        "advice": (
            "Vertel het bij de verloskundige, niet alleen op een website. Maak een kaartje met "
            "één telefoonnummer. En zorg dat je niet eerst lang op een wachtlijst staat."
        ),
        "advised": -28,
        "outcome": AdviceOutcome.PARTLY_ADOPTED,
        "answer": (
            "De verloskundigen vertellen het vanaf nu bij de intake, met een kaartje met één "
            "nummer. De wachttijd bij schuldhulp kunnen wij niet zelf korter maken; we hebben "
            "de gemeenten gevraagd hier iets aan te doen."
        ),
        "answered": -10,
        "action_line": "Actieprogramma 2026, actielijn 1.2: bestaanszekerheid",
    },
    {
        "title": "Een ouderavond over de eerste 1000 dagen",
        "question": "Zouden jullie naar een ouderavond komen? Wat moet daar dan zeker gebeuren?",
        "asked": -40,
        "deadline": -21,
        "advice": (
            "Ja, maar dan met kinderopvang erbij en niet te laat op de avond. Begin met "
            "verhalen van andere ouders, niet met een presentatie."
        ),
        "advised": -28,
    },
]

# pseudonym, session index, kind, amount, paid
EXPENSES = [
    ("Ouder A", 0, ExpenseKind.FEE, "20.00", True),
    ("Ouder A", 0, ExpenseKind.CHILDCARE, "15.00", True),
    ("Ouder B", 0, ExpenseKind.TRAVEL, "4.60", True),
    ("Ouder C", 0, ExpenseKind.FEE, "20.00", True),
    ("Ouder E", 0, ExpenseKind.FEE, "20.00", True),
    ("Ouder A", 1, ExpenseKind.FEE, "20.00", False),
    ("Ouder B", 1, ExpenseKind.TRAVEL, "7.80", False),
    ("Ouder D", 1, ExpenseKind.FEE, "20.00", False),
    ("Ouder F", 1, ExpenseKind.FEE, "20.00", True),
]


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    coalition = organisation_selectors.coalition_get(slug=COALITION_SLUG)
    coordinator = users.get(COORDINATOR)
    if coalition is None or coordinator is None:
        return
    if SoundingBoard.objects.filter(coalition=coalition).exists():
        return  # Loaded before: what changed while trying the demo stays.
    today = timezone.localdate()

    def day(offset: int) -> datetime.date:
        return today + datetime.timedelta(days=offset)

    board = services.board_create(
        coalition=coalition,
        name=BOARD_NAME,
        description=(
            "Ouders uit Arnhem, Ede en Duiven die de coalitie advies geven. Vier keer per jaar "
            "een bijeenkomst, met kinderopvang en zo nodig een tolk."
        ),
        created_by=coordinator,
    )
    members = {}
    for pseudonym, route, languages, interpreter, childcare, identity in MEMBERS:
        member = services.member_register(
            board=board,
            pseudonym=pseudonym,
            contact_route=route,
            languages=languages,
            interpreter_needed=interpreter,
            childcare_needed=childcare,
            joined_on=day(-120),
            registered_by=coordinator,
        )
        if identity is not None:
            first_name, phone, email = identity
            services.member_consent_record(
                member=member, given_on=day(-120), purpose=CONSENT_WORDS, recorded_by=coordinator
            )
            services.member_identity_set(
                member=member,
                set_by=coordinator,
                first_name=first_name,
                phone=phone,
                email=email,
                expected_version=0,
            )
        members[pseudonym] = member
    services.member_consent_withdraw(member=members["Ouder E"], withdrawn_by=coordinator)

    sessions = []
    for offset, place, theme, childcare, interpreter, came in SESSIONS:
        session = services.session_create(
            board=board,
            date=day(offset),
            place=place,
            theme=theme,
            childcare_arranged=childcare,
            interpreter_arranged=interpreter,
            created_by=coordinator,
        )
        if came:
            session = services.session_attendance_set(
                session=session,
                attended=[members[name] for name in came],
                recorded_by=coordinator,
            )
        sessions.append(session)

    for pseudonym, index, kind, amount, paid in EXPENSES:
        services.expense_record(
            member=members[pseudonym],
            session=sessions[index],
            kind=kind,
            amount=Decimal(amount),
            paid_on=day(SESSIONS[index][0] + 14) if paid else None,
            recorded_by=coordinator,
        )

    for spec in ADVICE_REQUESTS:
        request = services.advice_request_create(
            board=board,
            title=spec["title"],
            question=spec["question"],
            asked_on=day(spec["asked"]),
            deadline=day(spec["deadline"]),
            asked_by=coordinator,
        )
        request = services.advice_record(
            request=request,
            advice=spec["advice"],
            given_on=day(spec["advised"]),
            lock_version=request.lock_version,
            recorded_by=coordinator,
        )
        if "outcome" in spec:
            services.advice_answer(
                request=request,
                outcome=spec["outcome"],
                answer=spec["answer"],
                answered_on=day(spec["answered"]),
                action_line_reference=spec["action_line"],
                lock_version=request.lock_version,
                answered_by=coordinator,
            )
