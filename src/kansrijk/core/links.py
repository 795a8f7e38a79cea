"""Links in e-mails: absolute when the installation says where it runs."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` prefixed with settings.KANSRIJK_BASE_URL (e.g. https://kansrijk.example.nl);
    without it the path stays relative, which a mail client shows as text."""
    return getattr(settings, "KANSRIJK_BASE_URL", "") + path
