"""The demo sociale kaart as HSDS 3.0 service objects (full nested form), ready for the importer.

Every id is a UUID5 of a stable key, so loading the demo again updates the same records instead
of adding new ones. Kansrijk's extensions (docs/decisions/0002-hsds-extensions.md) are extra
properties, named as directory.hsds_io reads them: service capacity and self-referral, a
location's confidentiality and municipality_code, and a service area's CBS code in `extent`.
"""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from kansrijk.demo.data.directory import standard_organizations, standard_services
from kansrijk.demo.data.places import PLACES, ZAANSTAD_FOCUS_DISTRICTS
from kansrijk.demo.data.programs import PROGRAMS
from kansrijk.demo.data.special import SPECIAL_ORGANIZATIONS, special_services
from kansrijk.demo.data.specs import DirectoryOrganization, LocationSpec, ServiceSpec
from kansrijk.directory.constants import LINK_TYPE_ELIGIBILITY, LINK_TYPE_PHASE, LINK_TYPE_THEME
from kansrijk.directory.hsds_io import EXTENT_TYPE_CBS_CODE
from kansrijk.directory.kansrijke_start_taxonomy import term_id

NAMESPACE = uuid.UUID("0b6f9a52-6c1e-4d0a-9a43-7d3d8a1c2e01")

# The name HSDS `language` rows carry (in Dutch, the directory's language), by ISO 639-1 code.
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "pl": "Pools",
    "uk": "Oekraïens",
    "ti": "Tigrinya",
    "fa": "Perzisch",
    "fr": "Frans",
}

WORKDAYS = "MO,TU,WE,TH,FR"
EVERY_DAY = "MO,TU,WE,TH,FR,SA,SU"

# key -> list of (byday, opens, closes, description, attending type)
SCHEDULES: dict[str, list[tuple[str, str, str, str, str]]] = {
    "office": [
        (WORKDAYS, "09:00", "17:00", "Op werkdagen, bij voorkeur op afspraak.", "in_person")
    ],
    "appointment": [
        (WORKDAYS, "09:00", "17:00", "Bereikbaar op werkdagen; bezoek op afspraak.", "phone")
    ],
    "always": [
        (EVERY_DAY, "00:00", "23:59", "Dag en nacht bereikbaar, ook in het weekend.", "phone")
    ],
    "walk_in_monday": [("MO", "09:30", "12:00", "Inloopspreekuur, zonder afspraak.", "in_person")],
    "walk_in_tuesday": [("TU", "13:00", "16:00", "Inloopspreekuur, zonder afspraak.", "in_person")],
    "walk_in_wednesday": [("WE", "09:30", "12:00", "Inloop, zonder afspraak.", "in_person")],
    "walk_in_thursday": [
        ("TH", "13:30", "16:00", "Inloopspreekuur, zonder afspraak.", "in_person")
    ],
    "food_bank": [("FR", "13:00", "16:00", "Uitgifte van de pakketten.", "in_person")],
    "group_wednesday": [("WE", "10:00", "12:00", "Groepsbijeenkomst.", "in_person")],
    "group_friday": [("FR", "09:30", "11:30", "Elke vrijdagochtend.", "in_person")],
    "evening_thursday": [("TH", "19:30", "21:30", "Avondbijeenkomst.", "in_person")],
}

# key -> (option, amount or None, amount description)
COSTS: dict[str, tuple[str, float | None, str]] = {
    "free": ("Gratis", 0, "U betaalt niets."),
    "midwife": (
        "Vergoed uit de basisverzekering",
        None,
        "Verloskundige zorg valt onder de basisverzekering, zonder eigen risico.",
    ),
    "maternity": (
        "Eigen bijdrage",
        None,
        "Kraamzorg valt onder de basisverzekering; u betaalt een wettelijke eigen bijdrage per "
        "uur. Soms vergoedt de aanvullende verzekering die.",
    ),
    "smoking": (
        "Vergoed uit de basisverzekering",
        0,
        "Een stoppen-met-rokenprogramma valt onder de basisverzekering, zonder eigen risico.",
    ),
    "gp": ("Gratis", 0, "Gesprekken met de POH-GGZ gaan niet van uw eigen risico af."),
    "insured": (
        "Vergoed uit de basisverzekering",
        None,
        "Valt onder de basisverzekering; het eigen risico kan gelden.",
    ),
}


def demo_uuid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


@dataclass(frozen=True)
class DemoDirectory:
    organizations: tuple[DirectoryOrganization, ...]
    services: tuple[ServiceSpec, ...]

    def organization(self, key: str) -> DirectoryOrganization:
        return self._organizations[key]

    @property
    def _organizations(self) -> dict[str, DirectoryOrganization]:
        return {org.key: org for org in self.organizations}


def demo_directory() -> DemoDirectory:
    """All demo directory organisations and services, as specs."""
    organizations = standard_organizations() + list(SPECIAL_ORGANIZATIONS)
    names = {org.key: org.name for org in organizations}
    if len(names) != len(organizations):
        raise ValueError("two demo directory organisations share a key")
    services = standard_services(names) + special_services(names)
    keys = [spec.key for spec in services]
    if len(set(keys)) != len(keys):
        raise ValueError("two demo services share a key")
    return DemoDirectory(organizations=tuple(organizations), services=tuple(services))


def _area_name(code: str) -> str:
    if code in PLACES:
        return PLACES[code].name
    return ZAANSTAD_FOCUS_DISTRICTS.get(code, code)


