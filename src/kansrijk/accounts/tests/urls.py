"""The project's URLs plus two views behind the access checks, for test_auth.py."""

from django.http import HttpResponse
from django.urls import path

from kansrijk.accounts.constants import Role
from kansrijk.accounts.selectors import login_required_verified, role_required
from kansrijk.conf.urls import urlpatterns as project_urlpatterns


@login_required_verified
def staff_page(request):
    return HttpResponse("staff page")


@role_required(Role.COORDINATOR, Role.ADMIN)
def coordinator_page(request):
    return HttpResponse("coordinator page")


urlpatterns = [
    path("test/staff/", staff_page),
    path("test/coordinator/", coordinator_page),
    *project_urlpatterns,
]
