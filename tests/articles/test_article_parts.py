"""An article's kept parts (body, related articles, comment thread): reused by the next reader,
refreshed by every change they show, and never carrying one reader's content to another."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.comments.actions import moderate
from articles.comments.models import Comment
from tests.articles.factories import ArticlePageFactory, CommentFactory, TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache_on", "instant_forms")]

THREAD = "articles/comments/thread.html"
BODY = "articles/article_body.html"
RELATED = "articles/related_articles.html"


def rendered(response):
    return {template.name for template in response.templates}


@pytest.fixture
def reader(django_user_model):
    """A signed-in reader: the page cache never serves them."""
    client = Client()
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.com", "x"))
    return client


@pytest.fixture
def topic(article):
    topic = TopicFactory(name="Muscles")
    article.topics.set([topic])
    article.save_revision().publish()
    return topic


def published_on(topic, parent, title):
    page = ArticlePageFactory(parent=parent, title=title)
    page.topics.set([topic])
    page.save_revision().publish()
    return page


def test_a_second_render_reuses_every_part(reader, article, topic):
    """The second signed-in render re-renders no part and takes fewer queries."""
    CommentFactory.create_batch(3, article=article)
    published_on(topic, article.get_parent(), "Night cramps")
    with CaptureQueriesContext(connection) as first:
        assert {THREAD, BODY, RELATED} <= rendered(reader.get(article.url))
    with CaptureQueriesContext(connection) as second:
        response = reader.get(article.url)
    assert not {THREAD, BODY, RELATED} & rendered(response)
    assert "Night cramps" in response.text and "Sudden pain in a muscle." in response.text
    assert len(second) < len(first)


def test_an_approved_comment_shows_at_once(reader, article):
    """Approving a comment shows it, and the new count, on the next render of its article."""
    pending = CommentFactory(article=article, status=Comment.Status.PENDING, body="Waiting for a moderator.")
    assert "Waiting for a moderator." not in reader.get(article.url).text
    moderate([pending], "approve", None)
    text = reader.get(article.url).text
    assert "Waiting for a moderator." in text and "1 comment<" in text


def test_a_deleted_comment_goes_at_once(reader, article):
    """Deleting a comment takes it off the next render of its article."""
    comment = CommentFactory(article=article, body="Soon deleted.")
    assert "Soon deleted." in reader.get(article.url).text
    comment.delete()
    assert "Soon deleted." not in reader.get(article.url).text


def test_an_edited_comment_shows_at_once(reader, article):
    """A moderator's edit shows on the next render, count and structured data included."""
    comment = CommentFactory(article=article, body="Original words.")
    reader.get(article.url)
    comment.body = "Edited words."
    comment.save()
    text = reader.get(article.url).text
    assert "Edited words." in text and "Original words." not in text


def test_a_comment_on_another_article_leaves_this_thread_kept(reader, article):
    """Approving on article B does not re-render article A's thread."""
    other = ArticlePageFactory(parent=article.get_parent())
    reader.get(article.url)
    CommentFactory(article=other, body="On the other article.")
    assert THREAD not in rendered(reader.get(article.url))
    assert "On the other article." in reader.get(other.url).text


def test_a_published_revision_shows_at_once(reader, article):
    """A new revision's body and sources show on the next render; a draft does not."""
    reader.get(article.url)
    article.body = [{"type": "paragraph", "value": "<p>Drink water before exercise.</p>"}]
    article.save_revision()
    assert "Drink water" not in reader.get(article.url).text
    article.get_latest_revision().publish()
    assert "Drink water before exercise." in reader.get(article.url).text


def test_related_articles_follow_publishing_and_unpublishing(reader, article, topic):
    """An article published on the same topic appears under Related articles; unpublished, it goes."""
    reader.get(article.url)
    new = published_on(topic, article.get_parent(), "Cramp at night")
    assert "Cramp at night" in reader.get(article.url).text
    new.unpublish()
    assert "Cramp at night" not in reader.get(article.url).text


def test_renaming_a_topic_or_an_author_shows_at_once(reader, article, topic):
    """The topic chips (kept with the body) and the byline show new names on the next render."""
    reader.get(article.url)
    topic.name = "Muscles and joints"
    topic.save()
    article.author.name = "Dr New Name"
    article.author.save()
    text = reader.get(article.url).text
    assert "Muscles and joints" in text and "Dr New Name" in text


def test_a_lost_cache_never_serves_a_kept_part(reader, article):
    """With the shared cache emptied (tag versions gone), a change that sent no signal still shows."""
    comment = CommentFactory(article=article, name="Maria Example")
    reader.get(article.url)
    Comment.objects.filter(pk=comment.pk).update(name="Anonymous")
    cache.clear()
    assert "Maria Example" not in reader.get(article.url).text


def test_a_readers_pending_comment_is_theirs_alone(client, reader, article, post_comment):
    """The poster sees their pending comment; the next reader gets the shared thread without it."""
    CommentFactory(article=article, body="Approved for everyone.")
    reader.get(article.url)
    post_comment(article, body="Only I can see this yet.")
    assert "Only I can see this yet." in client.get(article.url).text
    text = reader.get(article.url).text
    assert "Approved for everyone." in text and "Only I can see this yet." not in text


