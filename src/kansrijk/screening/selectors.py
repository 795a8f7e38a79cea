"""Reads of the screening app: instruments, a coalition's cut-offs, the texts to show, and a
client's screenings, her risk profile and the support it proposes.

The client functions take a client the caller got through the clients app's access-checked
lookup (`client_get_for_user`); they check no access themselves, and the caller audits."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.directory import selectors as directory_selectors
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.pathways import selectors as pathway_selectors
from kansrijk.screening.constants import (
    ACCUMULATION_THEME,
    CUTOFF_EDITOR_ROLES,
    DOMAIN_PATHWAY_VARIABLES,
    PREGNANCY_DAYS,
    PROPOSAL_SERVICES_PER_THEME,
    SECOND_TRIMESTER_WEEK,
    THIRD_TRIMESTER_WEEK,
    URGENT_ACTIONS,
    Domain,
    Flag,
    Level,
    Phase,
)
from kansrijk.screening.i18n import current_language
from kansrijk.screening.instruments import (
    Cutoffs,
    Instrument,
    instrument_find,
    instrument_list,
    text_in,
)
from kansrijk.screening.models import InstrumentText, ScreeningCutoff, ScreeningResponse
from kansrijk.screening.scoring import Accumulation, ScreeningResult, accumulation

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kansrijk.accounts.models import User
    from kansrijk.clients.models import Client
    from kansrijk.directory.selectors import ServiceCard
    from kansrijk.organisations.models import Coalition
    from kansrijk.pathways.models import Pathway, PathwayVersion

__all__ = [
    "Cutoffs",
    "Instrument",
    "InstrumentTexts",
    "ItemTexts",
    "PathwayProposal",
    "RiskProfile",
    "SupportProposals",
    "ThemeServices",
    "client_coalitions",
    "client_phase",
    "cutoff_list",
    "cutoff_may_edit",
    "cutoffs_for",
    "instrument_get",
    "instrument_list",
    "instrument_texts",
    "licensed_languages",
    "cutoff_source_label",
    "risk_profile",
    "screening_cutoffs_for_client",
    "screening_get",
    "screening_result",
    "screenings_for_client",
    "screenings_for_client_export",
    "support_proposals",
    "urgent_actions",
]


@dataclass(frozen=True)
class ItemTexts:
    number: int
    text: str
    options: list[str]  # in printed order: position 0 first
    domain: str


@dataclass(frozen=True)
class InstrumentTexts:
    """What to show for an instrument in one language. `licensed`: the texts are imported
    licensed texts; otherwise they are the shipped ones (neutral labels for the EPDS)."""

    code: str
    version: str
    language: str
    licensed: bool
    neutral: bool  # True: neutral labels stand in for texts that are not in Kansrijk
    name: str
    instructions: str
    licence: str
    validated: bool
    items: list[ItemTexts]


def instrument_get(code: str) -> Instrument | None:
    """The instrument with this code or alias, or None."""
    return instrument_find(code)


def _coalition_q(coalition_id: int | uuid.UUID | str) -> Q:
    if isinstance(coalition_id, int) and not isinstance(coalition_id, bool):
        return Q(coalition_id=coalition_id)
    try:
        return Q(coalition__uuid=uuid.UUID(str(coalition_id)))
    except ValueError:
        return Q(pk__in=[])


def cutoff_list(*, coalition_id: int | uuid.UUID | str | None = None) -> QuerySet[ScreeningCutoff]:
    cutoffs = ScreeningCutoff.objects.select_related("coalition", "set_by")
    if coalition_id is not None:
        cutoffs = cutoffs.filter(_coalition_q(coalition_id))
    return cutoffs


def cutoffs_for(
    coalition_id: int | uuid.UUID | str | None, code: str, *, phase: str = Phase.ANY
) -> Cutoffs | None:
    """The coalition's cut-offs for the instrument: those for `phase` when the coalition set
    them, else its cut-offs for every phase, else None (the instrument's own apply). Pass the
    result to `score(..., cutoffs=...)`."""
    instrument = instrument_find(code)
    if coalition_id is None or instrument is None:
        return None
    phases = [phase, Phase.ANY] if phase else [Phase.ANY]
    rows = {
        row.phase: row
        for row in cutoff_list(coalition_id=coalition_id).filter(
            instrument=instrument.code, phase__in=phases
        )
    }
    for wanted in phases:
        row = rows.get(wanted)
        if row is not None:
            source = f"coalition:{row.coalition.slug}" + (f":{row.phase}" if row.phase else "")
            return Cutoffs(elevated=row.elevated, high=row.high, source=source)
    return None


def cutoff_may_edit(user: User | AnonymousUser, *, coalition_id: int) -> bool:
    """Coordinators and administrators of a member organisation set a coalition's cut-offs."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return (
        user.organisation_id is not None
        and user.has_role(*CUTOFF_EDITOR_ROLES)
        and user.organisation.coalitions.filter(pk=coalition_id).exists()
    )


