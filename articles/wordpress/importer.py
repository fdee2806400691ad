"""Importing a WordPress export: `import_export()` is the whole job, the command only parses options.

Two passes over the file, each streaming: the first checks the whole file is readable and collects
authors, terms and attachments (small, and needed before the posts that use them); the second
imports posts and pages, each with its comments in one transaction, so a failure leaves no post
half-imported, and a rerun picks up where it stopped.
"""

import contextlib
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from articles.models import ArticlePage, ContentPage, Person, Topic
from healthsite.pagecache import EVERYTHING, invalidate

from . import comments, indexes, media, pages
from .media import Attachment
from .models import ImportedItem, checksum
from .report import Report
from .wxr import Author, Item, Site, Term, WXRError, read_export

POST_TYPES = {"post", "page"}
PAGE_MODELS = (ArticlePage, ContentPage)
# Types a WordPress export carries that are not content: menus, templates, styles, caches.
IGNORED_TYPES = {
    "nav_menu_item",
    "wp_navigation",
    "wp_template",
    "wp_template_part",
    "wp_global_styles",
    "custom_css",
    "customize_changeset",
    "oembed_cache",
    "user_request",
    "revision",
    "wp_block",
}


class DryRunRollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


@dataclass
class Scan:
    """What the first pass found."""

    site: Site | None = None
    authors: dict = field(default_factory=dict)  # login -> Author
    terms: dict = field(default_factory=dict)  # (taxonomy, slug) -> Term
    attachments: list = field(default_factory=list)
    items: int = 0
    max_comment_id: int = 0
    post_ids: dict = field(default_factory=lambda: {kind: [] for kind in POST_TYPES})  # post type -> ids


@dataclass
class Context:
    index: object
    report: Report
    update: bool
    media: media.MediaLibrary
    site: object
    people: dict = field(default_factory=dict)  # login -> Person id
    topics: dict = field(default_factory=dict)  # (taxonomy, slug) -> Topic
    # Wagtail keeps the sites' root paths on the object given as a URL's `request`: without one,
    # each page URL would read them from the cache again (a query, with the database cache).
    url_cache: object = field(default_factory=SimpleNamespace)
    written_files: list = field(default_factory=list)
    imported_pages: list = field(default_factory=list)
    imported_items: dict = field(default_factory=dict)  # post type -> wordpress id -> ImportedItem
    comment_ids_in_use: set = field(default_factory=set)


def import_export(path, *, index, media_dir=None, update=False, dry_run=False, progress=None):
    """Import the WordPress export at `path` under the ArticleIndexPage `index`. Returns a Report.

    `progress`, if given, is called with (done, total) after each item."""
    report = Report(str(path), dry_run=dry_run)
    try:
        scan = scan_export(path)
    except WXRError as error:
        report.fatal = str(error)
        return report
    context = Context(
        index=index,
        report=report,
        update=update,
        media=media.MediaLibrary(scan.site.base_site_url),
        site=index.get_site(),
    )
    # A real run commits post by post; a dry run does everything in one transaction, then undoes it.
    try:
        with (
            transaction.atomic() if dry_run else contextlib.nullcontext(),
            indexes.indexing_deferred(PAGE_MODELS),
        ):
            import_authors(scan, context)
            import_terms(scan, context)
            import_attachments(scan, context, media_dir)
            if not dry_run:
                comments.advance_id_sequence(at_least=scan.max_comment_id)
            import_items(path, scan, context, progress)
            attachment_redirects(scan, context)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        media.remove_files(context.written_files)
    except WXRError as error:
        # The file changed between the passes: what was imported before the fault is kept.
        report.fatal = str(error)
    finally:
        # Also after an interruption: the posts committed so far are on the site, so readers
        # must be able to find them, and see them rather than cached pages.
        if not dry_run:
            indexes.index_pages(PAGE_MODELS, context.imported_pages)
            comments.advance_id_sequence()
            invalidate(EVERYTHING)
    return report


