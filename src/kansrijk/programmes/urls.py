from django.urls import path

from kansrijk.programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.group_list, name="group_list"),
    path("groepen/<uuid:group_id>/", views.group_detail, name="group_detail"),
    path("groepen/<uuid:group_id>/plannen/", views.group_plan, name="group_plan"),
    path("groepen/<uuid:group_id>/inschrijven/", views.group_enrol, name="group_enrol"),
    path("groepen/<uuid:group_id>/vervolg/", views.group_continue, name="group_continue"),
    path(
        "groepen/<uuid:group_id>/toestemming/",
        views.continuation_answers,
        name="continuation_answers",
    ),
    path("bijeenkomsten/<uuid:session_id>/", views.session_detail, name="session_detail"),
    path("bijeenkomsten/<uuid:session_id>/verplaatsen/", views.session_move, name="session_move"),
    path("terugbellen/<uuid:call_id>/klaar/", views.follow_up_done, name="follow_up_done"),
]
