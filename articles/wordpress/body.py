"""WordPress post HTML (classic editor or Gutenberg blocks) to the article body's StreamField blocks.

Everything in the post ends up somewhere: what has no block of its own becomes a paragraph of its
text and is named in the conversion's `unmapped` list for the report.
"""

import html
import re
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify
from lxml import etree
from lxml import html as lxml_html

HEADING_MAX = 120
ANCHOR_MAX = 80
FIGURE_TEXT_MAX = 250
INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i"}
# Text-level elements whose formatting the body has no feature for: their text is kept.
FLATTENED = {"sup", "sub", "code", "u", "s", "del", "ins", "mark", "kbd", "q", "cite", "abbr", "small", "big"}
CONTAINERS = {"div", "section", "article", "main", "aside", "header", "footer", "center", "nav", "span", "font"}
# Where wpautop starts no paragraph: a chunk opening with one of these is a block already.
BLOCK_TAGS = (
    "(?:"
    + "|".join(
        "table thead tfoot caption col colgroup tbody tr td th div dl dd dt ul ol li pre form map area blockquote "
        "address math style p h[1-6] hr fieldset legend section article aside hgroup header footer nav figure "
        "figcaption details menu summary iframe script".split()
    )
    + ")"
)
SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)([^\[\]]*)\]")
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S)
URL_ONLY = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
GUTENBERG_VOID = re.compile(r"^\s*wp:([a-z][a-z0-9-]*(?:/[a-z0-9-]+)?)(.*?)/\s*$", re.S)
# Self-closing blocks that carry no content of their own.
HARMLESS_VOID_BLOCKS = {"spacer", "separator", "more", "nextpage", "page-list"}
EMBED_URL = URLValidator(schemes=["http", "https"])


@dataclass
class Conversion:
    blocks: list = field(default_factory=list)
    unmapped: list = field(default_factory=list)
    shortcodes: list = field(default_factory=list)
    missing_media: list = field(default_factory=list)

    def text(self):
        """The plain text of the paragraphs, for a summary when the post has no excerpt."""
        parts = [strip_html(b["value"]) for b in self.blocks if b["type"] == "paragraph"]
        return " ".join(part for part in parts if part)


def strip_html(markup):
    if not markup or not markup.strip():
        return ""
    return " ".join(lxml_html.fragment_fromstring(markup, create_parent="div").text_content().split())


class NoMedia:
    """A media lookup that knows no attachments: every image is reported missing."""

    def image(self, wordpress_id, url):
        return None

    def rewrite_url(self, url):
        return url


def convert(content, media=None):
    """Convert a post's content; `media` maps attachment ids and upload URLs to what they became."""
    converter = _Converter(media or NoMedia())
    return converter.run(content or "")