def scan_export(path):
    scan = Scan()
    for entry in read_export(path):
        if isinstance(entry, Site):
            scan.site = entry
        elif isinstance(entry, Author):
            scan.authors[entry.login] = entry
        elif isinstance(entry, Term):
            scan.terms.setdefault((entry.taxonomy, entry.slug), entry)
        elif isinstance(entry, Item):
            scan.items += 1
            scan.max_comment_id = max([scan.max_comment_id, *(c.wordpress_id for c in entry.comments)])
            if entry.post_type in POST_TYPES:
                scan.post_ids[entry.post_type].append(entry.wordpress_id)
            if entry.post_type == "attachment":
                scan.attachments.append(Attachment.from_item(entry))
    return scan


def import_authors(scan, context):
    known = ImportedItem.objects.remembered(ImportedItem.Kind.AUTHOR, [a.wordpress_id for a in scan.authors.values()])
    for login, author in scan.authors.items():
        name = author.display_name or login
        row = known.get(author.wordpress_id)
        if row is not None:
            person = Person.objects.filter(pk=row.object_id).first()
            if person is not None:
                if context.update and person.name != name[:100]:
                    Person.objects.filter(pk=person.pk).update(name=name[:100])
                    context.report.count("author", "updated")
                else:
                    context.report.count("author", "unchanged")
                context.people[login] = person.pk
                continue
        person = Person.objects.create(name=name[:100])
        ImportedItem.objects.remember([(ImportedItem.Kind.AUTHOR, author.wordpress_id, person, "")])
        context.people[login] = person.pk
        context.report.count("author", "created")


def import_terms(scan, context):
    """Categories and tags become topics; a category and a tag of one name share a topic."""
    known = ImportedItem.objects.remembered(ImportedItem.Kind.TERM, [t.wordpress_id for t in scan.terms.values()])
    for key, term in scan.terms.items():
        if term.taxonomy not in {"category", "post_tag"}:
            context.report.skip("topic", f"taxonomy “{term.taxonomy}” is not categories or tags")
            continue
        if term.slug == "uncategorized":
            context.report.skip("topic", "WordPress's “Uncategorized” is no topic")
            continue
        row = known.get(term.wordpress_id)
        topic = Topic.objects.filter(pk=row.object_id).first() if row else None
        outcome = "unchanged"
        if topic is None:
            slug = (
                slugify(term.slug, allow_unicode=False)[:80] or slugify(term.name)[:80] or f"topic-{term.wordpress_id}"
            )
            topic = Topic.objects.filter(slug=slug).first() or Topic.objects.filter(name=term.name[:80]).first()
            if topic is None:
                topic = Topic.objects.create(name=term.name[:80], slug=slug, description=term.description)
                outcome = "created"
            ImportedItem.objects.remember([(ImportedItem.Kind.TERM, term.wordpress_id, topic, "")])
        context.topics[key] = topic
        context.report.count("topic", outcome)


def import_attachments(scan, context, media_dir):
    report = context.report
    known = ImportedItem.objects.remembered(ImportedItem.Kind.ATTACHMENT, [a.wordpress_id for a in scan.attachments])
    if scan.attachments and media_dir is None:
        report.skip("attachment", "no --media-dir given", n=len(scan.attachments))
    for attachment in scan.attachments:
        label = f"attachment {attachment.wordpress_id} “{attachment.title}”"
        row = known.get(attachment.wordpress_id)
        model = media.get_image_model() if attachment.is_image else media.get_document_model()
        existing = model.objects.filter(pk=row.object_id).first() if row else None
        digest = checksum(attachment)
        if existing is not None and (not context.update or row.checksum == digest):
            context.media.add(attachment, existing)
            report.count("attachment", "unchanged")
            continue
        if media_dir is None:
            continue
        if not media.is_importable(attachment):
            report.skip("attachment", f".{attachment.extension} files are not accepted", problem=f"{label}: skipped")
            continue
        try:
            obj, written = media.store(attachment, media_dir, existing)
        except FileNotFoundError:
            report.skip(
                "attachment",
                "file missing from the media directory",
                problem=f"{label}: {attachment.relative_path} is not in {media_dir}",
            )
            continue
        context.written_files += written
        ImportedItem.objects.remember([(ImportedItem.Kind.ATTACHMENT, attachment.wordpress_id, obj, digest)])
        context.media.add(attachment, obj)
        report.count("attachment", "updated" if existing else "created")


