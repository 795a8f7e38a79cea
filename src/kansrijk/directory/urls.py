from kansrijk.directory.views import editing, search

app_name = "directory"

urlpatterns = [*search.urlpatterns, *editing.urlpatterns]
