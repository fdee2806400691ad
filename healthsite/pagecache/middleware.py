"""The middleware: serve anonymous readers from the cache, store what they can share."""

import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import store
from .tags import are_fresh, give_versions, recording

# Requests carrying these belong to someone: a logged-in user, a reader whose pending comment
# only they may see, or a reader with a message waiting.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
NEVER_CACHED_PREFIXES = ("/admin/", "/comments/", "/documents/")
CACHED_CONTENT_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/plain")
# How long past its lifetime a page is kept, to serve while the database is down.
STALE_IF_ERROR_SECONDS = 24 * 60 * 60


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and response.get("Content-Type", "").startswith(CACHED_CONTENT_TYPES)
    )


class PageCacheMiddleware:
    """A hit costs one lookup in this process's memory and one `get_many` of tag versions; when that
    fails (the database or Redis is down) the stored copy is served anyway: nothing can change
    while the database is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_cacheable_request(request):
            return mark_personal(self.get_response(request))
        parameters = store.load(store.address_key(request))
        if parameters is not None:
            entry = store.load(store.page_key(request, request.GET, parameters))
            if entry is not None:
                try:
                    fresh = are_fresh(entry["tags"], entry["rendered_at"]) and entry["fresh_until"] > time.time()
                except Exception:  # the shared cache is unreachable: serve what we have
                    return rebuild(entry, "stale")
                if fresh:
                    return rebuild(entry, "hit")
        return self.render_and_store(request, parameters)

    def render_and_store(self, request, known_parameters):
        query = request.GET
        request.GET = store.ReadRecordingQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        rendered_at = time.time_ns()
        with recording(rendered_at) as tags:
            response = self.get_response(request)
        if not is_cacheable_response(response):
            return mark_personal(response)
        mark_shared(response)
        # Varnish (or any cache that speaks xkey) purges by the same tags.
        response["xkey"] = " ".join(sorted(tags))
        give_versions(tags, rendered_at)
        parameters = store.merge_parameters(known_parameters, request.GET.read())
        keep_for = settings.PAGE_CACHE_SECONDS + STALE_IF_ERROR_SECONDS
        store.save(store.address_key(request), parameters, keep_for)
        store.save(store.page_key(request, query, parameters), freeze(response, tags, rendered_at), keep_for)
        response["X-Page-Cache"] = "miss"
        return response


def freeze(response, tags, rendered_at):
    return {
        "tags": sorted(tags),
        "rendered_at": rendered_at,
        "fresh_until": time.time() + settings.PAGE_CACHE_SECONDS,
        "status": response.status_code,
        "headers": {name: value for name, value in response.items() if name.lower() != "x-page-cache"},
        "content": response.content,
    }


def rebuild(entry, state):
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"].items():
        response[name] = value
    response["X-Page-Cache"] = state
    return response


def mark_shared(response):
    """Browsers revalidate every time (a poster must see their pending comment at once); a front
    cache may keep the page for the cache's lifetime, but never for a request with cookies."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    return response


def mark_personal(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)
    return response
