from django.urls import include, path

from kansrijk.clients import views

app_name = "clients"

urlpatterns = [
    path("", views.client_list, name="list"),
    path("nieuw/", views.client_register, name="register"),
    path("<uuid:client_id>/", views.client_detail, name="detail"),
    path("<uuid:client_id>/wijzigen/", views.client_edit, name="edit"),
    path("<uuid:client_id>/contactgegevens/", views.identity_edit, name="identity"),
    path("<uuid:client_id>/toestemming/nieuw/", views.consent_record, name="consent_record"),
    path(
        "<uuid:client_id>/toestemming/<uuid:consent_id>/intrekken/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("<uuid:client_id>/inzage/", views.client_export, name="export"),
    path("<uuid:client_id>/screening/", include("kansrijk.screening.urls")),
]
