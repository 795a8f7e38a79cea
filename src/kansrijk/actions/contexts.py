"""Where agreements are made (a case consultation, a network meeting), plugged in by the apps
that hold those meetings, so this app imports none of them.

A context kind registers:
- `may_dispose(user, item) -> bool`: besides the owner, who may record a disposition (the
  consultation's chair, the meeting's organiser);
- `path(item) -> str`: the page the agreement came from, for links on work lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Context:
    kind: str
    may_dispose: Callable[[Any, Any], bool]
    path: Callable[[Any], str]


_CONTEXTS: dict[str, Context] = {}


def register_context(
    kind: str, *, may_dispose: Callable[[Any, Any], bool], path: Callable[[Any], str]
) -> None:
    _CONTEXTS[kind] = Context(kind=kind, may_dispose=may_dispose, path=path)


def context_for(kind: str) -> Context | None:
    return _CONTEXTS.get(kind)