def _organization(org: DirectoryOrganization) -> dict[str, Any]:
    data = {"id": demo_uuid(org.key), "name": org.name, "description": org.description}
    if org.email:
        data["email"] = org.email
    if org.website:
        data["website"] = org.website
    return data


def _location(loc: LocationSpec, organization_id: str) -> dict[str, Any]:
    location_id = demo_uuid(loc.key)
    data: dict[str, Any] = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": organization_id,
        "name": loc.name,
        "is_confidential": loc.is_confidential,
        "municipality_code": loc.municipality,
        "addresses": [
            {
                "id": demo_uuid(loc.key + ":address"),
                "location_id": location_id,
                "address_1": loc.street,
                "city": loc.city,
                "state_province": loc.province,
                "postal_code": loc.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ],
        "phones": [],
        "accessibility": [],
    }
    if loc.description:
        data["description"] = loc.description
    if loc.phone:
        data["phones"].append(
            {"id": demo_uuid(loc.key + ":phone"), "location_id": location_id, "number": loc.phone}
        )
    if loc.accessibility and not loc.is_confidential:
        data["accessibility"].append(
            {
                "id": demo_uuid(loc.key + ":accessibility"),
                "location_id": location_id,
                "description": loc.accessibility,
            }
        )
    return data


def _attributes(spec: ServiceSpec, service_id: str) -> list[dict[str, Any]]:
    attributes = []
    for link_type, codes in (
        (LINK_TYPE_THEME, spec.themes),
        (LINK_TYPE_ELIGIBILITY, spec.target_groups),
        (LINK_TYPE_PHASE, spec.phases),
    ):
        for code in codes:
            attributes.append(
                {
                    "id": demo_uuid(f"{spec.key}:attribute:{link_type}:{code}"),
                    "link_id": service_id,
                    "link_type": link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": str(term_id(code)),
                }
            )
    return attributes


def service_object(
    spec: ServiceSpec, directory: DemoDirectory, *, today: datetime.date | None = None
) -> dict[str, Any]:
    """One demo service as an HSDS 3.0 service object in its full nested form."""
    today = today or datetime.date.today()
    service_id = demo_uuid(spec.key)
    org = directory.organization(spec.organization)
    organization_id = demo_uuid(org.key)
    data: dict[str, Any] = {
        "id": service_id,
        "organization_id": organization_id,
        "name": spec.name,
        "description": spec.description,
        "status": "active",
        "assured_date": (today - datetime.timedelta(days=spec.verified_days_ago)).isoformat(),
        "assurer_email": org.email,
        "capacity_status": spec.capacity,
        "self_referral": spec.self_referral,
        "organization": _organization(org),
    }
    if spec.capacity != "open" and spec.wait_weeks is not None:
        data["capacity_wait_weeks"] = spec.wait_weeks
        data["wait_time"] = f"Ongeveer {spec.wait_weeks} weken"
    for name in ("email", "url", "application_process", "eligibility_description"):
        if getattr(spec, name):
            data[name] = getattr(spec, name)
    if spec.interpretation_services:
        data["interpretation_services"] = spec.interpretation_services
    if spec.minimum_age is not None:
        data["minimum_age"] = spec.minimum_age
    if spec.maximum_age is not None:
        data["maximum_age"] = spec.maximum_age
    if spec.program:
        program_name, program_description = PROGRAMS[spec.program]
        program_id = demo_uuid(f"program:{spec.program}:{org.key}")
        data["program_id"] = program_id
        data["program"] = {
            "id": program_id,
            "organization_id": organization_id,
            "name": program_name,
            "description": program_description,
        }

    option, amount, amount_description = COSTS[spec.cost]
    data["fees_description"] = amount_description
    cost: dict[str, Any] = {
        "id": demo_uuid(spec.key + ":cost"),
        "service_id": service_id,
        "option": option,
        "currency": "EUR",
        "amount_description": amount_description,
    }
    if amount is not None:
        cost["amount"] = amount
    data["cost_options"] = [cost]

    data["phones"] = []
    if spec.phone:
        data["phones"].append(
            {
                "id": demo_uuid(spec.key + ":phone"),
                "service_id": service_id,
                "number": spec.phone,
                "type": "voice",
            }
        )
    data["languages"] = [
        {
            "id": demo_uuid(f"{spec.key}:language:{code}"),
            "service_id": service_id,
            "name": LANGUAGE_NAMES[code],
            "code": code,
        }
        for code in spec.languages
    ]
    data["schedules"] = [
        {
            "id": demo_uuid(f"{spec.key}:schedule:{index}"),
            "service_id": service_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": byday,
            "opens_at": f"{opens}:00",
            "closes_at": f"{closes}:00",
            "description": description,
            "attending_type": attending,
        }
        for index, (byday, opens, closes, description, attending) in enumerate(
            SCHEDULES[spec.schedule]
        )
    ]
    data["service_areas"] = [
        {
            "id": demo_uuid(f"{spec.key}:area:{code}"),
            "service_id": service_id,
            "name": _area_name(code),
            "extent": code,
            "extent_type": EXTENT_TYPE_CBS_CODE,
        }
        for code in spec.areas
    ]
    data["service_at_locations"] = [
        {
            "id": demo_uuid(f"{spec.key}:at:{loc.key}"),
            "service_id": service_id,
            "location_id": demo_uuid(loc.key),
            "location": _location(loc, organization_id),
        }
        for loc in spec.locations
    ]
    data["attributes"] = _attributes(spec, service_id)
    return data


def demo_service_objects(*, today: datetime.date | None = None) -> list[dict[str, Any]]:
    directory = demo_directory()
    return [service_object(spec, directory, today=today) for spec in directory.services]
