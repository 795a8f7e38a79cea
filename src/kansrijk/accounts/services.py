"""Writes for staff accounts: users, TOTP devices, and the log-in bookkeeping (lock-out, audit)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NoReturn

from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.constants import (
    AUDIT_LOGIN,
    AUDIT_LOGIN_FAILED,
    AUDIT_LOGIN_LOCKED,
    AUDIT_LOGOUT,
    AUDIT_TOTP_ENROLLED,
    AUDIT_TOTP_RESET,
    LOCKOUT_FAILURES,
    LOCKOUT_MINUTES,
    Role,
)
from kansrijk.accounts.models import LoginThrottle, User, UserRole
from kansrijk.accounts.selectors import login_locked_until
from kansrijk.audit.services import audit_record

if TYPE_CHECKING:
    from kansrijk.organisations.models import Organisation


def _audit_ids(user: User | None) -> dict[str, str]:
    if user is None:
        return {"object_type": "user"}
    organisation = user.organisation
    return {
        "actor_id": str(user.uuid),
        "actor_organisation_id": str(organisation.uuid) if organisation else "",
        "object_type": "user",
        "object_id": str(user.uuid),
    }


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    organisation: Organisation | None,
    roles: Iterable[str],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
    validate: bool = False,
) -> User:
    """Create a staff user with the given roles. `password=None` makes an account that cannot log
    in until an administrator sets a password. `validate=True` applies the password rules (for
    forms); the demo and tests pass known passwords without it. `is_staff` opens the management
    site (/beheer/), `is_superuser` everything in it."""
    roles = list(dict.fromkeys(roles))
    unknown = [role for role in roles if role not in Role.values]
    if unknown:
        raise ValueError(f"unknown roles: {unknown}")
    user = User(
        username=username,
        organisation=organisation,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=is_staff or is_superuser,
        is_superuser=is_superuser,
    )
    if password is None:
        user.set_unusable_password()
    else:
        if validate:
            validate_password(password, user=user)
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    UserRole.objects.bulk_create([UserRole(user=user, role=role) for role in roles])
    return user


@transaction.atomic
def totp_device_create(
    *, user: User, key: str | None = None, confirmed: bool = True, name: str = ""
) -> TOTPDevice:
    """Give a user an authenticator-app device. `key` is hex (40 characters for the usual 20
    bytes); by default a random one. The demo passes a fixed key so its users can be shown."""
    device = TOTPDevice(user=user, name=name or _("Authenticator app"), confirmed=confirmed)
    if key is not None:
        device.key = key
    device.full_clean()
    device.save()
    return device


def totp_current_code(device: TOTPDevice) -> str:
    """The code the user's authenticator app shows right now (for tests and the demo)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return str(code).zfill(device.digits)


@transaction.atomic
def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """An unconfirmed device to show as QR code. Reloading the page keeps the same secret, so a
    code from an app that already scanned it still works."""
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return pending or totp_device_create(user=user, confirmed=False)


def totp_enrolment_confirm(*, user: User, code: str) -> TOTPDevice:
    """Confirm the enrolment shown to the user with the first code from their app. A wrong code
    counts towards the lock-out; raises ValidationError (Dutch message)."""
    _refuse_when_locked(user.get_username())
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("-id")
            .first()
        )
        if device is not None and device.verify_token(code):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            audit_record(action=AUDIT_TOTP_ENROLLED, **_audit_ids(user))
            return device
    # Outside the transaction above: the failure must be counted even though we refuse.
    _refuse_failure(username=user.get_username(), user=user, reason="enrolment_code")


@transaction.atomic
def totp_verify(*, user: User, code: str) -> TOTPDevice | None:
    """The user's confirmed device that accepts this code, or None. A code is accepted once."""
    devices = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True)
    for device in devices:
        if device.verify_token(code):
            return device
    return None


