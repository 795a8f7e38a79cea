"""Texts the parent site shows that other apps define (the choices of `referrals` and
`clients`, and the shared form-field template), named here so that `makemessages` keeps them
in the parent site's catalogues: only the parent site has Arabic, Turkish, Polish, Ukrainian
and Tigrinya catalogues."""

from django.utils.translation import gettext_noop

EXTERNAL_TEXTS = (
    gettext_noop("Text messages only"),
    gettext_noop("Do not leave a voicemail"),
    gettext_noop("Do not say who is calling"),
    gettext_noop("Do not contact me: I will call you"),
    gettext_noop("Any time"),
    gettext_noop("In the morning"),
    gettext_noop("In the afternoon"),
    gettext_noop("In the early evening"),
    gettext_noop("Dutch"),
    gettext_noop("English"),
    gettext_noop("Arabic"),
    gettext_noop("Turkish"),
    gettext_noop("Polish"),
    gettext_noop("Ukrainian"),
    gettext_noop("Russian"),
    gettext_noop("Tigrinya"),
    gettext_noop("Somali"),
    gettext_noop("Amharic"),
    gettext_noop("Persian (Farsi, Dari)"),
    gettext_noop("Pashto"),
    gettext_noop("Kurdish"),
    gettext_noop("Bulgarian"),
    gettext_noop("Romanian"),
    gettext_noop("Spanish"),
    gettext_noop("Portuguese"),
    gettext_noop("French"),
    gettext_noop("German"),
    gettext_noop("Chinese"),
    gettext_noop("optional"),
)
