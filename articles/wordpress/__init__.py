"""Moving a WordPress site in: `manage.py import_wordpress`. See docs/wordpress-import.md."""
