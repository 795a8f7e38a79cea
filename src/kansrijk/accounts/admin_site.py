"""The management site (/beheer/), behind the same two-step log-in as the rest of Kansrijk.

Django's own admin log-in would let a user in with only a password. This site sends everyone
to accounts:login instead and asks every staff member for the second factor, whatever their
roles: the management site can change everything.
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.selectors import (
    forbidden_response,
    safe_next_url,
    second_factor_redirect,
    user_is_verified,
)


class KansrijkAdminSite(admin.AdminSite):
    site_header = _("Kansrijk management")
    site_title = _("Kansrijk management")
    index_title = _("Management")

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and user_is_verified(request.user)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        next_url = safe_next_url(request, default=request.path.rsplit("login/", 1)[0])
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(next_url)
        if self.has_permission(request):
            return redirect(next_url)
        if user.is_active and user.is_staff:
            # Password only so far: on to the code step (or to set up an app).
            return second_factor_redirect(request, next_url=next_url)
        return forbidden_response(request)

    def logout(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        # One log-out, which is recorded in the audit log.
        return redirect("accounts:logout")
