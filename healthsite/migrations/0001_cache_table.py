from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The database cache needs its table before anything caches; creating it in a migration
    # means `migrate` (and pytest-django's test database) is the only setup step.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
