import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.network.constants import EventKind, RsvpAnswer


class Event(models.Model):
    """A meeting of the coalition network: a core coalition meeting, network meeting, network
    café, managers' meeting or training. Public events appear in the coalition's agenda and
    its iCalendar feed."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        related_name="events",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    public = models.BooleanField(_("public"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="network_event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class Rsvp(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), related_name="rsvps", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="event_rsvps",
        on_delete=models.CASCADE,
    )
    answer = models.CharField(_("answer"), max_length=8, choices=RsvpAnswer.choices)
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="network_rsvp_once_per_user")
        ]


def new_secret() -> str:
    """A link secret: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """Someone invited to an event: a user of a partner organisation, or an e-mail address of
    someone without an account. The secret answers the invitation by link, without logging in."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), related_name="invitations", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="event_invitations",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    # For a user: their address when invited (the e-mail goes to their current one).
    email = models.EmailField(_("e-mail address"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    secret = models.CharField(_("secret"), max_length=64, unique=True, default=new_secret)
    answer = models.CharField(_("answer"), max_length=8, choices=RsvpAnswer.choices, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(user__isnull=False),
                name="network_invitation_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(user__isnull=True),
                name="network_invitation_once_per_address",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="network_invitation_of_someone",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def display_name(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.name or self.email


class Attendance(models.Model):
    """Who was present at an event, recorded afterwards per invitee (or per user)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), related_name="attendances", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="event_attendances",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("invitation"),
        related_name="attendance",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    present = models.BooleanField(_("present"), default=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="network_attendance_once_per_user"
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(invitation__isnull=False),
                name="network_attendance_of_someone",
            ),
        ]


class Decision(models.Model):
    """A decision a meeting took, as text. Agreements with an owner and a due date are action
    items in the shared agreement engine (kansrijk.actions)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), related_name="decisions", on_delete=models.CASCADE
    )
    text = models.TextField(_("decision"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class PersonalFeedToken(models.Model):
    """The secret in a staff member's personal calendar link. Kept readable (not hashed) so
    the person can copy the link again for another calendar app; revoking it ends the link
    at once, and a new one gets a new secret."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="calendar_feed_tokens",
        on_delete=models.CASCADE,
    )
    secret = models.CharField(_("secret"), max_length=64, unique=True, default=new_secret)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal calendar link")
        verbose_name_plural = _("personal calendar links")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(revoked_at__isnull=True),
                name="network_one_active_feed_token_per_user",
            )
        ]

    def __str__(self) -> str:
        return str(self.user)
