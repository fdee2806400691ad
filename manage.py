#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "healthsite.settings.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import OperationalError, connection

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        sys.exit(f"error: configuration: {error}")
    except OperationalError as error:
        # Only a failure to connect gets the one-line treatment; SQL errors keep their traceback.
        if connection.connection is not None:
            raise
        database = connection.settings_dict
        where = database["HOST"] or "localhost"
        if database["PORT"]:
            where += f":{database['PORT']}"
        reason = str(error).strip().splitlines()[0]
        sys.exit(f"error: cannot reach the database {database['NAME']!r} at {where}: {reason}")


if __name__ == "__main__":
    main()
