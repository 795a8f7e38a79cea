"""Reads of the sociale kaart: search, single services, lists and the details of search results.

The directory holds no client data: everything here is public, except that a confidential
location's address is shown only within the organisation that manages it
(directory.confidentiality).
"""

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import (
    Exists,
    Func,
    OuterRef,
    Q,
    QuerySet,
    UUIDField,
    prefetch_related_objects,
)
from django.utils.dates import WEEKDAYS
from django.utils.text import get_text_list
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

from kansrijk.directory import search
from kansrijk.directory.confidentiality import address_visible
from kansrijk.directory.constants import (
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    PHASE_TAXONOMY,
    TARGET_GROUP_TAXONOMY,
    THEME_TAXONOMY,
    ServiceStatus,
)
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES, taxonomy_id, term_id
from kansrijk.directory.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)
from kansrijk.regions import selectors as region_selectors


def service_search(
    *,
    query: str | None = "",
    municipality_code: str | None = None,
    neighbourhood_code: str | None = None,
    theme_codes: Iterable[str] | None = (),
    target_group_codes: Iterable[str] | None = (),
    phase_codes: Iterable[str] | None = (),
    language_code: str | None = None,
    free_of_charge: bool = False,
    self_referral: bool = False,
    taxonomy_term_ids: Iterable[uuid.UUID] | None = (),
    taxonomy_ids: Iterable[uuid.UUID] | None = (),
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    include_inactive: bool = False,
) -> QuerySet[Service]:
    """Active services matching the query and every given filter, best match first (then by
    name). Filters combine with AND; several codes within one filter with OR ("debts or
    housing"). An unknown code or area matches nothing. With a query, each service carries
    `search_rank` (higher is better)."""
    # No select_related: the join would run for every match before sorting; callers fetch
    # what they show for the page they show (service_cards does).
    services = Service.objects.all()
    if not include_inactive:
        services = services.filter(status=ServiceStatus.ACTIVE)
    if organization_id:
        services = services.filter(organization_id=organization_id)
    if municipality_code or neighbourhood_code:
        reaching = _services_reaching(
            municipality_code=municipality_code, neighbourhood_code=neighbourhood_code
        )
        if reaching is None:
            return services.none()
        services = services.filter(pk__in=reaching)
    # One municipality or organisation leaves a few hundred services at most: check the other
    # filters per service (indexed look-ups) rather than list every match in the country.
    narrow = bool(municipality_code or neighbourhood_code or organization_id)

    def having(related: QuerySet, column: str) -> Q | Exists:
        if narrow:
            return Exists(related.filter(**{column: OuterRef("pk")}))
        return Q(pk__in=related.values(column))

    def with_terms(ids: list) -> Q | Exists:
        if narrow:
            # Per service: look up its attributes by link_id. The term column is hidden from
            # SQLite's planner, which would otherwise read every attribute of a popular term.
            return Exists(
                Attribute.objects.annotate(term=_Unindexed("taxonomy_term_id")).filter(
                    link_id=OuterRef("pk"), term__in=ids
                )
            )
        return Q(pk__in=_services_with_terms(ids))

    for codes in (theme_codes, target_group_codes, phase_codes):
        codes = _clean(codes)
        if codes:
            services = services.filter(with_terms([term_id(c) for c in codes]))
    term_ids = _clean(taxonomy_term_ids)
    if term_ids:
        services = services.filter(with_terms(term_ids))
    taxonomies = _clean(taxonomy_ids)
    if taxonomies:
        terms = TaxonomyTerm.objects.filter(taxonomy_id__in=taxonomies)
        services = services.filter(with_terms(list(terms.values_list("pk", flat=True))))
    if language_code:
        services = services.filter(
            having(Language.objects.filter(code__iexact=language_code.strip()), "service_id")
        )
    if free_of_charge:
        services = services.exclude(having(CostOption.objects.filter(amount__gt=0), "service_id"))
    if self_referral:
        services = services.filter(self_referral=True)
    if modified_after:
        services = services.filter(last_modified__gte=modified_after)
    return search.services_matching(services, query=query or "", narrow=narrow)


