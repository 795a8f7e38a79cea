from django.urls import path

from kansrijk.referrals import views

app_name = "referrals"


urlpatterns = [
    path("", views.work_list, name="work_list"),
    path("overzicht/", views.overview, name="overview"),
    path("nieuw/", views.referral_create_view, name="create"),
    path("meldingen/<uuid:alert_id>/gelezen/", views.alert_read, name="alert_read"),
    path("<uuid:referral_id>/", views.referral_detail, name="detail"),
    path("<uuid:referral_id>/status/", views.referral_transition_view, name="transition"),
    path("<uuid:referral_id>/vraag/", views.question_ask, name="question_ask"),
    path(
        "<uuid:referral_id>/vraag/<uuid:question_id>/antwoord/",
        views.question_answer,
        name="question_answer",
    ),
    path("<uuid:referral_id>/afsluiten/", views.loop_close, name="loop_close"),
    path("<uuid:referral_id>/fhir.json", views.referral_fhir, name="fhir"),
]
