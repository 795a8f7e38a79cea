"""A parent site on its own host name (ParentSite.host_name, e.g. ouders.sjpruut.nl): that
host's paths are the site's, so https://ouders.sjpruut.nl/ar/ serves /ouders/heerlen/ar/.
Links the site makes keep their /ouders/<slug>/ form, which that host serves as well."""

from __future__ import annotations

import time

from kansrijk.portal import selectors

# Host names change rarely: look them up at most once a minute per process.
_CACHE_SECONDS = 60
_cache: dict[str, object] = {"at": 0.0, "hosts": {}}


def _hosts() -> dict[str, str]:
    now = time.monotonic()
    if now - float(_cache["at"]) > _CACHE_SECONDS:
        _cache["hosts"] = selectors.site_host_names()
        _cache["at"] = now
    return _cache["hosts"]  # type: ignore[return-value]


def host_cache_clear() -> None:
    _cache["at"] = 0.0


class ParentSiteHostMiddleware:
    PASSTHROUGH = ("/ouders/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.get_host().split(":")[0].lower()
        slug = _hosts().get(host)
        if slug and not request.path_info.startswith(self.PASSTHROUGH):
            request.path_info = f"/ouders/{slug}{request.path_info}"
        return self.get_response(request)
