"""Helpers for the agreement tests (synthetic text only)."""

from __future__ import annotations

from kansrijk.accounts.constants import Role
from kansrijk.accounts.testing import make_user
from kansrijk.agreements import services
from kansrijk.agreements.constants import DocumentKind

TEXT = """# Doel
Samen zorgen we voor een goede start.

# Afspraken
- We signaleren vroeg.
- We verwijzen via de zorgpaden.
"""


def signatory(organisation):
    return make_user(organisation=organisation, roles=[Role.PARTNER_SIGNATORY])


def make_document(*, coalition, user=None, title="Convenant (test)", text=TEXT, **kwargs):
    return services.document_create(
        user=user,
        coalition=coalition,
        kind=kwargs.pop("kind", DocumentKind.COVENANT),
        title=title,
        text=text,
        **kwargs,
    )


def in_consultation(version, user=None):
    return services.version_consultation_start(version=version, user=user)