def licensed_languages(code: str) -> list[str]:
    """The languages in which licensed texts of the instrument were imported."""
    instrument = instrument_find(code)
    if instrument is None:
        return []
    return list(
        InstrumentText.objects.filter(instrument=instrument.code)
        .order_by("language")
        .values_list("language", flat=True)
        .distinct()
    )


def instrument_texts(code: str, language: str | None = None) -> InstrumentTexts:
    """The texts to show: the licensed texts imported for `language` (default: the active
    language), else the shipped texts in that language (for the EPDS: neutral labels such as
    "EPDS vraag 1" and "Antwoord 1"). Raises LookupError for an unknown instrument."""
    instrument = instrument_find(code)
    if instrument is None:
        raise LookupError(code)
    language = (language or current_language()).lower()
    imported = {
        row.item: row
        for row in InstrumentText.objects.filter(instrument=instrument.code, language=language)
    }
    licensed = len(imported) == instrument.item_count
    items = []
    for item in instrument.items:
        row = imported.get(item.number) if licensed else None
        items.append(
            ItemTexts(
                number=item.number,
                text=row.text if row else text_in(item.label, language),
                options=(
                    list(row.options)
                    if row
                    else [text_in(option, language) for option in item.options]
                ),
                domain=item.domain,
            )
        )
    instructions = instrument.instructions
    if licensed and instrument.instructions_licensed:
        instructions = instrument.instructions_licensed
    return InstrumentTexts(
        code=instrument.code,
        version=instrument.version,
        language=language,
        licensed=licensed,
        neutral=not licensed and not instrument.texts_shipped,
        name=instrument.name_in(language),
        instructions=text_in(instructions, language) if instructions else "",
        licence=text_in(instrument.licence, language) if instrument.licence else "",
        validated=instrument.validated,
        items=items,
    )


# --- a client's screenings ---------------------------------------------------------------


def client_phase(*, client: Client, today: datetime.date | None = None) -> str:
    """Where she is now, for phase-specific cut-offs: a trimester while her due date lies
    ahead, after the birth once the child is born (or the due date has passed), else every
    phase (Phase.ANY)."""
    today = today or timezone.localdate()
    if client.due_date and client.due_date > today:
        weeks = (PREGNANCY_DAYS - (client.due_date - today).days) // 7
        if weeks < SECOND_TRIMESTER_WEEK:
            return Phase.FIRST_TRIMESTER.value
        if weeks < THIRD_TRIMESTER_WEEK:
            return Phase.SECOND_TRIMESTER.value
        return Phase.THIRD_TRIMESTER.value
    if client.child_birth_date or client.due_date:
        return Phase.POSTPARTUM.value
    return Phase.ANY.value


def client_coalitions(*, client: Client) -> list[Coalition]:
    """The coalitions covering her municipality: first those her care team is a member of,
    then by name."""
    coalitions = list(
        organisation_selectors.coalition_list()
        .filter(municipalities=client.municipality_id)
        .distinct()
        .order_by("name", "pk")
    )
    own = set(
        organisation_selectors.coalition_list()
        .filter(members=client.organisation_id)
        .values_list("pk", flat=True)
    )
    return sorted(coalitions, key=lambda coalition: coalition.pk not in own)


def screening_cutoffs_for_client(
    *, client: Client, instrument: str, phase: str | None = None
) -> Cutoffs | None:
    """The cut-offs of the first coalition covering her municipality that set them for the
    instrument (for `phase`, default her phase now; else for every phase), or None: then the
    instrument's own apply."""
    phase = client_phase(client=client) if phase is None else phase
    for coalition in client_coalitions(client=client):
        found = cutoffs_for(coalition.pk, instrument, phase=phase)
        if found is not None:
            return found
    return None


def cutoff_source_label(source: str) -> str:
    """Where cut-offs came from, for people: "Kansrijke Start Zaanstad (First trimester)"."""
    kind, _sep, rest = (source or "").partition(":")
    if kind != "coalition" or not rest:
        return _("the questionnaire's own cut-offs")
    slug, _sep, phase = rest.partition(":")
    coalition = organisation_selectors.coalition_get(slug=slug)
    name = coalition.name if coalition is not None else slug
    if phase in Phase.values and phase:
        return f"{name} ({Phase(phase).label})"
    return name


