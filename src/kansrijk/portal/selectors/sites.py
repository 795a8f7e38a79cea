"""Reads of the parent site. Other apps import only this module and services.py."""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.directory import selectors as directory_selectors
from kansrijk.directory.constants import CapacityStatus
from kansrijk.portal.constants import PORTAL_LANGUAGES, TOPICS, TOPICS_BY_CODE, Phase, Topic
from kansrijk.portal.models import ParentSite

__all__ = [
    "intake_organisation_name",
    "phases",
    "request_receiver",
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


def request_receiver(site: ParentSite, service_id=None):
    """(service, partner organisation) that receives a request for help: the service she chose
    when it takes requests through Kansrijk and serves the site's area, else the site's intake;
    (None, None) when neither does."""
    for candidate in (service_id, site.intake_service_id):
        if not candidate:
            continue
        service = directory_selectors.service_get(service_id=candidate)
        if service is None or not service.organization_id:
            continue
        receiver = service.organization.managed_by
        if receiver is None or (candidate == service_id and not _takes_requests(site, service)):
            continue
        return service, receiver
    return None, None


def _takes_requests(site: ParentSite, service) -> bool:
    if not service.self_referral or service.capacity_status == CapacityStatus.CLOSED:
        return False
    return any(
        directory_selectors.service_search(municipality_code=m.code).filter(pk=service.pk).exists()
        for m in site_municipalities(site)
    )


def intake_organisation_name(site: ParentSite, service_id=None) -> str:
    """The partner that will receive her request, for the words she reads before sending."""
    _service, receiver = request_receiver(site, service_id)
    return receiver.name if receiver is not None else ""
