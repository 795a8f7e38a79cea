from kansrijk.pathways.views import urlpatterns as _urlpatterns

app_name = "pathways"

urlpatterns = _urlpatterns
