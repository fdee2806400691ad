"""WordPress comments to the site's comments, threads intact.

An imported comment keeps its WordPress id as its own id whenever that id is free, so the
`#comment-123` in every old link (and in readers' bookmarks) still names the same comment: the
comment template's anchor is `comment-<id>`. When the id is taken, the report says so.
"""

from urllib.parse import urlparse

from django.db import connection
from lxml import html as lxml_html

from articles.comments.cache import comments_changed
from articles.comments.models import Comment
from articles.comments.network import minimised_network

from .models import ImportedItem, checksum

STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
SKIPPED_TYPES = {"pingback", "trackback"}
NAME_MAX = 100
WEBSITE_MAX = 200


def plain_text(content):
    """The comment's text as readers wrote it: tags gone, a link's address kept after its words."""
    if not content.strip():
        return ""
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    for link in root.iter("a"):
        href = link.get("href", "")
        if href and href != link.text_content().strip():
            link.tail = f" ({href})" + (link.tail or "")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content().strip()


def website(url):
    url = url.strip()
    return url if urlparse(url).scheme in {"http", "https"} and len(url) <= WEBSITE_MAX else ""


def _depths(comments):
    """Each comment's depth in its thread, following parents present in this export."""
    by_id = {c.wordpress_id: c for c in comments}
    depths = {}
    for comment in comments:
        seen, current = set(), comment
        while current.parent_id in by_id and current.parent_id not in seen:
            seen.add(current.wordpress_id)
            current = by_id[current.parent_id]
        depths[comment.wordpress_id] = len(seen)
    return depths


def import_comments(item, page, context, page_is_new):
    """Create the post's new comments and, with --update, update the changed ones, parents before
    replies. New comments keep their WordPress ids, so every reply's parent id is usually known
    and they all go in one insert; a reply to a comment whose id was taken waits for the insert
    that gives its parent an id. Returns what to remember of them, for the caller's one upsert."""
    report = context.report
    wanted = []
    for comment in item.comments:
        if comment.type in SKIPPED_TYPES:
            report.skip("comment", f"{comment.type}s are not comments")
        else:
            wanted.append(comment)
    known, existing = {}, {}
    if not page_is_new:
        # A page made a moment ago has no comments yet, whatever an earlier import remembers.
        known = ImportedItem.objects.remembered(ImportedItem.Kind.COMMENT, [c.wordpress_id for c in wanted])
        existing = Comment.objects.filter(article=page).in_bulk([row.object_id for row in known.values()])
    taken = context.comment_ids_in_use
    depths = _depths(wanted)
    saved = {}  # wordpress id -> Comment
    waiting, changed, rows, created = [], [], [], 0
    for source in sorted(wanted, key=lambda c: (depths[c.wordpress_id], c.wordpress_id)):
        row = known.get(source.wordpress_id)
        comment = existing.get(row.object_id) if row else None
        digest = checksum(source, page.pk)
        if comment is not None and (not context.update or row.checksum == digest):
            saved[source.wordpress_id] = comment
            report.count("comment", "unchanged")
            continue
        parent = saved.get(source.parent_id)
        if parent is not None and parent.pk is None:
            insert(waiting, taken)
            waiting = []
        if comment is None:
            comment = Comment(article=page)
            if source.wordpress_id in taken:
                report.problem(
                    f"{item.describe()}: comment {source.wordpress_id}: that id is taken here, "
                    f"so links to #comment-{source.wordpress_id} will not find it"
                )
            else:
                comment.pk = source.wordpress_id
            waiting.append(comment)
            created += 1
        else:
            changed.append(comment)
        fill(comment, source, item, page, saved, report)
        saved[source.wordpress_id] = comment
        rows.append((source.wordpress_id, comment, digest))
    insert(waiting, taken)
    if changed:
        Comment.objects.bulk_update(
            changed, ["parent", "thread", "depth", "name", "email", "website", "body", "status", "ip_address"]
        )
    if (created or changed) and not page_is_new:
        comments_changed([page.pk])  # bulk writes send no signal: the cached article must go
    report.count("comment", "created", created)
    report.count("comment", "updated", len(changed))
    return [(ImportedItem.Kind.COMMENT, wordpress_id, comment, digest) for wordpress_id, comment, digest in rows]


def ids_in_use(up_to):
    """The comment ids up to `up_to` in use here, which an imported comment cannot keep: read once
    before the posts rather than once a post. No comment made meanwhile gets one from the id
    sequence, which is moved past them; the import adds the ones it uses."""
    return set(Comment.objects.filter(pk__lte=up_to).values_list("pk", flat=True))


def insert(comments, ids_in_use):
    Comment.objects.bulk_create(comments)
    ids_in_use.update(comment.pk for comment in comments)


def fill(comment, source, item, page, saved, report):
    parent = saved.get(source.parent_id)
    if parent is not None:
        comment.place_under(parent)
    else:
        if source.parent_id:
            report.problem(
                f"{item.describe()}: comment {source.wordpress_id} replies to comment {source.parent_id}, "
                "which is not in the export (WordPress leaves spam out): shown as a new thread"
            )
        comment.parent, comment.thread, comment.depth = None, None, 0
    comment.name = source.author[:NAME_MAX] or "Anonymous"
    comment.email = source.email
    comment.website = website(source.url)
    comment.body = plain_text(source.content)
    status = STATUSES.get(source.approved)
    if status is None:
        report.problem(f"{item.describe()}: comment {source.wordpress_id} has status “{source.approved}”: held")
        status = Comment.Status.PENDING
    comment.status = status
    comment.ip_address = minimised_network(source.ip)
    comment.created_at = source.date or item.date or comment.created_at


def advance_id_sequence(at_least=1):
    """Move the comment id sequence past every comment, and past `at_least`: before an import, past
    the export's highest comment id, so no comment given an id by the sequence (a reader's, or an
    imported one whose id was taken) takes an id a later imported comment needs; after it, past
    the comments created with their WordPress ids, which bypassed the sequence."""
    table = Comment._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST((SELECT MAX(id) FROM {table}), %s, 1))",  # noqa: S608
            [table, at_least],
        )
