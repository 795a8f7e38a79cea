"""What other apps hold about a client, plugged in without clients importing them.

Dependencies point downwards: referrals and screening build on clients, never the reverse. So
they register here, in their AppConfig.ready(), what the clients app needs from them:
- who else may see a client (the organisations party to her referrals),
- a section of her right-of-access export,
- what to pseudonymise when her retention period ends,
- a section of her page (a template and the context it needs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

# organisation id -> a queryset (or iterable) of client ids that organisation works on
_VISIBILITY: list[Callable[[int], Any]] = []
# section name -> function(client_id) -> list of plain dicts
_EXPORT_SECTIONS: dict[str, Callable[[int], Iterable[dict]]] = {}
# function(client_id=...) run inside her pseudonymisation transaction
_PSEUDONYMISERS: list[Callable[..., Any]] = []
# (order, template, function(request, client) -> context) for her page, in order
_PAGE_SECTIONS: dict[str, tuple[int, str, Callable[[Any, Any], dict]]] = {}


def register_visibility(lookup: Callable[[int], Any]) -> None:
    if lookup not in _VISIBILITY:
        _VISIBILITY.append(lookup)


def register_export_section(name: str, lookup: Callable[[int], Iterable[dict]]) -> None:
    _EXPORT_SECTIONS[name] = lookup


def register_pseudonymiser(pseudonymise: Callable[..., Any]) -> None:
    if pseudonymise not in _PSEUDONYMISERS:
        _PSEUDONYMISERS.append(pseudonymise)


def register_page_section(
    template: str, context: Callable[[Any, Any], dict], *, order: int = 100
) -> None:
    _PAGE_SECTIONS[template] = (order, template, context)


def page_sections() -> list[tuple[str, Callable[[Any, Any], dict]]]:
    return [(template, context) for _, template, context in sorted(_PAGE_SECTIONS.values())]


def visibility_lookups() -> list[Callable[[int], Any]]:
    return list(_VISIBILITY)


def export_sections() -> dict[str, Callable[[int], Iterable[dict]]]:
    return dict(_EXPORT_SECTIONS)


def pseudonymisers() -> list[Callable[..., Any]]:
    return list(_PSEUDONYMISERS)
