"""Reading a WordPress export (WXR 1.0 to 1.2) one item at a time.

lxml's iterparse with entity expansion, DTD loading, network access and huge text nodes all off, so
a hostile file cannot expand itself or reach out; each item is cleared once read, so memory stays
flat whatever the size of the export.
"""

import datetime
import functools
import html
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from lxml import etree

WXR_VERSIONS = {"1.0", "1.1", "1.2"}
# Namespace URIs as WordPress writes them, by the prefix the rest of this package uses.
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
for _version in WXR_VERSIONS:
    PREFIXES[f"http://wordpress.org/export/{_version}/"] = "wp"
    PREFIXES[f"http://wordpress.org/export/{_version}/excerpt/"] = "excerpt"


class WXRError(Exception):
    """The file cannot be read as a WordPress export. The message is one line for the operator."""


@dataclass
class Site:
    title: str
    base_site_url: str
    base_blog_url: str
    wxr_version: str


@dataclass
class Author:
    wordpress_id: int
    login: str
    email: str
    display_name: str


@dataclass
class Term:
    wordpress_id: int
    taxonomy: str  # "category", "post_tag", or another taxonomy's name
    slug: str
    name: str
    description: str


@dataclass
class Comment:
    wordpress_id: int
    parent_id: int
    author: str
    email: str
    url: str
    ip: str
    date: datetime.datetime | None
    content: str
    approved: str  # "1", "0", "spam", "trash", "post-trashed"
    type: str  # "" or "comment", "pingback", "trackback", or a plugin's own


@dataclass
class Item:
    wordpress_id: int
    post_type: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    date: datetime.datetime | None
    modified: datetime.datetime | None
    slug: str
    status: str
    parent_id: int
    password: str
    comment_status: str
    attachment_url: str
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    line: int = 0  # where the item starts in the file, for error messages

    def describe(self):
        return f"{self.post_type} {self.wordpress_id} “{self.title or self.slug or '(no title)'}”"


@functools.lru_cache(maxsize=1024)
def _tag_name(tag):
    qname = etree.QName(tag)
    prefix = PREFIXES.get(qname.namespace or "")
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def _name(element):
    """The element's name as `wp:post_id`: an export repeats a few dozen tags millions of times."""
    return _tag_name(element.tag)


def _children(element):
    """Each child's text by its prefixed name; the first wins when a name repeats."""
    values = {}
    for child in element:
        if isinstance(child.tag, str):
            values.setdefault(_name(child), child.text or "")
    return values


def _int(text):
    try:
        return int((text or "").strip() or 0)
    except ValueError:
        return 0


def parse_gmt(text):
    """A WordPress GMT date ("2024-01-15 09:00:00"), or None for the zero date drafts carry."""
    text = (text or "").strip()
    if not text or text.startswith("0000"):
        return None
    try:
        # Not strptime: a tenth of the time, and an export has a date for every comment.
        return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def _item(element):
    values = _children(element)
    item = Item(
        wordpress_id=_int(values.get("wp:post_id")),
        post_type=values.get("wp:post_type", "").strip(),
        # WordPress lets a title hold markup (“<em>Cramps</em> at night”); a page title is text.
        title=" ".join(html.unescape(strip_tags(values.get("title", ""))).split()),
        link=values.get("link", "").strip(),
        guid=values.get("guid", "").strip(),
        creator=values.get("dc:creator", "").strip(),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", "").strip(),
        date=parse_gmt(values.get("wp:post_date_gmt")) or parse_gmt(values.get("wp:post_date")),
        modified=parse_gmt(values.get("wp:post_modified_gmt")) or parse_gmt(values.get("wp:post_modified")),
        slug=values.get("wp:post_name", "").strip(),
        status=values.get("wp:status", "").strip(),
        parent_id=_int(values.get("wp:post_parent")),
        password=values.get("wp:post_password", ""),
        comment_status=values.get("wp:comment_status", "").strip(),
        attachment_url=values.get("wp:attachment_url", "").strip(),
        line=element.sourceline or 0,
    )
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = _name(child)
        if name == "category":
            item.terms.append(
                (child.get("domain", ""), child.get("nicename", ""), html.unescape((child.text or "").strip()))
            )
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta.setdefault(meta.get("wp:meta_key", ""), meta.get("wp:meta_value", ""))
        elif name == "wp:comment":
            item.comments.append(_comment(_children(child)))
    return item


