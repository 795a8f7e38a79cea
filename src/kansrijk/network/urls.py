from django.urls import path

from kansrijk.network import views

app_name = "network"

# Fixed paths first: "<slug>/" would also match them.
urlpatterns = [
    path("mijn-koppeling/", views.feed_link, name="feed_link"),
    path("persoonlijk/<str:secret>.ics", views.personal_feed, name="personal_feed"),
    path("antwoord/<str:secret>/", views.invitation_answer, name="invitation_answer"),
    path("bijeenkomst/<uuid:event_uuid>/", views.event_page, name="event_page"),
    path("netwerk/", views.event_list, name="event_list"),
    path("netwerk/nieuw/", views.event_create, name="event_create"),
    path("netwerk/<uuid:event_uuid>/", views.event_detail, name="event_detail"),
    path("netwerk/<uuid:event_uuid>/wijzigen/", views.event_edit, name="event_edit"),
    path("netwerk/<uuid:event_uuid>/afgelasten/", views.event_cancel, name="event_cancel"),
    path("netwerk/<uuid:event_uuid>/uitnodigen/", views.invite, name="invite"),
    path("netwerk/<uuid:event_uuid>/aanwezigheid/", views.attendance, name="attendance"),
    path("netwerk/<uuid:event_uuid>/aanwezigheid.csv", views.attendance_csv, name="attendance_csv"),
    path("netwerk/<uuid:event_uuid>/besluiten/", views.decision_add, name="decision_add"),
    path("netwerk/<uuid:event_uuid>/afspraken/", views.action_item_add, name="action_item_add"),
    path("<slug:slug>.ics", views.agenda_feed, name="feed"),
    path("<slug:slug>/", views.agenda, name="agenda"),
    path("<slug:slug>/<uuid:event_uuid>.ics", views.agenda_event_ics, name="event_ics"),
]
