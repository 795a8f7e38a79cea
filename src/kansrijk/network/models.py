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


class Attendance(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), related_name="attendances", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="event_attendances",
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
            )
        ]
