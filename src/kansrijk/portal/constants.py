"""The parent site's fixed vocabulary: phases, topics, languages and safe-contact choices.

Codes are stable (they are in URLs and stored requests); labels are English msgids, shown in
the page's language.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.referrals.constants import ContactTime, SafeContact

__all__ = ["ContactTime", "SafeContact"]  # the parent site asks them; the referral keeps them

# The parent site's languages, in the order of the language switch. A coalition may add more
# (Site.extra_languages); these seven ship with Kansrijk.
PORTAL_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk", "ti")
DEFAULT_LANGUAGE = "nl"


class Phase(models.TextChoices):
    # Codes are the directory's phase taxonomy codes (directory.constants), so "help nearby"
    # filters on them directly.
    WISH = "wish-for-a-child", _("Wish for a child")
    PREGNANCY = "pregnancy", _("Pregnant")
    BABY = "0-6-months", _("Baby (0 to 6 months)")
    TODDLER = "6-24-months", _("Child (6 months to 2 years)")


class Trimester(models.IntegerChoices):
    FIRST = 1, _("First trimester (week 1 to 12)")
    SECOND = 2, _("Second trimester (week 13 to 26)")
    THIRD = 3, _("Third trimester (week 27 to birth)")


@dataclass(frozen=True)
class Topic:
    code: str
    label: str  # lazy msgid: what a parent would say
    icon: str  # the id of a symbol in static/portal/icons.svg
    themes: tuple[str, ...]  # the directory's theme codes for "help nearby"


TOPICS: tuple[Topic, ...] = (
    Topic("money", _("Money worries"), "money", ("debts-and-money",)),
    Topic("housing", _("A place to live"), "house", ("housing",)),
    Topic("feeling-down", _("Feeling down or worried"), "cloud", ("mental-health",)),
    Topic("crying-baby", _("A baby who cries a lot"), "baby", ("parenting-and-development",)),
    Topic("safety", _("Safety at home"), "shield", ("domestic-violence-and-safety",)),
    Topic("lonely", _("Feeling alone"), "people", ("social-network-and-loneliness",)),
    Topic(
        "language", _("Learning Dutch, reading and writing"), "speech", ("language-and-literacy",)
    ),
    Topic("pregnancy-care", _("Care during pregnancy"), "heart", ("pregnancy-and-birth-care",)),
    Topic(
        "smoking-drinking",
        _("Smoking, alcohol or drugs"),
        "leaf",
        ("lifestyle-and-smoking", "substance-use"),
    ),
    Topic("papers", _("Residence papers"), "document", ("residence-status",)),
)
TOPICS_BY_CODE = {topic.code: topic for topic in TOPICS}


class SentBy(models.TextChoices):
    """Who filled in the request: the parent herself or someone she trusts, with her consent."""

    PARENT = "parent", _("I ask for myself")
    VOLUNTEER = "volunteer", _("A volunteer or buddy, for the parent")
    FAMILY = "family", pgettext_lazy("sent by", "A family member or friend, for the parent")


class RequestState(models.TextChoices):
    """A request for help before it is a referral: stored first, then handed to the intake."""

    RECEIVED = "received", _("Received")
    FORWARDED = "forwarded", _("Forwarded to the intake")
    FAILED = "failed", _("Waiting for a coordinator")


class PageKind(models.TextChoices):
    PHASE = "phase", _("Phase page")
    TOPIC = "topic", _("Topic page")
    ABOUT = "about", _("About this site")


# Audit actions of the parent site (the status link reads client data, so it is logged too).
AUDIT_HELP_REQUEST_RECEIVED = "portal.help_request_received"
AUDIT_HELP_REQUEST_FORWARDED = "portal.help_request_forwarded"
AUDIT_STATUS_VIEWED = "portal.status_viewed"
AUDIT_STATUS_LINK_REVOKED = "portal.status_link_revoked"
AUDIT_OBJECT_HELP_REQUEST = "help_request"

# Plain-language check for editors (B1): a sentence over this many words, a word over this
# many letters, is marked.
LONG_SENTENCE_WORDS = 15
LONG_WORD_LETTERS = 13