def screenings_for_client(client: Client) -> QuerySet[ScreeningResponse]:
    """Her screenings, newest first. Check access to her first and audit the read."""
    return ScreeningResponse.objects.filter(client=client).select_related(
        "screened_by_organisation"
    )


def screening_get(*, client: Client, uuid: Any) -> ScreeningResponse | None:
    """One of her screenings by public id, or None (also for a malformed id)."""
    screening_uuid = _as_uuid(uuid)
    if screening_uuid is None:
        return None
    return screenings_for_client(client).filter(uuid=screening_uuid).first()


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def screening_result(response: ScreeningResponse) -> ScreeningResult:
    """The stored result as `score` gave it (for `accumulation` and the result partial)."""
    instrument = instrument_find(response.instrument)
    return ScreeningResult(
        code=response.instrument,
        version=response.instrument_version,
        total=response.total,
        max_total=response.max_total,
        level=response.level,
        flags=list(response.flags),
        domains=list(response.domains),
        urgent=response.urgent,
        validated=instrument.validated if instrument is not None else True,
        answers={int(number): position for number, position in response.answers.items()},
        cutoffs=Cutoffs(
            elevated=response.cutoff_elevated,
            high=response.cutoff_high,
            source=response.cutoff_source,
        ),
    )


@dataclass(frozen=True)
class RiskProfile:
    """Her newest result per instrument, combined: the domains signalled, whether problems
    accumulate (stapeling), whether something is urgent, and the themes to find help for."""

    latest: list[ScreeningResponse]  # newest per instrument, in the instruments' order
    accumulation: Accumulation

    @property
    def empty(self) -> bool:
        return not self.latest

    @property
    def domains(self) -> list[str]:
        return self.accumulation.domains

    @property
    def accumulates(self) -> bool:
        return self.accumulation.accumulates

    @property
    def urgent(self) -> bool:
        return self.accumulation.urgent

    @property
    def themes(self) -> list[str]:
        return self.accumulation.themes

    @property
    def flags(self) -> list[str]:
        return self.accumulation.flags

    @property
    def domain_labels(self) -> list[str]:
        return [str(Domain(domain).label) for domain in self.domains]

    @property
    def urgent_actions(self) -> list[dict[str, str]]:
        return urgent_actions(self.flags)


def urgent_actions(flags: list[str]) -> list[dict[str, str]]:
    """For each flag that asks for action today: its label and what to do now."""
    return [
        {"flag": flag, "label": str(Flag(flag).label), "action": str(URGENT_ACTIONS[flag])}
        for flag in flags
        if flag in URGENT_ACTIONS
    ]


def risk_profile(client: Client) -> RiskProfile:
    """Her risk profile from the newest result of each instrument."""
    newest: dict[str, ScreeningResponse] = {}
    for response in screenings_for_client(client):
        newest.setdefault(response.instrument, response)
    order = {instrument.code: n for n, instrument in enumerate(instrument_list())}
    latest = sorted(newest.values(), key=lambda r: (order.get(r.instrument, len(order)), r.pk))
    return RiskProfile(
        latest=latest, accumulation=accumulation(screening_result(r) for r in latest)
    )


@dataclass(frozen=True)
class PathwayProposal:
    pathway: Pathway
    version: PathwayVersion
    theme: str
    theme_name: str
    because_accumulation: bool  # proposed because problems accumulate, not for its theme
    # The pathway's yes/no questions her screening already answered "yes" ("Schulden": "true").
    answers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ThemeServices:
    theme: str
    name: str
    cards: list[ServiceCard]


@dataclass(frozen=True)
class SupportProposals:
    """What her risk profile proposes; nothing is sent: the professional and she choose."""

    profile: RiskProfile
    pathways: list[PathwayProposal]
    services: list[ThemeServices]

    @property
    def empty(self) -> bool:
        return not self.pathways and not any(group.cards for group in self.services)


def _pathway_answers(definition: Any, found: dict[str, bool]) -> dict[str, str]:
    answers = {}
    for step in (definition or {}).get("steps", []) if isinstance(definition, dict) else []:
        variable = step.get("variable")
        if (
            step.get("kind") == "question"
            and step.get("answer_type") == "boolean"
            and found.get(variable)
        ):
            answers[variable] = "true"
    return answers


