from django.urls import path

from kansrijk.actionprogrammes import views

app_name = "actionprogrammes"

urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("nieuw/", views.programme_create, name="programme_create"),
    path("<uuid:programme_uuid>/", views.programme_detail, name="programme_detail"),
    path("<uuid:programme_uuid>/wijzigen/", views.programme_edit, name="programme_edit"),
    path("<uuid:programme_uuid>/actielijnen/nieuw/", views.line_create, name="line_create"),
    path(
        "<uuid:programme_uuid>/actielijnen/<uuid:line_uuid>/wijzigen/",
        views.line_edit,
        name="line_edit",
    ),
    path(
        "<uuid:programme_uuid>/activiteiten/nieuw/", views.activity_create, name="activity_create"
    ),
    path(
        "<uuid:programme_uuid>/activiteiten/<uuid:activity_uuid>/wijzigen/",
        views.activity_edit,
        name="activity_edit",
    ),
    path(
        "<uuid:programme_uuid>/activiteiten/<uuid:activity_uuid>/evaluatie/",
        views.activity_review,
        name="activity_review",
    ),
    path("<uuid:programme_uuid>/doelen/nieuw/", views.target_create, name="target_create"),
    path(
        "<uuid:programme_uuid>/doelen/<uuid:target_uuid>/wijzigen/",
        views.target_edit,
        name="target_edit",
    ),
    path(
        "<uuid:programme_uuid>/doelen/<uuid:target_uuid>/verwijderen/",
        views.target_delete,
        name="target_delete",
    ),
]
