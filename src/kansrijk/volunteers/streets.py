"""A street as a keyed hash, only to tell whether a volunteer and a family live in the same street.

The street itself is never stored: `street_key(postcode4, street)` is an HMAC-SHA256 of the
normalised four postcode digits and street name, keyed with the field encryption key (or, when
that is empty, SECRET_KEY). Without the key nobody can test guesses against the stored values;
with it the same street always gives the same key, so the same-street rule still works.
Changing the key makes old keys useless (the rule then stops matching until streets are
entered again); that is the same trade-off as for the encrypted client identities.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

_CONTEXT = b"kansrijk.volunteers.street:"


def _normalise(text: str) -> str:
    return " ".join((text or "").casefold().split())


def street_key(postcode4: str, street: str) -> str:
    """The keyed hash of this street in this postcode area; "" when either is missing."""
    postcode4, street = _normalise(postcode4), _normalise(street)
    if not (postcode4 and street):
        return ""
    secret = getattr(settings, "KANSRIJK_FIELD_ENCRYPTION_KEY", "") or settings.SECRET_KEY
    message = f"{postcode4}|{street}".encode()
    return hmac.new(_CONTEXT + secret.encode(), message, hashlib.sha256).hexdigest()
