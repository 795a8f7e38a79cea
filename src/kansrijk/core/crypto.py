"""Encryption at rest for identifying details (Fernet: AES-128-CBC with HMAC-SHA256).

The key is settings.KANSRIJK_FIELD_ENCRYPTION_KEY (a Fernet key, `Fernet.generate_key()`),
or, when that is empty, derived from settings.SECRET_KEY with HKDF under an info string per
use, so one app's tokens never decrypt as another's. Set the dedicated key in production:
changing SECRET_KEY would otherwise make every stored value unreadable. Rotating keys
(re-encrypting under a new key) is out of scope for now.

Values are encrypted with a fresh random IV each time, so the database can neither be searched
by nor reveal equal values.
"""

from __future__ import annotations

import base64
import functools
from typing import Any, ClassVar

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


class DecryptionError(Exception):
    """A stored value cannot be decrypted: the key changed or the value was altered."""


@functools.cache
def _fernet(configured_key: str, secret_key: str, info: bytes) -> Fernet:
    if configured_key:
        try:
            return Fernet(configured_key.encode("ascii"))
        except (ValueError, UnicodeEncodeError) as exc:
            raise ImproperlyConfigured(
                "KANSRIJK_FIELD_ENCRYPTION_KEY must be a Fernet key (32 url-safe base64-encoded "
                "bytes), e.g. from `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`"
            ) from exc
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
        secret_key.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(derived))


class FieldCipher:
    """Encrypts one kind of value; `what` names it in the error when decrypting fails."""

    def __init__(self, *, info: bytes, what: str) -> None:
        self.info = info
        self.what = what

    def fernet(self) -> Fernet:
        """The Fernet instance for the current settings (cached per key)."""
        key = getattr(settings, "KANSRIJK_FIELD_ENCRYPTION_KEY", "")
        return _fernet(key, settings.SECRET_KEY, self.info)

    def encrypt(self, text: str) -> str:
        """The text as a Fernet token (ASCII). The empty string stays empty: nothing stored."""
        if not text:
            return ""
        return self.fernet().encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        if not token:
            return ""
        try:
            return self.fernet().decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError) as exc:
            raise DecryptionError(
                f"{self.what} cannot be decrypted: was KANSRIJK_FIELD_ENCRYPTION_KEY (or "
                "SECRET_KEY) changed?"
            ) from exc


class EncryptedTextFieldBase(models.TextField):
    """Plain text in Python, a Fernet token in the database. Not searchable, not orderable.
    Subclass it with a `cipher` per kind of value."""

    cipher: ClassVar[FieldCipher]

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        if value is None:
            return ""
        return self.cipher.decrypt(value)

    def to_python(self, value: Any) -> str:
        return "" if value is None else str(value)

    def get_prep_value(self, value: Any) -> str:
        value = super().get_prep_value(value)
        return self.cipher.encrypt(value or "")
