"""The moderators' side of comments: who sees the queue, what it lists, and what moderators can do."""

import datetime
import json
import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from articles.comments.models import Comment
from tests.articles.factories import ArticlePageFactory, CommentFactory

pytestmark = pytest.mark.django_db

QUEUE_URL = "wagtailsnippets_articles_comment:list"


def queue(client, **params):
    return client.get(reverse(QUEUE_URL), params)


def listed_names(response):
    """The commenter names in the queue's rows, top to bottom."""
    soup = BeautifulSoup(response.text, "html.parser")
    return [link.get_text(strip=True) for link in soup.select("table tbody td.title .title-wrapper a")]


def sidebar_labels(response):
    """Every menu label in the admin sidebar's data."""
    soup = BeautifulSoup(response.text, "html.parser")
    props = soup.find("script", id="wagtail-sidebar-props")
    return set(re.findall(r'"label": "([^"]*)"', json.dumps(json.loads(props.string))))


def bulk_url(action, *comments):
    """The URL the queue's bulk action bar opens: the chosen ids and where to go back to."""
    query = urlencode([("next", reverse(QUEUE_URL)), *(("id", comment.pk) for comment in comments)])
    return reverse("wagtail_bulk_action", args=("articles", "comment", action)) + f"?{query}"


def log_actions(comment):
    return list(ModelLogEntry.objects.for_instance(comment).values_list("action", "user__username"))


# Permissions


def test_moderator_sees_the_queue_and_menu_item(moderator_client, article):
    """A moderator gets the Comments queue and the Comments menu item."""
    CommentFactory(article=article, name="Ana", status=Comment.Status.PENDING)
    response = queue(moderator_client)
    assert response.status_code == 200
    assert "Ana" in listed_names(response)
    assert "Comments (1 new)" in sidebar_labels(moderator_client.get(reverse("wagtailadmin_home")))


def test_moderator_can_approve_from_the_queue(moderator_client, article):
    """The Approve bulk action works for a moderator."""
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    response = moderator_client.post(bulk_url("comment_approve", comment))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_moderator_cannot_create_or_edit_pages(moderator_client, article, article_index):
    """Moderators are refused the page add and edit views and cannot publish."""
    add = moderator_client.get(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", article_index.pk)))
    edit = moderator_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    publish = moderator_client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)), {"title": "Hijacked", "action-publish": "publish"}
    )
    for response in (add, edit, publish):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")
    article.refresh_from_db()
    assert article.title == "What is muscle spasm?"
    assert "Sorry, you do not have permission to access this area." in moderator_client.get(
        reverse("wagtailadmin_home")
    ).content.decode().replace("&#x27;", "'")


