"""The one call every write to comments makes so readers see the change at once: cached article
pages (and a configured CDN's copies) are dropped, and again once the write is committed.

Saves and deletes of single comments also reach the page cache through its signals; this call is
what covers the writes that send none (QuerySet.update(), bulk deletes and creates: erasure,
purges, bulk moderation, imports), and it costs one invalidation per batch, not one per comment."""

from healthsite import pagecache


def comments_changed(article_ids):
    """The comments of these articles changed: their pages and the cards that count them are stale.
    The page cache stamps the change now and again when the transaction commits, so a reader who
    renders in between cannot keep the old page."""
    for article_id in set(article_ids):
        pagecache.invalidate_comments_of(article_id)
