from django.urls import path

from kansrijk.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("open-data/", views.opendata_import, name="opendata_import"),
]
