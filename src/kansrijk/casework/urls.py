from django.urls import path

from kansrijk.casework import views

app_name = "casework"

urlpatterns = [
    path("", views.index, name="index"),
    path("casus/<uuid:case_uuid>/", views.case_detail, name="case"),
    path("casus/<uuid:case_uuid>/goedkeuren/", views.case_approve, name="case_approve"),
    path("overdracht/<uuid:handover_uuid>/", views.handover_answer, name="handover_answer"),
    path("overleg/<uuid:meeting_uuid>/", views.meeting_detail, name="meeting"),
    path("overleg/<uuid:meeting_uuid>/geheimhouding/", views.meeting_confirm, name="confirm"),
    path("overleg/<uuid:meeting_uuid>/agenda/", views.meeting_agenda, name="agenda"),
    path(
        "overleg/<uuid:meeting_uuid>/verslag/<int:item_id>/",
        views.minutes_save,
        name="minutes",
    ),
    path(
        "overleg/<uuid:meeting_uuid>/afspraak/<int:item_id>/",
        views.agreement_add,
        name="agreement",
    ),
    path("overleg/<uuid:meeting_uuid>/vaststellen/", views.meeting_finalise, name="finalise"),
    path("overleg/<uuid:meeting_uuid>/notulen.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<uuid:consultation_uuid>/", views.consultation_detail, name="consultation"),
    path("<uuid:consultation_uuid>/aanmelden/", views.case_submit, name="submit"),
    path("<uuid:consultation_uuid>/samenvatting/", views.summary, name="summary"),
]
