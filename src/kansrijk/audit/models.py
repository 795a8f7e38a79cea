"""An append-only audit log (NEN 7513). A sink: it imports no domain app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    timestamp = models.DateTimeField(_("timestamp"), auto_now_add=True, db_index=True)
    actor_id = models.CharField(_("actor"), max_length=64, blank=True)
    actor_organisation_id = models.CharField(_("actor's organisation"), max_length=64, blank=True)
    action = models.CharField(_("action"), max_length=50)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-timestamp", "-id"]
