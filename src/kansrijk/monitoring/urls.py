from django.urls import path

from kansrijk.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/factsheet.pdf", views.factsheet, name="factsheet"),
    path("<slug:slug>/export.xlsx", views.export_excel, name="export_excel"),
    path("<slug:slug>/tabel/<slug:table>.csv", views.export_table, name="export_table"),
]