class _Unindexed(Func):
    """A UUID column that SQLite's planner will not use an index for (unary +, a no-op on
    its value); the plain column elsewhere. Same rows either way, only the plan differs."""

    template = "%(expressions)s"
    output_field = UUIDField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


def _clean(values: Iterable[Any] | None) -> list[Any]:
    if isinstance(values, str | uuid.UUID):
        values = [values]  # one code given where several may be
    return [v for v in (values or ()) if v not in ("", None)]


def _services_with_terms(term_ids: Sequence[uuid.UUID]) -> QuerySet[Attribute]:
    return Attribute.objects.filter(link_entity="service", taxonomy_term_id__in=term_ids).values(
        "link_id"
    )


def _services_reaching(
    *, municipality_code: str | None, neighbourhood_code: str | None
) -> QuerySet | None:
    """Ids of the services that reach a municipality or neighbourhood; None for an unknown one.

    A service reaches places through its service areas; without any, through the
    municipalities of its locations (it then serves the whole municipality). A municipality
    reaches all its neighbourhoods, a district its own."""
    municipality = None
    if municipality_code:
        municipality = region_selectors.municipality_get(code=municipality_code.strip().upper())
        if municipality is None:
            return None
    if not neighbourhood_code:
        return _services_reaching_municipality(municipality)

    code = neighbourhood_code.strip().upper()
    if municipality is None:
        # BUggggwwbb lies in municipality GMgggg.
        municipality = region_selectors.municipality_get(code="GM" + code[2:6])
    hood = (
        region_selectors.neighbourhood_list(municipality=municipality).filter(code=code).first()
        if municipality is not None and code.startswith("BU")
        else None
    )
    if hood is None:
        return None
    area = Q(neighbourhood_id=hood.pk) | Q(
        neighbourhood__isnull=True, district__isnull=True, municipality_id=hood.municipality_id
    )
    if hood.district_id:
        area |= Q(neighbourhood__isnull=True, district_id=hood.district_id)
    return _services_in_area(area=area, municipality=municipality)


def _services_reaching_municipality(municipality) -> QuerySet:
    districts = region_selectors.district_list(municipality=municipality).values("pk")
    hoods = region_selectors.neighbourhood_list(municipality=municipality).values("pk")
    area = (
        Q(municipality_id=municipality.pk) | Q(district__in=districts) | Q(neighbourhood__in=hoods)
    )
    return _services_in_area(area=area, municipality=municipality)


def _services_in_area(*, area: Q, municipality) -> QuerySet:
    by_area = ServiceArea.objects.filter(area).values("service_id")
    # Without service areas a service serves the municipalities of its locations (whole).
    by_location = (
        ServiceAtLocation.objects.filter(location__municipality_id=municipality.pk)
        .filter(~Exists(ServiceArea.objects.filter(service_id=OuterRef("service_id"))))
        .values("service_id")
    )
    return by_area.union(by_location)


def service_get(*, service_id: uuid.UUID | str) -> Service | None:
    """One service of any status, or None (also for a malformed id)."""
    try:
        service_id = uuid.UUID(str(service_id))
    except ValueError:
        return None
    return Service.objects.select_related("organization", "program").filter(pk=service_id).first()


def organization_list() -> QuerySet[Organization]:
    return Organization.objects.order_by("name", "pk")


def service_list() -> QuerySet[Service]:
    """All services of any status, by name."""
    return Service.objects.select_related("organization").order_by("name", "pk")


SEARCH_PAGE_SIZE = 20
SEARCH_WINDOW = 1000  # up to this many matches, the page is cut from one list of ids


@dataclass
class SearchResults:
    page: Page
    cards: list["ServiceCard"]


