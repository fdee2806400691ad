"""Settings shared by every environment, safe for production as they stand.

Everything that differs between machines comes from environment variables; dev.py and
test.py relax these defaults, production.py insists on what must be set.
"""

import datetime
import ipaddress
import os
from pathlib import Path
from urllib.parse import quote

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "articles",
    "articles.comments",
    "articles.wordpress",
    "triage",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Django's form templates, for the renderer that finds the readers' field group in templates/.
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Last, so that its post_migrate handler sees every other app's permissions.
    "healthsite",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache, so cached pages get the headers too.
    "healthsite.security.SecurityHeadersMiddleware",
    # Early, so a cached page skips sessions, authentication and the page tree entirely.
    "healthsite.pagecache.PageCacheMiddleware",
    # Sites and site-wide settings from this process's memory while unchanged, for all below.
    "healthsite.sitewide.SiteWideMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "healthsite.two_factor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Outside Wagtail's redirects, so it sees the 404s they found no redirect for.
    "articles.wordpress.middleware.WordPressRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "healthsite.throttle.TooManyRequestsMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling for staff (django-axes; docs/security.md): after AXES_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair is locked out for the cool-off time, or
# until an administrator unlocks it (Settings → Sign-in lockouts). Pairs, not usernames alone, so
# that no one can lock an editor out by guessing at their username from elsewhere.
# Django's ModelBackend stays listed last only so that sessions signed in under it before still
# load (a session names its backend); UserWithProfileBackend's refusal of a password is final.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "healthsite.accounts.UserWithProfileBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "healthsite.clientip.client_ip"
AXES_LOCKOUT_CALLABLE = "healthsite.staff_security.lockout_response"
AXES_VERBOSE = False
# Two-factor authentication (django-otp): the name authenticator apps show for this site.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", os.environ.get("SITE_NAME", "Admin"))

ROOT_URLCONF = "healthsite.urls"
WSGI_APPLICATION = "healthsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "healthsite.sites.site_context",
                "articles.navigation.navigation",
            ],
        },
    },
]


def local_database_url():
    """The cluster scripts/localdb.py runs under var/postgres: a Unix socket, no TCP port."""
    socket_dir = quote(str(VAR_DIR / "postgres" / "run"), safe="")
    return f"postgres://healthsite@{socket_dir}/healthsite"


DATABASE_URL = os.environ.get("DATABASE_URL") or local_database_url()
if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must be a postgres:// URL: this site runs on PostgreSQL")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker process: rate limits and the page cache rely on it.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Pages live apart from it (healthsite/pagecache/store.py): in each process's memory, bounded in
# bytes, and with Redis also in Redis, whose `maxmemory` bounds them; run Redis with
# `maxmemory-policy volatile-lru`, so it evicts pages (which expire) and never the tag versions
# and used form tokens (which must outlive them).
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "p"},
    }
else:
    # Well above what tag versions, rate limits and used form tokens need, so culling is rare; a
    # culled tag version only costs a miss.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
# Wagtail looks image renditions up here before the database. They never change once made, so
# a per-process memory cache is safe, and keeps those lookups off the shared cache.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = os.environ.get(
    "EMAIL_FILE_PATH"
)  # for EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Health site <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp; docs/security.md). The public site runs only its own
# scripts and styles, plus inline ones carrying this response's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin writes inline scripts and styles into its templates and previews pages in frames.
ADMIN_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Powerful browser features no page here uses: refused, also to anything a page embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
# The admin shows initials instead of sending every editor's email address to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does it ask wagtail.org for new releases from editors' browsers (upgrades are planned here).
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # A line per background task run, or per step of every PDF WeasyPrint makes, says nothing an operator acts on.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        # Django's default config gives this logger a console handler of its own under DEBUG; without
        # it, Django's messages reach the root handler once instead of twice.
        "django": {"handlers": [], "propagate": True},
    },
}

