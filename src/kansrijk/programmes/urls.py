from django.urls import path

from kansrijk.programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.group_list, name="group_list"),
    path("groepen/<uuid:group_id>/", views.group_detail, name="group_detail"),
]
