"""Sections of the professional's work list, contributed by the apps that own the work.

The referrals app renders the work list; casework, actions, programmes and volunteers add
their own sections ("my open agreements", "families waiting for a volunteer", ...) without the
referrals app importing them. Each app registers its sections in its AppConfig.ready().

A section is a template and a function `(user, today) -> dict | None`. The function returns
the template's context, or None when the section does not apply to this user (wrong role, not
a member). A section whose context holds nothing (every value empty or zero) is left out, so
the work list shows only what has something in it. A section with a `count` key adds to the
page's "needs you now" total.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionContext = Callable[[Any, datetime.date], dict | None]


@dataclass(frozen=True)
class WorkListSection:
    key: str
    template: str
    context: SectionContext
    order: int = 100


_SECTIONS: dict[str, WorkListSection] = {}


def register_section(key: str, template: str, context: SectionContext, *, order: int = 100):
    """Add (or replace, on a repeated ready()) the section `key`."""
    _SECTIONS[key] = WorkListSection(key=key, template=template, context=context, order=order)


def sections_for(user: Any, today: datetime.date) -> list[tuple[str, dict]]:
    """The (template, context) of every section that applies to this user, in order."""
    rendered = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        context = section.context(user, today)
        if context and any(context.values()):
            rendered.append((section.template, context))
    return rendered
