"""Move the partner approvals of pathway versions into the coalition agreements' shared
approval record (agreements.PartnerApproval, subject kind "pathway_version"). The next
migration drops pathways.PathwayApproval."""

from django.db import migrations

SUBJECT_KIND = "pathway_version"


def forwards(apps, schema_editor):
    PathwayApproval = apps.get_model("pathways", "PathwayApproval")
    PartnerApproval = apps.get_model("agreements", "PartnerApproval")
    rows = PathwayApproval.objects.select_related("version").order_by("pk")
    PartnerApproval.objects.bulk_create(
        [
            PartnerApproval(
                subject_kind=SUBJECT_KIND,
                subject_id=row.version.uuid,
                organisation_id=row.organisation_id,
                user_id=row.user_id,
                user_name=row.user_name,
                approved_at=row.approved_at,
                remark=row.remark,
            )
            for row in rows.iterator()
        ],
        batch_size=500,
        ignore_conflicts=True,  # a partial earlier run: those rows are there already
    )


def backwards(apps, schema_editor):
    PathwayApproval = apps.get_model("pathways", "PathwayApproval")
    PathwayVersion = apps.get_model("pathways", "PathwayVersion")
    PartnerApproval = apps.get_model("agreements", "PartnerApproval")
    versions = dict(PathwayVersion.objects.values_list("uuid", "pk"))
    approvals = PartnerApproval.objects.filter(subject_kind=SUBJECT_KIND).order_by("pk")
    PathwayApproval.objects.bulk_create(
        [
            PathwayApproval(
                version_id=versions[row.subject_id],
                organisation_id=row.organisation_id,
                user_id=row.user_id,
                user_name=row.user_name,
                approved_at=row.approved_at,
                remark=row.remark,
            )
            for row in approvals
            if row.subject_id in versions
        ],
        batch_size=500,
    )
    approvals.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pathways", "0001_initial"),
        ("agreements", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
