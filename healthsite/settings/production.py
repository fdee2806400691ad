"""Production: refuses to start without a database URL or secret key, or with debug on."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_int

if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL is not set: production needs a postgres:// URL")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY is not set: production needs a long random secret key")
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG is on: production must run with DEBUG=false")
if not WAGTAILADMIN_BASE_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL is not set: production needs the site's public address for links in emails, "
        "e.g. https://health.example.org"
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if env_bool("TRUST_X_FORWARDED_PROTO"):
    # Only behind a proxy that sets this header itself: otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
