"""Demo content for Zeist: Samen Oplopen with four volunteers (synthetic first names only) and
three families: one waiting for a volunteer and two with an active match.

- Demo Samira speaks Arabic, VOG valid: the first suggestion for the Arabic-speaking family. She
  logs in as `vrijwilliger.samenoplopen` and walks along with "Noor" (active for 45 days: the
  check-ins after 2 and 4 weeks are done, the review at 6 weeks is missed; three contacts
  logged, the last one with a worry).
- Demo Fatima speaks Arabic, but her VOG has expired: never suggested.
- Demo Yonas speaks Tigrinya.
- Demo Anneke speaks Dutch and walks along with as many families as she agreed (full load).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts import services as account_services
from kansrijk.accounts.constants import Role
from kansrijk.clients import services as client_services
from kansrijk.clients.constants import ConsentPurpose
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.organisations.constants import Domain
from kansrijk.organisations.services import coalition_member_add, organisation_create
from kansrijk.regions import selectors as region_selectors
from kansrijk.volunteers import services
from kansrijk.volunteers.constants import ContactKind, MatchStatus, VolunteerStatus
from kansrijk.volunteers.models import CheckIn, ContactLog, Match, Volunteer

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation

ZEIST = "GM0355"
COALITION_SLUG = "zeist"
ORGANISATION_NAME = "Samen Oplopen Zeist"
VOLUNTEER_USERNAME = "vrijwilliger.samenoplopen"

VOLUNTEERS = [
    # first name, languages, days since VOG issue, max families, availability, themes
    (
        "Demo Samira",
        ["ar", "nl"],
        200,
        2,
        ["tue-morning", "thu-morning"],
        ["social-network-and-loneliness", "parenting-and-development"],
    ),
    ("Demo Fatima", ["ar", "nl"], 3 * 365 + 40, 2, ["wed-afternoon"], ["language-and-literacy"]),
    ("Demo Yonas", ["ti", "nl", "en"], 400, 1, ["sat-morning"], ["residence-status"]),
    ("Demo Anneke", ["nl"], 100, 1, ["mon-morning"], ["parenting-and-development"]),
]


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    coalition = organisation_selectors.coalition_get(slug=COALITION_SLUG)
    # The lead may add Samen Oplopen as a partner ("samen-oplopen") with its own coordinator
    # ("coordinator.samenoplopen"); without them the Zeist coordinator stands in.
    coordinator = users.get("coordinator.samenoplopen") or users.get("coordinator.zeist")
    professional = users.get("jgz.zeist")
    if coalition is None or coordinator is None or professional is None:
        return
    zeist = region_selectors.municipality_get(code=ZEIST)
    neighbourhoods = list(
        region_selectors.neighbourhood_list(municipality=zeist).exclude(code=None).order_by("code")
    )
    volunteer_organisation = organisations.get("samen-oplopen") or (
        organisation_selectors.organisation_list().filter(name=ORGANISATION_NAME).first()
    )
    if volunteer_organisation is None:
        volunteer_organisation = organisation_create(
            name=ORGANISATION_NAME, domain=Domain.SOCIAL, municipality=zeist
        )
    if Volunteer.objects.filter(organisation=volunteer_organisation).exists():
        return  # Loaded before: what changed while trying the demo stays.
    if not coalition.members.filter(pk=volunteer_organisation.pk).exists():
        coalition_member_add(coalition=coalition, organisation=volunteer_organisation)
    today = timezone.localdate()

    volunteers = {}
    for index, (name, languages, vog_days, max_families, availability, themes) in enumerate(
        VOLUNTEERS
    ):
        volunteer = services.volunteer_register(
            coalition=coalition,
            organisation=volunteer_organisation,
            first_name=name,
            municipality=zeist,
            neighbourhood=neighbourhoods[(index * 3) % len(neighbourhoods)]
            if neighbourhoods
            else None,
            languages=languages,
            postcode4=f"370{index + 1}",
            street=["Laan van Vollenhove", "Kerckeboschlaan", "Couwenhoven", "Oranjelaan"][index],
            availability=availability,
            support_themes=themes,
            max_families=max_families,
            registered_by=coordinator,
        )
        # The VOG was valid when she was approved; Fatima's has expired since.
        services.vog_record(
            volunteer=volunteer,
            issued_on=today - datetime.timedelta(days=min(vog_days, 3 * 365 - 30)),
            user=coordinator,
        )
        for step in (VolunteerStatus.INTAKE, VolunteerStatus.TRAINING, VolunteerStatus.APPROVED):
            volunteer = services.volunteer_transition(
                volunteer=volunteer, to_status=step, user=coordinator
            )
        if vog_days > 3 * 365:
            # Recorded back when it was still valid.
            issued_on = today - datetime.timedelta(days=vog_days)
            services.vog_record(
                volunteer=volunteer,
                issued_on=issued_on,
                user=coordinator,
                today=issued_on + datetime.timedelta(days=30),
            )
        volunteers[name] = volunteer

    def family(
        *,
        language: str,
        birth_days_ago: int | None,
        needs: list[str],
        neighbourhood,
        name: str = "",
    ):
        client = client_services.client_register(
            organisation=professional.organisation,
            created_by=professional,
            year_of_birth=today.year - 29,
            municipality=zeist,
            neighbourhood=neighbourhood,
            due_date=None if birth_days_ago else today + datetime.timedelta(days=70),
            child_birth_date=today - datetime.timedelta(days=birth_days_ago)
            if birth_days_ago
            else None,
            language=language,
        )
        if name:
            # Invented; the volunteer sees the first name only.
            client_services.identity_set(
                client=client, set_by=professional, name=name, expected_version=0
            )
        client_services.consent_record(
            client=client,
            purpose=ConsentPurpose.INFORMATION_EXCHANGE,
            organisations=[volunteer_organisation],
            words="Ik vind het goed dat Samen Oplopen mijn voornaam, wijk en taal krijgt.",
            given_to=professional,
        )
        return services.request_create(
            client=client,
            coalition=coalition,
            organisation=volunteer_organisation,
            needs=needs,
            created_by=professional,
            availability=["tue-morning", "thu-morning"],
        )

    first = neighbourhoods[0] if neighbourhoods else None
    # Waiting: an Arabic-speaking mother-to-be, alone in a new town.
    family(
        language="ar",
        birth_days_ago=None,
        needs=["social-network-and-loneliness", "parenting-and-development"],
        neighbourhood=first,
    )
    # Active: Anneke walks along with a Dutch-speaking family (her one place is taken).
    request = family(
        language="nl", birth_days_ago=120, needs=["parenting-and-development"], neighbourhood=first
    )
    match = services.match_propose(
        request=request, volunteer=volunteers["Demo Anneke"], user=coordinator
    )
    for step in (MatchStatus.INTRODUCED, MatchStatus.ACTIVE):
        match = services.match_transition(match=match, to_status=step, user=coordinator)

    # Samira logs in herself and walks along with Noor, an Arabic-speaking mother.
    volunteer_user = users.get(VOLUNTEER_USERNAME) or _volunteer_user_ensure(volunteer_organisation)
    services.volunteer_user_link(
        volunteer=volunteers["Demo Samira"], user=volunteer_user, linked_by=coordinator
    )
    request = family(
        language="ar",
        birth_days_ago=60,
        needs=["social-network-and-loneliness", "language-and-literacy"],
        neighbourhood=neighbourhoods[1] if len(neighbourhoods) > 1 else first,
        name="Noor Demo-Haddad",
    )
    _active_match_with_history(
        request=request,
        volunteer=volunteers["Demo Samira"],
        coordinator=coordinator,
        volunteer_user=volunteer_user,
        today=today,
    )


def _volunteer_user_ensure(organisation: Organisation) -> User:
    """The volunteer's demo log-in, when the demo's list of log-ins does not have it (yet). Same
    password and TOTP key scheme as the other demo log-ins."""
    from kansrijk.demo.services import DEMO_PASSWORD, demo_totp_key

    user = account_selectors.user_list().filter(username=VOLUNTEER_USERNAME).first()
    if user is None:
        user = account_services.user_create(
            username=VOLUNTEER_USERNAME,
            password=DEMO_PASSWORD,
            organisation=organisation,
            roles=[Role.VOLUNTEER],
            first_name="Demo",
            last_name="Vrijwilliger Samen Oplopen",
            email=f"{VOLUNTEER_USERNAME}@example.nl",
        )
    if account_selectors.totp_device_get(user=user) is None:
        account_services.totp_device_create(user=user, key=demo_totp_key(VOLUNTEER_USERNAME))
    return user


def _active_match_with_history(*, request, volunteer, coordinator, volunteer_user, today) -> None:
    """A match that became active 45 days ago: the first two check-ins done, the review at six
    weeks missed, three contacts logged (the last one with a worry)."""
    started = today - datetime.timedelta(days=45)
    match = services.match_propose(request=request, volunteer=volunteer, user=coordinator)
    match = services.match_transition(
        match=match, to_status=MatchStatus.INTRODUCED, user=coordinator
    )
    match = services.match_transition(
        match=match, to_status=MatchStatus.ACTIVE, user=coordinator, today=started
    )
    # Demo only: it started 45 days ago (services stamp "now").
    Match.objects.filter(pk=match.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=45)
    )
    match = services.match_contact_route_set(
        match=match,
        contact_route="WhatsApp, na 19.00 uur; bezoek op dinsdagochtend",
        user=coordinator,
    )
    for check_in in CheckIn.objects.filter(
        match=match, due_on__lt=today - datetime.timedelta(days=2)
    ):
        if check_in.kind == "check_in":
            services.check_in_done(
                check_in=check_in,
                user=coordinator,
                note="Gaat goed, ze wandelen elke week.",
                done_on=check_in.due_on,
            )
    for days_ago, minutes, kind, note, worry in (
        (40, 90, ContactKind.VISIT, "Kennismaking thuis, samen koffie gedronken.", False),
        (26, 60, ContactKind.WALK, "Samen naar het consultatiebureau gewandeld.", False),
        (5, 30, ContactKind.PHONE, "Ze klinkt erg moe en zegt dat ze niet slaapt.", True),
    ):
        contact = services.contact_log(
            match=match,
            user=volunteer_user,
            contact_on=today - datetime.timedelta(days=days_ago),
            minutes=minutes,
            kind=kind,
            note=note,
            worry=worry,
        )
        ContactLog.objects.filter(pk=contact.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
