"""What nearly every request reads and editors rarely change: the Sites with their root pages, the
addresses Wagtail builds page URLs from, and site-wide settings (such as the comment rules).

Each process keeps them while the `EVERYTHING` tag's version is older than when they were read, as
a kept page part is kept: a change to a Site, to a site's root page or to a site-wide setting
invalidates that tag (pagecache/invalidation.py), and a tag without a version is a miss. So a
request checks one cache key in place of a query for each, and never sees them stale. Each
request gets its own copies, so nothing one request changes on them reaches another. Kept only
while kept page parts are (FRAGMENT_CACHE_SECONDS above 0): in development and tests every request
reads them afresh.
"""

import copy
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseGenericSetting
from wagtail.models import Site

from .pagecache.invalidation import SITE_WIDE_MODELS
from .pagecache.tags import EVERYTHING, give_versions, version_keys

_kept = None


class Kept:
    def __init__(self):
        self.at = time.time_ns()  # before reading, so a change made meanwhile makes this stale
        self.sites = list(Site.objects.select_related("root_page"))
        self.root_paths = Site.get_site_root_paths()
        self.settings = [model.load() for model in generic_settings()]


def generic_settings():
    models = (apps.get_model(label) for label in SITE_WIDE_MODELS)
    return [model for model in models if issubclass(model, BaseGenericSetting)]


def kept():
    """The site-wide values, read again if the `EVERYTHING` tag changed since they were; None
    when the cache or the database cannot be reached: then every lookup is Wagtail's own, and
    fails where the view can answer for it (a comment sent during an outage comes back on its
    503 page, not lost to a 500 here)."""
    global _kept
    try:
        version = cache.get(version_keys([EVERYTHING])[0])
        if _kept is None or version is None or version >= _kept.at:
            read = Kept()
            give_versions([EVERYTHING], read.at)
            _kept = read
    except Exception:  # nothing can be known fresh
        return None
    return _kept


def site_for(sites, hostname, port):
    """The Site Wagtail's `Site.find_for_request` picks for this host and port, from `sites`: the
    exact hostname and port, then the hostname on the default site, then the default site
    (or the only other site with that hostname), else none."""

    def match(site):
        if site.hostname == hostname:
            return 0 if site.port == port else 1 if site.is_default_site else 3
        return 2

    candidates = sorted((site for site in sites if site.hostname == hostname or site.is_default_site), key=match)
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (0, 1):
        return candidates[0]
    if match(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


class SiteWideMiddleware:
    """Hands each request its Site, Wagtail's site addresses and the site-wide settings, where
    Wagtail looks for them first (`request._wagtail_site` and the like), from `kept()`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = kept() if settings.FRAGMENT_CACHE_SECONDS > 0 else None
        if values is not None:
            hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail: no ALLOWED_HOSTS check here
            request._wagtail_site = copy.deepcopy(site_for(values.sites, hostname, request.get_port()))
            request._wagtail_cached_site_root_paths = values.root_paths
            for setting in values.settings:
                setattr(request, setting.get_cache_attr_name(), copy.deepcopy(setting))
        return self.get_response(request)
