from django.urls import path

from kansrijk.volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("", views.waiting_list, name="waiting_list"),
    path("aanvragen/<uuid:request_id>/voorstellen/", views.match_propose, name="propose"),
    path("koppelingen/", views.match_list, name="match_list"),
    path("koppelingen/<uuid:match_id>/", views.match_detail, name="match_detail"),
    path(
        "koppelingen/<uuid:match_id>/contactroute/",
        views.match_contact_route,
        name="match_contact_route",
    ),
    path("koppelingen/<uuid:match_id>/status/", views.match_transition, name="match_transition"),
    path("controles/<uuid:check_in_id>/gedaan/", views.check_in_done, name="check_in_done"),
    path("contacten/<uuid:contact_id>/zorg-opgepakt/", views.worry_handle, name="worry_handle"),
    path("mijn-gezinnen/", views.my_families, name="my_families"),
    path("mijn-gezinnen/<uuid:match_id>/", views.my_family, name="my_family"),
]
