import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.trainings.constants import (
    AccreditationStatus,
    Attendance,
    EditionStatus,
    Profession,
    Register,
    RegistrationStatus,
)


class Course(models.Model):
    """A training for professionals that a coalition organises, given in one or more
    editions. The hours are the accredited length of one edition."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        related_name="courses",
        on_delete=models.CASCADE,
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=2)
    # Profession codes (constants.Profession) the training is meant for.
    target_professions = models.JSONField(_("target professions"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="trainings_course_hours")
        ]

    def __str__(self) -> str:
        return self.title

    def target_profession_labels(self) -> list[str]:
        labels = dict(Profession.choices)
        return [str(labels.get(code, code)) for code in self.target_professions]


class Edition(models.Model):
    """One run of a course: when, where, how many places."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        Course, verbose_name=_("training"), related_name="editions", on_delete=models.CASCADE
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    status = models.CharField(
        _("status"), max_length=16, choices=EditionStatus.choices, default=EditionStatus.OPEN
    )
    public = models.BooleanField(_("public"), default=False)
    lock_version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="trainings_edition_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gt=0), name="trainings_edition_has_places"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.title} ({self.starts_at:%Y-%m-%d})"


class Accreditation(models.Model):
    """A register's accreditation of a course: for all its editions, or (with `edition`) for
    one edition, which then overrides the course's for that register."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        Course, verbose_name=_("training"), related_name="accreditations", on_delete=models.CASCADE
    )
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("edition"),
        related_name="accreditations",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    register = models.CharField(_("register"), max_length=8, choices=Register.choices)
    accreditation_id = models.CharField(_("accreditation number"), max_length=60, blank=True)
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=2, default=0)
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=AccreditationStatus.choices,
        default=AccreditationStatus.APPLIED,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        ordering = ["register"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "register"],
                condition=models.Q(edition__isnull=True),
                name="trainings_accreditation_once_per_course",
            ),
            models.UniqueConstraint(
                fields=["edition", "register"],
                condition=models.Q(edition__isnull=False),
                name="trainings_accreditation_once_per_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_register_display()} {self.accreditation_id}".strip()


class Registration(models.Model):
    """A participant of an edition: a user of Kansrijk, or an outside professional by name
    and organisation. Their register number is kept as the register writes it (digits)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), related_name="registrations", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="training_registrations",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    name = models.CharField(_("name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    profession = models.CharField(_("profession"), max_length=24, choices=Profession.choices)
    register = models.CharField(_("register"), max_length=8, choices=Register.choices, blank=True)
    register_number = models.CharField(_("registration number"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    waiting_position = models.PositiveIntegerField(_("place on the waiting list"), null=True)
    attendance = models.CharField(
        _("attendance"), max_length=8, choices=Attendance.choices, blank=True, default=""
    )
    hours_attended = models.DecimalField(
        _("hours attended"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "user"],
                condition=models.Q(user__isnull=False) & ~models.Q(status="cancelled"),
                name="trainings_registration_once_per_user",
            ),
        ]

    def __str__(self) -> str:
        return self.name
