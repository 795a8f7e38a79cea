"""Writes of the information pages: marking a page "tested with parents" (with optimistic
locking) and loading pages from a specification (the demo content)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kansrijk.portal.models import Page, PageTranslation, ParentSite

__all__ = ["PageChanged", "page_mark_tested", "page_load"]


class PageChanged(Exception):
    """Someone else saved the page since the form was opened."""


def page_mark_tested(
    *, page: Page, lock_version: int, tested: bool, tested_on: datetime.date | None
) -> Page:
    """Record whether (and when) the page was tested with parents. Refuses (PageChanged) when
    the page changed since `lock_version` was read."""
    with transaction.atomic():
        updated = Page.objects.filter(pk=page.pk, lock_version=lock_version).update(
            tested_with_parents=tested,
            tested_with_parents_on=tested_on if tested else None,
            updated_at=timezone.now(),
            lock_version=F("lock_version") + 1,
        )
        if not updated:
            raise PageChanged
    page.refresh_from_db()
    return page


def page_load(*, site: ParentSite, spec: dict[str, Any]) -> Page:
    """Create the page of `spec` (slug, kind, phase, trimester, topic, order, links, source,
    reviewer, review_due (date or days from today), texts {lang: {title, summary, body,
    awaiting_check}}) when the site has no page with that slug; an existing page (perhaps
    edited since) is left as it is, its missing languages are added."""
    review_due = spec.get("review_due")
    if isinstance(review_due, int):
        review_due = timezone.localdate() + datetime.timedelta(days=review_due)
    elif isinstance(review_due, str):
        review_due = datetime.date.fromisoformat(review_due)
    with transaction.atomic():
        page, _created = Page.objects.get_or_create(
            site=site,
            slug=spec["slug"],
            defaults={
                "kind": spec["kind"],
                "phase": spec.get("phase", ""),
                "trimester": spec.get("trimester"),
                "topic": spec.get("topic", ""),
                "order": spec.get("order", 100),
                "national_links": spec.get("links", []),
                "source": spec.get("source", ""),
                "reviewer": spec.get("reviewer", ""),
                "review_due": review_due,
            },
        )
        existing = set(page.translations.values_list("language", flat=True))
        for language, text in spec.get("texts", {}).items():
            if language in existing:
                continue
            PageTranslation.objects.create(
                page=page,
                language=language,
                title=text["title"],
                summary=text.get("summary", ""),
                body=text["body"],
                awaiting_check=text.get("awaiting_check", language != "nl"),
            )
    return page
