"""Next steps other apps offer at a pathway's outcome, plugged in without pathways importing
them: the case consultation offers "submit to the consultation" at an outcome "discuss in the
case consultation". A walk stores nothing and names no client, so these are links only: the
professional decides and acts herself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# action kind -> function(request, municipality) -> list of (label, url)
_OUTCOME_LINKS: dict[str, list[Callable[[Any, Any], list[tuple[str, str]]]]] = {}


def register_outcome_links(action: str, links: Callable[[Any, Any], list[tuple[str, str]]]) -> None:
    registered = _OUTCOME_LINKS.setdefault(action, [])
    if links not in registered:
        registered.append(links)


def outcome_links(action: str, request: Any, municipality: Any) -> list[tuple[str, str]]:
    return [
        link for links in _OUTCOME_LINKS.get(action, []) for link in links(request, municipality)
    ]
