"""Her name and contact details: encrypted in the database, never in the audit log."""

import json

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.db import connection

from kansrijk.audit.selectors import audit_events_for_client
from kansrijk.clients import crypto, selectors, services
from kansrijk.clients.constants import AUDIT_IDENTITY_REMOVED, AUDIT_IDENTITY_SET
from kansrijk.clients.models import ClientIdentity

pytestmark = pytest.mark.django_db

NAME = "Demo Fatima de Testmoeder"
PHONE = "06-12345678"
EMAIL = "demo.moeder@example.nl"
ADDRESS = "Demostraat 1, 1500 AA Zaandam"


def _set(client, user, **changes):
    values = {"name": NAME, "phone": PHONE, "email": EMAIL, "address": ADDRESS, **changes}
    return services.identity_set(client=client, set_by=user, **values)


def test_the_database_holds_no_plain_name_or_contact_details(professional, demo_client):
    _set(demo_client, professional)
    table = ClientIdentity._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, phone, email, address FROM {table}")  # noqa: S608
        rows = cursor.fetchall()
    stored = " ".join(str(value) for row in rows for value in row)
    for secret in (NAME, "Fatima", PHONE, "12345678", EMAIL, "Demostraat"):
        assert secret not in stored
    assert rows and all(value.startswith("gAAAA") for value in rows[0])  # Fernet tokens


def test_her_details_read_back_decrypted(professional, demo_client):
    _set(demo_client, professional)
    identity = selectors.client_identity_get(client=demo_client)
    assert (identity.name, identity.phone, identity.email, identity.address) == (
        NAME,
        PHONE,
        EMAIL,
        ADDRESS,
    )


def test_the_audit_log_names_the_fields_but_never_the_values(professional, demo_client):
    _set(demo_client, professional)
    _set(demo_client, professional, phone="06-87654321", expected_version=1)
    events = list(audit_events_for_client(client_id=str(demo_client.uuid)))
    assert [e.action for e in events[:2]] == [AUDIT_IDENTITY_SET, AUDIT_IDENTITY_SET]
    assert events[0].detail == {"fields": ["phone"]}
    dumped = json.dumps([e.detail for e in events])
    for secret in (NAME, PHONE, "06-87654321", EMAIL, ADDRESS):
        assert secret not in dumped


def test_emptying_every_field_removes_her_identity(professional, demo_client):
    _set(demo_client, professional)
    result = services.identity_set(client=demo_client, set_by=professional, expected_version=1)
    assert result is None
    assert not selectors.client_has_identity(client=demo_client)
    latest = audit_events_for_client(client_id=str(demo_client.uuid)).first()
    assert latest.action == AUDIT_IDENTITY_REMOVED


def test_an_edit_of_an_older_version_is_refused(professional, demo_client):
    _set(demo_client, professional, expected_version=0)
    _set(demo_client, professional, name="Demo Fatima B.", expected_version=1)
    with pytest.raises(services.StaleEditError):
        _set(demo_client, professional, name="Demo Fatima C.", expected_version=1)
    assert selectors.client_identity_get(client=demo_client).name == "Demo Fatima B."


def test_it_refuses_a_malformed_email_address_and_phone_number(professional, demo_client):
    with pytest.raises(ValidationError) as error:
        _set(demo_client, professional, email="geen-adres", phone="bel me")
    assert set(error.value.message_dict) == {"email", "phone"}


def test_a_configured_key_is_used_instead_of_the_secret_key(settings):
    settings.KANSRIJK_FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    token = crypto.encrypt("Demo")
    assert crypto.decrypt(token) == "Demo"
    settings.KANSRIJK_FIELD_ENCRYPTION_KEY = ""
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token)


def test_equal_values_encrypt_differently():
    assert crypto.encrypt("Demo") != crypto.encrypt("Demo")
