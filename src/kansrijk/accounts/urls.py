from kansrijk.accounts.views import urlpatterns as view_urlpatterns

app_name = "accounts"

urlpatterns = [*view_urlpatterns]
