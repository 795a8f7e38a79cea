from django.contrib import admin
from django.urls import include, path

from kansrijk.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("", include("kansrijk.core.urls")),
]
