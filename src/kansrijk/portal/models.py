"""The parent site: one per coalition (ParentSite), its pages per phase and topic in several
languages, eligibility checks on the directory's services, and the requests for help parents
send without an account (HelpRequest), before they become self-referrals.
"""

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.clients.crypto import EncryptedTextField
from kansrijk.portal.constants import PageKind, Phase, RequestState, SentBy, Trimester

colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as # and six hex digits."))


class ParentSite(models.Model):
    """A coalition's site for parents, at /ouders/<slug>/ (and optionally its own host name)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    coalition = models.ForeignKey(
        "organisations.Coalition",
        verbose_name=_("coalition"),
        on_delete=models.PROTECT,
        related_name="parent_sites",
    )
    # The municipalities the site serves; none chosen means all of the coalition's.
    municipalities = models.ManyToManyField(
        "regions.Municipality", verbose_name=_("municipalities"), related_name="+", blank=True
    )
    # The directory service (HSDS id) that receives "Ik wil hulp": its partner does the intake.
    intake_service_id = models.UUIDField(_("intake service (sociale kaart)"), null=True, blank=True)
    host_name = models.CharField(
        _("own host name"),
        max_length=200,
        blank=True,
        help_text=_("For example ouders.sjpruut.nl. Leave empty to use /ouders/<slug>/ only."),
    )
    # NL Design System tokens the site overrides (in the coalition's house style).
    colour_primary = models.CharField(
        _("main colour"), max_length=7, default="#1d4f91", validators=[colour]
    )
    colour_primary_text = models.CharField(
        _("text on the main colour"), max_length=7, default="#ffffff", validators=[colour]
    )
    colour_accent = models.CharField(
        _("accent colour"), max_length=7, default="#fbe9d3", validators=[colour]
    )
    # A static file path (e.g. portal/logos/sjpruut.svg); empty shows the name only.
    logo = models.CharField(_("logo (static file)"), max_length=200, blank=True)
    # Languages beyond the seven that ship with Kansrijk (ISO 639-1 codes).
    extra_languages = models.JSONField(_("extra languages"), default=list, blank=True)
    jgz_name = models.CharField(_("youth health care (JGZ)"), max_length=200, blank=True)
    jgz_phone = models.CharField(_("JGZ phone number"), max_length=30, blank=True)
    jgz_phone_hours = models.CharField(_("JGZ phone hours"), max_length=200, blank=True)
    jgz_chat_url = models.URLField(_("JGZ chat"), blank=True)
    is_active = models.BooleanField(_("online"), default=True)

    class Meta:
        verbose_name = _("parent site")
        verbose_name_plural = _("parent sites")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["host_name"],
                condition=~models.Q(host_name=""),
                name="parent_site_unique_host_name",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Page(models.Model):
    """An information page of one site: for a phase (and trimester), a topic, or about the
    site. Its texts are PageTranslations; it links to national sources instead of copying."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(
        ParentSite, verbose_name=_("site"), on_delete=models.CASCADE, related_name="pages"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PageKind.choices)
    slug = models.SlugField(_("slug"), max_length=100)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, blank=True)
    trimester = models.PositiveSmallIntegerField(
        _("trimester"), choices=Trimester.choices, null=True, blank=True
    )
    topic = models.CharField(_("topic"), max_length=30, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    # [{"title": "Thuisarts: ...", "url": "https://www.thuisarts.nl/..."}]
    national_links = models.JSONField(_("links to national sources"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    reviewer = models.CharField(_("reviewed by"), max_length=200, blank=True)
    review_due = models.DateField(_("review due"), null=True, blank=True)
    tested_with_parents = models.BooleanField(_("tested with parents"), default=False)
    tested_with_parents_on = models.DateField(_("tested with parents on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    lock_version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering = ["order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["site", "slug"], name="portal_page_unique_slug")
        ]

    def __str__(self) -> str:
        return self.slug


class PageTranslation(models.Model):
    """A page's text in one language. Written by people; until a native speaker has checked a
    translation it is marked `awaiting_check` (the demo's translations are)."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    # Plain text: paragraphs separated by an empty line, "- " starts a list item.
    body = models.TextField(_("text"))
    awaiting_check = models.BooleanField(_("awaiting a native speaker's check"), default=False)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("page translation")
        verbose_name_plural = _("page translations")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="portal_one_text_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page.slug} ({self.language})"


class EligibilityCheck(models.Model):
    """ "Is this for me?": a few positive, one-idea questions about a directory service, decided
    by a DMN decision table (kansrijk.rules). When the service does not fit, the site shows
    other services for the same topic."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(
        ParentSite, verbose_name=_("site"), on_delete=models.CASCADE, related_name="checks"
    )
    service_id = models.UUIDField(_("service (sociale kaart)"), db_index=True)
    # [{"name": "pregnant", "text": {"nl": "Bent u zwanger?", "en": "Are you pregnant?"}}];
    # each answer is a boolean input of the decision.
    questions = models.JSONField(_("questions"), default=list)
    # DMN 1.x XML with one decision, `decision_name`, whose output `fits` is true or false
    # (and may give a `reason` text).
    dmn_xml = models.TextField(_("decision table (DMN)"))
    decision_name = models.CharField(_("decision"), max_length=100, default="Past deze hulp")

    class Meta:
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "service_id"], name="portal_one_check_per_service"
            )
        ]

    def __str__(self) -> str:
        return f"{self.site.slug}: {self.service_id}"


