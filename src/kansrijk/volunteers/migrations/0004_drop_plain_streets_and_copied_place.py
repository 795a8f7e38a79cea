# The street is kept only as a keyed hash; the family's place is read from the client.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0003_hash_streets_and_referrers"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="familyrequest",
            name="municipality",
        ),
        migrations.RemoveField(
            model_name="familyrequest",
            name="neighbourhood",
        ),
        migrations.RemoveField(
            model_name="familyrequest",
            name="postcode4",
        ),
        migrations.RemoveField(
            model_name="familyrequest",
            name="street",
        ),
        migrations.RemoveField(
            model_name="volunteer",
            name="postcode4",
        ),
        migrations.RemoveField(
            model_name="volunteer",
            name="street",
        ),
    ]
