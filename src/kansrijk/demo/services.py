"""Loading the demo: regions, the four seed coalitions, demo log-ins, the sociale kaart, the
zorgpaden and the casework in Zaanstad (clients, consent, screenings, referrals).

Everything is created only when missing (users, organisations, coalitions) or written under
fixed ids (the directory), so loading twice gives the same data, not twice as much.

The demo log-ins share one password and, where the role needs a second factor, have a TOTP key
derived from the username. Both are public: a demo database is never a real one.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts import services as account_services
from kansrijk.accounts.constants import ROLES_REQUIRING_2FA, Role
from kansrijk.actionprogrammes import demo as actionprogrammes_demo
from kansrijk.actions.tasks import schedule_daily_reminder as schedule_overdue_agreement_reminder
from kansrijk.agreements import demo as agreements_demo
from kansrijk.agreements.tasks import schedule_daily_reminder as schedule_evaluation_reminder
from kansrijk.casework import demo as casework_demo
from kansrijk.clients import selectors as client_selectors
from kansrijk.clients import services as client_services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.clients.tasks import schedule_daily_retention
from kansrijk.demo.data import casework
from kansrijk.demo.data.coalitions import COALITIONS, PARTNERS, SIGNATORIES, USERS
from kansrijk.demo.data.pathways import PATHWAYS
from kansrijk.demo.data.specs import DemoUser
from kansrijk.demo.hsds import demo_directory, demo_service_objects, demo_uuid
from kansrijk.directory import selectors as directory_selectors
from kansrijk.directory import services as directory_services
from kansrijk.directory.hsds_io import hsds_import_json_objects
from kansrijk.indicators import selectors as indicator_selectors
from kansrijk.indicators import services as indicator_services
from kansrijk.indicators.tasks import schedule_daily_refresh as schedule_monitoring_refresh
from kansrijk.network import demo as network_demo
from kansrijk.network.tasks import schedule_daily_reminder as schedule_meeting_reminders
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.organisations import services as organisation_services
from kansrijk.pathways import selectors as pathway_selectors
from kansrijk.pathways import services as pathway_services
from kansrijk.portal import demo as portal_demo
from kansrijk.programmes import demo as programmes_demo
from kansrijk.referrals import services as referral_services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.regions import selectors as region_selectors
from kansrijk.regions.services import municipalities_import, neighbourhoods_import
from kansrijk.screening import services as screening_services
from kansrijk.soundingboard import demo as soundingboard_demo
from kansrijk.trainings import demo as trainings_demo
from kansrijk.volunteers import demo as volunteers_demo
from kansrijk.volunteers.tasks import schedule_daily_reminder as schedule_check_in_reminder

DEMO_PASSWORD = "kansrijk-demo"
# Who the directory's change history names for the demo's writes.
DEMO_ACTOR = "demo"


@dataclass(frozen=True)
class DemoLoadResult:
    organisations: int
    coalitions: int
    users: int
    services: int
    pathways: int


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    name: str
    roles: tuple[str, ...]
    organisation: str
    coalition: str | None
    job: str  # English msgid
    totp_secret: str | None  # base32, for an authenticator app; None without a second factor


def demo_totp_key(username: str) -> str:
    """The fixed hex TOTP key of a demo user (20 bytes, as authenticator apps expect)."""
    return hashlib.sha1(f"kansrijk-demo-totp:{username}".encode()).hexdigest()


def demo_regions_load() -> None:
    """All municipalities, districts and neighbourhoods from ../shared/data (CBS)."""
    municipalities_import()
    neighbourhoods_import()


def _partners_ensure() -> dict:
    existing = {o.name: o for o in organisation_selectors.organisation_list()}
    partners = {}
    for partner in PARTNERS:
        organisation = existing.get(partner.name)
        if organisation is None:
            organisation = organisation_services.organisation_create(
                name=partner.name, domain=partner.domain, municipality=partner.municipality
            )
        partners[partner.key] = organisation
    return partners


def _coalitions_ensure(partners: dict) -> None:
    for spec in COALITIONS:
        members = [partners[key] for key in spec.members]
        coalition = organisation_selectors.coalition_get(slug=spec.slug)
        if coalition is None:
            organisation_services.coalition_create(
                slug=spec.slug,
                name=spec.name,
                municipality_codes=spec.municipalities,
                member_organisations=members,
            )
            continue
        # A coalition edited in the demo keeps its changes; only missing members come back.
        present = {m.pk for m in coalition.members.all()}
        for organisation in members:
            if organisation.pk not in present:
                organisation_services.coalition_member_add(
                    coalition=coalition, organisation=organisation
                )


def _user_ensure(spec: DemoUser, partners: dict):
    user = account_selectors.user_list().filter(username=spec.username).first()
    if user is None:
        is_admin = Role.ADMIN in spec.roles
        user = account_services.user_create(
            username=spec.username,
            password=DEMO_PASSWORD,
            organisation=partners[spec.partner] if spec.partner else None,
            roles=spec.roles,
            first_name=spec.first_name,
            last_name=spec.last_name,
            email=f"{spec.username}@example.nl",
            # The management site (/beheer/) is for staff users only.
            is_staff=is_admin,
            is_superuser=is_admin,
        )
    if set(spec.roles) & ROLES_REQUIRING_2FA and (
        account_selectors.totp_device_get(user=user) is None
    ):
        account_services.totp_device_create(user=user, key=demo_totp_key(spec.username))
    return user


def _directory_load(partners: dict, *, refresh: bool) -> None:
    services = demo_service_objects()
    if not refresh:
        # Changes made while trying the demo survive a restart; only missing entries return.
        present = {
            str(pk)
            for pk in directory_selectors.service_list()
            .filter(pk__in=[s["id"] for s in services])
            .values_list("pk", flat=True)
        }
        services = [s for s in services if s["id"] not in present]
    if services:
        hsds_import_json_objects(services=services, source=DEMO_ACTOR)
    # The partner organisation whose directory editors may edit an entry.
    owners = {
        demo_uuid(org.key): partners[org.managed_by]
        for org in demo_directory().organizations
        if org.managed_by is not None
    }
    for organization in directory_selectors.organization_list().filter(pk__in=list(owners)):
        owner = owners[str(organization.pk)]
        if organization.managed_by_id is None:
            directory_services.organization_update(
                organization=organization, managed_by=owner, updated_by=DEMO_ACTOR
            )


@transaction.atomic
def demo_load(*, refresh_directory: bool = False) -> DemoLoadResult:
    """Load what is missing of the demo data; expects the regions to be loaded.
    `refresh_directory` writes every demo service again, undoing edits made in the demo."""
    partners = _partners_ensure()
    _coalitions_ensure(partners)
    users = {spec.username: _user_ensure(spec, partners) for spec in (*USERS, *SIGNATORIES)}
    _directory_load(partners, refresh=refresh_directory)
    _pathways_load(users)
    _casework_load(users)
    network_demo.demo_load(organisations=partners, users=users)
    volunteers_demo.demo_load(organisations=partners, users=users)
    programmes_demo.demo_load(organisations=partners, users=users)
    casework_demo.demo_load(organisations=partners, users=users)
    soundingboard_demo.demo_load(organisations=partners, users=users)
    trainings_demo.demo_load(organisations=partners, users=users)
    agreements_demo.demo_load(organisations=partners, users=users)
    portal_demo.demo_load(organisations=partners, users=users)
    _monitoring_load(partners)
    # Retention runs nightly when a worker runs (`kansrijk db_worker`).
    schedule_daily_retention()
    schedule_evaluation_reminder()
    schedule_check_in_reminder()
    schedule_meeting_reminders()
    schedule_overdue_agreement_reminder()
    schedule_monitoring_refresh()
    return DemoLoadResult(
        organisations=len(partners),
        coalitions=len(COALITIONS),
        users=len(users),
        services=len(demo_directory().services),
        pathways=len(PATHWAYS),
    )


# About as many births a year as the Netherlands has (CBS: 164,000 to 179,000 in 2019-2024).
NATIONAL_BIRTHS = 170_000
# The demo's dashboards show Zaanstad and Heerlen at full scale; the rest of the country is
# generated at a fiftieth of its births: enough for the region and country comparisons (they
# compare shares), quick enough for a first `make run`.
DEMO_FULL_SCALE = ("GM0479", "GM0917")
DEMO_COUNTRY_SCALE = 50
# The unit tests load the demo dozens of times and switch this off (src/kansrijk/conftest.py);
# the browser tests and `make run` keep it.
SYNTHETIC_MONITORING = True


def _monitoring_load(partners: dict) -> None:
    """Each coalition's action programme, five years of synthetic monitoring data, and the
    figures from the demo's own records."""
    from kansrijk.indicators.synthetic import generate

    today = timezone.localdate()
    for spec in COALITIONS:
        actionprogrammes_demo.demo_programme_create(
            coalition=organisation_selectors.coalition_get(slug=spec.slug),
            organisations=partners,
            today=today,
        )
    if SYNTHETIC_MONITORING and not indicator_selectors.has_synthetic_data():
        generate(births_per_year=NATIONAL_BIRTHS // DEMO_COUNTRY_SCALE, refresh=False)
        codes = list(DEMO_FULL_SCALE)
        share = region_selectors.inhabitants(municipality_codes=codes) / max(
            1, region_selectors.inhabitants()
        )
        generate(
            births_per_year=round(NATIONAL_BIRTHS * share),
            municipality_codes=codes,
            refresh=False,
        )
    # One rebuild of the aggregate for the synthetic and the demo's own facts together.
    indicator_services.monitoring_refresh()


# The demo's second version of the Zaanstad pathway waits for these partners' agreement.
ZAANSTAD_V2_AGREED = ("ggd-zw", "verloskunde-zaanstad", "zmc")


def _pathways_load(users: dict) -> None:
    """The demo zorgpaden, each approved by its partners; the Zaanstad pathway also has a
    second version in review, so that a signatory can try agreeing to it."""
    coordinators = {u.coalition: users[u.username] for u in USERS if Role.COORDINATOR in u.roles}
    for spec in PATHWAYS:
        if pathway_selectors.pathway_get_by_slug(slug=spec.slug) is not None:
            continue  # kept as edited in the demo
        coalition = organisation_selectors.coalition_get(slug=spec.scope)
        pathway = pathway_services.pathway_create(
            user=coordinators[spec.scope],
            slug=spec.slug,
            title=spec.title,
            theme=spec.theme,
            description=spec.description,
            coalition=coalition,
            definition=spec.definition,
            change_note="Vastgesteld in het kernteam (demo).",
        )
        version = pathway_selectors.version_open(pathway=pathway)
        version = pathway_services.version_submit(version=version, user=coordinators[spec.scope])
        for key in spec.approved_by:
            version = pathway_services.version_approve(
                version=version, user=users[f"akkoord.{key}"], remark=""
            )
        if spec.scope == "zaanstad":
            _second_version_in_review(pathway, coordinators[spec.scope], users)


def _second_version_in_review(pathway, coordinator, users: dict) -> None:
    draft = pathway_services.version_draft_create(
        pathway=pathway,
        user=coordinator,
        change_note="Tekst bij de eerste vraag verduidelijkt (demo).",
    )
    definition = dict(draft.definition)
    steps = [dict(step) for step in definition["steps"]]
    steps[0]["help"] = (steps[0].get("help") or "") + " Vraag ook naar betalingsachterstanden."
    definition["steps"] = steps
    draft = pathway_services.version_update(
        version=draft,
        expected_lock_version=draft.lock_version,
        user=coordinator,
        definition=definition,
    )
    draft = pathway_services.version_submit(version=draft, user=coordinator)
    for key in ZAANSTAD_V2_AGREED:
        draft = pathway_services.version_approve(
            version=draft, user=users[f"akkoord.{key}"], remark=""
        )


def _casework_load(users: dict) -> None:
    """The casework in Zaanstad (demo/data/casework.py): the midwife's clients, screened, with
    consent for the wijkteam, and referrals in each state; then the overdue check, so the late
    one shows on the midwife's and the coordinator's work lists. Only into a demo without
    casework: what was done while trying the demo stays as it is.

    Every write goes through the services, so the audit log has every event."""
    midwife = users[casework.MIDWIFE]
    if client_selectors.clients_visible_to(midwife).exists():
        return
    team = users[casework.SOCIAL_TEAM]
    municipality = region_selectors.municipality_get(code=casework.MUNICIPALITY)
    words = client_selectors.consent_standard_words(
        purpose=ConsentPurpose.REFERRAL,
        recipient_names=[team.organisation.name],
        own_organisation_name=midwife.organisation.name,
    )
    now = timezone.now()
    for case in casework.CASES:
        referred_at = now
        if case.overdue:
            referred_at = _working_days_ago(now, casework.OVERDUE_WORKING_DAYS_AGO)
        # Registered and screened earlier (in her pregnancy care), consent just before the
        # referral.
        consented_at = referred_at - datetime.timedelta(minutes=10)
        registered_at = min(
            now - datetime.timedelta(days=case.registered_days_ago),
            consented_at - datetime.timedelta(minutes=30),
        )
        client = _case_client_register(
            case, midwife=midwife, municipality=municipality, at=registered_at
        )
        _case_screen(
            case, client, midwife=midwife, at=registered_at + datetime.timedelta(minutes=10)
        )
        client_services.consent_record(
            client=client,
            purpose=ConsentPurpose.REFERRAL,
            organisations=[team.organisation],
            words=words,
            given_to=midwife,
            given_at=consented_at,
        )
        referral = referral_services.referral_create(
            client_id=client.pk,
            service_id=demo_uuid(case.service),
            user=midwife,
            reason=case.reason,
            theme_codes=case.themes,
        )
        if case.overdue:
            _referral_backdate(referral, at=referred_at)
        for step in case.steps:
            referral = _case_step(referral, step, user=team)
    referral_services.referrals_alert_overdue(now=now)


def _working_days_ago(now: datetime.datetime, days: int) -> datetime.datetime:
    """10:00 on the working day (Monday to Friday) `days` working days before today."""
    day = timezone.localdate(now)
    while days > 0:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime.datetime.combine(
        day, datetime.time(10, 0), tzinfo=timezone.get_current_timezone()
    )


def _case_client_register(case, *, midwife, municipality, at: datetime.datetime):
    """Register her as of `at`; her dates are relative to the day the demo is loaded."""
    today = timezone.localdate()
    neighbourhood = region_selectors.region_get_by_code(code=case.neighbourhood)
    client = client_services.client_register(
        organisation=midwife.organisation,
        created_by=midwife,
        year_of_birth=today.year - case.age,
        municipality=municipality,
        neighbourhood=neighbourhood,
        due_date=_days_from(today, case.due_in_days),
        child_birth_date=_days_from(today, -case.child_born_days_ago)
        if case.child_born_days_ago is not None
        else None,
        language=case.language,
        interpreter_needed=case.interpreter_needed,
        now=at,
    )
    if case.identity is not None:
        client_services.identity_set(
            client=client,
            set_by=midwife,
            name=case.identity.name,
            phone=case.identity.phone,
            email=case.identity.email,
        )
    return client


def _case_screen(case, client, *, midwife, at: datetime.datetime) -> None:
    """The signal list with her, and the EPDS where the case has one; asked in Dutch."""
    signals = {
        item: casework.YES if item in case.signals else casework.NO
        for item in range(1, casework.SIGNAL_LIST_ITEMS + 1)
    }
    screening_services.screening_record(
        client=client,
        instrument="signal-list",
        answers=signals,
        user=midwife,
        language="nl",
        now=at,
    )
    if case.epds is not None:
        screening_services.screening_record(
            client=client,
            instrument="epds",
            answers=dict(enumerate(case.epds, start=1)),
            user=midwife,
            language="nl",
            now=at + datetime.timedelta(minutes=5),
        )


def _days_from(day: datetime.date, days: int | None) -> datetime.date | None:
    return None if days is None else day + datetime.timedelta(days=days)


def _referral_backdate(referral, *, at: datetime.datetime) -> None:
    """DEMO ONLY: move a just-made referral (and its "requested" step) back in time, with the
    answer deadline that then applies, so the demo has an overdue referral. referral_create
    takes no `now` (a real referral is made now); the audit log keeps the true moment of
    writing. Nothing outside the demo may change a referral this way."""
    from kansrijk.referrals.models import Referral, ReferralEvent

    due = referral_services.add_working_days(
        timezone.localdate(at),
        referral_services.answer_working_days(service_id=referral.service_id),
    )
    Referral.objects.filter(pk=referral.pk).update(created_at=at, updated_at=at, answer_due=due)
    ReferralEvent.objects.filter(referral_id=referral.pk).update(at=at)


def _case_step(referral, step, *, user):
    completed = step.status == ReferralStatus.COMPLETED
    return referral_services.referral_transition(
        referral_id=referral.pk,
        to_status=step.status,
        user=user,
        reason=None if completed else step.note,
        outcome=step.note if completed else None,
        expected_lock_version=referral.lock_version,
    )


def demo_logins() -> list[DemoLogin]:
    """The demo log-ins as they are in the database now, for printing."""
    partner_names = {p.key: p.name for p in PARTNERS}
    users = {u.username: u for u in account_selectors.user_list()}
    logins = []
    for spec in (*USERS, *SIGNATORIES):
        if not spec.printed:
            continue
        user = users.get(spec.username)
        if user is None:
            continue
        device = account_selectors.totp_device_get(user=user)
        logins.append(
            DemoLogin(
                username=spec.username,
                password=DEMO_PASSWORD,
                name=f"{spec.first_name} {spec.last_name}",
                roles=spec.roles,
                organisation=partner_names.get(spec.partner, ""),
                coalition=spec.coalition,
                job=spec.job,
                totp_secret=account_selectors.totp_secret_text(device) if device else None,
            )
        )
    return logins


def demo_current_code(*, username: str) -> str | None:
    """The code a demo user's authenticator app would show now, for trying the demo without one.

    Only for the demo's own log-ins: their keys are public anyway (derived from the username).
    """
    if username not in {spec.username for spec in (*USERS, *SIGNATORIES)}:
        return None
    user = account_selectors.user_list().filter(username=username).first()
    device = account_selectors.totp_device_get(user=user) if user else None
    return account_services.totp_current_code(device) if device else None