def test_editor_does_not_see_the_queue(client, editor, article, article_index):
    """An editor is refused the queue and has no Comments menu item, but can still create pages."""
    CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(editor)
    response = queue(client)
    assert response.status_code in (302, 403)
    assert not any(label.startswith("Comments") for label in sidebar_labels(client.get(reverse("wagtailadmin_home"))))
    add_page = client.get(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", article_index.pk)))
    assert add_page.status_code == 200


def test_editor_cannot_run_comment_bulk_actions(client, editor, article):
    """An editor posting to the Approve bulk action changes nothing."""
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(editor)
    client.post(bulk_url("comment_approve", comment))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_superuser_sees_everything(admin_client, home_page, article, article_index):
    """A superuser gets the queue, the menu item with its count and the page editor."""
    CommentFactory(article=article, status=Comment.Status.PENDING)
    assert queue(admin_client).status_code == 200
    assert "Comments (1 new)" in sidebar_labels(admin_client.get(reverse("wagtailadmin_home")))
    add_page = admin_client.get(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", article_index.pk)))
    assert add_page.status_code == 200


# The queue


def test_queue_filters_by_status(moderator_client, article):
    """?status=pending lists only pending comments."""
    CommentFactory(article=article, name="Waiting", status=Comment.Status.PENDING)
    CommentFactory(article=article, name="Published", status=Comment.Status.APPROVED)
    CommentFactory(article=article, name="Junk", status=Comment.Status.SPAM)
    assert listed_names(queue(moderator_client, status="pending")) == ["Waiting"]
    assert listed_names(queue(moderator_client, status="spam")) == ["Junk"]


def test_queue_filters_by_article(moderator_client, article, article_index):
    """Typing part of an article's title lists only that article's comments."""
    other = ArticlePageFactory(parent=article_index, title="Back pain")
    CommentFactory(article=article, name="On spasm")
    CommentFactory(article=other, name="On back pain")
    assert listed_names(queue(moderator_client, status="all", article="back")) == ["On back pain"]


@pytest.mark.parametrize("term", ["Margaret", "maggie@example.org", "magnesium"])
def test_queue_searches_name_email_and_text(moderator_client, article, term):
    """Searching finds a comment by its author's name, email address or text."""
    CommentFactory(article=article, name="Margaret", email="maggie@example.org", body="Try magnesium at night.")
    CommentFactory(article=article, name="Someone else", email="other@example.org", body="Nothing to see.")
    assert listed_names(queue(moderator_client, status="all", q=term)) == ["Margaret"]


def test_queue_orders_newest_or_oldest_first(moderator_client, article):
    """Newest first by default, oldest first with ?ordering=created_at."""
    now = timezone.now()
    for days, name in [(3, "Oldest"), (2, "Middle"), (1, "Newest")]:
        CommentFactory(article=article, name=name, created_at=now - datetime.timedelta(days=days))
    assert listed_names(queue(moderator_client, status="all")) == ["Newest", "Middle", "Oldest"]
    assert listed_names(queue(moderator_client, status="all", ordering="-created_at")) == ["Newest", "Middle", "Oldest"]
    assert listed_names(queue(moderator_client, status="all", ordering="created_at")) == ["Oldest", "Middle", "Newest"]


def test_queue_rows_show_article_context_and_hold_reasons(moderator_client, article):
    """Each row names the article, whether it starts a thread or replies to whom, and why it was held."""
    parent = CommentFactory(article=article, name="Beatrice")
    CommentFactory.reply_to(
        parent, name="Carl", status=Comment.Status.PENDING, hold_reasons=["2 links (hold from 2)", "Hold list: “cure”"]
    )
    text = BeautifulSoup(queue(moderator_client, status="all").text, "html.parser").get_text(" ", strip=True)
    assert "What is muscle spasm?" in text
    assert "Reply to Beatrice" in text
    assert "New thread" in text
    assert "2 links (hold from 2); Hold list: “cure”" in text


def test_menu_label_counts_pending_comments(moderator_client, article):
    """The sidebar says how many comments wait, and drops the count when none do."""
    CommentFactory.create_batch(3, article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, status=Comment.Status.APPROVED)
    assert "Comments (3 new)" in sidebar_labels(moderator_client.get(reverse("wagtailadmin_home")))
    Comment.objects.update(status=Comment.Status.APPROVED)
    labels = sidebar_labels(moderator_client.get(reverse("wagtailadmin_home")))
    assert "Comments" in labels
    assert not any("new)" in label for label in labels)


# Bulk actions


@pytest.mark.parametrize(
    ("action", "start", "end", "button", "message"),
    [
        ("comment_approve", Comment.Status.PENDING, Comment.Status.APPROVED, "Approve", "2 comments approved."),
        ("comment_spam", Comment.Status.PENDING, Comment.Status.SPAM, "Mark as spam", "2 comments marked as spam."),
        ("comment_trash", Comment.Status.APPROVED, Comment.Status.TRASH, "Move to trash", "2 comments moved to trash."),
        (
            "comment_restore",
            Comment.Status.SPAM,
            Comment.Status.PENDING,
            "Restore to pending",
            "2 comments restored to pending.",
        ),
    ],
)
def test_bulk_status_action_confirms_then_acts_and_logs(
    moderator_client, moderator, article, action, start, end, button, message
):
    """GET shows a confirmation listing the comments; POST changes them and writes the audit log."""
    first = CommentFactory(article=article, name="First reader", status=start)
    second = CommentFactory(article=article, name="Second reader", status=start)
    untouched = CommentFactory(article=article, name="Bystander", status=start)

    confirmation = moderator_client.get(bulk_url(action, first, second))
    assert confirmation.status_code == 200
    soup = BeautifulSoup(confirmation.text, "html.parser")
    page_text = soup.get_text(" ", strip=True)
    assert "First reader" in page_text and "Second reader" in page_text
    assert "Bystander" not in page_text
    assert soup.find("button", string=re.compile(button)) or soup.find("input", attrs={"value": button})
    assert Comment.objects.filter(status=start).count() == 3  # nothing happens before confirming

    response = moderator_client.post(bulk_url(action, first, second), follow=True)
    assert message in response.text
    for comment in (first, second):
        comment.refresh_from_db()
        assert comment.status == end
        assert comment.moderated_by == moderator
        assert log_actions(comment) == [(f"articles.comment.{action.removeprefix('comment_')}", "moderator")]
    untouched.refresh_from_db()
    assert untouched.status == start
    assert log_actions(untouched) == []


def test_bulk_delete_confirms_then_deletes_and_logs(moderator_client, moderator, article):
    """Delete permanently asks first, then removes the comments and records who did it."""
    doomed = CommentFactory(article=article, name="Spammy McSpam", status=Comment.Status.SPAM)
    kept = CommentFactory(article=article, name="Kept reader")
    url = bulk_url("delete", doomed)

    confirmation = moderator_client.get(url)
    assert confirmation.status_code == 200
    assert "Spammy McSpam" in confirmation.text
    assert Comment.objects.filter(pk=doomed.pk).exists()

    moderator_client.post(url)
    assert not Comment.objects.filter(pk=doomed.pk).exists()
    assert Comment.objects.filter(pk=kept.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(doomed.pk), action="wagtail.delete")
    assert entry.user == moderator
    assert entry.deleted


# Staff replies and edits


def test_staff_reply_is_published_with_staff_badge(moderator_client, moderator, article):
    """Reply as staff approves a waiting parent and publishes the reply at once, marked Staff."""
    moderator.first_name, moderator.last_name = "Nurse", "Jo"
    moderator.save()
    parent = CommentFactory(article=article, name="Worried reader", status=Comment.Status.PENDING)
    url = reverse("articles_comment_reply", args=[parent.pk])

    screen = moderator_client.get(reverse("articles_comment_screen", args=[parent.pk]))
    assert screen.status_code == 200
    assert "replying approves it" in screen.text

    response = moderator_client.post(
        url, {"body": "Please see your GP if it lasts more than a week.", "sign_as": "self"}, follow=True
    )
    assert "Your reply to Worried reader is published." in response.text
    reply = parent.replies.get()
    assert reply.status == Comment.Status.APPROVED
    assert reply.staff_reply
    assert reply.name == "Nurse Jo"
    parent.refresh_from_db()
    assert parent.status == Comment.Status.APPROVED
    assert ("articles.comment.approve", "moderator") in log_actions(parent)
    assert log_actions(reply) == [("articles.comment.staff_reply", "moderator")]

    page = BeautifulSoup(moderator_client.get(article.url).text, "html.parser")
    reply_item = page.find(id=reply.anchor)
    assert "Please see your GP" in reply_item.get_text()
    assert reply_item.find(string=re.compile("Staff"))


def test_staff_reply_refused_to_editors(client, editor, article):
    """Editors cannot reply as staff."""
    parent = CommentFactory(article=article)
    client.force_login(editor)
    response = client.post(reverse("articles_comment_reply", args=[parent.pk]), {"body": "Hello"})
    assert response.status_code in (302, 403)
    assert not parent.replies.exists()


def test_staff_reply_requires_text(moderator_client, article):
    """An empty staff reply comes back with an error and publishes nothing."""
    parent = CommentFactory(article=article)
    response = moderator_client.post(
        reverse("articles_comment_reply", args=[parent.pk]), {"body": "", "sign_as": "self"}
    )
    assert response.status_code == 400
    assert "This field is required." in response.text
    assert not parent.replies.exists()


def test_moderator_edit_is_marked_on_the_article_and_logged(moderator_client, article):
    """Editing a comment in the admin shows “Edited by a moderator” to readers and logs wagtail.edit."""
    comment = CommentFactory(article=article, name="Dana", body="Call me on 07700 900123 for my remedy.")
    edit_url = reverse("wagtailsnippets_articles_comment:edit", args=[comment.pk])
    assert moderator_client.get(edit_url).status_code == 200

    response = moderator_client.post(edit_url, {"name": "Dana", "website": "", "body": "[Phone number removed]"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "[Phone number removed]"
    assert comment.edited_by_moderator
    assert ("wagtail.edit", "moderator") in log_actions(comment)

    page = moderator_client.get(article.url).text
    assert "[Phone number removed]" in page
    assert "07700 900123" not in page
    assert "Edited by a moderator." in page


def test_saving_an_unchanged_comment_does_not_mark_it_edited(moderator_client, article):
    """Saving the edit form without changes leaves no “Edited by a moderator” note."""
    comment = CommentFactory(article=article, name="Eve", body="Heat packs help.")
    edit_url = reverse("wagtailsnippets_articles_comment:edit", args=[comment.pk])
    moderator_client.post(edit_url, {"name": "Eve", "website": "", "body": "Heat packs help."})
    comment.refresh_from_db()
    assert not comment.edited_by_moderator
    assert "Edited by a moderator." not in moderator_client.get(article.url).text


# Speed


def bulk_comments(article, count, **fields):
    """`count` held comments in one INSERT, "Reader 0" the newest."""
    now = timezone.now()
    return Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Reader {n}",
            email=f"reader{n}@example.com",
            body=f"Comment number {n}",
            status=Comment.Status.PENDING,
            hold_reasons=["Hold list: “cure”"],
            created_at=now - datetime.timedelta(seconds=n),
            **fields,
        )
        for n in range(count)
    )


def count_queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = queue(client)
    assert response.status_code == 200
    return len(queries)


def test_queue_query_count_does_not_grow_with_comments(moderator_client, article):
    """The queue with 10,000 comments takes as many queries as with 20."""
    bulk_comments(article, 20)
    parent = Comment.objects.first()
    CommentFactory.reply_to(parent, status=Comment.Status.PENDING)
    small = count_queue_queries(moderator_client)
    bulk_comments(article, 10_000)
    replies = [Comment(article=article, name=f"Replier {n}", email="r@example.com", body="re") for n in range(30)]
    for reply in replies:
        reply.place_under(parent)
    Comment.objects.bulk_create(replies)
    large = count_queue_queries(moderator_client)
    assert large == small
