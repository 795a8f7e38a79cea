from django.urls import path

from kansrijk.agreements import views

app_name = "agreements"

_version = "afspraak/<uuid:document_id>/versies/<int:number>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("coalitie/<slug:coalition_slug>/", views.coalition_detail, name="coalition"),
    path("coalitie/<slug:coalition_slug>/nieuw/", views.document_create, name="create"),
    path("afspraak/<uuid:document_id>/", views.document_detail, name="document"),
    path(
        "afspraak/<uuid:document_id>/nieuwe-versie/",
        views.version_draft_create,
        name="draft_create",
    ),
    path("afspraak/<uuid:document_id>/vergelijken/", views.version_compare, name="compare"),
    path(_version, views.version_detail, name="version"),
    path(_version + "bewerken/", views.version_edit, name="version_edit"),
    path(_version + "consultatie/", views.version_consultation, name="version_consultation"),
    path(_version + "ondertekenen/", views.version_sign, name="version_sign"),
    path(_version + "vaststellen/", views.version_adopt, name="version_adopt"),
    path(_version + "evaluatie/", views.version_evaluation, name="version_evaluation"),
    path(_version + "reageren/", views.version_comment, name="version_comment"),
    path(_version + "pdf/", views.version_pdf, name="version_pdf"),
]
