from kansrijk.pathways.views import browse, editing, walking

urlpatterns = [*browse.urlpatterns, *editing.urlpatterns, *walking.urlpatterns]