def service_search_page(
    *,
    filters: dict[str, Any],
    page_number: str | int | None,
    organisation_id: int | None,
    per_page: int = SEARCH_PAGE_SIZE,
) -> SearchResults:
    """One page of service_search(**filters) with the details of each result. A page number
    that is not a number gives the first page, one past the end the last."""
    services = service_search(**filters)
    page = None
    if any(filters.get(k) for k in ("municipality_code", "neighbourhood_code")):
        # Within one area the matches are few: one query gives both the count and the page.
        ids = list(services.values_list("pk", flat=True)[:SEARCH_WINDOW])
        if len(ids) < SEARCH_WINDOW:
            page = Paginator(ids, per_page).get_page(page_number)
            found = Service.objects.in_bulk(page.object_list)
            page.object_list = [found[pk] for pk in page.object_list if pk in found]
    if page is None:
        page = Paginator(services, per_page).get_page(page_number)
    cards = service_cards(services=page.object_list, organisation_id=organisation_id)
    return SearchResults(page=page, cards=cards)


# --- search results ---------------------------------------------------------------------------


_DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def schedule_text(schedule: Schedule) -> str:
    """When, in words: "maandag tot en met vrijdag, 09:00 tot 12:00 uur, op afspraak"."""
    parts = []
    days = _days_text(schedule.byday)
    if days:
        parts.append(days)
    if schedule.interval and schedule.interval > 1 and schedule.freq == "WEEKLY":
        parts.append(
            ngettext("every %(n)s week", "every %(n)s weeks", schedule.interval)
            % {"n": schedule.interval}
        )
    if schedule.opens_at and schedule.closes_at:
        parts.append(
            _("%(opens)s to %(closes)s")
            % {
                "opens": schedule.opens_at.strftime("%H:%M"),
                "closes": schedule.closes_at.strftime("%H:%M"),
            }
        )
    elif schedule.opens_at:
        parts.append(_("from %(opens)s") % {"opens": schedule.opens_at.strftime("%H:%M")})
    if schedule.attending_type:
        parts.append(str(schedule.get_attending_type_display()).lower())
    for text in (schedule.description, schedule.notes):
        if text.strip():
            parts.append(text.strip())
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _days_text(byday: str) -> str:
    plain, monthly = [], []
    for token in (byday or "").upper().replace(" ", "").split(","):
        match = _BYDAY.match(token)
        if not match:
            continue
        number, day = match.groups()
        if number:
            monthly.append((int(number), _DAYS[day]))
        else:
            plain.append(_DAYS[day])
    plain = sorted(set(plain))
    texts = []
    if len(plain) >= 3 and plain == list(range(plain[0], plain[-1] + 1)):
        texts.append(
            _("%(first)s to %(last)s") % {"first": WEEKDAYS[plain[0]], "last": WEEKDAYS[plain[-1]]}
        )
    elif plain:
        texts.append(get_text_list([str(WEEKDAYS[d]) for d in plain], _("and")))
    for number, day in monthly:
        if number == -1:
            texts.append(_("last %(day)s of the month") % {"day": WEEKDAYS[day]})
        elif number > 0:
            texts.append(_("%(day)s %(n)s of the month") % {"day": WEEKDAYS[day], "n": number})
    return ", ".join(str(t) for t in texts)


@dataclass
class LocationCard:
    location: Location
    address: Address | None  # None when there is none or it may not be shown
    address_confidential: bool
    phones: list[Phone] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)

    @cached_property
    def schedule_lines(self) -> list[str]:
        return [t for t in map(schedule_text, self.schedules) if t]


@dataclass
class ServiceCard:
    """A search result with what a professional needs to refer: where, when, how to reach it."""

    service: Service
    themes: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    locations: list[LocationCard] = field(default_factory=list)
    schedules: list[Schedule] = field(default_factory=list)  # of the service itself
    phones: list[Phone] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    cost_options: list[CostOption] = field(default_factory=list)

    @cached_property
    def free_of_charge(self) -> bool:
        return not any(c.amount and c.amount > 0 for c in self.cost_options)

    @cached_property
    def schedule_lines(self) -> list[str]:
        return [t for t in map(schedule_text, self.schedules) if t]

    @cached_property
    def language_names(self) -> list[str]:
        names = [language_label(code=lang.code, name=lang.name) for lang in self.languages]
        return sorted(dict.fromkeys(n for n in names if n), key=str.casefold)


