"""Reads of the parent site. Other apps import only this module and services.py."""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.portal.constants import PORTAL_LANGUAGES, TOPICS, TOPICS_BY_CODE, Phase, Topic
from kansrijk.portal.models import ParentSite

__all__ = [
    "intake_organisation_name",
    "phases",
    "site_host_names",
    "site_get",
    "site_languages",
    "site_list",
    "site_municipalities",
    "topic_get",
    "topics",
]


def site_get(*, slug: str) -> ParentSite | None:
    return ParentSite.objects.select_related("coalition").filter(slug=slug, is_active=True).first()


def site_host_names() -> dict[str, str]:
    """{host name: site slug} of the sites on a host name of their own."""
    return {
        host.lower(): slug
        for host, slug in ParentSite.objects.filter(is_active=True)
        .exclude(host_name="")
        .values_list("host_name", "slug")
    }


def site_list() -> QuerySet[ParentSite]:
    return ParentSite.objects.filter(is_active=True).select_related("coalition")


def site_languages(site: ParentSite) -> list[str]:
    """The seven languages that ship with Kansrijk, then the ones the coalition added."""
    return list(dict.fromkeys([*PORTAL_LANGUAGES, *(site.extra_languages or [])]))


def site_municipalities(site: ParentSite):
    """The municipalities the site serves: its own choice, else all of the coalition's."""
    chosen = site.municipalities.order_by("name")
    if chosen.exists():
        return chosen
    return site.coalition.municipalities.order_by("name")


def topics() -> tuple[Topic, ...]:
    return TOPICS


def topic_get(code: str) -> Topic | None:
    return TOPICS_BY_CODE.get(code)


def phases() -> list[tuple[str, str]]:
    return list(Phase.choices)


def intake_organisation_name(site: ParentSite) -> str:
    """The partner that receives the site's requests for help (from its intake service)."""
    from kansrijk.directory import selectors as directory_selectors

    if not site.intake_service_id:
        return ""
    service = directory_selectors.service_get(service_id=site.intake_service_id)
    receiver = service.organization.managed_by if service and service.organization_id else None
    return receiver.name if receiver is not None else ""
