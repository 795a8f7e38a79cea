"""The demo sites' information pages (data/pages.json): a page for every phase (Dutch and
English) and for every topic (seven languages; the translations await a native speaker's
check). Idempotent: pages that exist are left as they are (an editor may have changed them)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kansrijk.portal import services

if TYPE_CHECKING:
    from kansrijk.portal.models import ParentSite

PAGES_FILE = Path(__file__).parent / "data" / "pages.json"


@functools.cache
def demo_pages() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(PAGES_FILE.read_text(encoding="utf-8"))["pages"])


def demo_load(*, site: ParentSite) -> None:
    for spec in demo_pages():
        services.page_load(site=site, spec=spec)