def _comment(values):
    return Comment(
        wordpress_id=_int(values.get("wp:comment_id")),
        parent_id=_int(values.get("wp:comment_parent")),
        author=html.unescape(values.get("wp:comment_author", "").strip()),
        email=values.get("wp:comment_author_email", "").strip(),
        url=values.get("wp:comment_author_url", "").strip(),
        ip=values.get("wp:comment_author_IP", "").strip(),
        date=parse_gmt(values.get("wp:comment_date_gmt")) or parse_gmt(values.get("wp:comment_date")),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", "").strip(),
        type=values.get("wp:comment_type", "").strip(),
    )


def _author(element):
    values = _children(element)
    return Author(
        wordpress_id=_int(values.get("wp:author_id")),
        login=values.get("wp:author_login", "").strip(),
        email=values.get("wp:author_email", "").strip(),
        display_name=html.unescape(values.get("wp:author_display_name", "").strip()),
    )


def _term(element, kind):
    values = _children(element)
    if kind == "wp:category":
        taxonomy, slug, name = "category", values.get("wp:category_nicename"), values.get("wp:cat_name")
        description = values.get("wp:category_description", "")
    elif kind == "wp:tag":
        taxonomy, slug, name = "post_tag", values.get("wp:tag_slug"), values.get("wp:tag_name")
        description = values.get("wp:tag_description", "")
    else:
        taxonomy, slug, name = values.get("wp:term_taxonomy"), values.get("wp:term_slug"), values.get("wp:term_name")
        description = values.get("wp:term_description", "")
    return Term(
        wordpress_id=_int(values.get("wp:term_id")),
        taxonomy=(taxonomy or "").strip(),
        slug=(slug or "").strip(),
        name=html.unescape((name or "").strip()),
        description=(description or "").strip(),
    )


CHANNEL_ENTRIES = {"wp:author", "wp:category", "wp:tag", "wp:term"}


def read_export(path):
    """Yield the export's Site first, then its Authors, Terms and Items in file order.

    Raises WXRError for a file that is not XML, not a WordPress export, or ends early; what was
    yielded before the fault stands, so callers that must not act on a damaged file read it
    through once first."""
    progress = {"started": False}
    try:
        events = etree.iterparse(
            str(path),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_blank_text=True,
        )
        yield from _walk(events, progress)
    except etree.XMLSyntaxError as error:
        if not progress["started"]:
            raise WXRError(f"{path}: not a WordPress export: not XML ({error.msg})") from None
        raise WXRError(f"{path}: the export is cut short or damaged at line {error.lineno}: {error.msg}") from None
    except OSError as error:
        raise WXRError(f"{path}: cannot be read: {error.strerror or error}") from None


def _walk(events, progress):
    site = None
    channel = {}
    depth = 0
    for event, element in events:
        if event == "start":
            progress["started"] = True
            depth += 1
            if depth == 1 and element.tag != "rss":
                raise WXRError(f"not a WordPress export: the document is <{element.tag}>, not <rss>")
            if depth == 1 and element.getroottree().docinfo.internalDTD is not None:
                raise WXRError("not a WordPress export: it declares a DTD, which WordPress never writes")
            continue
        depth -= 1
        name = _name(element)
        if depth == 2 and name not in CHANNEL_ENTRIES and name != "item":
            channel.setdefault(name, element.text or "")
            continue
        if depth != 2:
            continue
        if site is None:
            site = _site(channel)
            yield site
        if name == "item":
            yield _item(element)
        elif name == "wp:author":
            yield _author(element)
        else:
            yield _term(element, name)
        # Drop what has been read, and the references the root keeps to it.
        element.clear(keep_tail=False)
        while element.getprevious() is not None:
            del element.getparent()[0]
    if site is None:
        # An export of an empty site: the channel alone.
        yield _site(channel)


def _site(channel):
    version = channel.get("wp:wxr_version", "").strip()
    if version not in WXR_VERSIONS:
        found = f"WXR version “{version}”" if version else "no wp:wxr_version"
        raise WXRError(f"not a WordPress export this importer reads: {found} (1.0 to 1.2 are)")
    return Site(
        title=channel.get("title", "").strip(),
        base_site_url=channel.get("wp:base_site_url", "").strip(),
        base_blog_url=channel.get("wp:base_blog_url", "").strip(),
        wxr_version=version,
    )
