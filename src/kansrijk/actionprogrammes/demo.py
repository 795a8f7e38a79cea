"""A demo action programme, in the shape of a real Kansrijke Start programme (Heerlen's has
4 action lines and 20 activities): four action lines of five activities each, with statuses
spread (done, running, delayed, planned, one stopped), owners taken in turn from the partner
organisations, dates around today, linked indicators, 8 targets and two PDCA reviews. The
content is in Dutch, the demo's language; it names no people. Loading twice adds nothing: a
coalition that has a programme keeps it."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction

from kansrijk.actionprogrammes import selectors, services
from kansrijk.actionprogrammes.constants import ActivityStatus, PdcaPhase
from kansrijk.actionprogrammes.models import ActionProgramme
from kansrijk.indicators import selectors as indicator_selectors

if TYPE_CHECKING:
    from kansrijk.organisations.models import Coalition, Organisation

S = ActivityStatus
P = PdcaPhase


@dataclass(frozen=True)
class DemoActivity:
    title: str
    description: str
    status: str
    phase: str
    start_days: int  # from today
    end_days: int
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoLine:
    title: str
    goal: str
    activities: tuple[DemoActivity, ...]


LINES: tuple[DemoLine, ...] = (
    DemoLine(
        "Vroegsignalering en screening",
        "Zwangeren en ouders met een verhoogd risico zijn vroeg in beeld, in de hele gemeente.",
        (
            DemoActivity(
                "Screeningsinstrument invoeren bij alle verloskundigenpraktijken",
                "Alle praktijken gebruiken dezelfde vragenlijst bij de eerste controle.",
                S.DONE,
                P.ACT,
                -700,
                -400,
                ("screened",),
            ),
            DemoActivity(
                "Scholing signaleren van stress en geldzorgen",
                "Verloskundigen en jeugdverpleegkundigen oefenen het gesprek over stress, "
                "schulden en veiligheid.",
                S.DONE,
                P.CHECK,
                -600,
                -300,
                ("elevated-risk",),
            ),
            DemoActivity(
                "Screening bij het eerste contact met de jeugdgezondheidszorg",
                "Na de geboorte kijkt de JGZ met dezelfde vragen of er zorgen zijn.",
                S.RUNNING,
                P.DO,
                -300,
                120,
                ("screened", "accumulated"),
            ),
            DemoActivity(
                "Prenataal huisbezoek bij verhoogd risico",
                "Een jeugdverpleegkundige komt al tijdens de zwangerschap op huisbezoek.",
                S.DELAYED,
                P.CHECK,
                -250,
                -30,
                ("elevated-risk", "accumulated"),
            ),
            DemoActivity(
                "Huisartsen vragen naar zorgen in het eerste trimester",
                "Huisartsen bespreken de vragenlijst als een zwangere bij hen komt.",
                S.PLANNED,
                P.PLAN,
                60,
                400,
                ("screened",),
            ),
        ),
    ),
    DemoLine(
        "Verwijzen en samenwerken tussen medisch en sociaal domein",
        "Een verwijzing komt snel aan en de hulp start op tijd.",
        (
            DemoActivity(
                "Verwijsafspraken vastleggen in het zorgpad",
                "Wie verwijst naar wie, met welke toestemming en binnen welke termijn.",
                S.DONE,
                P.ACT,
                -700,
                -450,
                ("referrals",),
            ),
            DemoActivity(
                "Digitaal verwijzen voor alle partners",
                "Alle partners verwijzen via Kansrijk en antwoorden binnen 5 werkdagen.",
                S.RUNNING,
                P.DO,
                -400,
                200,
                ("referrals", "answered-in-time"),
            ),
            DemoActivity(
                "Vaste contactpersoon per wijkteam voor verloskundigen",
                "Verloskundigen weten wie ze in het wijkteam kunnen bellen.",
                S.DONE,
                P.CHECK,
                -500,
                -200,
                ("days-to-support",),
            ),
            DemoActivity(
                "Maandelijks casusoverleg medisch en sociaal",
                "Verloskundigen, JGZ en wijkteams bespreken samen gezinnen met zorgen "
                "(met toestemming).",
                S.RUNNING,
                P.CHECK,
                -450,
                500,
                ("closed-with-outcome",),
            ),
            DemoActivity(
                "Terugkoppeling aan de verwijzer na afloop van de hulp",
                "De verwijzer hoort of de hulp iets heeft opgeleverd.",
                S.DELAYED,
                P.DO,
                -200,
                -14,
                ("closed-with-outcome",),
            ),
        ),
    ),
    DemoLine(
        "Steun op maat en groepsaanbod",
        "Elke zwangere en elk gezin vindt steun die past, alleen of in een groep.",
        (
            DemoActivity(
                "Groepszorg voor zwangeren in twee wijken",
                "Zwangeren krijgen hun controles in een groep met lotgenoten.",
                S.RUNNING,
                P.DO,
                -365,
                365,
                ("group-participants", "group-completed"),
            ),
            DemoActivity(
                "Oudergroep voor gezinnen met een laag inkomen",
                "Een groep over opvoeden met weinig geld, samen met het sociaal domein.",
                S.PLANNED,
                P.PLAN,
                30,
                300,
                ("group-participants",),
            ),
            DemoActivity(
                "Inzet van ervaringsdeskundigen en vrijwilligers",
                "Vrijwilligers steunen gezinnen in de eerste 1000 dagen.",
                S.RUNNING,
                P.DO,
                -150,
                200,
                ("cases-discussed",),
            ),
            DemoActivity(
                "Budgetcoaching tijdens de zwangerschap",
                "Gestopt: te weinig aanmeldingen. De hulp bij geldzorgen loopt nu via het "
                "wijkteam.",
                S.STOPPED,
                P.CHECK,
                -500,
                -100,
            ),
            DemoActivity(
                "Overleg met alle betrokkenen bij stapeling van problemen",
                "Eén plan per gezin, met één vaste regisseur.",
                S.DONE,
                P.ACT,
                -600,
                -250,
                ("cases-discussed",),
            ),
        ),
    ),
    DemoLine(
        "Kennis, netwerk en monitoring",
        "Partners kennen elkaar, leren van elkaar en volgen samen de voortgang.",
        (
            DemoActivity(
                "Nulmeting van de geboorte-uitkomsten",
                "Cijfers over vroeggeboorte en laag geboortegewicht van het jaar voor de start.",
                S.DONE,
                P.ACT,
                -800,
                -500,
                ("preterm", "low-birth-weight"),
            ),
            DemoActivity(
                "Netwerkbijeenkomsten twee keer per jaar",
                "Alle partners komen samen om elkaar te leren kennen en ervaringen te delen.",
                S.RUNNING,
                P.DO,
                -700,
                600,
            ),
            DemoActivity(
                "Rookvrije start",
                "Zwangeren en hun partners krijgen hulp bij stoppen met roken.",
                S.RUNNING,
                P.DO,
                -300,
                250,
                ("smoking-in-pregnancy",),
            ),
            DemoActivity(
                "Dashboard voor de stuurgroep",
                "De stuurgroep volgt elk kwartaal de cijfers en de voortgang van de activiteiten.",
                S.DELAYED,
                P.DO,
                -120,
                -7,
                ("preterm", "low-birth-weight", "smoking-in-pregnancy"),
            ),
            DemoActivity(
                "Eindmeting en evaluatie",
                "De cijfers van het laatste jaar naast de nulmeting, en wat we daarvan leren.",
                S.PLANNED,
                P.PLAN,
                500,
                700,
                ("preterm", "low-birth-weight", "smoking-in-pregnancy"),
            ),
        ),
    ),
)

# (indicator code, action line number or None for the whole programme, value, year: "now" for
# this year, "end" for the programme's last year, note)
TARGETS: tuple[tuple[str, int | None, str, str, str], ...] = (
    ("screened", 1, "600", "now", "Alle zwangeren in de gemeente gescreend."),
    ("answered-in-time", 2, "90", "now", ""),
    ("days-to-support", 2, "10", "now", "Mediaan, in kalenderdagen."),
    ("closed-with-outcome", 2, "85", "end", ""),
    ("group-participants", 3, "120", "now", "Deelnemers per jaar, alle groepen samen."),
    ("group-completed", 3, "75", "end", ""),
    ("smoking-in-pregnancy", 4, "4", "end", "Lager dan in de nulmeting."),
    ("preterm", None, "6.5", "end", "Lager dan in de nulmeting."),
)

# (activity code, days before today, findings, adjustment, new phase)
REVIEWS: tuple[tuple[str, int, str, str, str], ...] = (
    (
        "1.4",
        40,
        "Te weinig jeugdverpleegkundigen om alle huisbezoeken op tijd te doen.",
        "Eerst huisbezoek bij een hoog risico; extra uren aangevraagd bij de gemeente.",
        P.DO,
    ),
    (
        "2.3",
        20,
        "Verloskundigen bellen vaker met het wijkteam; in één wijk duurt het nog lang tot de "
        "hulp start.",
        "Een tweede contactpersoon in die wijk en de afspraak in het zorgpad zetten.",
        P.ACT,
    ),
)


def _clamp(day: datetime.date, first: datetime.date, last: datetime.date) -> datetime.date:
    return min(max(day, first), last)


@transaction.atomic
def demo_programme_create(
    *,
    coalition: Coalition,
    organisations: dict[str, Organisation],
    today: datetime.date,
) -> ActionProgramme:
    """The coalition's demo action programme; the coalition's current programme if it has
    one. Owners are the given organisations that are members of the coalition, in turn (the
    coalition's members when none of them is)."""
    existing = selectors.programme_for_coalition(coalition=coalition)
    if existing is not None:
        return existing
    starts_on = datetime.date(today.year - 2, 1, 1)
    ends_on = datetime.date(today.year + 1, 12, 31)
    programme = services.programme_create(
        coalition=coalition,
        name=f"Actieprogramma Kansrijke Start {starts_on.year}-{ends_on.year}",
        starts_on=starts_on,
        ends_on=ends_on,
        baseline_start=datetime.date(starts_on.year - 1, 1, 1),
        baseline_end=datetime.date(starts_on.year - 1, 12, 31),
        description=(
            "Vier actielijnen met elk vijf activiteiten. De nulmeting is het jaar voor de "
            "start; elk later jaar vergelijken we daarmee."
        ),
    )
    members = set(coalition.members.values_list("pk", flat=True))
    owners = [o for o in organisations.values() if o.pk in members] or list(
        coalition.members.order_by("name")
    )
    next_owner = itertools.cycle(owners) if owners else itertools.repeat(None)
    indicators = {i.code: i for i in indicator_selectors.indicator_list()}
    activities = {}
    for number, spec in enumerate(LINES, start=1):
        line = services.line_create(
            programme=programme, number=number, title=spec.title, goal=spec.goal
        )
        for activity_number, item in enumerate(spec.activities, start=1):
            activity = services.activity_create(
                line=line,
                number=activity_number,
                title=item.title,
                description=item.description,
                owner_organisation=next(next_owner),
                status=item.status,
                pdca_phase=item.phase,
                starts_on=_clamp(today + datetime.timedelta(item.start_days), starts_on, ends_on),
                ends_on=_clamp(today + datetime.timedelta(item.end_days), starts_on, ends_on),
                indicators=[indicators[c] for c in item.indicators if c in indicators],
            )
            activities[activity.code] = activity
    lines = {line.number: line for line in selectors.lines(programme=programme)}
    for code, line_number, value, year, note in TARGETS:
        if code not in indicators:
            continue
        services.target_set(
            programme=programme,
            line=lines.get(line_number),
            indicator=indicators[code],
            year=today.year if year == "now" else ends_on.year,
            value=Decimal(value),
            note=note,
        )
    for code, days_ago, findings, adjustment, phase in REVIEWS:
        services.activity_review_add(
            activity=activities[code],
            by=None,
            reviewed_on=today - datetime.timedelta(days=days_ago),
            findings=findings,
            adjustment=adjustment,
            new_phase=phase,
        )
    return programme
