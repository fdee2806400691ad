"""Posts to article pages and WordPress pages to content pages: fields, publication state, redirects."""

import re
from urllib.parse import unquote, urlparse

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from articles.models import ArticlePage, ContentPage

from . import body
from .models import ImportedItem

SUMMARY_MAX = 300
SEO_TITLE_KEYS = ("_yoast_wpseo_title", "rank_math_title")
SEO_DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc", "rank_math_description")
LIVE_STATUSES = {"publish", "private", "future"}
KNOWN_STATUSES = LIVE_STATUSES | {"draft", "pending"}
SEO_VARIABLE = re.compile(r"%%?[a-z_]+%%?")


class ItemRejected(Exception):
    """A post or page that cannot be imported; `reason` is what the report counts it under."""

    def __init__(self, reason, detail=""):
        self.reason = reason
        super().__init__(detail or reason)


def content_page_model():
    return ContentPage


def shorten(text, limit):
    """`text` cut at a word to fit `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.–- ")
    return cut + "…"


def seo_text(template, title):
    """Yoast's and Rank Math's stored titles use variables (%%title%% %%sep%% %%sitename%%): the
    title stays, the site name and separators go, since this site adds its own."""
    text = template.replace("%%title%%", title).replace("%title%", title)
    text = SEO_VARIABLE.sub("|", text)
    parts = [part.strip(" -–—|") for part in text.split("|")]
    text = " – ".join(part for part in parts if part)
    return "" if text == title else text


def first_meta(item, keys):
    return next((item.meta[key] for key in keys if item.meta.get(key, "").strip()), "")


def save_page(item, page, context):
    """Create or update the page for a post or WordPress page. Returns (page, created)."""
    if item.status == "trash":
        raise ItemRejected("in WordPress's trash")
    if item.status not in KNOWN_STATUSES:
        raise ItemRejected("unknown status", f"status “{item.status}” is not one this importer knows")
    conversion = body.convert(item.content, context.media)
    context.report.conversion(item.describe(), conversion)
    is_post = item.post_type == "post"
    if is_post and not conversion.blocks:
        raise ItemRejected("no content", "the post is empty: an article needs a body")
    created = page is None
    parent = context.index if is_post else page_parent(item, context)
    if created:
        page = (ArticlePage if is_post else ContentPage)(live=False)
    page.title = item.title[:255] or item.slug or f"WordPress {item.post_type} {item.wordpress_id}"
    page.slug = free_slug(parent, item, page, context)
    page.seo_title = shorten(seo_text(first_meta(item, SEO_TITLE_KEYS), page.title), 255)
    page.search_description = seo_text(first_meta(item, SEO_DESCRIPTION_KEYS), page.title)
    page.body = conversion.blocks
    excerpt = body.strip_html(item.excerpt)
    if is_post:
        page.summary = shorten(excerpt or conversion.text() or page.title, SUMMARY_MAX)
        page.author_id = context.people.get(item.creator)
        page.comments_open = item.comment_status == "open"
        topics = (context.topics[(t, s)] for t, s, _ in item.terms if (t, s) in context.topics)
        page.topics = list({topic.pk: topic for topic in topics}.values())
    else:
        page.intro = excerpt
    if item.status in LIVE_STATUSES and item.date:
        page.first_published_at = page.first_published_at or item.date
    if item.status == "future":
        page.go_live_at = item.date
    if created and item.status == "publish" and not item.password:
        publish_new(page, parent, item)
    else:
        if created:
            parent.add_child(instance=page)
        revision = page.save_revision(clean=True)
        apply_status(item, page, revision, context)
    context.imported_pages.append(page.pk)
    return page, created


def publish_new(page, parent, item):
    """A new published post goes live as it is created, leaving what Wagtail's add_child,
    save_revision and publish would (the page in the tree, its revision as the live one, the
    "created" and "published" log entries) in a dozen queries rather than about fifty, which
    were most of an import's time. What Wagtail would look up again is known here (the parent,
    its locale, that a new page is no site's root), nothing is cached of a page that did not
    exist, and the indexes and the page cache are brought up to date at the end of the import."""
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.first_published_at or now
    page.last_published_at = item.modified or page.first_published_at
    page.locale_id = parent.locale_id
    # The checks an editor's save runs, but not a query per foreign key: the importer chose each
    # of them. Run before the page has its place in the tree, so without Wagtail's sibling-slug
    # check, which free_slug has made; the database keeps paths unique.
    tree_fields = ["path", "depth", "numchild"]
    relations = [f.name for f in page._meta.concrete_fields if f.is_relation]
    page.full_clean(exclude=tree_fields + relations, validate_unique=False, validate_constraints=False)
    add_to_tree(parent, page)
    page.set_url_path(parent)
    insert_new(page)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = page.live_revision = revision
    page.latest_revision_created_at = revision.created_at
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision, live_revision=revision, latest_revision_created_at=revision.created_at
    )
    log_context = get_active_log_context()
    entry = {
        "page": page,
        "content_type": ContentType.objects.get_for_model(page, for_concrete_model=False),
        "label": page.get_admin_display_title(),
        "timestamp": now,
        "user": log_context.user,
        "uuid": log_context.uuid,
        "content_changed": True,
    }
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(action="wagtail.create", **entry),
            PageLogEntry(action="wagtail.publish", revision=revision, **entry),
        ]
    )


def insert_new(page):
    """Write a new page and its many-to-many rows with Django's own save. Wagtail's would add a
    savepoint, the checks made already, a site-root check and, through modelcluster, a query per
    relation: nothing a page made now needs. The page keeps its relations in memory, so its
    revision is made without reading them back."""
    many_to_many = {field: list(getattr(page, field.name).all()) for field in get_all_child_m2m_relations(page)}
    models.Model.save(page)
    for field, targets in many_to_many.items():
        through = field.remote_field.through
        through.objects.bulk_create(
            through(**{field.m2m_field_name(): page, field.m2m_reverse_field_name(): target}) for target in targets
        )
    for relation in get_all_child_relations(page):
        setattr(page, relation.get_accessor_name(), [])  # an imported page has no child objects


def add_to_tree(parent, page):
    """Place a new page last under `parent` as treebeard's add_child does, without reading the
    parent again: the numchild update locks its row until the post is committed, so the last
    child read after it is the last one, whoever else is adding pages."""
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    last = Page.objects.child_of(parent).order_by("-path").first()
    page.depth = parent.depth + 1
    page.path = last._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
    parent.numchild += 1


def page_parent(item, context):
    """A WordPress page goes under its imported parent page, else under the site's home page."""
    row = ImportedItem.objects.filter(kind=ImportedItem.Kind.PAGE, wordpress_id=item.parent_id).first()
    if item.parent_id and row is not None:
        parent = ContentPage.objects.filter(pk=row.object_id).first()
        if parent is not None:
            return parent
    return context.index.get_parent().specific