def support_proposals(
    client: Client,
    *,
    organisation_id: int | None = None,
    profile: RiskProfile | None = None,
    services_per_theme: int = PROPOSAL_SERVICES_PER_THEME,
) -> SupportProposals:
    """For her risk profile's themes: the approved pathways for her municipality on those
    themes (and the pregnancy-and-birth-care pathway when problems accumulate), and per theme
    the services of the sociale kaart that reach her municipality and neighbourhood, as cards
    (`organisation_id`: the viewer's, for confidential addresses). Proposals only."""
    profile = profile if profile is not None else risk_profile(client)
    themes = profile.themes
    if not themes and not profile.accumulates:
        return SupportProposals(profile=profile, pathways=[], services=[])
    names = dict(pathway_selectors.theme_choices())
    found = {
        variable: True
        for domain, variable in DOMAIN_PATHWAY_VARIABLES.items()
        if domain in profile.domains
    }
    municipality_code = client.municipality.code
    pathways = []
    for version in pathway_selectors.pathways_for_municipality(code=municipality_code):
        theme = version.pathway.theme
        by_accumulation = profile.accumulates and theme == ACCUMULATION_THEME
        if theme not in themes and not by_accumulation:
            continue
        pathways.append(
            PathwayProposal(
                pathway=version.pathway,
                version=version,
                theme=theme,
                theme_name=names.get(theme, theme),
                because_accumulation=theme not in themes,
                answers=_pathway_answers(version.definition, found),
            )
        )
    pathways.sort(key=lambda proposal: not proposal.because_accumulation)
    neighbourhood_code = client.neighbourhood.code if client.neighbourhood_id else None
    services = []
    for theme in themes:
        found_services = directory_selectors.service_search(
            municipality_code=municipality_code,
            neighbourhood_code=neighbourhood_code or None,
            theme_codes=[theme],
        )
        cards = directory_selectors.service_cards(
            services=list(found_services[:services_per_theme]), organisation_id=organisation_id
        )
        services.append(ThemeServices(theme=theme, name=names.get(theme, theme), cards=cards))
    return SupportProposals(profile=profile, pathways=pathways, services=services)


def screenings_for_client_export(client_id: int) -> list[dict[str, Any]]:
    """Her screenings for her right of access (clients.services.client_export): what was
    asked, her answers, the result and who (which organisation) screened her; not which person."""
    responses = (
        ScreeningResponse.objects.filter(client_id=client_id)
        .select_related("screened_by_organisation")
        .order_by("screened_at", "pk")
    )
    exported = []
    for response in responses:
        instrument = instrument_find(response.instrument)
        exported.append(
            {
                "id": str(response.uuid),
                "instrument": response.instrument,
                "instrument_name": instrument.name_in(None) if instrument else response.instrument,
                "instrument_version": response.instrument_version,
                "validated": instrument.validated if instrument else True,
                "screened_at": response.screened_at.isoformat(),
                "organisation": (
                    response.screened_by_organisation.name
                    if response.screened_by_organisation
                    else ""
                ),
                "answers": dict(response.answers),
                "total": response.total,
                "max_total": response.max_total,
                "level": response.level,
                "flags": list(response.flags),
                "domains": list(response.domains),
                "urgent": response.urgent,
                "cutoffs": {
                    "elevated": response.cutoff_elevated,
                    "high": response.cutoff_high,
                    "source": response.cutoff_source,
                },
                "phase": response.phase,
                "language": response.language,
            }
        )
    return exported


# What counts as one screening for monitoring: the first one and those in the weeks after it.
MONITORING_EPISODE_DAYS = 30


def monitoring_screening_facts() -> Iterator[dict[str, Any]]:
    """One monitoring fact per screened client (kansrijk.indicators): the date of her first
    screening, and whether it or one in the month after was raised and showed problems in
    two or more domains (stapeling). Dates, area and yes/no only."""
    from kansrijk.indicators.extract import target_group

    rows = ScreeningResponse.objects.order_by("client_id", "screened_at").values_list(
        "client_id",
        "uuid",
        "screened_at",
        "level",
        "domains",
        "screened_by_organisation_id",
        "client__municipality_id",
        "client__neighbourhood_id",
        "client__year_of_birth",
        "client__language",
    )
    current: dict[str, Any] | None = None
    current_client = None
    domains: set[str] = set()
    for client_id, uuid_, at, level, found, organisation, muni, hood, born, language in rows:
        day = timezone.localdate(at)
        if client_id != current_client:
            if current is not None:
                current["accumulated"] = len(domains) >= 2
                yield current
            current_client, domains = client_id, set()
            current = {
                "source_uuid": uuid_,
                "municipality_id": muni,
                "neighbourhood_id": hood,
                "target_group": target_group(
                    year_of_birth=born, on_year=day.year, language=language
                ),
                "organisation_id": organisation,
                "screened_on": day,
                "elevated": False,
            }
        if (day - current["screened_on"]).days > MONITORING_EPISODE_DAYS:
            continue
        current["elevated"] |= level in (Level.ELEVATED, Level.HIGH)
        domains.update(found or [])
    if current is not None:
        current["accumulated"] = len(domains) >= 2
        yield current
