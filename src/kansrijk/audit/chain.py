"""The audit log's hash chain, in plain Python so that a migration and an outside auditor can
use it too.

    hash = SHA-256( previous_hash + "\\n" + canonical JSON of the event's HASHED_FIELDS )

as lower-case hex. The canonical JSON has sorted keys, no spaces, UTF-8 text (no \\u escapes),
and the timestamp in UTC as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (always six digits), so that an event
read back from SQLite or PostgreSQL serialises to the same bytes as when it was written.

`sequence` is not hashed: it is the event's position, and the order is fixed by the chain
itself (every hash covers the hash before it). Renumbering events therefore shows as a broken
link ("reordered"), changing an event's contents as a wrong hash ("altered").
"""

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

HASHED_FIELDS = (
    "timestamp",
    "actor_id",
    "actor_display",
    "actor_role",
    "actor_organisation_id",
    "client_id",
    "action",
    "object_type",
    "object_id",
    "detail",
    "source",
    "outcome",
)


def canonical_timestamp(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("audit timestamps must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(fields: Mapping[str, Any]) -> bytes:
    """The event's hashed fields as canonical JSON bytes."""
    document = {name: fields[name] for name in HASHED_FIELDS}
    document["timestamp"] = canonical_timestamp(fields["timestamp"])
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def event_hash(*, previous_hash: str, fields: Mapping[str, Any]) -> str:
    digest = hashlib.sha256(previous_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical_json(fields))
    return digest.hexdigest()


def normalise_detail(detail: Mapping[str, Any] | None) -> dict[str, Any]:
    """`detail` as JSON types that read back unchanged from SQLite and PostgreSQL (jsonb).

    Other types (UUID, date, Decimal) become text. jsonb writes 1e+20 as 100000000000000000000
    and -0.0 as 0.0, so those floats are stored that way from the start; NaN and infinity,
    which JSON cannot hold, become text.
    """
    return _normalise(json.loads(json.dumps(dict(detail or {}), default=str)))


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item) for item in value]
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if "e+" in repr(value):
            return int(value)
        if value == 0:
            return 0.0
    return value
