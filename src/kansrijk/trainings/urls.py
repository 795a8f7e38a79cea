from django.urls import path

from kansrijk.trainings import views

app_name = "trainings"

# Fixed paths first: "<uuid>/" would not match them, but keep the order readable.
urlpatterns = [
    path("", views.offer, name="offer"),
    path("beheer/", views.course_list, name="course_list"),
    path("beheer/nieuw/", views.course_create, name="course_create"),
    path("beheer/<uuid:course_uuid>/", views.course_detail, name="course_detail"),
    path(
        "beheer/<uuid:course_uuid>/accreditatie/",
        views.accreditation_set,
        name="accreditation_set",
    ),
    path("beheer/<uuid:course_uuid>/editie/", views.edition_create, name="edition_create"),
    path("beheer/editie/<uuid:edition_uuid>/", views.edition_detail, name="edition_detail"),
    path("beheer/editie/<uuid:edition_uuid>/wijzigen/", views.edition_edit, name="edition_edit"),
    path(
        "beheer/editie/<uuid:edition_uuid>/aanmelden/",
        views.registration_add,
        name="registration_add",
    ),
    path("beheer/editie/<uuid:edition_uuid>/aanwezigheid/", views.attendance, name="attendance"),
    path(
        "beheer/editie/<uuid:edition_uuid>/presentielijst-<slug:register>.csv",
        views.presence_list_csv,
        name="presence_list_csv",
    ),
    path(
        "beheer/aanmelding/<uuid:registration_uuid>/annuleren/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "aanmelding/<uuid:registration_uuid>/certificaat.pdf",
        views.certificate,
        name="certificate",
    ),
    path("<uuid:edition_uuid>/", views.edition_page, name="edition_page"),
    path("<uuid:edition_uuid>/aanmelden/", views.register_self, name="register_self"),
    path("<uuid:edition_uuid>/afmelden/", views.cancel_self, name="cancel_self"),
]
