from pathlib import Path

import pytest
from django.conf import settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from articles.comments.models import Comment
from articles.editorial import ensure_medical_review_workflow
from articles.models import ArticlePage, ContentPage, Person, Topic

from .conftest import SEED_POST_ID

pytestmark = pytest.mark.django_db


def site_snapshot():
    """What a reader or editor would see of the imported site, in a comparable form."""
    return {
        "pages": sorted(
            (p.title, p.url_path, p.live, type(p).__name__, str(getattr(p, "body", "")))
            for p in Page.objects.filter(depth__gt=2).specific()
        ),
        "comments": sorted(
            Comment.objects.values_list("pk", "article__slug", "parent_id", "thread_id", "depth", "status", "body")
        ),
        "redirects": sorted(Redirect.objects.values_list("old_path", "redirect_page__url_path", "redirect_link")),
        "people": sorted(Person.objects.values_list("name", flat=True)),
        "topics": sorted(Topic.objects.values_list("slug", flat=True)),
        "images": get_image_model().objects.count(),
    }


def test_posts_pages_authors_topics_and_comments_arrive(run_import):
    """Every post becomes an article, every page a content page, with authors, topics and comments."""
    report = run_import()
    seed = ArticlePage.objects.get(slug="what-is-muscle-spasm")
    assert seed.live and seed.author.name == "Dr Amara Okoye"
    assert seed.first_published_at.isoformat() == "2024-01-15T09:00:00+00:00"
    assert {t.name for t in seed.topics.all()} == {"Muscles, bones and joints", "cramps", "stretching"}
    assert seed.search_description.startswith("Muscle spasm: what it is")
    assert seed.seo_title == "what is muscle spasm – Symptoms, causes and treatment"
    magnesium = ArticlePage.objects.get(slug="magnesium-leg-cramps")
    assert magnesium.summary.startswith("Magnesium is often suggested")
    assert magnesium.seo_title == "Magnesium for leg cramps"
    assert magnesium.author.name == "Jörg Müller"
    assert ContentPage.objects.get(slug="editorial-policy").get_parent().slug == "about"
    assert report.total("comment", "created") == 55 + 1 - 1  # the seed's and Hello world's, less the pingback
    assert report.skip_reasons["comment"]["pingbacks are not comments"] == 1


def test_summary_comes_from_the_body_when_there_is_no_excerpt(run_import):
    """An article needs a summary of at most 300 characters: the body's first words, cut on a word."""
    run_import()
    summary = ArticlePage.objects.get(slug="what-is-muscle-spasm").summary
    assert summary.startswith("What is Muscle Spasm? Back, Legs") and summary.endswith("…")
    assert len(summary) <= 300 and not summary[:-1].endswith(" ")


def test_publication_states_map_to_live_draft_moderation_and_login(run_import, article_index):
    """publish → live, draft → draft, pending → in the section's review workflow, private → login only."""
    ensure_medical_review_workflow()
    run_import()
    assert not ArticlePage.objects.get(slug="dehydration-cramps").live
    pending = ArticlePage.objects.get(slug="cramps-in-pregnancy")
    assert not pending.live and pending.current_workflow_state.workflow.name == "Medical review"
    private = ArticlePage.objects.get(slug="staff-notes")
    assert private.live
    assert private.view_restrictions.get().restriction_type == PageViewRestriction.LOGIN


def test_comments_keep_threads_statuses_and_minimised_addresses(run_import):
    """Replies stay under what they reply to; pending and trash stay unseen; IPs are cut to networks."""
    run_import()
    reply = Comment.objects.get(name="Nguyễn Thị Hoa")
    assert reply.depth == 2 and reply.parent.name == "Dr Amara Okoye" and reply.thread_id == reply.parent.parent_id
    assert reply.ip_address == "2001:db8:85a3::/48"
    assert reply.body.startswith("Cảm ơn bác sĩ!")
    assert Comment.objects.get(name="Waiting Reader").status == Comment.Status.PENDING
    assert Comment.objects.get(name="Removed Reader").status == Comment.Status.TRASH
    amara = Comment.objects.get(name="Dr Amara Okoye")
    assert amara.ip_address == "203.0.113.0/24"
    assert "our stretching guide (https://example.org/stretch)" in amara.body
    assert not Comment.objects.filter(name="Another Health Blog").exists()


def test_media_become_images_and_documents_with_alt_text(run_import):
    """The image arrives with its alt text and caption in the body; the PDF link points at the document."""
    report = run_import()
    seed = ArticlePage.objects.get(slug="what-is-muscle-spasm")
    (figure,) = [block.value for block in seed.body if block.block_type == "image"]
    assert figure["image"].title == "Calf stretch"
    assert figure["alt_text"] == "A person leaning against a wall with one leg stretched behind them"
    assert figure["caption"] == "A wall calf stretch: hold for 30 seconds."
    assert "/documents/" in str(seed.body.raw_data) and "127.0.0.1:8083" not in str(seed.body.raw_data)
    assert "attachment 7 “Old chart”: 2024/01/old-chart.png is not in" in "\n".join(report.problems)


def test_importing_twice_gives_the_same_site(run_import):
    """A second import, plain or with --update, creates nothing new and changes nothing."""
    run_import()
    first = site_snapshot()
    second_report = run_import()
    assert site_snapshot() == first
    assert second_report.total("post", "created") == 0 and second_report.total("comment", "created") == 0
    run_import(update=True)
    assert site_snapshot() == first


