"""Dutch-aware search over the directory. (Being written: see the search helper.)"""

from collections.abc import Iterable
from uuid import UUID


def search_index_update(*, service_ids: Iterable[UUID] | None = None) -> None:
    """Recompute the search index of the given services (all when None). Call after writes."""
