"""The two-step log-in as a person goes through it: password, then a code (or enrolment)."""

import re
from base64 import b32encode
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.constants import (
    AUDIT_LOGIN,
    AUDIT_LOGIN_FAILED,
    AUDIT_LOGIN_LOCKED,
    AUDIT_LOGOUT,
    LOCKOUT_FAILURES,
    Role,
)
from kansrijk.accounts.models import LoginThrottle
from kansrijk.accounts.services import totp_current_code, totp_device_create
from kansrijk.accounts.testing import TEST_PASSWORD, make_user
from kansrijk.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:verify")
ENROL = reverse("accounts:enrol")
HOME = reverse("core:home")


def _password_step(client, user, password=TEST_PASSWORD, next_url=""):
    data = {"username": user.username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(LOGIN, data)


def _wrong_code(device):
    return str((int(totp_current_code(device)) + 500_000) % 1_000_000).zfill(6)


def _is_verified(client):
    return "otp_device_id" in client.session


def _actions(user):
    return list(
        AuditEvent.objects.filter(actor_id=str(user.uuid))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_a_policy_adviser_logs_in_with_only_a_password(client):
    user = make_user(roles=[Role.POLICY_ADVISER])

    response = _password_step(client, user)

    assert response.status_code == 302
    assert response["Location"] == HOME
    assert client.session["_auth_user_id"] == str(user.pk)
    assert _actions(user) == [AUDIT_LOGIN]


def test_a_professional_must_fill_in_a_code_after_the_password(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    device = totp_device_create(user=user)

    response = _password_step(client, user, next_url="/sociale-kaart/")

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert not _is_verified(client)
    assert _actions(user) == []  # not logged in yet

    page = client.get(response["Location"])
    assert "Code invullen" in page.text
    assert 'autocomplete="one-time-code"' in page.text

    response = client.post(VERIFY, {"code": totp_current_code(device), "next": "/sociale-kaart/"})

    assert response.status_code == 302
    assert response["Location"] == "/sociale-kaart/"
    assert _is_verified(client)
    event = AuditEvent.objects.get(actor_id=str(user.uuid), action=AUDIT_LOGIN)
    assert event.detail == {"second_factor": True}


def test_a_code_typed_with_a_space_is_accepted(client):
    user = make_user(roles=[Role.COORDINATOR])
    device = totp_device_create(user=user)
    _password_step(client, user)
    code = totp_current_code(device)

    response = client.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"})

    assert response.status_code == 302
    assert _is_verified(client)


def test_it_refuses_a_wrong_code_with_a_dutch_message(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    device = totp_device_create(user=user)
    _password_step(client, user)

    response = client.post(VERIFY, {"code": _wrong_code(device)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert 'aria-invalid="true"' in response.text
    assert 'href="#id_code"' in response.text  # the error summary links to the field
    assert not _is_verified(client)
    assert _actions(user) == [AUDIT_LOGIN_FAILED]


def test_it_refuses_a_code_that_is_not_six_digits_in_dutch(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    totp_device_create(user=user)
    _password_step(client, user)

    response = client.post(VERIFY, {"code": "12ab"})

    assert "De code heeft 6 cijfers" in response.text
    assert not _is_verified(client)


def test_a_code_is_accepted_only_once(client, django_user_model):
    user = make_user(roles=[Role.PROFESSIONAL])
    device = totp_device_create(user=user)
    code = totp_current_code(device)
    _password_step(client, user)
    client.post(VERIFY, {"code": code})
    assert _is_verified(client)

    # Someone who saw the code tries it in another browser.
    other = client.__class__()
    _password_step(other, user)
    response = other.post(VERIFY, {"code": code})

    assert "Deze code klopt niet" in response.text
    assert not _is_verified(other)


def test_it_refuses_a_wrong_password_with_a_dutch_message(client):
    user = make_user(roles=[Role.POLICY_ADVISER])

    response = _password_step(client, user, password="niet-het-wachtwoord")

    assert response.status_code == 200
    assert "Uw gebruikersnaam of wachtwoord klopt niet" in response.text
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.get(action=AUDIT_LOGIN_FAILED)
    assert failed.actor_id == str(user.uuid)
    assert failed.detail == {"username": user.username, "reason": "password"}


def test_it_asks_for_both_fields_in_dutch(client):
    response = client.post(LOGIN, {"username": "", "password": ""})

    assert "Vul uw gebruikersnaam in." in response.text
    assert "Vul uw wachtwoord in." in response.text


def test_a_professional_without_an_app_is_sent_to_enrolment(client):
    user = make_user(roles=[Role.PROFESSIONAL])

    response = _password_step(client, user)

    assert response["Location"].startswith(ENROL)
    page = client.get(ENROL)
    assert page.status_code == 200
    assert "Tweestapsverificatie instellen" in page.text
    # The QR code inline as SVG with a text alternative, and the secret as text to type.
    assert re.search(
        r'<svg [^>]*role="img" aria-label="QR-code voor uw authenticator-app"', page.text
    )
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    secret = re.search(
        r'<code class="utrecht-code" id="totp-secret">([A-Z2-7 ]+)</code>', page.text
    )
    assert secret is not None
    assert secret.group(1).replace(" ", "") == b32encode(device.bin_key).decode()
    assert not _is_verified(client)


def test_enrolment_keeps_the_same_secret_when_the_page_is_reloaded(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    _password_step(client, user)

    first = client.get(ENROL).text
    second = client.get(ENROL).text

    secret = re.compile(r'id="totp-secret">([^<]+)<')
    assert secret.search(first).group(1) == secret.search(second).group(1)


def test_enrolment_with_the_first_code_turns_two_step_verification_on(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    _password_step(client, user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)

    wrong = client.post(ENROL, {"code": _wrong_code(device)})
    assert "Deze code klopt niet" in wrong.text
    device.refresh_from_db()
    assert not device.confirmed

    response = client.post(ENROL, {"code": totp_current_code(device)}, follow=True)

    device.refresh_from_db()
    assert device.confirmed
    assert _is_verified(client)
    assert "Tweestapsverificatie staat aan" in response.text
    assert AUDIT_LOGIN in _actions(user)


def test_a_policy_adviser_may_turn_on_two_step_verification_and_then_needs_a_code(client):
    user = make_user(roles=[Role.POLICY_ADVISER])
    _password_step(client, user)
    page = client.get(ENROL)
    assert "Zo is uw account beter beveiligd" in page.text
    device = TOTPDevice.objects.get(user=user)
    client.post(ENROL, {"code": totp_current_code(device)})
    assert _is_verified(client)
    client.post(reverse("accounts:logout"))

    response = _password_step(client, user)

    assert response["Location"].startswith(VERIFY)


def test_it_locks_out_after_five_wrong_passwords_even_for_the_right_one(client):
    user = make_user(roles=[Role.POLICY_ADVISER])
    for _ in range(LOCKOUT_FAILURES):
        response = _password_step(client, user, password="fout")

    assert "Voor uw veiligheid is inloggen nu geblokkeerd" in response.text
    assert "Probeer het over 15 minuten opnieuw" in response.text

    response = _password_step(client, user)

    assert "Voor uw veiligheid is inloggen nu geblokkeerd" in response.text
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AUDIT_LOGIN_LOCKED).count() == 1


def test_the_lock_out_ends_after_a_while(client):
    user = make_user(roles=[Role.POLICY_ADVISER])
    for _ in range(LOCKOUT_FAILURES):
        _password_step(client, user, password="fout")
    LoginThrottle.objects.update(locked_until=timezone.now() - timedelta(seconds=1))

    response = _password_step(client, user)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_successful_log_in_starts_the_count_again(client):
    user = make_user(roles=[Role.POLICY_ADVISER])
    for _ in range(LOCKOUT_FAILURES - 1):
        _password_step(client, user, password="fout")
    _password_step(client, user)
    client.post(reverse("accounts:logout"))

    response = _password_step(client, user, password="fout")

    assert "Uw gebruikersnaam of wachtwoord klopt niet" in response.text


def test_an_unknown_username_is_locked_out_the_same_way(client):
    """The lock-out message must not tell an attacker which usernames exist."""
    for _ in range(LOCKOUT_FAILURES):
        response = client.post(LOGIN, {"username": "bestaat-niet", "password": "fout"})

    assert "Voor uw veiligheid is inloggen nu geblokkeerd" in response.text


def test_it_locks_out_after_five_wrong_codes_and_ends_the_half_log_in(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    device = totp_device_create(user=user)
    _password_step(client, user)
    for _ in range(LOCKOUT_FAILURES - 1):
        client.post(VERIFY, {"code": _wrong_code(device)})

    response = client.post(VERIFY, {"code": _wrong_code(device)}, follow=True)

    assert response.redirect_chain[-1][0] == LOGIN
    assert "Voor uw veiligheid is inloggen nu geblokkeerd" in response.text
    assert "_auth_user_id" not in client.session
    # The password alone does not get them back in during the lock-out.
    again = _password_step(client, user)
    assert "Voor uw veiligheid is inloggen nu geblokkeerd" in again.text


def test_a_new_password_attempt_does_not_reset_the_wrong_code_count(client):
    user = make_user(roles=[Role.PROFESSIONAL])
    device = totp_device_create(user=user)
    for _ in range(LOCKOUT_FAILURES - 1):
        _password_step(client, user)
        client.post(VERIFY, {"code": _wrong_code(device)})
        client.post(reverse("accounts:logout"))
    _password_step(client, user)

    response = client.post(VERIFY, {"code": _wrong_code(device)}, follow=True)

    assert "Voor uw veiligheid is inloggen nu geblokkeerd" in response.text


def test_log_out_asks_first_and_logs_out_on_post(client, login_as):
    user = make_user(roles=[Role.PROFESSIONAL])
    client = login_as(user)

    page = client.get(reverse("accounts:logout"))
    assert "Wilt u uitloggen?" in page.text
    assert "_auth_user_id" in client.session

    response = client.post(reverse("accounts:logout"), follow=True)

    assert "U bent uitgelogd." in response.text
    assert "_auth_user_id" not in client.session
    assert _actions(user) == [AUDIT_LOGOUT]


def test_it_ignores_a_next_address_on_another_site(client):
    user = make_user(roles=[Role.POLICY_ADVISER])

    response = _password_step(client, user, next_url="https://example.com/phish")

    assert response["Location"] == HOME


def test_the_log_in_page_is_in_dutch_with_labels(client):
    page = client.get(LOGIN)

    assert '<label class="utrecht-form-label" for="id_username">Gebruikersnaam</label>' in page.text
    assert '<label class="utrecht-form-label" for="id_password">Wachtwoord</label>' in page.text
    assert 'autocomplete="current-password"' in page.text


def test_turning_on_two_step_verification_asks_to_log_in_first(client):
    response = client.get(ENROL)

    assert response["Location"] == f"{LOGIN}?next={ENROL}"


def test_the_enrolment_page_says_it_is_on_once_it_is(login_as, professional):
    response = login_as(professional).get(ENROL)

    assert "Tweestapsverificatie staat aan voor uw account" in response.text
    assert "<svg" not in response.text  # the secret is never shown again
