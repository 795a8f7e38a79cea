"""NEN 7513 fields (role, client, source, outcome) and the hash chain.

Events written before this migration are numbered and chained in the order they were written.
"""

import django.utils.timezone
from django.db import migrations, models

from kansrijk.audit import chain

GENESIS_HASH = "0" * 64
BATCH_SIZE = 500


def chain_existing_events(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    db = schema_editor.connection.alias
    sequence, previous_hash = 0, GENESIS_HASH
    batch = []
    for event in AuditEvent.objects.using(db).order_by("timestamp", "id").iterator():
        sequence += 1
        fields = {name: getattr(event, name) for name in chain.HASHED_FIELDS}
        event.sequence = sequence
        event.previous_hash = previous_hash
        event.hash = previous_hash = chain.event_hash(previous_hash=previous_hash, fields=fields)
        batch.append(event)
        if len(batch) >= BATCH_SIZE:
            AuditEvent.objects.using(db).bulk_update(batch, ["sequence", "previous_hash", "hash"])
            batch = []
    if batch:
        AuditEvent.objects.using(db).bulk_update(batch, ["sequence", "previous_hash", "hash"])
    AuditChainHead.objects.using(db).create(id=1, sequence=sequence, hash=previous_hash)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                (
                    "sequence",
                    models.PositiveBigIntegerField(default=0, verbose_name="last sequence number"),
                ),
                (
                    "hash",
                    models.CharField(default=GENESIS_HASH, max_length=64, verbose_name="last hash"),
                ),
            ],
            options={
                "verbose_name": "audit chain head",
                "verbose_name_plural": "audit chain heads",
            },
        ),
        migrations.AlterModelOptions(
            name="auditevent",
            options={
                "ordering": ["-sequence"],
                "verbose_name": "audit event",
                "verbose_name_plural": "audit events",
            },
        ),
        migrations.AddField(
            model_name="auditevent",
            name="actor_display",
            field=models.CharField(blank=True, max_length=150, verbose_name="actor's user name"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="actor_role",
            field=models.CharField(blank=True, max_length=200, verbose_name="actor's role"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="client_id",
            field=models.CharField(blank=True, db_index=True, max_length=64, verbose_name="client"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="source",
            field=models.CharField(blank=True, max_length=100, verbose_name="source"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="outcome",
            field=models.CharField(
                choices=[("allowed", "Allowed"), ("denied", "Denied")],
                default="allowed",
                max_length=10,
                verbose_name="outcome",
            ),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(default="", max_length=64, verbose_name="previous hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", max_length=64, verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True, verbose_name="sequence number"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="actor_id",
            field=models.CharField(blank=True, db_index=True, max_length=64, verbose_name="actor"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="timestamp",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, verbose_name="timestamp"
            ),
        ),
        migrations.RunPython(chain_existing_events, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="sequence number"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
        ),
    ]
