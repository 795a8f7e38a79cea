"""Translation that also works without Django: `kansrijk.screening.score` is plain Python, and
speaks Dutch (the active language) only when it runs inside Kansrijk."""

__all__ = ["current_language", "gettext_noop", "translate"]


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogue (makemessages knows this name); translate it later.
    Django's own gettext_noop needs settings, this one does not."""
    return message


def translate(message: str) -> str:
    """gettext(message) once Django's apps are loaded; else the English message itself."""
    from django.apps import apps

    if not apps.ready:
        return message
    from django.utils.translation import gettext

    return gettext(message)


def current_language() -> str:
    """The active language inside Kansrijk, English outside it."""
    from django.apps import apps

    if not apps.ready:
        return "en"
    from django.utils.translation import get_language

    return get_language() or "nl"
