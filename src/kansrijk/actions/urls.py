from django.urls import path

from kansrijk.actions import views

app_name = "actions"

urlpatterns = [
    path("", views.my_action_items, name="mine"),
    path("<uuid:item_uuid>/afhandelen/", views.dispose, name="dispose"),
]