def autop(text):
    """WordPress's wpautop, simplified: blank lines separate paragraphs in classic-editor posts."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if re.match(rf"^<{BLOCK_TAGS}[\s/>]", chunk, re.I) or chunk.startswith("<!--"):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _caption_to_figure(match):
    inner = match.group(2)
    image = re.search(r"(<a [^>]*>\s*)?<img [^>]*>(\s*</a>)?", inner, re.S)
    if image is None:
        return inner
    caption = (inner[: image.start()] + inner[image.end() :]).strip()
    return f"<figure>{image.group(0)}<figcaption>{caption}</figcaption></figure>"


class _Converter:
    def __init__(self, media):
        self.media = media
        self.result = Conversion()
        self.pending_inline = []

    def run(self, content):
        self.result.shortcodes = sorted({m.group(2) for m in SHORTCODE.finditer(content) if m.group(2) != "caption"})
        content = CAPTION.sub(_caption_to_figure, content)
        if "<!-- wp:" not in content:
            content = autop(content)
        root = lxml_html.fragment_fromstring(content, create_parent="div")
        self.children(root)
        self.flush_inline()
        _tidy_headings(self.result.blocks)
        return self.result

    # --- blocks ----------------------------------------------------------------------------------

    def add(self, block_type, value):
        self.flush_inline()
        self.result.blocks.append({"type": block_type, "value": value})

    def add_paragraph(self, inner_html):
        if strip_html(inner_html):
            self.add("paragraph", f"<p>{inner_html}</p>")

    def unmapped(self, what, text_html):
        self.result.unmapped.append(what)
        self.add_paragraph(text_html)

    def flush_inline(self):
        if self.pending_inline:
            inline, self.pending_inline = "".join(self.pending_inline), []
            if strip_html(inline):
                self.result.blocks.append({"type": "paragraph", "value": f"<p>{inline.strip()}</p>"})

    def children(self, element):
        if element.text:
            self.pending_inline.append(html.escape(element.text))
        for child in element:
            self.element(child)
            if child.tail:
                self.pending_inline.append(html.escape(child.tail))

    def element(self, el):
        if isinstance(el, etree._Comment):
            return self.comment(el)
        if not isinstance(el.tag, str):
            return None
        tag = el.tag.lower()
        handler = getattr(self, f"tag_{tag}", None)
        if handler is not None:
            return handler(el)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            return self.heading(el, int(tag[1]))
        if tag in CONTAINERS:
            return self.children(el)
        if tag in INLINE_TAGS or tag in FLATTENED or tag in {"a", "br"}:
            self.pending_inline.append(self.inline(el, with_tail=False))
            return None
        if tag in {"script", "style", "noscript", "template"}:
            self.result.unmapped.append(f"<{tag}> (left out: code, not content)")
            return None
        if tag == "iframe" and el.get("src"):
            return self.link_block(el.get("src"), what="<iframe>")
        return self.unmapped(f"<{tag}>", self.inline(el, with_tail=False))

    def comment(self, el):
        match = GUTENBERG_VOID.match(el.text or "")
        if match and match.group(1) not in HARMLESS_VOID_BLOCKS:
            self.result.unmapped.append(f"wp:{match.group(1)} (a dynamic block: WordPress made its content)")

    def heading(self, el, level):
        text = " ".join(el.text_content().split())
        if not text:
            return
        if len(text) > HEADING_MAX:
            self.unmapped(f"<h{level}> longer than {HEADING_MAX} characters", f"<b>{html.escape(text)}</b>")
            return
        anchor = slugify(el.get("id", ""))[:ANCHOR_MAX]
        self.add("section_heading", {"heading": text, "level": min(max(level, 2), 4), "anchor": anchor})

    def tag_p(self, el):
        if URL_ONLY.match(el.text_content()) and not el.xpath(".//img"):
            return self.embed(el.text_content().strip(), caption="")
        images = el.xpath(".//img")
        for image in images:
            parent = image.getparent()
            holder = parent if parent.tag == "a" and parent is not el else image
            self.image(image, caption="")
            holder.drop_tree()
        self.add_paragraph(self.inline(el, with_tail=False, outer=False))

    def tag_img(self, el):
        self.image(el, caption="")

    def tag_figure(self, el):
        caption_el = el.find(".//figcaption")
        caption = " ".join(caption_el.text_content().split()) if caption_el is not None else ""
        if caption_el is not None:
            caption_el.drop_tree()
        classes = el.get("class", "")
        if "wp-block-embed" in classes:
            url = " ".join(el.text_content().split()) or next(iter(el.xpath(".//a/@href")), "")
            return self.embed(url, caption)
        image = el.find(".//img")
        if image is not None:
            return self.image(image, caption=caption)
        table = el.find(".//table")
        if table is not None:
            return self.table(table, caption)
        self.children(el)
        if caption:
            self.add_paragraph(html.escape(caption))

    def tag_blockquote(self, el):
        cite = el.find(".//cite")
        cite_text = " ".join(cite.text_content().split()) if cite is not None else ""
        if cite is not None:
            cite.drop_tree()
        paragraphs = el.xpath("./p")
        inner = (
            "".join(f"<p>{self.inline(p, with_tail=False, outer=False)}</p>" for p in paragraphs)
            if paragraphs
            else f"<p>{self.inline(el, with_tail=False, outer=False)}</p>"
        )
        if cite_text:
            inner += f"<p>— {html.escape(cite_text)}</p>"
        if strip_html(inner):
            self.add("inset_text", {"text": inner})

    def tag_ul(self, el):
        self.list(el, "bulleted")

    def tag_ol(self, el):
        self.list(el, "numbered")

    def list(self, el, style):
        items = el.xpath("./li")
        if el.xpath("./li//ul|./li//ol"):
            # Nested lists: a paragraph block keeps the nesting, the list block cannot.
            tag = "ul" if style == "bulleted" else "ol"
            inner = "".join(f"<li>{self.inline(li, with_tail=False, outer=False, lists=True)}</li>" for li in items)
            self.add("paragraph", f"<{tag}>{inner}</{tag}>")
            return
        # Browsers show text and stray elements inside a list too, so they become items as well.
        values = [html.escape(el.text)] if el.text else []
        for child in el:
            if isinstance(child.tag, str):
                values.append(self.inline(child, with_tail=False, outer=child.tag != "li"))
            if child.tail:
                values.append(html.escape(child.tail))
        values = [
            # The id tells Wagtail these are list items in its current format, not plain values.
            {"type": "item", "value": f"<p>{value.strip()}</p>", "id": str(uuid.uuid4())}
            for value in values
            if strip_html(value)
        ]
        if values:
            self.add("list", {"style": style, "items": values})

    def tag_table(self, el):
        self.table(el, "")

    def table(self, el, caption):
        caption_el = el.find("caption")
        if caption_el is not None:
            caption = caption or " ".join(caption_el.text_content().split())
            caption_el.drop_tree()
        rows = el.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
        data = [[" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")] for row in rows]
        if not data or "".join("".join(row) for row in data).replace(" ", "") != "".join(el.text_content().split()):
            # Text outside the cells, or no cells at all: keep every word as a paragraph.
            return self.unmapped(
                "<table> with text outside its cells", html.escape(" ".join(el.text_content().split()))
            )
        width = max(len(row) for row in data)
        data = [row + [""] * (width - len(row)) for row in data]
        if el.xpath(".//td[@colspan or @rowspan]|.//th[@colspan or @rowspan]|.//td//img|.//table//table"):
            self.result.unmapped.append("<table> merged cells or images in cells (text kept)")
        self.add(
            "table",
            {
                "data": data,
                "first_row_is_table_header": bool(rows[0].xpath("./th")),
                "first_col_is_header": False,
                "table_caption": caption,
            },
        )

    def tag_details(self, el):
        """A disclosure shows open: its summary in bold, then what it held."""
        self.result.unmapped.append("<details> (shown open, its summary in bold)")
        self.children(el)

    def tag_summary(self, el):
        self.add_paragraph(f"<b>{self.inline(el, with_tail=False, outer=False)}</b>")

    def tag_hr(self, el):
        self.flush_inline()

    def tag_pre(self, el):
        text = html.escape(el.text_content()).replace("\n", "<br/>")
        self.unmapped("<pre>", text)

    def embed(self, url, caption):
        """An embed block: the article links to the video or post and loads nothing from its site.
        What is not a web address, or a caption too long for the block, stays as text."""
        url = url.strip()
        try:
            EMBED_URL(url)
        except ValidationError:
            self.link_block(url, what="embed")
            return self.add_paragraph(html.escape(caption))
        if len(caption) > FIGURE_TEXT_MAX:
            self.add("embed", {"url": url, "title": "", "caption": ""})
            return self.unmapped("embed caption over 250 characters (kept as a paragraph)", html.escape(caption))
        self.add("embed", {"url": url, "title": "", "caption": caption})

    def link_block(self, url, what):
        url = url.strip()
        if not url:
            return
        self.result.unmapped.append(f"{what} {url} (kept as a link)")
        safe = html.escape(url, quote=True)
        self.add_paragraph(f'<a href="{safe}">{html.escape(url)}</a>')

    def image(self, el, caption):
        wordpress_id = None
        match = re.search(r"wp-image-(\d+)", el.get("class", ""))
        if match:
            wordpress_id = int(match.group(1))
        src = el.get("src", "")
        found = self.media.image(wordpress_id, src)
        alt = " ".join((el.get("alt") or "").split())
        if found is None:
            self.result.missing_media.append(src or f"attachment {wordpress_id}")
            description = " ".join(filter(None, [f"[Image: {alt or src}]", caption]))
            self.unmapped("<img> whose file is missing", html.escape(description))
            return
        alt = alt or found.alt or found.title
        caption = caption or found.caption
        if len(alt) > FIGURE_TEXT_MAX or len(caption) > FIGURE_TEXT_MAX:
            self.result.unmapped.append("image alt text or caption over 250 characters (shortened)")
        self.add(
            "image",
            {"image": found.image_id, "alt_text": alt[:FIGURE_TEXT_MAX], "caption": caption[:FIGURE_TEXT_MAX]},
        )

    # --- inline ----------------------------------------------------------------------------------

    def inline(self, el, *, with_tail, outer=True, lists=False):
        """The element as the body's rich text: bold, italic, links and line breaks; other tags
        give their text."""
        parts = []
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        open_tag, close_tag = "", ""
        if outer and tag in INLINE_TAGS:
            open_tag, close_tag = f"<{INLINE_TAGS[tag]}>", f"</{INLINE_TAGS[tag]}>"
        elif outer and tag == "a" and el.get("href"):
            href = html.escape(self.media.rewrite_url(el.get("href")), quote=True)
            open_tag, close_tag = f'<a href="{href}">', "</a>"
        elif outer and tag == "br":
            open_tag = "<br/>"
        elif outer and lists and tag in {"ul", "ol"}:
            open_tag, close_tag = f"<{tag}>", f"</{tag}>"
        elif outer and lists and tag == "li":
            open_tag, close_tag = "<li>", "</li>"
        elif outer and tag in FLATTENED:
            self.result.unmapped.append(f"<{tag}> (formatting dropped, text kept)")
        parts.append(open_tag)
        if isinstance(el.tag, str) and el.text:
            parts.append(html.escape(el.text))
        for child in el:
            if isinstance(child.tag, str):
                parts.append(self.inline(child, with_tail=True, lists=lists))
            elif child.tail:
                parts.append(html.escape(child.tail))
        parts.append(close_tag)
        if with_tail and el.tail:
            parts.append(html.escape(el.tail))
        return "".join(parts)


def _tidy_headings(blocks):
    """Headings as the article's checks want them: no level skipped, no anchor used twice."""
    previous = 1
    seen = set()
    for block in blocks:
        if block["type"] != "section_heading":
            continue
        value = block["value"]
        value["level"] = min(value["level"], previous + 1)
        previous = value["level"]
        anchor = value["anchor"] or slugify(value["heading"])[:ANCHOR_MAX]
        candidate, number = anchor, 2
        while candidate in seen:
            suffix = f"-{number}"
            candidate, number = anchor[: ANCHOR_MAX - len(suffix)] + suffix, number + 1
        seen.add(candidate)
        if candidate != anchor or value["anchor"]:
            value["anchor"] = candidate
