"""Who is asking and from where: the context a view passes to audit_record."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from kansrijk.audit.services import audit_request_context

pytestmark = pytest.mark.django_db


def _request(remote="192.0.2.10", forwarded=None, user=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **headers)
    request.user = user or AnonymousUser()
    return request


def test_it_names_the_user_their_roles_and_organisation_by_id(professional):
    context = audit_request_context(_request(user=professional))

    assert context == {
        "actor_id": str(professional.uuid),
        "actor_display": professional.username,
        "actor_role": "professional",
        "actor_organisation_id": str(professional.organisation.uuid),
        "source": "192.0.2.10",
    }


def test_an_anonymous_request_has_only_an_address():
    context = audit_request_context(_request())

    assert context["source"] == "192.0.2.10"
    assert context["actor_id"] == context["actor_organisation_id"] == ""


def test_it_ignores_x_forwarded_for_without_trusted_proxies(settings):
    settings.KANSRIJK_TRUSTED_PROXIES = ()

    assert audit_request_context(_request(forwarded="203.0.113.5"))["source"] == "192.0.2.10"


def test_it_ignores_x_forwarded_for_from_an_untrusted_address(settings):
    settings.KANSRIJK_TRUSTED_PROXIES = ["10.0.0.0/8"]

    assert audit_request_context(_request(forwarded="203.0.113.5"))["source"] == "192.0.2.10"


def test_behind_a_trusted_proxy_it_takes_the_nearest_untrusted_address(settings):
    settings.KANSRIJK_TRUSTED_PROXIES = ["10.0.0.0/8", "2001:db8::1"]
    # A client can put anything in the header; only what our proxies appended counts.
    request = _request(remote="10.0.0.1", forwarded="198.51.100.66, 203.0.113.5, 10.0.0.2")

    assert audit_request_context(request)["source"] == "203.0.113.5"


def test_garbage_in_x_forwarded_for_falls_back_to_the_proxy_address(settings):
    settings.KANSRIJK_TRUSTED_PROXIES = "10.0.0.1"

    assert audit_request_context(_request(remote="10.0.0.1", forwarded="nonsense"))["source"] == (
        "10.0.0.1"
    )
