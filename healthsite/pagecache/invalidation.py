"""Which change invalidates which tags: every write that can change a public page goes through here."""

from django.conf import settings

from .tags import (
    EVERYTHING,
    SITE_LISTINGS,
    TOPICS,
    comments_tag,
    invalidate,
    page_tag,
    section_tag,
    snippet_tag,
    topic_tag,
)

# Shown on pages in ways not worth tracking one by one (comment rules, routing, any image), and
# rarely changed: a change empties the whole cache.
SITE_WIDE_MODELS = [
    "articles.CommentSettings",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailimages.Image",
]


def invalidate_comments_of(article_id):
    """The article's approved comments changed: its page and the cards that count them.

    The one call for every write to comments, including QuerySet.update() and bulk deletes that
    send no signal (erasure, purges, imports)."""
    invalidate(comments_tag(article_id))
    purge_page_from_cdn(article_id)


def purge_page_from_cdn(page_id):
    """Tell a configured CDN that the page changed; Wagtail already does so when pages are published."""
    if settings.WAGTAILFRONTENDCACHE:
        from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
        from wagtail.models import Page

        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            purge_page_from_cache(page)


def page_change_tags(page, parent_id):
    """A page appeared, changed or went: itself, its section's listing, the site-wide listings, and
    whatever else its model says it shows in. A page with children changes their breadcrumbs and
    addresses too, and a site's root page every address of its site (healthsite/sitewide.py keeps
    the root pages): that is rare enough to empty everything."""
    from wagtail.models import Site

    if page.numchild or Site.objects.filter(root_page_id=page.pk).exists():
        return [EVERYTHING]
    extra = page.changed_tags() if hasattr(page, "changed_tags") else []
    return [page_tag(page.pk), section_tag(parent_id), *SITE_LISTINGS, *extra]


def page_published_or_unpublished(sender, instance, **kwargs):
    invalidate(*page_change_tags(instance, instance.get_parent().pk))


def page_moving(sender, instance, parent_page_before, **kwargs):
    invalidate(*page_change_tags(instance.specific_deferred, parent_page_before.pk))


def page_moved(sender, instance, parent_page_after, **kwargs):
    invalidate(*page_change_tags(instance.specific_deferred, parent_page_after.pk))


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        parent_id = Page.objects.filter(path=instance.path[: -Page.steplen]).values_list("pk", flat=True).first()
        invalidate(*page_change_tags(instance, parent_id))


def comment_saved(sender, instance, created, **kwargs):
    # A new comment waiting for moderation changes no public page: don't let spam flush the cache.
    if created and instance.status != "approved":
        return
    invalidate_comments_of(instance.article_id)


def comment_deleted(sender, instance, **kwargs):
    invalidate_comments_of(instance.article_id)


def snippet_changed(sender, instance, created=False, **kwargs):
    # A new author shows nowhere until a page credits them, and that page is published then.
    if not created:
        invalidate(snippet_tag(sender, instance.pk))


def topic_changed(sender, instance, **kwargs):
    invalidate(topic_tag(instance.pk), TOPICS)


def site_wide_change(sender, created=False, **kwargs):
    # A new image or settings row shows nowhere until a page uses it; a new site or view
    # restriction changes what readers reach at once.
    if not created or sender._meta.label in {"wagtailcore.Site", "wagtailcore.PageViewRestriction"}:
        invalidate(EVERYTHING)


def connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

    for signal in (page_published, page_unpublished):
        signal.connect(page_published_or_unpublished, dispatch_uid=f"pagecache.{signal}")
    pre_page_move.connect(page_moving, dispatch_uid="pagecache.page_moving")
    post_page_move.connect(page_moved, dispatch_uid="pagecache.page_moved")
    post_delete.connect(page_deleted, dispatch_uid="pagecache.page_deleted")
    comment = apps.get_model("articles", "Comment")
    post_save.connect(comment_saved, sender=comment, dispatch_uid="pagecache.comment_saved")
    post_delete.connect(comment_deleted, sender=comment, dispatch_uid="pagecache.comment_deleted")
    person = apps.get_model("articles", "Person")
    post_save.connect(snippet_changed, sender=person, dispatch_uid="pagecache.person_saved")
    post_delete.connect(snippet_changed, sender=person, dispatch_uid="pagecache.person_deleted")
    topic = apps.get_model("articles", "Topic")
    post_save.connect(topic_changed, sender=topic, dispatch_uid="pagecache.topic_saved")
    post_delete.connect(topic_changed, sender=topic, dispatch_uid="pagecache.topic_deleted")
    for label in SITE_WIDE_MODELS:
        model = apps.get_model(label)
        post_save.connect(site_wide_change, sender=model, dispatch_uid=f"pagecache.save.{label}")
        post_delete.connect(site_wide_change, sender=model, dispatch_uid=f"pagecache.delete.{label}")
