# Data: split from the schema changes so PostgreSQL never alters a table with pending trigger
# events (the referrer update touches a foreign key).

from django.db import migrations

from kansrijk.volunteers.streets import street_key


def hash_streets(apps, schema_editor):
    """Replace every stored street by its keyed hash (the street itself is then dropped)."""
    for name in ("Volunteer", "FamilyRequest"):
        model = apps.get_model("volunteers", name)
        for row in model.objects.exclude(street="").only("pk", "postcode4", "street"):
            model.objects.filter(pk=row.pk).update(street_key=street_key(row.postcode4, row.street))


def referrer_from_requester(apps, schema_editor):
    """Until now the professional who made the request is the referrer: her organisation hears
    when the match starts and ends."""
    request_model = apps.get_model("volunteers", "FamilyRequest")
    for row in request_model.objects.filter(created_by__isnull=False).select_related("created_by"):
        if row.created_by.organisation_id:
            request_model.objects.filter(pk=row.pk).update(
                referrer_organisation_id=row.created_by.organisation_id
            )


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0002_streets_hashed_checkins_contacts"),
    ]

    operations = [
        migrations.RunPython(hash_streets, migrations.RunPython.noop),
        migrations.RunPython(referrer_from_requester, migrations.RunPython.noop),
    ]