def free_slug(parent, item, page, context):
    wanted = slugify(unquote(item.slug), allow_unicode=True) or slugify(item.title, allow_unicode=True)
    wanted = (wanted or f"{item.post_type}-{item.wordpress_id}")[:240]
    siblings = parent.get_children().exclude(pk=page.pk) if page.pk else parent.get_children()
    taken = set(siblings.filter(slug__startswith=wanted).values_list("slug", flat=True))
    slug, number = wanted, 2
    while slug in taken:
        slug, number = f"{wanted}-{number}", number + 1
    if slug != wanted:
        context.report.problem(f"{item.describe()}: slug “{wanted}” was taken here, so it is “{slug}”")
    return slug


def apply_status(item, page, revision, context):
    """publish, private and future go live (private behind a login, future when due); pending
    starts the section's workflow; draft stays a draft."""
    if item.status in LIVE_STATUSES:
        revision.publish()
        if item.modified:
            type(page).objects.filter(pk=page.pk).update(last_published_at=item.modified)
    elif page.live:
        page.unpublish()
    restriction = None
    if item.status == "private":
        restriction = {"restriction_type": PageViewRestriction.LOGIN}
    elif item.password:
        restriction = {"restriction_type": PageViewRestriction.PASSWORD, "password": item.password}
    if restriction:
        PageViewRestriction.objects.update_or_create(page=page, defaults=restriction)
    else:
        PageViewRestriction.objects.filter(page=page).delete()
    if item.status == "pending":
        workflow = page.get_workflow()
        if workflow is None:
            context.report.problem(f"{item.describe()}: pending review, but no workflow covers the section: a draft")
        elif page.current_workflow_state is None:
            workflow.start(page, None)


def old_path(url):
    """The path and query of an old URL, as Wagtail's redirects store it; None for the site root."""
    parsed = urlparse(url or "")
    path = parsed.path or "/"
    if parsed.query:
        path += "?" + parsed.query
    normalised = Redirect.normalise_path(path)
    return None if normalised == "/" else normalised


def redirect(urls, context, redirect_page=None, redirect_link=""):
    """Permanent redirects from the old URLs, made or repointed in one query; never one from a
    page's own new URL, which would send it round in a circle while it is a draft."""
    own = old_path(redirect_page.get_url(context.url_cache, context.site) or "") if redirect_page else None
    paths = {old_path(url) for url in urls} - {None, own}
    Redirect.objects.bulk_create(
        [
            Redirect(
                old_path=path,
                site=context.site,
                is_permanent=True,
                redirect_page=redirect_page,
                redirect_link=redirect_link,
            )
            for path in paths
        ],
        update_conflicts=True,
        unique_fields=["old_path", "site"],
        update_fields=["is_permanent", "redirect_page", "redirect_link"],
    )


def add_redirects(item, page, context):
    """The post's permalink in the export, its guid, and WordPress's id link all lead to the page."""
    id_link = f"/?p={item.wordpress_id}" if item.post_type == "post" else f"/?page_id={item.wordpress_id}"
    redirect([item.link, item.guid, id_link], context, redirect_page=page)
