"""The compact shapes the demo data is written in; demo.hsds turns them into HSDS 3.0 objects."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A demo municipality: how its services are named and where their (invented) addresses are."""

    code: str  # CBS municipality code
    name: str  # as people say it ("Beek", not CBS's "Beek (L.)")
    city: str  # the main town, for addresses
    province: str
    postcode: str  # the four digits of a postcode in the main town
    area_code: str  # telephone area code, e.g. "075"
    streets: tuple[str, ...]


@dataclass(frozen=True)
class Partner:
    """A partner organisation whose staff log in (kansrijk.organisations.Organisation)."""

    key: str
    name: str
    domain: str  # organisations.constants.Domain
    municipality: str  # CBS code of its municipality of establishment


@dataclass(frozen=True)
class Coalition:
    slug: str
    name: str
    municipalities: tuple[str, ...]
    members: tuple[str, ...]  # Partner keys


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    roles: tuple[str, ...]  # accounts.constants.Role values
    partner: str | None  # Partner key
    coalition: str | None  # for the printed overview only
    job: str  # shown in the printed overview (English msgid)
    printed: bool = True  # listed in the printed overview of log-ins


@dataclass(frozen=True)
class DirectoryOrganization:
    key: str
    name: str
    description: str
    email: str = ""
    website: str = ""
    managed_by: str | None = None  # Partner key whose directory editors may edit it


@dataclass(frozen=True)
class LocationSpec:
    key: str
    name: str
    municipality: str  # CBS code
    street: str
    postcode: str
    city: str
    province: str
    description: str = ""
    transportation: str = ""
    accessibility: str = ""
    is_confidential: bool = False
    phone: str = ""


@dataclass(frozen=True)
class ServiceSpec:
    key: str
    name: str
    organization: str  # DirectoryOrganization key
    description: str
    themes: tuple[str, ...]
    areas: tuple[str, ...]  # CBS codes: GM (municipality) or WK (district)
    target_groups: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("nl",)
    locations: tuple[LocationSpec, ...] = ()
    phone: str = ""
    email: str = ""
    url: str = ""
    schedule: str = "office"  # key of demo.hsds.SCHEDULES
    cost: str = "free"  # key of demo.hsds.COSTS
    self_referral: bool = True
    capacity: str = "open"  # directory.constants.CapacityStatus
    wait_weeks: int | None = None
    application_process: str = ""
    eligibility_description: str = ""
    interpretation_services: str = ""
    program: str | None = None  # key of demo.data.programs.PROGRAMS
    minimum_age: int | None = None
    maximum_age: int | None = None
    verified_days_ago: int = 30
