"""An append-only audit log with the NEN 7513 fields, chained by SHA-256 hashes.

A sink: it imports no domain app. Events are written only by `services.audit_record`; the
database refuses UPDATE and DELETE on the table (triggers, migration 0003), and the model
refuses them too, as a guard against mistakes. `kansrijk audit verify` checks the chain.

Privacy: the log holds ids, never names or contact details of clients. `client_id` is the
client's pseudonymous id; `detail` holds ids and short facts (a state, a reason code).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.audit.constants import GENESIS_HASH, Outcome


class AuditLogAppendOnlyError(Exception):
    """Audit events are only ever added: never changed or deleted."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogAppendOnlyError("audit events cannot be changed")

    def delete(self):
        raise AuditLogAppendOnlyError("audit events cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditLogAppendOnlyError("audit events cannot be changed")


class AuditEvent(models.Model):
    # Position in the chain: 1, 2, 3, ... without gaps.
    sequence = models.PositiveBigIntegerField(_("sequence number"), unique=True)
    # When (always set by audit_record, in the same transaction that takes the next number).
    timestamp = models.DateTimeField(_("timestamp"), default=timezone.now, db_index=True)
    # Who: the user's public id and, for people reading the log, the username.
    actor_id = models.CharField(_("actor"), max_length=64, blank=True, db_index=True)
    actor_display = models.CharField(_("actor's user name"), max_length=150, blank=True)
    # In which role(s) and organisation.
    actor_role = models.CharField(_("actor's role"), max_length=200, blank=True)
    actor_organisation_id = models.CharField(_("actor's organisation"), max_length=64, blank=True)
    # Which client: the pseudonymous client id, never a name.
    client_id = models.CharField(_("client"), max_length=64, blank=True, db_index=True)
    # What.
    action = models.CharField(_("action"), max_length=50)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    # From where: an IP address, or "system" / the command's name.
    source = models.CharField(_("source"), max_length=100, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.ALLOWED
    )
    previous_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-sequence"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogAppendOnlyError("audit events cannot be changed")
        if not self.hash:
            raise AuditLogAppendOnlyError("write audit events with audit_record()")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogAppendOnlyError("audit events cannot be deleted")


class AuditChainHead(models.Model):
    """One row: the last event's sequence number and hash. Appending locks it
    (SELECT ... FOR UPDATE), so concurrent writers take turns and never fork the chain."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField(_("last sequence number"), default=0)
    hash = models.CharField(_("last hash"), max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")
        verbose_name_plural = _("audit chain heads")

    def __str__(self) -> str:
        return f"#{self.sequence}"