def service_cards(*, services: Sequence[Service], organisation_id: int | None) -> list[ServiceCard]:
    """The details of a page of search results, in a fixed number of queries. A confidential
    location's address is left out unless `organisation_id` manages it."""
    services = list(services)
    if not services:
        return []
    ids = [s.pk for s in services]
    prefetch_related_objects(services, "organization")
    at_locations = list(
        ServiceAtLocation.objects.filter(service_id__in=ids).select_related(
            "location__organization"
        )
    )
    sal_ids = [sal.pk for sal in at_locations]
    location_ids = {sal.location_id for sal in at_locations}

    addresses = defaultdict(list)
    for address in Address.objects.filter(location_id__in=location_ids).order_by("address_type"):
        addresses[address.location_id].append(address)
    phones = defaultdict(list)
    for phone in Phone.objects.filter(
        Q(service_id__in=ids) | Q(location_id__in=location_ids)
    ).order_by("number"):
        if phone.service_id:
            phones[phone.service_id].append(phone)
        elif phone.location_id:
            phones[phone.location_id].append(phone)
    schedules = defaultdict(list)
    for schedule in Schedule.objects.filter(
        Q(service_id__in=ids)
        | Q(service_at_location_id__in=sal_ids)
        | Q(location_id__in=location_ids)
    ).order_by("opens_at"):
        # A location's own opening hours count; another service's hours there do not.
        key = schedule.service_at_location_id or schedule.service_id or schedule.location_id
        schedules[key].append(schedule)

    labels: dict[tuple[uuid.UUID, str], list[str]] = defaultdict(list)
    # Only link_id in SQL: with link_entity too, SQLite picks the (link_entity, term) index and
    # reads every attribute.
    for link_id, link_entity, link_type, name in (
        Attribute.objects.filter(link_id__in=ids)
        .order_by("taxonomy_term__name")
        .values_list("link_id", "link_entity", "link_type", "taxonomy_term__name")
    ):
        if link_entity == "service":
            labels[(link_id, link_type)].append(name)
    languages = defaultdict(list)
    for language in Language.objects.filter(service_id__in=ids).order_by("name", "code"):
        languages[language.service_id].append(language)
    costs = defaultdict(list)
    for option in CostOption.objects.filter(service_id__in=ids).order_by("amount"):
        costs[option.service_id].append(option)

    by_service = defaultdict(list)
    for sal in at_locations:
        location = sal.location
        visible = address_visible(location=location, organisation_id=organisation_id)
        by_service[sal.service_id].append(
            LocationCard(
                location=location,
                address=next(iter(addresses[location.pk]), None) if visible else None,
                address_confidential=not visible,
                phones=phones[location.pk],
                schedules=schedules[sal.pk] + schedules[location.pk],
            )
        )
    return [
        ServiceCard(
            service=service,
            themes=labels[(service.pk, LINK_TYPE_THEME)],
            target_groups=labels[(service.pk, LINK_TYPE_ELIGIBILITY)],
            phases=labels[(service.pk, LINK_TYPE_PHASE)],
            locations=by_service[service.pk],
            schedules=schedules[service.pk],
            phones=phones[service.pk],
            languages=languages[service.pk],
            cost_options=costs[service.pk],
        )
        for service in services
    ]


LANGUAGES_CACHE_KEY = "directory:search-languages"
LANGUAGES_CACHE_SECONDS = 300


def language_label(*, code: str, name: str = "") -> str:
    """A language's name in the active language when Django knows it ("ar" -> "Arabisch"),
    else the name the directory gives, else the code."""
    try:
        return str(get_language_info(code.lower())["name_translated"])
    except KeyError:
        return name or code


