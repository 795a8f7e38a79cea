"""Where a parent's status link is sent. Pluggable (setting KANSRIJK_PORTAL_SENDER): a class
with `send(*, phone, email, message) -> bool`. Kansrijk ships the log backend for the demo;
an installation plugs in its SMS gateway or mail."""

from __future__ import annotations

import logging

from django.core.mail import send_mail

logger = logging.getLogger("kansrijk.portal.senders")


def _masked(value: str) -> str:
    return f"…{value[-3:]}" if len(value) > 3 else "…"


class LogSender:
    """The demo: writes the message to the log instead of sending it, with the number or
    address masked (the log is no place for her contact details)."""

    def send(self, *, phone: str, email: str, message: str) -> bool:
        to = f"sms {_masked(phone)}" if phone else f"e-mail {_masked(email)}" if email else ""
        if not to:
            return False
        logger.warning("status link (demo, not sent) to %s: %s", to, message)
        return True


class EmailSender:
    """E-mail through Django's mail settings; no text messages."""

    def send(self, *, phone: str, email: str, message: str) -> bool:
        if not email:
            return False
        send_mail(
            subject=message.split(":")[0], message=message, from_email=None, recipient_list=[email]
        )
        return True
