"""The parent site: /ouders/<site>/<lang>/... Every language has URLs of its own."""

from django.urls import path

from kansrijk.portal.views import content, help, nearby

app_name = "portal"

P = "<slug:site>/<str:lang>/"

urlpatterns = [
    path("", content.site_index, name="index"),
    # For the coalition's editors (logged in): pages past review, the plain-language check.
    path("redactie/<slug:site>/", content.editor_overview, name="editor_overview"),
    path("wachtende-hulpvragen/opnieuw/", help.retry_waiting, name="retry_waiting"),
    path("redactie/<slug:site>/<uuid:page>/", content.editor_page, name="editor_page"),
    path("<slug:site>/", content.site_root, name="site_root"),
    path(P, content.home, name="home"),
    path(P + "fase/<str:phase>/", content.phase, name="phase"),
    path(P + "onderwerp/<str:topic>/", content.topic, name="topic"),
    path(P + "info/<slug:slug>/", content.info_page, name="info_page"),
    path(P + "privacy/", content.privacy, name="privacy"),
    path(P + "toegankelijkheid/", content.accessibility, name="accessibility"),
    path(P + "hulp-in-de-buurt/", nearby.help_list, name="help_list"),
    path(P + "hulp-in-de-buurt/<uuid:service_id>/", nearby.service_detail, name="service"),
    path(
        P + "hulp-in-de-buurt/<uuid:service_id>/past-dit/", nearby.eligibility, name="eligibility"
    ),
    path(P + "groepen/", nearby.groups, name="groups"),
    path(P + "mijn-lijst/", nearby.my_list, name="my_list"),
    path(P + "hulpkaart/", nearby.help_card, name="help_card"),
    path(P + "herinneringen/", nearby.reminders, name="reminders"),
    path(P + "herinneringen.ics", nearby.reminders_feed, name="reminders_feed"),
    path(P + "ik-wil-hulp/", help.request_form, name="help_request"),
    path(P + "status/<str:token>/", help.status, name="status"),
    path(P + "status/<str:token>/intrekken/", help.status_revoke, name="status_revoke"),
]