def search_languages() -> list[tuple[str, str]]:
    """(code, name) of the languages services are offered in, for the search filter, by name.
    Cached for a few minutes: it reads every language row."""
    codes = cache.get(LANGUAGES_CACHE_KEY)
    if codes is None:
        seen: dict[str, str] = {}
        for code, name in (
            Language.objects.filter(service__isnull=False)
            .exclude(code="")
            .order_by()
            .values_list("code", "name")
            .distinct()
        ):
            code = code.strip().lower()
            if code and not seen.get(code):
                seen[code] = name
        codes = sorted(seen.items())
        cache.set(LANGUAGES_CACHE_KEY, codes, LANGUAGES_CACHE_SECONDS)
    labelled = [(code, language_label(code=code, name=name)) for code, name in codes]
    return sorted(labelled, key=lambda item: item[1].casefold())


@dataclass
class SearchOptions:
    """Choices for the search form's filters."""

    municipalities: list[tuple[str, str]]
    # Neighbourhoods of the chosen municipality, grouped by district name ("" for none).
    neighbourhoods: list[tuple[str, list[tuple[str, str]]]]
    themes: list[tuple[str, str]]
    target_groups: list[tuple[str, str]]
    phases: list[tuple[str, str]]
    languages: list[tuple[str, str]]


OPTIONS_CACHE_SECONDS = 300


def search_options(*, municipality_code: str | None) -> SearchOptions:
    """The filter choices; neighbourhoods only for the given municipality (there are 14,000).
    Cached for a few minutes: every search page shows them, and they seldom change."""
    municipalities = cache.get_or_set(
        "directory:search-municipalities",
        lambda: list(
            region_selectors.municipality_list().order_by("name").values_list("code", "name")
        ),
        OPTIONS_CACHE_SECONDS,
    )
    code = (municipality_code or "").strip().upper()
    neighbourhoods = (
        cache.get_or_set(
            f"directory:search-neighbourhoods:{code}",
            lambda: _neighbourhood_choices(code),
            OPTIONS_CACHE_SECONDS,
        )
        if code in dict(municipalities)
        else []
    )
    terms = cache.get_or_set("directory:search-terms", _term_choices, OPTIONS_CACHE_SECONDS)
    return SearchOptions(
        municipalities=municipalities,
        neighbourhoods=neighbourhoods,
        themes=terms[THEME_TAXONOMY],
        target_groups=terms[TARGET_GROUP_TAXONOMY],
        phases=terms[PHASE_TAXONOMY],
        languages=search_languages(),
    )


def _neighbourhood_choices(municipality_code: str) -> list[tuple[str, list[tuple[str, str]]]]:
    municipality = region_selectors.municipality_get(code=municipality_code)
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, name, district in (
        region_selectors.neighbourhood_list(municipality=municipality)
        .exclude(code=None)
        .order_by("district__name", "name")
        .values_list("code", "name", "district__name")
    ):
        groups.setdefault(district or "", []).append((code, name))
    return list(groups.items())


def _term_choices() -> dict[str, list[tuple[str, str]]]:
    """Per taxonomy its (code, name) in the taxonomy's own order (phases follow time), with
    the names as the database has them."""
    names = dict(
        TaxonomyTerm.objects.filter(
            taxonomy_id__in=[taxonomy_id(code) for code in TAXONOMIES]
        ).values_list("code", "name")
    )
    return {
        taxonomy_code: [(code, names[code]) for code, *_rest in shipped if code in names]
        for taxonomy_code, (_name, _description, shipped) in TAXONOMIES.items()
    }


def location_accessibility(*, location_ids: Iterable[Any]) -> dict[Any, list[Accessibility]]:
    """The accessibility rows of these locations, per location id (the parent site's cards)."""
    rows: dict[Any, list[Accessibility]] = {}
    for row in Accessibility.objects.filter(location_id__in=list(location_ids)).order_by(
        "description"
    ):
        rows.setdefault(row.location_id, []).append(row)
    return rows
