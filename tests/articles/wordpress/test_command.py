import io

import pytest
from django.core.management import CommandError, call_command

from articles.management.commands.import_wordpress import Progress
from articles.models import ArticlePage

from .conftest import EXPORT, UPLOADS

pytestmark = pytest.mark.django_db


def test_command_prints_and_writes_the_report(article_index, tmp_path, capsys):
    """The operator sees the report and finds the same text in the report file."""
    report = tmp_path / "report.txt"
    call_command("import_wordpress", str(EXPORT), "--media-dir", str(UPLOADS), "--report", str(report))
    out = capsys.readouterr()
    assert "post" in report.read_text() and "[contact-form-7]" in report.read_text()
    assert report.read_text().splitlines()[0] in out.out
    assert "] 13 / 13 items, 100%" in out.err
    assert ArticlePage.objects.filter(slug="what-is-muscle-spasm").exists()


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_the_progress_bar_fills_up_and_says_how_long_is_left():
    """In a log (no terminal) a line each tenth: how far, and a time left from the pace so far."""
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(stream, clock=clock)
    for done in range(1, 1001):
        clock.now = done * 0.3
        progress(done, 1000)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11  # the first item, each tenth, and the end
    assert lines[5] == f"[{'#' * 15}{'-' * 15}] 500 / 1,000 items, 50%, about {round(150 / 60)} min left"
    assert lines[-1] == f"[{'#' * 30}] 1,000 / 1,000 items, 100%"


def test_command_refuses_a_file_that_is_not_an_export(article_index, tmp_path):
    """A wrong file stops the command with one line, and nothing is imported."""
    path = tmp_path / "notes.xml"
    path.write_text("<html><body>notes</body></html>")
    with pytest.raises(CommandError, match="not a WordPress export: the document is <html>"):
        call_command("import_wordpress", str(path), "--report", str(tmp_path / "report.txt"))
    assert not ArticlePage.objects.exists()


def test_command_needs_to_know_the_section_when_there_are_several(article_index, tmp_path):
    """With two article sections and no --index, the command names the choices instead of guessing."""
    from tests.articles.factories import ArticleIndexPageFactory

    ArticleIndexPageFactory(parent=article_index.get_parent(), slug="news", title="News")
    with pytest.raises(CommandError, match=r"more than one articles section: choose one with --index \(.*news"):
        call_command("import_wordpress", str(EXPORT), "--report", str(tmp_path / "report.txt"))
    call_command("import_wordpress", str(EXPORT), "--index", "news", "--report", str(tmp_path / "report.txt"))
    assert ArticlePage.objects.get(slug="what-is-muscle-spasm").get_parent().slug == "news"


def test_imported_articles_replace_cached_pages(run_import, export_copy, client, settings):
    """With the page cache on, the home page shows a post imported by a rerun at once, though
    nothing but that new post changed."""
    text = export_copy.read_text()
    start = text.index("<wp:post_name><![CDATA[magnesium-leg-cramps]]>")
    type_at = text.index("<![CDATA[post]]></wp:post_type>", start)
    export_copy.write_text(text[:type_at] + "<![CDATA[product]]></wp:post_type>" + text[type_at + 31 :])
    run_import(path=export_copy)
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    run_import()
    assert "Magnesium &amp; leg cramps" in client.get("/").content.decode()
