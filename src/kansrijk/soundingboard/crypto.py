"""Encryption at rest for a sounding board member's real first name and contact details (the
mechanism: core.crypto), under a key of its own, so a member's token never decrypts as a
client's."""

from __future__ import annotations

from kansrijk.core.crypto import DecryptionError, EncryptedTextFieldBase, FieldCipher

__all__ = ["DecryptionError", "EncryptedTextField", "decrypt", "encrypt"]

_CIPHER = FieldCipher(
    info=b"kansrijk.soundingboard.member", what="A sounding board member's details"
)
encrypt = _CIPHER.encrypt
decrypt = _CIPHER.decrypt


class EncryptedTextField(EncryptedTextFieldBase):
    cipher = _CIPHER
