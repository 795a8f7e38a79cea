"""Writes about clients: registration, her facts, her identity, consent, export and retention.

Every write (and, through `client_audit_record`, every read a view does) goes to the audit log
with the client's public id; identifying details never go into the audit detail. Facts and
identity are locked optimistically (`lock_version`), as directory.Service is: an edit based on
an older version is refused, so no update is lost.
"""

from kansrijk.clients.services._common import (
    CLIENT_FIELDS,
    EXPORT_FORMAT,
    IDENTITY_FIELDS,
    StaleEditError,
    client_audit_record,
)
from kansrijk.clients.services.clients import client_register, client_touch, client_update
from kansrijk.clients.services.consent import consent_record, consent_withdraw
from kansrijk.clients.services.export import client_export
from kansrijk.clients.services.identity import identity_set
from kansrijk.clients.services.retention import clients_pseudonymise_expired

__all__ = [
    "CLIENT_FIELDS",
    "EXPORT_FORMAT",
    "IDENTITY_FIELDS",
    "StaleEditError",
    "client_audit_record",
    "client_register",
    "client_update",
    "client_touch",
    "identity_set",
    "consent_record",
    "consent_withdraw",
    "client_export",
    "clients_pseudonymise_expired",
]
