"""Reads of the information pages: a page's text in the visitor's language (Dutch when there is
none), the pages of a phase or topic, and the editors' overview (who may edit, what is due)."""

from __future__ import annotations

import datetime
import uuid as uuid_module
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.portal.constants import DEFAULT_LANGUAGE, PageKind, Phase
from kansrijk.portal.models import Page, PageTranslation, ParentSite
from kansrijk.portal.selectors.sites import site_languages

__all__ = [
    "PHASE_ICONS",
    "Block",
    "EditorRow",
    "PageText",
    "body_blocks",
    "editor_page_get",
    "editor_page_rows",
    "editor_site_get",
    "editor_sites_for_user",
    "info_page_get",
    "page_text",
    "phase_cards",
    "phase_pages",
    "topic_page_get",
    "user_may_edit_site",
]

# The phase icons in static/portal/icons.svg.
PHASE_ICONS = {
    Phase.WISH: "wish",
    Phase.PREGNANCY: "pregnancy",
    Phase.BABY: "baby",
    Phase.TODDLER: "toddler",
}


@dataclass(frozen=True)
class Block:
    """A piece of a page's body: a paragraph (`text`) or a list (`items`)."""

    text: str = ""
    items: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def body_blocks(body: str) -> list[Block]:
    """Plain text to blocks: paragraphs are separated by an empty line; lines that start with
    "- " are list items. No markup from the database reaches the page (templates escape)."""
    blocks: list[Block] = []
    for chunk in (body or "").replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        text: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if text:
                    blocks.append(Block(text=" ".join(text)))
                    text = []
                items.append(line[2:].strip())
            else:
                if items:
                    blocks.append(Block(items=tuple(items)))
                    items = []
                text.append(line)
        if text:
            blocks.append(Block(text=" ".join(text)))
        if items:
            blocks.append(Block(items=tuple(items)))
    return blocks


@dataclass(frozen=True)
class PageText:
    """What a visitor reads of a page: in her language, else Dutch (`fallback`)."""

    page: Page
    language: str
    title: str
    summary: str
    blocks: list[Block]
    fallback: bool
    awaiting_check: bool

    @property
    def anchor(self) -> str:
        if self.page.trimester:
            return f"trimester-{self.page.trimester}"
        return self.page.slug


def page_text(page: Page, lang: str) -> PageText | None:
    """The page's text in `lang`, else the Dutch original; None when it has neither."""
    by_language = {translation.language: translation for translation in page.translations.all()}
    chosen = by_language.get(lang)
    fallback = False
    if chosen is None:
        chosen = by_language.get(DEFAULT_LANGUAGE)
        fallback = lang != DEFAULT_LANGUAGE
    if chosen is None:
        return None
    return PageText(
        page=page,
        language=chosen.language,
        title=chosen.title,
        summary=chosen.summary,
        blocks=body_blocks(chosen.body),
        fallback=fallback,
        awaiting_check=chosen.awaiting_check and not fallback,
    )


def _pages(site: ParentSite) -> QuerySet[Page]:
    return Page.objects.filter(site=site).prefetch_related(
        Prefetch("translations", queryset=PageTranslation.objects.order_by("language"))
    )


def phase_pages(*, site: ParentSite, phase: str) -> list[Page]:
    """The phase's pages, trimesters in order (pregnancy has one page per trimester)."""
    return list(
        _pages(site).filter(kind=PageKind.PHASE, phase=phase).order_by("trimester", "order", "slug")
    )


def topic_page_get(*, site: ParentSite, topic: str) -> Page | None:
    return _pages(site).filter(kind=PageKind.TOPIC, topic=topic).order_by("order", "slug").first()


def info_page_get(*, site: ParentSite, slug: str) -> Page | None:
    return _pages(site).filter(slug=slug).first()


def phase_cards() -> list[tuple[str, str, str]]:
    """(code, label, icon) for the phase picker."""
    return [(phase.value, phase.label, PHASE_ICONS[phase]) for phase in Phase]


# Editors: the coalition's coordinators and directory editors, and administrators.


def _is_admin(user) -> bool:
    return bool(user.is_superuser or user.has_role(Role.ADMIN))


def user_may_edit_site(*, user, site: ParentSite) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if _is_admin(user):
        return True
    if not user.organisation_id or not user.has_role(Role.COORDINATOR, Role.DIRECTORY_EDITOR):
        return False
    return site.coalition.members.filter(pk=user.organisation_id).exists()


def editor_sites_for_user(*, user) -> list[ParentSite]:
    sites = ParentSite.objects.select_related("coalition").order_by("name")
    return [site for site in sites if user_may_edit_site(user=user, site=site)]


def editor_site_get(*, user, slug: str) -> ParentSite | None:
    site = ParentSite.objects.select_related("coalition").filter(slug=slug).first()
    if site is None or not user_may_edit_site(user=user, site=site):
        return None
    return site


@dataclass
class EditorRow:
    page: Page
    title: str
    review_due: datetime.date | None
    overdue: bool
    missing_languages: list[str] = field(default_factory=list)
    awaiting_languages: list[str] = field(default_factory=list)


def editor_page_rows(*, site: ParentSite) -> list[EditorRow]:
    """The site's pages for the editors: past review first (oldest first), then by review
    date (none last), with the languages that have no text or await a check."""
    today = timezone.localdate()
    languages = site_languages(site)
    rows = []
    for page in _pages(site):
        texts = {translation.language: translation for translation in page.translations.all()}
        dutch = texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), None)
        rows.append(
            EditorRow(
                page=page,
                title=dutch.title if dutch else page.slug,
                review_due=page.review_due,
                overdue=page.review_due is not None and page.review_due < today,
                missing_languages=[code for code in languages if code not in texts],
                awaiting_languages=[
                    code for code in languages if code in texts and texts[code].awaiting_check
                ],
            )
        )
    far = datetime.date.max
    rows.sort(key=lambda row: (not row.overdue, row.review_due or far, row.page.order, row.title))
    return rows


def editor_page_get(*, site: ParentSite, page_uuid: uuid_module.UUID | str) -> Page | None:
    try:
        return _pages(site).filter(uuid=page_uuid).first()
    except (ValueError, TypeError):
        return None
