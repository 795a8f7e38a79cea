from django.urls import path

from kansrijk.soundingboard import views

app_name = "soundingboard"

urlpatterns = [
    path("", views.board_list, name="board_list"),
    path("<uuid:board_id>/", views.board_detail, name="board_detail"),
    path("<uuid:board_id>/leden/nieuw/", views.member_create, name="member_create"),
    path("<uuid:board_id>/bijeenkomsten/nieuw/", views.session_create, name="session_create"),
    path("<uuid:board_id>/onkosten/", views.expense_list, name="expense_list"),
    path(
        "<uuid:board_id>/adviesvragen/nieuw/",
        views.advice_request_create,
        name="advice_request_create",
    ),
    path("leden/<uuid:member_id>/", views.member_detail, name="member_detail"),
    path("leden/<uuid:member_id>/wijzigen/", views.member_edit, name="member_edit"),
    path("leden/<uuid:member_id>/gegevens/", views.member_identity, name="member_identity"),
    path("leden/<uuid:member_id>/toestemming/", views.member_consent, name="member_consent"),
    path(
        "leden/<uuid:member_id>/toestemming/intrekken/",
        views.member_consent_withdraw,
        name="member_consent_withdraw",
    ),
    path("bijeenkomsten/<uuid:session_id>/", views.session_detail, name="session_detail"),
    path("bijeenkomsten/<uuid:session_id>/wijzigen/", views.session_edit, name="session_edit"),
    path(
        "bijeenkomsten/<uuid:session_id>/aanwezigheid/",
        views.session_attendance,
        name="session_attendance",
    ),
    path("bijeenkomsten/<uuid:session_id>/onkosten/", views.expense_add, name="expense_add"),
    path("onkosten/<uuid:expense_id>/betaald/", views.expense_paid, name="expense_paid"),
    path(
        "adviesvragen/<uuid:request_id>/",
        views.advice_request_detail,
        name="advice_request_detail",
    ),
    path("adviesvragen/<uuid:request_id>/advies/", views.advice_record, name="advice_record"),
    path("adviesvragen/<uuid:request_id>/antwoord/", views.advice_answer, name="advice_answer"),
    path(
        "<slug:slug>/jullie-zeiden-wij-deden/",
        views.you_said_we_did,
        name="you_said_we_did",
    ),
]
