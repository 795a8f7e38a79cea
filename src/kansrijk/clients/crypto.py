"""Encryption at rest for identifying client details (Fernet: AES-128-CBC with HMAC-SHA256).

The key is settings.KANSRIJK_FIELD_ENCRYPTION_KEY (a Fernet key, `Fernet.generate_key()`),
or, when that is empty, derived from settings.SECRET_KEY with HKDF. Set the dedicated key in
production: changing SECRET_KEY would otherwise make every stored identity unreadable. Rotating
keys (re-encrypting under a new key) is out of scope for now.

Values are encrypted with a fresh random IV each time, so the database can neither be searched
by nor reveal equal values. Only `ClientIdentity` uses `EncryptedTextField`.
"""

from __future__ import annotations

import base64
import functools
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

_HKDF_INFO = b"kansrijk.clients.identity"


class DecryptionError(Exception):
    """A stored value cannot be decrypted: the key changed or the value was altered."""


@functools.cache
def _fernet(configured_key: str, secret_key: str) -> Fernet:
    if configured_key:
        try:
            return Fernet(configured_key.encode("ascii"))
        except (ValueError, UnicodeEncodeError) as exc:
            raise ImproperlyConfigured(
                "KANSRIJK_FIELD_ENCRYPTION_KEY must be a Fernet key (32 url-safe base64-encoded "
                "bytes), e.g. from `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`"
            ) from exc
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(
        secret_key.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(derived))


def fernet() -> Fernet:
    """The Fernet instance for the current settings (cached per key)."""
    return _fernet(getattr(settings, "KANSRIJK_FIELD_ENCRYPTION_KEY", ""), settings.SECRET_KEY)


def encrypt(text: str) -> str:
    """The text as a Fernet token (ASCII). The empty string stays empty: nothing is stored."""
    if not text:
        return ""
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError(
            "A client's identifying details cannot be decrypted: was "
            "KANSRIJK_FIELD_ENCRYPTION_KEY (or SECRET_KEY) changed?"
        ) from exc


class EncryptedTextField(models.TextField):
    """Plain text in Python, a Fernet token in the database. Not searchable, not orderable."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        if value is None:
            return ""
        return decrypt(value)

    def to_python(self, value: Any) -> str:
        return "" if value is None else str(value)

    def get_prep_value(self, value: Any) -> str:
        value = super().get_prep_value(value)
        return encrypt(value or "")
