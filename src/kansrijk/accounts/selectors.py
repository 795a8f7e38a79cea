"""Reads for staff accounts, and the access checks every app's views use.

A user whose roles need a second factor (or who chose one) is only let in once this session has
passed the TOTP step; until then they count as half logged in and are sent to that step.
"""

from __future__ import annotations

import re
from base64 import b32encode
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import qrcode
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathFillImage

from kansrijk.accounts.models import LoginThrottle, User

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    AnyUser = User | AnonymousUser

View = Callable[..., HttpResponse]


def user_has_role(user: AnyUser, *roles: str) -> bool:
    """True when the user is logged in, active and holds at least one of the roles."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.has_role(*roles)


def user_list() -> QuerySet[User]:
    return User.objects.select_related("organisation").prefetch_related("roles")


def user_get(*, uuid: Any) -> User | None:
    try:
        return user_list().filter(uuid=uuid).first()
    except ValidationError:  # not a UUID: nothing to find, not an error page
        return None


def totp_device_get(*, user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator-app device, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def totp_secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for people who type it instead of scanning."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice, *, label: str) -> str:
    """The device's otpauth:// address as a QR code, inline SVG with a text alternative."""
    image = qrcode.make(device.config_url, image_factory=SvgPathFillImage, box_size=10, border=4)
    svg = image.to_string(encoding="unicode")
    # A fixed size in CSS pixels that scans well, and a name for screen readers.
    svg = re.sub(
        r'^<svg width="[^"]*" height="[^"]*"',
        f'<svg width="240" height="240" role="img" aria-label="{escape(label)}"',
        svg,
        count=1,
    )
    return svg.replace(' id="qr-path"', "")


def user_has_totp_device(*, user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def user_is_verified(user: AnyUser) -> bool:
    """Passed the TOTP step in this session (set by django-otp's middleware)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(user.is_authenticated and is_verified and is_verified())


def user_needs_second_factor(user: AnyUser) -> bool:
    """Logged in with a password but still owes the TOTP step: either the roles need it, or the
    user chose 2FA (then skipping the step must not get them in either)."""
    if not user.is_authenticated or user_is_verified(user):
        return False
    return user.requires_2fa or user_has_totp_device(user=user)


def login_locked_until(*, username: str) -> datetime | None:
    """When the lock-out of this username ends, or None when it is not locked."""
    throttle = LoginThrottle.objects.filter(username=LoginThrottle.key_for(username)).first()
    if throttle and throttle.locked_until and throttle.locked_until > timezone.now():
        return throttle.locked_until
    return None


def safe_next_url(request: HttpRequest, default: str = "") -> str:
    """The `next` parameter when it points into this site, else the default."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def second_factor_redirect(request: HttpRequest, *, next_url: str = "") -> HttpResponseRedirect:
    """Send a half-logged-in user to the TOTP step, or to enrolment when they have no device."""
    target = "accounts:verify" if user_has_totp_device(user=request.user) else "accounts:enrol"
    url = reverse(target)
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return HttpResponseRedirect(url)


def _access_response(request: HttpRequest) -> HttpResponse | None:
    """None when the user may go on; otherwise the redirect to log in or to the TOTP step."""
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return redirect_to_login(request.get_full_path())
    if user_needs_second_factor(user):
        return second_factor_redirect(request, next_url=request.get_full_path())
    return None


def forbidden_response(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/403.html", status=403)


def login_required_verified(view: View) -> View:
    """Logged in, and past the TOTP step when the user's roles (or own choice) need it."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return _access_response(request) or view(request, *args, **kwargs)

    return wrapper


def role_required(*roles: str) -> Callable[[View], View]:
    """As login_required_verified, and the user holds one of the roles (else 403)."""
    if not roles:
        raise ValueError("role_required needs at least one role")

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = _access_response(request)
            if response is not None:
                return response
            if not user_has_role(request.user, *roles):
                return forbidden_response(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def audit_actor(user: AnyUser | None) -> dict[str, str]:
    """The actor fields of an audit event for this user; empty for the system itself."""
    if user is None or not user.is_authenticated:
        return {"actor_id": "", "actor_display": "", "actor_role": "", "actor_organisation_id": ""}
    organisation = user.organisation if user.organisation_id else None
    return {
        "actor_id": str(user.uuid),
        "actor_display": user.get_username(),
        "actor_role": ",".join(sorted(user.role_codes)),
        "actor_organisation_id": str(organisation.uuid) if organisation else "",
    }