# Complex page models exceed Django's default of 1,000 fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Readers see the Wagtail Site's name (Settings → Sites); this only brands the admin, which shows
# the Site's name on its dashboard when there is one site.
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Admin")
# The public address links in emails start with, e.g. https://health.example.org; `make run` and
# `make serve` also point the default Site at it (`manage.py sync_site_url`), so page, sitemap,
# robots and feed URLs agree with emails. Development follows PORT (dev.py); production requires it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
# English stemming, so "cramp" also finds "cramps" and "cramping".
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Admin avatars are the user's initials: Gravatar would send a hash of every staff email to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# At most one email about held comments per moderator in this many minutes, however many arrive.
COMMENT_EMAIL_WINDOW_MINUTES = env_int("COMMENT_EMAIL_WINDOW_MINUTES", 10)
# Approving a workflow's last task publishes as the approver, who needs no publish permission of
# their own: medical reviewers publish articles by approving them, never directly.
WAGTAIL_FINISH_WORKFLOW_ACTION = "articles.workflow_actions.publish_approved_revision"

# Background tasks (emails about comments, Wagtail's search and reference indexing) go to a queue
# in the database that `manage.py run_worker` works through. dev.py and test.py run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task still “running” after this many seconds was left by a dead worker and is run again.
TASK_STALE_AFTER = env_int("TASK_STALE_AFTER", 15 * 60)
# /healthz reports the worker as failing when it has not written a heartbeat for this long.
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 120)

# Reverse proxies in front of the site (docs/operations.md): how many append to X-Forwarded-For,
# and the addresses they connect from. 0 uses the connection's own address and ignores the header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXY_NETWORKS = env_list("TRUSTED_PROXY_NETWORKS", "127.0.0.1/32,::1/128")
for network in TRUSTED_PROXY_NETWORKS:
    try:
        ipaddress.ip_network(network, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"TRUSTED_PROXY_NETWORKS: {network!r} is not an IP address or network") from None

# Limits on costly requests (healthsite/throttle.py): uses per client, and by all clients together,
# in each window of seconds. A visit-summary PDF takes a CPU for a quarter of a second or more.
THROTTLES = {
    "visit-summary-pdf": {
        "per_client": env_int("PDF_RENDERS_PER_CLIENT", 10),
        "total": env_int("PDF_RENDERS_TOTAL", 120),
        "window": 60,
    },
}

# Comments. Moderators tune the rest in the admin (Settings → Comments).
COMMENT_RATE_LIMIT = env_int("COMMENT_RATE_LIMIT", 5)  # comments per network or email address...
COMMENT_RATE_WINDOW = env_int("COMMENT_RATE_WINDOW", 600)  # ...in this many seconds
COMMENT_MIN_SECONDS = env_int("COMMENT_MIN_SECONDS", 3)  # a form sent sooner is a bot's
COMMENT_MAX_FORM_AGE = env_int("COMMENT_MAX_FORM_AGE", 60 * 60 * 24)  # an older form is stale
AKISMET_API_KEY = os.environ.get("AKISMET_API_KEY", "")  # switches the Akismet check on
COMMENT_SPAM_CHECKER = None  # a dotted path to another checker, used instead of Akismet

# How long anonymous readers' pages are kept in the shared cache; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# The most memory each process gives to cached pages and kept parts of them; the least recently
# used go first.
PAGE_CACHE_MAX_BYTES = env_int("PAGE_CACHE_MAX_BYTES", 64 * 1024 * 1024)
# How long rendered parts of pages (an article's body, comment thread, related articles) are kept
# for renders the page cache does not serve, such as signed-in readers'; 0 switches them off.
# Changes refresh them at once; the limit only bounds how old a comment's "3 minutes ago" gets,
# as the page cache's lifetime does.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)
# How long a search's ranking is kept at most (any page published, unpublished, moved or deleted
# drops every kept ranking at once); 0 ranks every search afresh.
SEARCH_RESULTS_SECONDS = env_int("SEARCH_RESULTS_SECONDS", 60 * 60)

# Varnish in front (`make serve`): the page cache sends it PURGE requests naming the tags that
# changed (xkey), e.g. http://127.0.0.1:8000/. Empty: no Varnish.
VARNISH_PURGE_URL = os.environ.get("VARNISH_PURGE_URL", "")

# A CDN in front: pages are purged from it when they change (Wagtail's frontend cache module).
# Off by default; FRONTEND_CACHE_PURGE_URL is an HTTP cache that accepts PURGE (Varnish, nginx), or
# set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID for Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.redirects"), "wagtail.contrib.frontend_cache")
