"""Local development: debug on, mail to the console, a secret key kept under var/."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool, env_int

DEBUG = env_bool("DEBUG", default=True)


def _dev_secret_key():
    """One random key per checkout, so a runserver reload does not log everyone out."""
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        VAR_DIR.mkdir(exist_ok=True)
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = SECRET_KEY or _dev_secret_key()  # noqa: F405
# Links in emails point at the server `make run` started, on whatever PORT it was given.
WAGTAILADMIN_BASE_URL = WAGTAILADMIN_BASE_URL or f"http://127.0.0.1:{env_int('PORT', 8000)}"  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STATIC_ROOT = None  # runserver serves from the apps; `make serve` collects into static/
# Background tasks run straight away, in the same process: no worker to start.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Off, so every change shows at once (template edits too); the caches' own tests switch them on.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 0)