def import_items(path, scan, context, progress):
    # What every post and page became in earlier imports, read once rather than once an item.
    context.imported_items = {kind: ImportedItem.objects.remembered(kind, ids) for kind, ids in scan.post_ids.items()}
    context.comment_ids_in_use = comments.ids_in_use(scan.max_comment_id)
    done = 0
    for entry in read_export(path):
        if not isinstance(entry, Item):
            continue
        done += 1
        if entry.post_type in POST_TYPES:
            try:
                with transaction.atomic():
                    import_item(entry, context)
            except pages.ItemRejected as error:
                context.report.skip(entry.post_type, error.reason, problem=f"{entry.describe()}: {error}")
            except ValidationError as error:
                problem = f"{entry.describe()} (line {entry.line}): {'; '.join(error.messages)}"
                context.report.skip(entry.post_type, "rejected by the page's checks", problem=problem)
        elif entry.post_type != "attachment":
            if entry.post_type in IGNORED_TYPES:
                context.report.skip("other", f"{entry.post_type} (not content)")
            else:
                context.report.skip(
                    "other",
                    "unknown post type",
                    problem=f"{entry.describe()} (line {entry.line}): unknown post type “{entry.post_type}”, skipped",
                )
        if progress is not None:
            progress(done, scan.items)
        indexes.forget_logged_queries()


def import_item(item, context):
    kind = ImportedItem.Kind.POST if item.post_type == "post" else ImportedItem.Kind.PAGE
    row = context.imported_items[kind].get(item.wordpress_id)
    page_model = ArticlePage if kind == ImportedItem.Kind.POST else pages.content_page_model()
    page = page_model.objects.filter(pk=row.object_id).first() if row else None
    digest = checksum(item.title, item.content, item.excerpt, item.status, item.slug, item.date, item.terms, item.meta)
    if page is not None and (not context.update or row.checksum == digest):
        context.report.count(item.post_type, "unchanged")
        if kind == ImportedItem.Kind.POST:
            ImportedItem.objects.remember(comments.import_comments(item, page, context, page_is_new=False))
        return
    page, created = pages.save_page(item, page, context)
    context.imported_items[kind][item.wordpress_id] = ImportedItem(object_id=page.pk, checksum=digest)
    context.report.count(item.post_type, "created" if created else "updated")
    pages.add_redirects(item, page, context)
    imported = [(kind, item.wordpress_id, page, digest)]
    if kind == ImportedItem.Kind.POST:
        imported += comments.import_comments(item, page, context, page_is_new=created)
    elif item.comments:
        context.report.skip("comment", "on a WordPress page (pages here take no comments)", n=len(item.comments))
    ImportedItem.objects.remember(imported)


def attachment_redirects(scan, context):
    """An attachment's page leads to the post it belongs to, else to the file; its file URL to the file."""
    parents = ImportedItem.objects.remembered(
        ImportedItem.Kind.POST, {a.parent_id for a in scan.attachments if a.parent_id}
    )
    for attachment in scan.attachments:
        if attachment.wordpress_id not in context.media.by_id:
            continue
        file_url = context.media.file_url(attachment.wordpress_id)
        parent = parents.get(attachment.parent_id)
        page = ArticlePage.objects.filter(pk=parent.object_id).first() if parent else None
        target = {"redirect_page": page} if page else {"redirect_link": file_url}
        pages.redirect([attachment.link, f"/?attachment_id={attachment.wordpress_id}"], context, **target)
        pages.redirect([attachment.url], context, redirect_link=file_url)
