"""A full-page cache for anonymous readers, invalidated exactly, by dependency tags.

While a cacheable response renders, the code that renders it records what it shows as tags
(`depends_on`): the page itself (`page_tag`), an article's approved comments (`comments_tag`),
a section's listing (`section_tag`), a topic's articles (`topic_tag`), the site-wide listings
(`HOME`, `FEED`, `SEARCH`, `SITEMAP`), the snippets it credits (`snippet_tag`), and `EVERYTHING`.
A change invalidates only its own tags (`invalidate`): approving a comment on one article leaves
every other article, and every listing that does not count that article's comments, cached.
Signals wire up the usual changes (publish, unpublish, move, delete, comment save and delete,
snippets, settings: see invalidation.py).

Public API for other code:
- `invalidate(*tags)`: after any write that changes what public pages show and sends no signal;
- `invalidate_comments_of(article_id)`: after a write to an article's comments that sends no
  signal (QuerySet.update(), bulk deletes: erasure, purges, imports). This name stays stable;
- `depends_on(*tags)` while rendering, and the `shows(*tags)` view decorator;
- `remembered(key, tags, compute, timeout)`: any computed value kept until its tags change
  (search results per normalised query);
- `PageParts(request).keep(key, compute, tags)`: rendered parts of a page (an article's body,
  comment thread, related articles) kept in memory until their tags change, looked up together
  with one `get_many` (parts.py), for renders the page cache cannot serve.

A cached page is the same for every reader, so it holds nothing of one: what must be per reader,
such as a form's single-use token, comes from a small uncached view the page's script calls.

A hit costs one lookup in this process's memory (pages are keyed on the query parameters their
render read, bounded in bytes; see store.py) and one `get_many` of the tags' versions in the
shared cache. Losing the shared cache never serves a stale page: a tag without a version is a
miss. When the shared cache cannot be reached at all (the database is down), stored pages are
served as they are.
"""

from .invalidation import connect_invalidation, invalidate_comments_of
from .middleware import PageCacheMiddleware
from .parts import PageParts
from .tags import (
    EVERYTHING,
    FEED,
    HOME,
    SEARCH,
    SITE_LISTINGS,
    SITEMAP,
    TOPICS,
    comments_tag,
    depends_on,
    invalidate,
    page_tag,
    remembered,
    section_tag,
    shows,
    snippet_tag,
    topic_tag,
)

__all__ = [
    "EVERYTHING",
    "FEED",
    "HOME",
    "SEARCH",
    "SITEMAP",
    "SITE_LISTINGS",
    "TOPICS",
    "PageCacheMiddleware",
    "PageParts",
    "comments_tag",
    "connect_invalidation",
    "depends_on",
    "invalidate",
    "invalidate_comments_of",
    "page_tag",
    "remembered",
    "section_tag",
    "shows",
    "snippet_tag",
    "topic_tag",
]
