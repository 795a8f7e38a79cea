from django.contrib import admin
from django.urls import include, path

from kansrijk.core.views import healthz
from kansrijk.directory.api import api as hsds_api
from kansrijk.referrals.api import api as referrals_api

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("account/", include("kansrijk.accounts.urls")),
    path("sociale-kaart/", include("kansrijk.directory.urls")),
    path("clienten/", include("kansrijk.clients.urls")),
    path("zorgpaden/", include("kansrijk.pathways.urls")),
    path("verwijzingen/", include("kansrijk.referrals.urls")),
    path("vrijwilligers/", include("kansrijk.volunteers.urls")),
    path("programmas/", include("kansrijk.programmes.urls")),
    path("agenda/", include("kansrijk.network.urls")),
    path("afspraken/", include("kansrijk.actions.urls")),
    path("samenwerkingsafspraken/", include("kansrijk.agreements.urls")),
    path("casusoverleg/", include("kansrijk.casework.urls")),
    path("scholing/", include("kansrijk.trainings.urls")),
    path("klankbord/", include("kansrijk.soundingboard.urls")),
    path("monitoring/", include("kansrijk.monitoring.urls")),
    path("actieprogramma/", include("kansrijk.actionprogrammes.urls")),
    path("indicatoren/", include("kansrijk.indicators.urls")),
    path("ouders/", include("kansrijk.portal.urls")),
    path("api/hsds/", hsds_api.urls),
    path("api/", referrals_api.urls),
    path("", include("kansrijk.core.urls")),
]
