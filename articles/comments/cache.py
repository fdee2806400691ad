"""The one call every write to comments makes so readers see the change at once: cached article
pages (and a configured CDN's copies) are dropped once the write is committed.

Saves and deletes of single comments also reach the page cache through its signals; this call is
what covers the writes that send none (QuerySet.update(), bulk deletes and creates: erasure,
purges, bulk moderation, imports), and it costs one invalidation per batch, not one per comment."""

from django.db import transaction

from articles.comments.models import commented_articles
from healthsite import pagecache


def comments_changed(article_ids):
    """The comments of these articles changed: drop their cached pages once the change is committed
    (before then, a reader could cache the old page again)."""
    ids = set(article_ids)
    if ids:
        transaction.on_commit(lambda: _invalidate(ids))


def _invalidate(article_ids):
    pagecache.bump_generation()
    for article in commented_articles().filter(pk__in=article_ids):
        pagecache.purge_from_cdn(article)