def test_update_picks_up_an_edited_post(run_import, export_copy):
    """Editing a post in WordPress and importing again with --update changes the article, not before."""
    run_import(path=export_copy)
    text = export_copy.read_text()
    export_copy.write_text(text.replace("Many people take magnesium", "Most people take magnesium"))
    run_import(path=export_copy)
    assert "Many people" in str(ArticlePage.objects.get(slug="magnesium-leg-cramps").body.raw_data)
    report = run_import(path=export_copy, update=True)
    assert "Most people" in str(ArticlePage.objects.get(slug="magnesium-leg-cramps").body.raw_data)
    assert report.total("post", "updated") == 1 and report.total("post", "unchanged") == 5


def test_dry_run_writes_nothing(run_import):
    """--dry-run reports what it would do, and leaves no page, comment, image or file behind."""
    pages_before = Page.objects.count()
    report = run_import(dry_run=True)
    assert report.total("post", "created") == 6
    assert Page.objects.count() == pages_before
    assert not Comment.objects.exists() and not get_image_model().objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_a_truncated_export_imports_nothing(run_import, export_copy):
    """A file cut short is refused before anything is written, with the line where it breaks."""
    export_copy.write_text(export_copy.read_text()[:60_000])
    report = run_import(path=export_copy)
    assert "cut short or damaged at line" in report.fatal
    assert not ArticlePage.objects.exists() and not Person.objects.exists()


def test_unknown_post_types_and_missing_files_get_a_line_each(run_import, export_copy):
    """An item of a type nothing here takes is named with its line; the rest is imported."""
    text = export_copy.read_text()
    export_copy.write_text(text.replace("<![CDATA[page]]></wp:post_type>", "<![CDATA[product]]></wp:post_type>", 1))
    report = run_import(path=export_copy)
    assert any("unknown post type “product”" in p and "“Sample Page”" in p for p in report.problems)
    assert ArticlePage.objects.filter(slug="what-is-muscle-spasm").exists()
    rendered = report.render()
    assert "Missing media:" in rendered and "[contact-form-7]" in rendered


def test_an_imported_comment_keeps_its_wordpress_id_unless_taken(run_import, article):
    """Old #comment-N links need the same id; when a comment here already has it, the report says so."""
    from tests.articles.factories import CommentFactory

    taken = CommentFactory(article=article)
    Comment.objects.filter(pk=taken.pk).update(id=2)
    report = run_import()
    assert Comment.objects.filter(pk=3, name="James Carter").exists()
    assert Comment.objects.get(pk=2).article == article
    assert any("comment 2: that id is taken here" in p for p in report.problems)
    new = Comment.objects.create(article=article, name="After", email="a@example.com", body="New")
    assert new.pk > max(Comment.objects.exclude(pk=new.pk).values_list("pk", flat=True))


def test_post_id_permalinks_redirect_permanently(run_import, client):
    """?p=N, the old pretty permalink and an attachment's page lead to the new article with a 301."""
    run_import()
    article_url = ArticlePage.objects.get(slug="what-is-muscle-spasm").url
    for old in (f"/?p={SEED_POST_ID}", "/what-is-muscle-spasm/", "/what-is-muscle-spasm/calf-stretch/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, article_url), old
    assert client.get("/").status_code == 200


def test_imported_articles_are_searchable(run_import):
    """The import leaves the search index up to date."""
    run_import()
    assert [p.slug for p in ArticlePage.objects.live().search("Wadenkrämpfe")] == ["magnesium-leg-cramps"]


def test_a_password_protected_post_keeps_its_password(run_import, export_copy):
    """A published post behind a WordPress password is live behind the same password."""
    text = export_copy.read_text()
    start = text.index("<wp:post_name><![CDATA[magnesium-leg-cramps]]>")
    empty = "<wp:post_password><![CDATA[]]></wp:post_password>"
    at = text.index(empty, start)
    export_copy.write_text(
        text[:at] + "<wp:post_password><![CDATA[s3cret]]></wp:post_password>" + text[at + len(empty) :]
    )
    run_import(path=export_copy)
    restriction = ArticlePage.objects.get(slug="magnesium-leg-cramps").view_restrictions.get()
    assert (restriction.restriction_type, restriction.password) == (PageViewRestriction.PASSWORD, "s3cret")


def test_a_comment_deleted_here_comes_back_under_a_free_id(run_import, article):
    """Rerunning after a moderator deleted an imported comment whose id has since been reused
    brings the comment back under a new id, instead of failing the post or taking the other."""
    run_import()
    Comment.objects.filter(pk=3).delete()
    Comment.objects.create(id=3, article=article, name="Local", email="l@example.com", body="Mine")
    report = run_import()
    assert Comment.objects.filter(article__slug="what-is-muscle-spasm").count() == 54
    assert report.total("comment", "created") == 2  # it, and its reply, deleted with it
    assert any("comment 3: that id is taken here" in p for p in report.problems)


@pytest.mark.parametrize("below", ["comment-page-2/", "feed/", "feed/atom/", "amp/", "embed/", "trackback/", "2/"])
def test_addresses_below_an_old_post_lead_to_the_article(run_import, client, below):
    """WordPress serves comment pages, feeds, AMP and embed versions below each post: they lead to the post too."""
    run_import()
    article_url = ArticlePage.objects.get(slug="what-is-muscle-spasm").url
    response = client.get(f"/what-is-muscle-spasm/{below}")
    assert (response.status_code, response["Location"]) == (301, article_url)
    assert client.get(f"/no-such-post/{below}").status_code == 404
