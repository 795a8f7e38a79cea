from django.db import migrations


def install_taxonomy(apps, schema_editor):
    from kansrijk.directory.kansrijke_start_taxonomy import install

    install(apps.get_model("directory", "Taxonomy"), apps.get_model("directory", "TaxonomyTerm"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(install_taxonomy, migrations.RunPython.noop)]
