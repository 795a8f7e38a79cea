"""Mounted under a client: /clienten/<uuid:client_id>/screening/ (clients/urls.py), so every
name is clients:screening:<name> and every view gets `client_id`."""

from django.urls import path

from kansrijk.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.screening_overview, name="overview"),
    path("uitslag/<uuid:screening_id>/", views.screening_result, name="result"),
    path("<slug:code>/", views.screening_fill, name="fill"),
]
