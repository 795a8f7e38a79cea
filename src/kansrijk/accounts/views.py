"""Log-in in two steps: password, then (for roles that see client data, or by choice) a code
from an authenticator app. Between the steps the user is logged in but not verified, and the
access checks in selectors.py send them back to the code step."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts import selectors, services
from kansrijk.accounts.forms import CodeForm, LoginForm


def _next_url(request: HttpRequest) -> str:
    return selectors.safe_next_url(request, resolve_url(settings.LOGIN_REDIRECT_URL))


def _to_login(request: HttpRequest) -> HttpResponseRedirect:
    return redirect_with_next("accounts:login", selectors.safe_next_url(request))


def redirect_with_next(name: str, next_url: str) -> HttpResponseRedirect:
    url = reverse(name)
    if next_url:
        url = f"{url}?{urlencode({'next': next_url})}"
    return HttpResponseRedirect(url)


def _finish_second_factor(
    request: HttpRequest, device: TOTPDevice, *, completes_login: bool
) -> None:
    # A new session id once the user has more rights, against session fixation.
    request.session.cycle_key()
    otp_login(request, device)
    if completes_login:
        services.login_success_record(user=request.user, second_factor=True)


def _locked_out(request: HttpRequest, error: ValidationError) -> HttpResponseRedirect:
    """Wrong codes locked the account: end the half log-in, so the password is needed again."""
    auth_logout(request)
    messages.error(request, error.messages[0])
    return redirect("accounts:login")


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _next_url(request)
    if request.user.is_authenticated:
        if selectors.user_needs_second_factor(request.user):
            return selectors.second_factor_redirect(request, next_url=next_url)
        return HttpResponseRedirect(next_url)

    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.login_password_check(
                request=request,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            auth_login(request, user)
            if selectors.user_needs_second_factor(user):
                return selectors.second_factor_redirect(request, next_url=next_url)
            services.login_success_record(user=user, second_factor=False)
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def verify_view(request: HttpRequest) -> HttpResponse:
    """The code step for a user who has an authenticator app."""
    user = request.user
    next_url = _next_url(request)
    if not user.is_authenticated:
        return _to_login(request)
    if not selectors.user_needs_second_factor(user):
        return HttpResponseRedirect(next_url)
    if not selectors.user_has_totp_device(user=user):
        return redirect_with_next("accounts:enrol", selectors.safe_next_url(request))

    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.login_code_check(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            if error.code == "locked":
                return _locked_out(request, error)
            form.add_error("code", error)
        else:
            _finish_second_factor(request, device, completes_login=True)
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/verify.html", {"form": form, "next": next_url})


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    """Link an authenticator app: required before first use for roles that need 2FA, and open
    to every other user who wants it."""
    user = request.user
    next_url = _next_url(request)
    if not user.is_authenticated:
        # Back here after logging in: someone who chose to turn 2FA on.
        return redirect_to_login(request.get_full_path())
    if selectors.user_has_totp_device(user=user):
        if not selectors.user_is_verified(user):
            return redirect_with_next("accounts:verify", selectors.safe_next_url(request))
        return render(request, "accounts/enrol_done.html", {"next": next_url})

    # Half logged in (roles need 2FA, no app yet): this enrolment completes the log-in.
    completes_login = selectors.user_needs_second_factor(user)
    device = services.totp_enrolment_start(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.totp_enrolment_confirm(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            if error.code == "locked" and completes_login:
                return _locked_out(request, error)
            form.add_error("code", error)
        else:
            _finish_second_factor(request, device, completes_login=completes_login)
            messages.success(request, _("Two-step verification is on. Thank you."))
            return HttpResponseRedirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "required": completes_login,
        "qr_svg": selectors.totp_qr_svg(device, label=_("QR code for your authenticator app")),
        "secret": selectors.totp_secret_text(device),
    }
    return render(request, "accounts/enrol.html", context)


@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    """GET asks to confirm (a link must not log anyone out); POST logs out."""
    if request.method == "GET":
        if not request.user.is_authenticated:
            return redirect(settings.LOGOUT_REDIRECT_URL)
        return render(request, "accounts/logout.html")
    if request.user.is_authenticated:
        services.logout_record(user=request.user)
    auth_logout(request)
    messages.info(request, _("You are logged out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


urlpatterns = [
    path("inloggen/", login_view, name="login"),
    path("inloggen/code/", verify_view, name="verify"),
    path("tweestapsverificatie/", enrol_view, name="enrol"),
    path("uitloggen/", logout_view, name="logout"),
]
