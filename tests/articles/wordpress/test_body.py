import re

from hypothesis import given
from hypothesis import strategies as st

from articles.wordpress.body import convert, strip_html


def types(conversion):
    return [block["type"] for block in conversion.blocks]


def test_gutenberg_headings_keep_their_anchors_and_levels_never_skip():
    """Headings become section headings with WordPress's anchors; an h4 after an h2 becomes an h3."""
    result = convert(
        '<!-- wp:heading {"anchor":"causes"} --><h2 id="causes">Causes</h2><!-- /wp:heading -->'
        "<h4>Rare causes</h4><h2>Causes</h2>"
    )
    headings = [block["value"] for block in result.blocks]
    assert headings == [
        {"heading": "Causes", "level": 2, "anchor": "causes"},
        {"heading": "Rare causes", "level": 3, "anchor": ""},
        {"heading": "Causes", "level": 2, "anchor": "causes-2"},
    ]


def test_classic_editor_text_becomes_paragraphs_with_bold_italic_and_links():
    """Blank lines separate paragraphs in old posts; strong/em/links carry over, spans do not."""
    result = convert(
        'First <strong>bold</strong> and <em>soft</em>.\nSecond line.\n\n<span style="x">Next</span> <a href="https://e.org/">link</a>'
    )
    assert result.blocks == [
        {"type": "paragraph", "value": "<p>First <b>bold</b> and <i>soft</i>.<br/>\nSecond line.</p>"},
        {"type": "paragraph", "value": '<p>Next <a href="https://e.org/">link</a></p>'},
    ]


def test_lists_tables_quotes_and_embeds():
    """Lists, tables, quotes and embeds each become their own kind of block."""
    result = convert(
        "<ol><li>Rest</li><li>Stretch <b>gently</b></li></ol>"
        "<table><tr><th>Who</th><th>Amount</th></tr><tr><td>Adults</td><td>2 l</td></tr></table>"
        "<blockquote><p>Drink water.</p><cite>NHS</cite></blockquote>"
        '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">https://youtu.be/x</div></figure>'
    )
    assert types(result) == ["list", "table", "inset_text", "embed"]
    assert result.blocks[0]["value"]["style"] == "numbered"
    assert [i["value"] for i in result.blocks[0]["value"]["items"]] == ["<p>Rest</p>", "<p>Stretch <b>gently</b></p>"]
    assert result.blocks[1]["value"]["data"] == [["Who", "Amount"], ["Adults", "2 l"]]
    assert result.blocks[1]["value"]["first_row_is_table_header"] is True
    assert result.blocks[2]["value"]["text"] == "<p>Drink water.</p><p>— NHS</p>"
    assert result.blocks[3]["value"] == {"url": "https://youtu.be/x", "title": "", "caption": ""}


def test_an_embed_keeps_its_caption_and_a_url_alone_on_a_line_is_an_embed():
    """Gutenberg's embed and a classic-editor URL on its own line become embed blocks, caption kept."""
    result = convert(
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://youtu.be/x</div>'
        "<figcaption>A <em>calf</em> stretch, step by step</figcaption></figure>"
        "\n\nhttps://vimeo.com/123\n\n"
    )
    assert [block["value"] for block in result.blocks] == [
        {"url": "https://youtu.be/x", "title": "", "caption": "A calf stretch, step by step"},
        {"url": "https://vimeo.com/123", "title": "", "caption": ""},
    ]
    assert not result.unmapped


def test_an_embed_that_is_no_web_address_stays_as_text():
    """What an embed block could not hold (not an http address) is kept as a link and reported."""
    result = convert(
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">javascript:alert(1)</div></figure>'
    )
    assert types(result) == ["paragraph"] and "javascript:alert(1)" in strip_html(result.blocks[0]["value"])
    assert result.unmapped == ["embed javascript:alert(1) (kept as a link)"]


