"""Encryption at rest for identifying client details (the mechanism: core.crypto).

Only `ClientIdentity` uses `EncryptedTextField`.
"""

from __future__ import annotations

from kansrijk.core.crypto import DecryptionError, EncryptedTextFieldBase, FieldCipher

__all__ = ["DecryptionError", "EncryptedTextField", "decrypt", "encrypt", "fernet"]

_CIPHER = FieldCipher(info=b"kansrijk.clients.identity", what="A client's identifying details")
fernet = _CIPHER.fernet
encrypt = _CIPHER.encrypt
decrypt = _CIPHER.decrypt


class EncryptedTextField(EncryptedTextFieldBase):
    cipher = _CIPHER
