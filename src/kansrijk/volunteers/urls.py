from django.urls import path

from kansrijk.volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("", views.waiting_list, name="waiting_list"),
    path("aanvragen/<uuid:request_id>/voorstellen/", views.match_propose, name="propose"),
]
