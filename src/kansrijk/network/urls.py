from django.urls import path

from kansrijk.network import views

app_name = "network"

urlpatterns = [
    path("<slug:slug>.ics", views.agenda_feed, name="feed"),
    path("<slug:slug>/", views.agenda, name="agenda"),
    path("<slug:slug>/<uuid:event_uuid>.ics", views.agenda_event_ics, name="event_ics"),
]