@transaction.atomic
def totp_devices_reset(*, user: User, by: User | None = None) -> None:
    """Remove the user's authenticator apps (lost or new phone). With roles that need 2FA, the
    user must set up an app again at the next log-in."""
    TOTPDevice.objects.filter(user=user).delete()
    audit_record(
        action=AUDIT_TOTP_RESET,
        **{**_audit_ids(by), "object_type": "user", "object_id": str(user.uuid)},
    )


def login_password_check(*, request: HttpRequest, username: str, password: str) -> User:
    """The user these credentials belong to. Raises ValidationError (Dutch message) for wrong
    credentials or a locked username; a wrong password counts towards the lock-out."""
    _refuse_when_locked(username)
    user = authenticate(request, username=username, password=password)
    if user is None:
        known = User.objects.filter(username=username).first()
        _refuse_failure(username=username, user=known, reason="password")
    return user


def login_code_check(*, user: User, code: str) -> TOTPDevice:
    """The user's device that accepts this code. Raises ValidationError (Dutch message) for a
    wrong code (counted towards the lock-out) or a locked username, with code "locked" when
    the user must start again."""
    _refuse_when_locked(user.get_username())
    device = totp_verify(user=user, code=code)
    if device is None:
        _refuse_failure(username=user.get_username(), user=user, reason="code")
    return device


def _lockout_error(until: datetime) -> ValidationError:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return ValidationError(
        ngettext(
            "Too many failed attempts. For your safety, logging in is blocked for now. "
            "Try again in %(minutes)d minute.",
            "Too many failed attempts. For your safety, logging in is blocked for now. "
            "Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code="locked",
    )


def _refuse_when_locked(username: str) -> None:
    until = login_locked_until(username=username)
    if until is not None:
        raise _lockout_error(until)


def _refuse_failure(*, username: str, user: User | None, reason: str) -> NoReturn:
    locked_until = login_failure_record(username=username, user=user, reason=reason)
    if locked_until is not None:
        raise _lockout_error(locked_until)
    if reason == "password":
        raise ValidationError(
            _("Your username or password is not correct. Check them and try again."),
            code="invalid_login",
        )
    raise ValidationError(
        _("This code is not correct. Look at the code in your app and try again."),
        code="invalid_code",
    )


@transaction.atomic
def login_failure_record(*, username: str, user: User | None, reason: str) -> datetime | None:
    """Count a wrong password or code. Returns the end of the lock-out when this failure locks
    the username, else None."""
    now = timezone.now()
    window = timedelta(minutes=LOCKOUT_MINUTES)
    throttle, _created = LoginThrottle.objects.select_for_update().get_or_create(
        username=LoginThrottle.key_for(username)
    )
    # Failures long ago do not count towards a new lock-out.
    if throttle.last_failure and throttle.last_failure < now - window:
        throttle.failures = 0
    throttle.failures += 1
    throttle.last_failure = now
    locked = throttle.failures >= LOCKOUT_FAILURES
    if locked:
        throttle.locked_until = now + window
        throttle.failures = 0
    throttle.save()
    audit_record(
        action=AUDIT_LOGIN_FAILED,
        detail={"username": username[:150], "reason": reason},
        **_audit_ids(user),
    )
    if locked:
        audit_record(
            action=AUDIT_LOGIN_LOCKED,
            detail={"username": username[:150], "minutes": LOCKOUT_MINUTES},
            **_audit_ids(user),
        )
    return throttle.locked_until if locked else None


@transaction.atomic
def login_success_record(*, user: User, second_factor: bool) -> None:
    """A completed log-in: the failure counter starts again and the audit log notes it."""
    LoginThrottle.objects.filter(username=LoginThrottle.key_for(user.get_username())).delete()
    audit_record(
        action=AUDIT_LOGIN,
        detail={"second_factor": second_factor},
        **_audit_ids(user),
    )


def logout_record(*, user: User) -> None:
    audit_record(action=AUDIT_LOGOUT, **_audit_ids(user))


@transaction.atomic
def login_lockout_clear(*, username: str) -> None:
    """For an administrator who has checked it is the real user knocking."""
    LoginThrottle.objects.filter(username=LoginThrottle.key_for(username)).delete()
