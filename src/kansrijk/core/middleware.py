from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Dutch first: the interface is Dutch unless the user picked another language with the
    language switch (Django's language cookie).

    Django's own middleware follows the browser's Accept-Language, which would show English to
    the many Dutch professionals whose computer happens to be set to English.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in settings.KANSRIJK_STAFF_LANGUAGES else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
