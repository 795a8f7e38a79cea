"""The personal calendar feed behind a secret link, and the page to make, copy or revoke it."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kansrijk.accounts.selectors import login_required_verified
from kansrijk.core.calendar import personal_items
from kansrijk.network import ical, selectors, services
from kansrijk.network.constants import PERSONAL_FEED_PAST_DAYS
from kansrijk.network.views.public import CALENDAR_TYPE


@never_cache
def personal_feed(request: HttpRequest, secret: str) -> HttpResponse:
    """No log-in: the secret is the key. Unknown, revoked, or of an inactive user: 404."""
    token = selectors.feed_token_get(secret=secret)
    if token is None:
        raise Http404
    user = token.user
    since = timezone.now() - datetime.timedelta(days=PERSONAL_FEED_PAST_DAYS)
    content = ical.personal_calendar_bytes(
        name=_("Kansrijk: my calendar"),
        items=personal_items(user, since),
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    services.feed_token_touch(token=token)
    response = HttpResponse(content, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = 'inline; filename="kansrijk.ics"'
    # The link is a secret: keep it out of referrer headers and search engines.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@login_required_verified
def feed_link(request: HttpRequest) -> HttpResponse:
    """Make, show again, renew or revoke the personal calendar link."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "revoke":
            services.feed_token_revoke(user=request.user)
            messages.success(
                request, _("The link no longer works. Your calendar app stops showing it.")
            )
        elif action in {"create", "renew"}:
            services.feed_token_create(user=request.user)
            messages.success(
                request,
                _("Your new link is ready. A link you used before no longer works.")
                if action == "renew"
                else _("Your link is ready. Copy it into your calendar app."),
            )
        return redirect("network:feed_link")
    token = selectors.feed_token_for_user(user=request.user)
    feed_url = ""
    if token is not None:
        feed_url = request.build_absolute_uri(reverse("network:personal_feed", args=[token.secret]))
    return render(
        request,
        "network/feed_link.html",
        {
            "token": token,
            "feed_url": feed_url,
            "webcal_url": feed_url.replace("https://", "webcal://", 1).replace(
                "http://", "webcal://", 1
            ),
        },
    )
