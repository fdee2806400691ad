"""Dependency tags: what a cached response shows, and when each of those things last changed.

A tag's version in the shared cache is the time (in nanoseconds) it was last invalidated. A
cached response is fresh while every tag it shows has a version older than the moment its render
began. A tag with no version at all (never seen, or lost with the cache) makes every response
showing it a miss, so losing the cache never revives an old copy.
"""

import contextlib
import contextvars
import functools
import time

from django.core.cache import cache
from django.db import connection, transaction

from .frontcache import purge_tags

# Every cached response shows this: invalidating it empties the whole cache (site-wide settings,
# images, a page with children changing its title or address).
EVERYTHING = "all"
HOME = "home"  # the home page's latest articles
FEED = "feed"
SEARCH = "search"
SITEMAP = "sitemap"
TOPICS = "topics"  # the list of topics, by name
# What any published, unpublished, moved or deleted page may appear in or disappear from.
SITE_LISTINGS = (HOME, FEED, SEARCH, SITEMAP)
VERSION_PREFIX = "pagecache:tag:"


def page_tag(page_id):
    """The page itself, and its card in any listing: title, summary, address."""
    return f"page:{page_id}"


def comments_tag(article_id):
    """An article's approved comments: its thread, and the count on its cards."""
    return f"comments:{article_id}"


def section_tag(page_id):
    """Which pages are children of this one: a section's listing."""
    return f"section:{page_id}"


def topic_tag(topic_id):
    """Which articles are on a topic (related articles), and the topic's name."""
    return f"topic:{topic_id}"


def snippet_tag(model, pk):
    """A snippet shown on a page, e.g. an author."""
    return f"{model._meta.label_lower}:{pk}"


_shown = contextvars.ContextVar("pagecache_shown", default=None)
_render_started = contextvars.ContextVar("pagecache_render_started", default=None)


def depends_on(*tags):
    """Record that the response being rendered shows what these tags name. Does nothing when no
    cacheable response is being rendered."""
    shown = _shown.get()
    if shown is not None:
        shown.update(tags)


def shows(*tags):
    """A view decorator: every response of this view shows these tags."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            depends_on(*tags)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


@contextlib.contextmanager
def recording(started):
    """Collect the tags of the response rendered inside the block, which began at `started`."""
    shown = {EVERYTHING}
    tokens = _shown.set(shown), _render_started.set(started)
    try:
        yield shown
    finally:
        _shown.reset(tokens[0])
        _render_started.reset(tokens[1])


@contextlib.contextmanager
def recording_part(started):
    """Collect the tags shown by a part of a response computed inside the block (which began at
    `started`), and pass them on to the response around it, if one is being recorded."""
    around = _shown.get()
    with recording(started) as shown:
        yield shown
    if around is not None:
        around.update(shown)


def version_keys(tags):
    return [VERSION_PREFIX + tag for tag in tags]


def invalidate(*tags):
    """Make every cached response showing any of these tags a miss for its next reader, here and
    in the front cache.

    Inside a transaction this is done at once and again when it commits: a reader who renders the
    page between the two still sees the old rows, and the second stamp catches that copy. The
    front cache is purged once the change is visible to everyone."""
    tags = frozenset(tags)
    if not tags:
        return
    _stamp(tags)

    def committed():
        _stamp(tags)
        purge_tags(tags)

    if connection.in_atomic_block:
        transaction.on_commit(committed)
    else:
        purge_tags(tags)


def _stamp(tags):
    cache.set_many(dict.fromkeys(version_keys(tags), time.time_ns()), timeout=None)


def fresh_in(versions, tags, rendered_at):
    """Whether, by `versions` (from one get_many of their keys), every tag has a version and each
    is older than the render."""
    return all(versions.get(key, rendered_at) < rendered_at for key in version_keys(tags))


def are_fresh(tags, rendered_at):
    """One get_many: every tag has a version, each older than the render."""
    return fresh_in(cache.get_many(version_keys(tags)), tags, rendered_at)


def give_versions(tags, rendered_at):
    """Tags that have no version yet get one from just before this render, so this copy is fresh
    and anything older is not. `add` never overwrites an invalidation made meanwhile."""
    keys = version_keys(tags)
    known = cache.get_many(keys)
    for key in keys:
        if key not in known:
            cache.add(key, rendered_at - 1, timeout=None)


def give_versions_from(tags, computed_at):
    """Versions for new tags of a value computed at `computed_at` inside a response: from before
    that response began, so it is fresh too."""
    give_versions(tags, min(computed_at, _render_started.get() or computed_at))


def remembered(key, tags, compute, timeout):
    """compute()'s value, kept in the shared cache until any of `tags` changes: one get_many for
    the value and its tags' versions on a hit."""
    found = cache.get_many([key, *version_keys(tags)])
    entry = found.get(key)
    if entry is not None and fresh_in(found, tags, entry["at"]):
        return entry["value"]
    computed_at = time.time_ns()
    value = compute()
    give_versions_from(tags, computed_at)
    cache.set(key, {"at": computed_at, "value": value}, timeout=timeout)
    return value
