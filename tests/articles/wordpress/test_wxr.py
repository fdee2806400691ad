import pytest

from articles.wordpress.wxr import Author, Item, Site, Term, WXRError, read_export

from .conftest import EXPORT

WXR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/{version}/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
    "<wp:wxr_version>{version}</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>"
)


def entries(path, kind):
    return [entry for entry in read_export(path) if isinstance(entry, kind)]


def test_reads_the_real_export():
    """The WordPress 6.1 export gives its site, authors, terms and every item with its comments."""
    site = next(read_export(EXPORT))
    assert isinstance(site, Site) and site.wxr_version == "1.2"
    assert {a.display_name for a in entries(EXPORT, Author)} == {"admin", "Dr Amara Okoye", "Jörg Müller"}
    assert "Krämpfe" in {t.name for t in entries(EXPORT, Term)}
    items = {item.wordpress_id: item for item in entries(EXPORT, Item)}
    seed = items[4]
    assert seed.title == "what is muscle spasm" and seed.status == "publish"
    assert seed.meta["_yoast_wpseo_metadesc"].startswith("Muscle spasm:")
    assert {c.approved for c in seed.comments} == {"1", "0", "trash"}
    assert {c.type for c in seed.comments} == {"comment", "pingback"}
    assert items[9].title == "Magnesium & leg cramps: what the evidence says"


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_reads_wxr_1_1_and_1_2(tmp_path, version):
    """Both export versions WordPress has written since 3.x are read alike."""
    path = tmp_path / "export.xml"
    path.write_text(
        WXR_HEAD.format(version=version)
        + "<item><title>Hi</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>"
        "<content:encoded><![CDATA[<p>Text</p>]]></content:encoded></item></channel></rss>"
    )
    (item,) = entries(path, Item)
    assert (item.wordpress_id, item.post_type, item.content) == (7, "post", "<p>Text</p>")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("<![CDATA[<em>Cramps</em> &amp; spasms]]>", "Cramps & spasms"),
        ("<![CDATA[Calcium &lt; 5 mg: <strong>what</strong>\n next?]]>", "Calcium < 5 mg: what next?"),
        ("Plain &amp; simple", "Plain & simple"),
    ],
)
def test_a_title_with_markup_becomes_plain_text(tmp_path, title, text):
    """WordPress lets titles hold markup and entities; the page title shows just the words."""
    path = tmp_path / "export.xml"
    path.write_text(
        WXR_HEAD.format(version="1.2")
        + f"<item><title>{title}</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type></item>"
        "</channel></rss>"
    )
    (item,) = entries(path, Item)
    assert item.title == text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("just some notes, not XML", "not a WordPress export: not XML"),
        ("<html><body><p>A web page</p></body></html>", "the document is <html>, not <rss>"),
        (
            '<rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>',
            "no wp:wxr_version",
        ),
        (WXR_HEAD.format(version="1.2") + "<item><title>Cut off here", "cut short or damaged at line 2"),
    ],
)
def test_bad_files_get_one_clear_line(tmp_path, content, message):
    """A file that is not an export, or is cut short, is named in one line saying what is wrong."""
    path = tmp_path / "export.xml"
    path.write_text(content)
    with pytest.raises(WXRError) as error:
        list(read_export(path))
    assert message in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("kind", ["external", "nested"])
def test_files_declaring_entities_are_refused(tmp_path, kind):
    """A hostile export can neither read local files nor blow up memory through entities."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    if kind == "external":
        declarations, use = f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;"
    else:
        declarations = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
        use = "&l8;"
    path = tmp_path / "export.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [{declarations}]>\n'
        + WXR_HEAD.format(version="1.2").split("\n", 1)[1]
        + f"<item><title>{use}</title><wp:post_type>post</wp:post_type></item></channel></rss>"
    )
    with pytest.raises(WXRError) as error:
        list(read_export(path))
    assert "not a WordPress export" in str(error.value) and "TOP-SECRET" not in str(error.value)
