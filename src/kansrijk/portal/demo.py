"""Demo parent sites: a "Sjpruut"-style site for Heerlen and a site for Zaanstad, with their
pages (portal.demo_content) and eligibility checks (portal.demo_checks). Idempotent."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from kansrijk.directory import selectors as directory_selectors
from kansrijk.organisations import selectors as organisation_selectors
from kansrijk.portal.models import ParentSite
from kansrijk.programmes import selectors as programme_selectors
from kansrijk.programmes import services as programme_services
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Organisation

# (slug, name, tagline, coalition, municipality, intake service name, colours, logo, JGZ)
SITES = (
    {
        "slug": "heerlen",
        "name": "Sjpruut",
        "tagline": "Voor ouders in Heerlen, van kinderwens tot peuter",
        "coalition": "zuid-limburg",
        "municipality": "GM0917",
        "intake": "Sociaal wijkteam Heerlen",
        "colour_primary": "#6b1f7c",
        "colour_primary_text": "#ffffff",
        "colour_accent": "#f6eef8",
        "logo": "portal/logos/sjpruut.svg",
        "jgz_name": "JGZ Zuid-Limburg",
        "jgz_phone": "045-000 0100",
        "jgz_phone_hours": "maandag tot en met vrijdag 8.30 tot 17.00 uur",
        "jgz_chat_url": "https://jgz.example.nl/chat",
    },
    {
        "slug": "zaanstad",
        "name": "Kansrijk Zaanstad voor ouders",
        "tagline": "Informatie en hulp voor ouders in Zaanstad",
        "coalition": "zaanstad",
        "municipality": "GM0479",
        "intake": "Sociaal wijkteam Zaanstad",
        "colour_primary": "#0b5a7a",
        "colour_primary_text": "#ffffff",
        "colour_accent": "#e8f3f7",
        "logo": "",
        "jgz_name": "GGD Zaanstreek-Waterland, JGZ",
        "jgz_phone": "075-000 0100",
        "jgz_phone_hours": "maandag tot en met vrijdag 8.00 tot 17.00 uur",
        "jgz_chat_url": "https://jgz.example.nl/zaanstad/chat",
    },
)


# Groups for parents on each demo site's "Groups and meetings" page (no participants).
GROUPS = {
    "heerlen": (
        (
            "centering-pregnancy",
            "Centering Pregnancy Heerlen, groep Herfst",
            "Verloskundigen Heerlen, groepsruimte",
            3,
            1,
            datetime.time(19, 0),
        ),
        (
            "father-group",
            "Vadergroep Heerlen",
            "Buurthuis Meezenbroek (demo), Heerlen",
            2,
            5,
            datetime.time(10, 0),
        ),
    ),
    "zaanstad": (
        (
            "mother-group",
            "Moedergroep Zaanstad",
            "Huis van de Wijk Poelenburg (demo), Zaandam",
            1,
            3,
            datetime.time(10, 0),
        ),
        (
            "centering-pregnancy",
            "Centering Pregnancy Zaanstad, groep Winter",
            "Verloskundigen Zaanstad, groepsruimte",
            4,
            2,
            datetime.time(19, 0),
        ),
    ),
}


def _groups_ensure(site: ParentSite) -> None:
    coalition = site.coalition
    now = timezone.now()
    existing = {
        s.group.name for s in programme_selectors.public_sessions(coalition=coalition, since=now)
    }
    today = timezone.localdate()
    for code, name, place, weeks_ahead, weekday, at in GROUPS.get(site.slug, ()):
        programme = programme_selectors.programme_get(code=code)
        if programme is None or name in existing:
            continue
        start = today + datetime.timedelta(weeks=weeks_ahead)
        start += datetime.timedelta(days=(weekday - start.weekday()) % 7)
        # Centering starts around week 16: its due date lies 24 weeks after the start.
        reference = start + datetime.timedelta(weeks=24) if code == "centering-pregnancy" else start
        group = programme_services.group_create(
            programme=programme,
            coalition=coalition,
            name=name,
            languages=["nl", "en"],
            place=place,
            start_date=start,
            reference_date=reference,
            session_time=at,
        )
        programme_services.group_plan_sessions(group)


def _intake_service_id(name: str):
    service = directory_selectors.service_list().filter(name=name).first()
    return service.pk if service is not None else None


def demo_load(*, organisations: dict[str, Organisation], users: dict[str, User]) -> None:
    from kansrijk.portal import demo_checks, demo_content
    from kansrijk.portal.tasks import schedule_daily

    schedule_daily()

    for spec in SITES:
        coalition = organisation_selectors.coalition_get(slug=spec["coalition"])
        if coalition is None:
            continue
        site = ParentSite.objects.filter(slug=spec["slug"]).first()
        if site is None:
            site = ParentSite.objects.create(
                slug=spec["slug"],
                name=spec["name"],
                tagline=spec["tagline"],
                coalition=coalition,
                intake_service_id=_intake_service_id(spec["intake"]),
                colour_primary=spec["colour_primary"],
                colour_primary_text=spec["colour_primary_text"],
                colour_accent=spec["colour_accent"],
                logo=spec["logo"],
                jgz_name=spec["jgz_name"],
                jgz_phone=spec["jgz_phone"],
                jgz_phone_hours=spec["jgz_phone_hours"],
                jgz_chat_url=spec["jgz_chat_url"],
            )
            municipality = region_selectors.municipality_get(code=spec["municipality"])
            if municipality is not None:
                site.municipalities.set([municipality])
        _groups_ensure(site)
        demo_content.demo_load(site=site)
        demo_checks.demo_load(site=site)
