from django.db import models
from django.utils.translation import gettext_lazy as _

# The domain in every event's iCalendar UID: fixed, so a subscribed calendar recognises an
# event again whatever host name the feed is served from.
ICAL_UID_DOMAIN = "kansrijk.nl"
# The public feed shows events from this many days ago on.
FEED_PAST_DAYS = 90
AMSTERDAM = "Europe/Amsterdam"


class EventKind(models.TextChoices):
    CORE_MEETING = "core_meeting", _("core coalition meeting")
    NETWORK_MEETING = "network_meeting", _("network meeting")
    NETWORK_CAFE = "network_cafe", _("network café")
    MANAGERS_MEETING = "managers_meeting", _("managers' meeting")
    TRAINING = "training", _("training")


class RsvpAnswer(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    MAYBE = "maybe", _("maybe")


# The personal feed shows items from this many days ago on.
PERSONAL_FEED_PAST_DAYS = 90
# How agreements made at a network meeting are named in the shared agreement engine.
ACTION_CONTEXT_KIND = "network.event"
# An invitation answered by link: how long after the event the link still works.
INVITATION_LINK_DAYS_AFTER = 30