def test_a_disclosure_shows_open_with_its_summary_apart():
    """<details> has no block: the summary is a bold line of its own, then the hidden text, reported."""
    result = convert(
        '<!-- wp:details --><details class="wp-block-details"><summary>More about cramps</summary>'
        "<!-- wp:paragraph --><p>Hidden details.</p><!-- /wp:paragraph --></details><!-- /wp:details -->"
    )
    assert [block["value"] for block in result.blocks] == ["<p><b>More about cramps</b></p>", "<p>Hidden details.</p>"]
    assert any("<details>" in what for what in result.unmapped)


def test_nested_lists_keep_their_nesting_in_a_paragraph_block():
    """The list block holds one level; a nested list goes to rich text, which holds more."""
    result = convert("<ul><li>Legs<ul><li>Calf</li></ul></li></ul>")
    assert result.blocks == [{"type": "paragraph", "value": "<ul><li>Legs<ul><li>Calf</li></ul></li></ul>"}]


def test_what_has_no_block_is_kept_as_text_and_reported():
    """Unknown elements, dynamic blocks and shortcodes are never dropped silently."""
    result = convert(
        "<pre>dose = 300 mg</pre><dl><dt>Term</dt><dd>Meaning</dd></dl><!-- wp:latest-posts /-->"
        '<p>[contact-form-7 id="1"] and [gallery ids="1,2"]</p><script>alert(1)</script>'
    )
    text = " ".join(strip_html(block["value"]) for block in result.blocks)
    assert "dose = 300 mg" in text and "Term" in text and "Meaning" in text and "[gallery" in text
    assert "alert" not in text
    assert "<pre>" in result.unmapped and "<dl>" in result.unmapped
    assert any(u.startswith("wp:latest-posts") for u in result.unmapped)
    assert any(u.startswith("<script>") for u in result.unmapped)
    assert result.shortcodes == ["contact-form-7", "gallery"]


def test_images_without_a_file_are_reported_and_described():
    """An image that was not imported leaves its description in the text and a missing-media line."""
    result = convert(
        '[caption id="attachment_7" width="200"]<img class="wp-image-7" '
        'src="https://old.example/wp-content/uploads/a.png" alt="A chart"> Cramps by age[/caption]'
    )
    assert strip_html(result.blocks[0]["value"]) == "[Image: A chart] Cramps by age"
    assert result.missing_media == ["https://old.example/wp-content/uploads/a.png"]


WORD = st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True)
TAGS = ["p", "h2", "h3", "h5", "blockquote", "div", "strong", "em", "pre", "span", "li", "td", "code", "figure"]


@st.composite
def post_bodies(draw):
    """Posts built from arbitrary words in arbitrary (possibly badly nested) elements."""
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        tag = draw(st.sampled_from(TAGS))
        words = " ".join(draw(st.lists(WORD, min_size=1, max_size=6)))
        wrap = draw(st.sampled_from(["<ul>{}</ul>", "<table><tr>{}</tr></table>", "{}", "{}\n\n"]))
        parts.append(wrap.format(f"<{tag}>{words}</{tag}>"))
    return "".join(parts)


@given(post_bodies())
def test_every_word_of_a_post_survives_conversion(content):
    """Whatever the markup, conversion does not fail and loses no word of the post."""
    result = convert(content)
    out = " ".join(
        strip_html(str(value))
        for block in result.blocks
        for value in ([block["value"]] if isinstance(block["value"], str) else _texts(block["value"]))
    )
    # Letters, not words: the input's text runs words of neighbouring elements together.
    assert sorted(re.findall(r"[A-Za-z]", out)) == sorted(re.findall(r"[A-Za-z]", strip_html(content)))


def _texts(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in {
                "style",
                "level",
                "anchor",
                "first_row_is_table_header",
                "first_col_is_header",
                "type",
                "id",
            }:
                yield from _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _texts(inner)
    elif isinstance(value, str):
        yield value
