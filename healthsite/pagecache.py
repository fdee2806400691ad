"""A full-page cache for anonymous readers, in the shared cache, invalidated exactly.

Every cached page is stored with the content generation it was rendered at. Anything that can
change what a public page shows (a page published, unpublished, moved or deleted; a comment
approved, un-approved or deleted; a checklist, snippet or setting saved) bumps the generation,
so the next reader of any page gets a fresh render. Each worker process also keeps the pages
it has served in its own memory: a hit there costs one small lookup (the generation) in the
shared cache, and no other query.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

GENERATION_KEY = "pagecache:generation"
# Requests carrying these belong to someone: a logged-in user, a reader whose pending comment
# only they may see, or a reader with a message waiting.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
NEVER_CACHED_PREFIXES = ("/admin/", "/comments/", "/documents/")
CACHED_CONTENT_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/plain")
# This process's copies of pages, trusted only while their generation is the shared one.
local_pages = LocMemCache("healthsite-pages", {"MAX_ENTRIES": 2000})


def bump_generation(**kwargs):
    """Invalidate every cached page. Safe to connect to any signal."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        current_generation()


def current_generation():
    """The shared generation. A lost one (the cache was emptied) restarts from the clock, never from
    a number a process may still hold pages for."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _page_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
    )


def is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and response.get("Content-Type", "").startswith(CACHED_CONTENT_TYPES)
    )


class PageCacheMiddleware:
    """Serve anonymous readers from the cache; store what they can share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_cacheable_request(request):
            response = self.get_response(request)
            return mark_personal(response)
        key = _page_key(request)
        generation = current_generation()
        entry = self.lookup(key, generation)
        if entry is not None:
            return self.rebuild(entry)
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            mark_shared(response)
            entry = self.freeze(response, generation)
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            local_pages.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        else:
            mark_personal(response)
        return response

    @staticmethod
    def lookup(key, generation):
        """The stored page if it was rendered at this generation: from memory, else the shared cache."""
        for store in (local_pages, cache):
            entry = store.get(key)
            if entry is not None and entry["generation"] == generation:
                if store is cache:
                    local_pages.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
                return entry
        return None

    @staticmethod
    def freeze(response, generation):
        headers = {name: value for name, value in response.items() if name.lower() != "x-page-cache"}
        return {
            "generation": generation,
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
        }

    @staticmethod
    def rebuild(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


def mark_shared(response):
    """Browsers revalidate every time (a poster must see their pending comment at once); a CDN in
    front may keep the page for the cache's lifetime, but never for a request with cookies."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    return response


def mark_personal(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)
    return response


# What public pages show, beyond pages themselves: a save or delete of any of these invalidates.
CONTENT_MODELS = [
    "articles.Person",
    "articles.Topic",
    "articles.CommentSettings",
    "wagtailcore.Site",
    "wagtailimages.Image",
]


def comment_saved(sender, instance, created, **kwargs):
    # A new comment waiting for moderation changes no public page: don't let spam flush the cache.
    if created and instance.status != "approved":
        return
    bump_generation()
    purge_from_cdn(instance.article)


def comment_deleted(sender, instance, **kwargs):
    bump_generation()
    purge_from_cdn(instance.article)


def purge_from_cdn(page):
    """Tell a configured CDN that the page changed; Wagtail already does so when pages are published."""
    if settings.WAGTAILFRONTENDCACHE:
        from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

        purge_page_from_cache(page)


def content_saved(sender, created=False, **kwargs):
    # A new person, topic, image or settings row shows nowhere until a page uses it, and that page
    # is published then; a new site changes routing at once.
    if created and sender._meta.label != "wagtailcore.Site":
        return
    bump_generation()


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_generation()


def connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_generation, dispatch_uid=f"pagecache.{signal}")
    post_delete.connect(page_deleted, dispatch_uid="pagecache.page_deleted")
    comment = apps.get_model("articles", "Comment")
    post_save.connect(comment_saved, sender=comment, dispatch_uid="pagecache.comment_saved")
    post_delete.connect(comment_deleted, sender=comment, dispatch_uid="pagecache.comment_deleted")
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(content_saved, sender=model, dispatch_uid=f"pagecache.save.{label}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"pagecache.delete.{label}")