class HelpRequest(models.Model):
    """ "Ik wil hulp": what a parent sent, stored before anything else happens. It then becomes
    a self-referral (client, consent, referral) to the site's intake; if that fails it stays
    here, FAILED, for a coordinator and the retry task. Contact details are encrypted."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(
        ParentSite, verbose_name=_("site"), on_delete=models.PROTECT, related_name="requests"
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    page_language = models.CharField(_("language of the site"), max_length=8)
    language = models.CharField(_("language she speaks"), max_length=8)
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    first_name = EncryptedTextField(_("first name"))
    phone = EncryptedTextField(_("phone number"), blank=True)
    email = EncryptedTextField(_("e-mail address"), blank=True)
    best_time = models.CharField(_("best time to reach her"), max_length=20, blank=True)
    safe_contact = models.JSONField(_("safe contact"), default=list, blank=True)
    phase = models.CharField(_("phase"), max_length=20, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    # The service she chose on the site ("ask for help here"); empty: the site's intake.
    service_id = models.UUIDField(_("service (sociale kaart)"), null=True, blank=True)
    question = EncryptedTextField(_("her question"), blank=True)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_by = models.CharField(_("sent by"), max_length=20, choices=SentBy.choices)
    helper_name = EncryptedTextField(_("name of the person who helps her"), blank=True)
    consent_words = models.TextField(_("the words of consent she agreed to"))
    state = models.CharField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED
    )
    failure = models.TextField(_("why it could not be forwarded"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    referral = models.OneToOneField(
        "referrals.Referral",
        verbose_name=_("referral"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_request",
    )
    # sha256 of the secret in her status link; the secret itself is never stored.
    status_token_hash = models.CharField(_("status link (hash)"), max_length=64, unique=True)
    status_revoked_at = models.DateTimeField(_("status link revoked at"), null=True, blank=True)
    # An HMAC of the sender's network address, for the rate limit; not the address itself.
    source_key = models.CharField(_("source (keyed hash)"), max_length=64, blank=True)
    pseudonymised_at = models.DateTimeField(_("pseudonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["source_key", "created_at"]),
            models.Index(fields=["state"]),
        ]

    def __str__(self) -> str:
        return f"{self.site.slug} {self.created_at:%Y-%m-%d %H:%M}"