def test_a_bound_form_with_errors_is_not_kept(reader, article, post_comment):
    """What a reader typed into a refused form goes back to them only."""
    response = post_comment(article, email="not an address", body="My private words.")
    assert response.status_code == 400 and "My private words." in response.text
    assert "My private words." not in reader.get(article.url).text


def test_the_user_bar_stays_with_the_editor(client, reader, article, django_user_model):
    """An editor's render keeps its user bar; the next reader's page from the same parts has none."""
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "x")
    client.force_login(editor)
    assert "wagtail-userbar" in client.get(article.url).text
    assert "wagtail-userbar" not in reader.get(article.url).text


def test_a_preview_shows_the_draft_not_the_kept_body(client, article, django_user_model):
    """Previewing a draft renders it afresh, and leaves the live page's kept body alone."""
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.com", "x"))
    client.get(article.url)
    article.body = [{"type": "paragraph", "value": "<p>A draft sentence.</p>"}]
    assert "A draft sentence." in article.make_preview_request(preview_mode="").content.decode()
    assert "A draft sentence." not in client.get(article.url).text


@pytest.mark.usefixtures("page_cache_on")
def test_a_cached_page_built_from_kept_parts_still_shows_their_tags(client, reader, article, topic):
    """The anonymous copy made from parts a signed-in reader left knows their tags: approving refreshes it."""
    reader.get(article.url)
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert {f"comments:{article.pk}", f"topic:{topic.pk}"} <= set(response["xkey"].split())
    pending = CommentFactory(article=article, status=Comment.Status.PENDING, body="Approved later.")
    moderate([pending], "approve", None)
    assert "Approved later." in client.get(article.url).text


def test_an_editor_still_gets_the_user_bar_with_an_edit_link(client, article, editor):
    """An editor without superuser rights keeps the user bar and its Edit link to the article."""
    client.force_login(editor)
    text = client.get(article.url).text
    assert "wagtail-userbar" in text and f"/admin/pages/{article.pk}/edit/" in text


def test_a_linked_article_in_the_body_follows_its_publishing(reader, article):
    """A related-article block kept in the body shows the linked article's new title after it is published."""
    linked = ArticlePageFactory(parent=article.get_parent(), title="Old title")
    article.body = [{"type": "related_article", "value": {"article": linked.pk}}]
    article.save_revision().publish()
    assert "Old title" in reader.get(article.url).text
    linked.title = "New title"
    linked.save_revision().publish()
    assert "New title" in reader.get(article.url).text


RESPOND = "articles/comments/respond.html"


def test_the_comment_form_is_kept_per_reply_target(reader, article):
    """The empty form renders once per article and reply target; a reply names whom it answers."""
    comment = CommentFactory(article=article, name="Ada")
    assert RESPOND in rendered(reader.get(article.url))
    response = reader.get(article.url)
    assert RESPOND not in rendered(response) and "Leave a Reply" in response.text
    replying = reader.get(f"{article.url}?replyto={comment.pk}")
    assert RESPOND in rendered(replying) and "Reply to Ada" in replying.text
    again = reader.get(f"{article.url}?replyto={comment.pk}")
    assert RESPOND not in rendered(again) and "Reply to Ada" in again.text


def test_a_kept_reply_form_follows_the_comment_it_answers(reader, article):
    """Renaming or deleting the comment replied to shows at once in the form's heading."""
    comment = CommentFactory(article=article, name="Ada")
    url = f"{article.url}?replyto={comment.pk}"
    assert "Reply to Ada" in reader.get(url).text
    comment.name = "Grace"
    comment.save()
    assert "Reply to Grace" in reader.get(url).text
    comment.delete()
    text = reader.get(url).text
    assert "Reply to Grace" not in text and "Leave a Reply" in text


def test_closing_comments_replaces_the_kept_form(reader, article):
    """Publishing an article with comments closed shows “Comments are closed” at once."""
    assert "data-comment-form" in reader.get(article.url).text
    article.comments_open = False
    article.save_revision().publish()
    text = reader.get(article.url).text
    assert "Comments are closed." in text and "data-comment-form" not in text


def test_a_refused_form_is_shown_to_its_sender_even_with_the_form_kept(reader, article, post_comment):
    """With the empty form kept, a refused form still comes back with its sender's text and errors."""
    reader.get(article.url)
    response = post_comment(article, email="not an address", body="My private words.")
    assert response.status_code == 400 and "My private words." in response.text
    assert "Enter an email address like name@example.com" in response.text
    assert "My private words." not in reader.get(article.url).text


def test_the_accessibility_checker_is_in_previews_not_on_live_pages(client, article, editor):
    """Editors check a draft's accessibility in its preview; the live page's user bar keeps only its links."""
    client.force_login(editor)
    live = client.get(article.url).text
    assert f"/admin/pages/{article.pk}/edit/" in live and "checker-trigger" not in live
    draft = client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert draft.status_code == 200 and "checker-trigger" in draft.text
