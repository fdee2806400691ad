"""The queue's tabs and one-click row actions, the comment screen, and what non-moderators cannot see."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.comments.models import Comment
from tests.articles.comments.test_moderation_admin import QUEUE_URL, bulk_url, listed_names, log_actions
from tests.articles.factories import CommentFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.text, "html.parser")


def row_buttons(response, name):
    """The labels of the row actions (buttons and links) in the row of the comment by `name`."""
    row = next(row for row in soup(response).select("table tbody tr") if name in row.get_text())
    return [re.sub(r"[:\s].*", "", el.get_text(" ", strip=True)) for el in row.select(".comment-row-actions li > *")]


def act(client, comment, action, next_url=None):
    data = {"next": next_url} if next_url else {}
    return client.post(reverse("articles_comment_action", args=[comment.pk, action]), data)


# Tabs


def test_queue_opens_on_pending_with_counts(moderator_client, article):
    """With no tab chosen the queue lists pending comments; Pending and Spam tabs show their counts."""
    CommentFactory.create_batch(2, article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, name="Published", status=Comment.Status.APPROVED)
    CommentFactory(article=article, status=Comment.Status.SPAM)
    response = moderator_client.get(reverse(QUEUE_URL))
    assert "Published" not in listed_names(response)
    assert len(listed_names(response)) == 2
    tabs = {a.get_text(" ", strip=True): a for a in soup(response).select("nav.comment-tabs a")}
    assert tabs["Pending 2"]["aria-current"] == "page"
    assert "Spam 1" in tabs
    assert "Approved" in tabs and "All" in tabs and "Trash" in tabs


def test_tab_links_keep_the_search(moderator_client, article):
    """Switching tab keeps what the moderator searched for."""
    response = moderator_client.get(reverse(QUEUE_URL), {"q": "calf"})
    spam_tab = next(a for a in soup(response).select("nav.comment-tabs a") if a.get_text().startswith("Spam"))
    assert "q=calf" in spam_tab["href"] and "status=spam" in spam_tab["href"]


# Row actions


@pytest.mark.parametrize(
    ("status", "buttons"),
    [
        (Comment.Status.PENDING, ["Approve", "Reply", "Quick", "Spam", "Trash"]),
        (Comment.Status.APPROVED, ["Unapprove", "Reply", "Quick", "Spam", "Trash"]),
        (Comment.Status.SPAM, ["Not", "Delete"]),
        (Comment.Status.TRASH, ["Restore", "Delete"]),
    ],
)
def test_each_row_offers_the_actions_for_its_status(moderator_client, article, status, buttons):
    """Every row carries WordPress's actions for its status."""
    CommentFactory(article=article, name="Rowena", status=status)
    assert row_buttons(moderator_client.get(reverse(QUEUE_URL), {"status": status}), "Rowena") == buttons


@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("approve", Comment.Status.PENDING, Comment.Status.APPROVED),
        ("unapprove", Comment.Status.APPROVED, Comment.Status.PENDING),
        ("spam", Comment.Status.PENDING, Comment.Status.SPAM),
        ("trash", Comment.Status.APPROVED, Comment.Status.TRASH),
        ("restore", Comment.Status.TRASH, Comment.Status.PENDING),
        ("restore", Comment.Status.SPAM, Comment.Status.PENDING),
    ],
)
def test_row_action_acts_keeps_the_place_and_undo_reverts(moderator_client, moderator, article, action, start, end):
    """A row action changes the status, logs it, returns to the same tab and page, and Undo puts it back."""
    comment = CommentFactory(article=article, name="Ulla", status=start)
    here = reverse(QUEUE_URL) + "?status=all&p=1&q=Ulla"
    response = act(moderator_client, comment, action, here)
    assert response.status_code == 302 and response.url == here
    comment.refresh_from_db()
    assert comment.status == end
    assert (f"articles.comment.{action}", "moderator") in log_actions(comment)

    page = soup(moderator_client.get(here))
    undo = page.find("button", string="Undo").find_parent("form")
    assert "Comment by Ulla" in undo.parent.get_text()
    assert undo.find("input", attrs={"name": "next"})["value"] == here
    moderator_client.post(undo["action"], {"next": here})
    comment.refresh_from_db()
    assert comment.status == start


def test_delete_permanently_from_a_row(moderator_client, article):
    """Delete permanently removes a trashed comment at once and says so."""
    comment = CommentFactory(article=article, name="Gone", status=Comment.Status.TRASH)
    response = act(moderator_client, comment, "delete")
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert "Comment by Gone deleted permanently." in moderator_client.get(response.url).text


def test_every_row_action_form_carries_a_csrf_token(moderator_client, article):
    """The row forms and the dashboard's carry the token a browser must send back."""
    CommentFactory(article=article, status=Comment.Status.PENDING)
    for url in (reverse(QUEUE_URL), reverse("wagtailadmin_home")):
        forms = soup(moderator_client.get(url)).select(".comment-row-actions form")
        assert forms, url
        assert all(form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"] for form in forms)


def test_row_action_refuses_get_and_other_sites(moderator_client, article):
    """A GET changes nothing, and `next` cannot send the moderator to another site."""
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    url = reverse("articles_comment_action", args=[comment.pk, "approve"])
    assert moderator_client.get(url).status_code == 405
    for elsewhere in ("https://evil.example/", "//evil.example/", "comments/", "/\\evil.example"):
        response = moderator_client.post(url, {"next": elsewhere})
        assert response.url == reverse(QUEUE_URL), elsewhere


def test_row_actions_need_a_csrf_token(article, moderator):
    """Without the CSRF token the action is refused."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    assert act(client, comment, "approve").status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_row_actions_refused_to_non_moderators(client, article, request, who):
    """Editors and reviewers cannot act on a comment."""
    client.force_login(request.getfixturevalue(who))
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    assert act(client, comment, "approve").status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


# The comment screen


def test_comment_screen_shows_what_a_moderator_needs(moderator_client, article):
    """Email, network, article link to the anchor, parent, replies, other comments by status and history."""
    parent = CommentFactory(article=article, name="Parent Pat", email="pat@example.com")
    comment = CommentFactory.reply_to(
        parent,
        name="Quinn",
        email="quinn@example.com",
        website="https://quinn.example/",
        status=Comment.Status.PENDING,
        ip_address="192.0.2.0/24",
        hold_reasons=["Hold list: “cure”"],
    )
    CommentFactory.reply_to(comment, name="Replying Rae")
    CommentFactory(article=article, email="QUINN@example.com", status=Comment.Status.SPAM)
    act(moderator_client, parent, "unapprove")

    response = moderator_client.get(reverse("articles_comment_screen", args=[comment.pk]))
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    for expected in ("quinn@example.com", "192.0.2.0/24", "https://quinn.example/", "Hold list: “cure”"):
        assert expected in text
    assert "In reply to Parent Pat" in text
    assert "Replying Rae" in text
    assert "Spam: 1" in text and "Approved: 0" in text
    assert soup(response).find("a", string=article.title)["href"].endswith(f"#comment-{comment.pk}")
    assert soup(response).find("form", action=reverse("articles_comment_reply", args=[comment.pk]))
    parent_screen = moderator_client.get(reverse("articles_comment_screen", args=[parent.pk]))
    assert "by moderator" in soup(parent_screen).get_text(" ", strip=True)


def test_queue_rows_link_to_the_comment_screen(moderator_client, article):
    """The commenter's name in the queue opens the comment screen."""
    comment = CommentFactory(article=article, name="Linked Lou", status=Comment.Status.PENDING)
    link = soup(moderator_client.get(reverse(QUEUE_URL))).find("a", string="Linked Lou")
    assert link["href"] == reverse("articles_comment_screen", args=[comment.pk])


# Non-moderators see no commenter data


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_chooser_reveals_nothing_to_non_moderators(client, article, request, who):
    """The snippet chooser, its results and chosen views are refused to editors and reviewers."""
    comment = CommentFactory(article=article, name="Secret Sam", status=Comment.Status.SPAM)
    client.force_login(request.getfixturevalue(who))
    for url in (
        "/admin/snippets/choose/articles/comment/",
        "/admin/snippets/choose/articles/comment/results/",
        f"/admin/snippets/choose/articles/comment/chosen/{comment.pk}/",
        reverse("articles_comment_screen", args=[comment.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Secret Sam" not in response.content.decode()


def test_chooser_still_works_for_moderators(moderator_client, article):
    """Moderators keep the chooser."""
    CommentFactory(article=article, name="Chosen Cara")
    response = moderator_client.get("/admin/snippets/choose/articles/comment/results/")
    assert response.status_code == 200
    assert "Chosen Cara" in response.content.decode()


@pytest.mark.parametrize("who", ["editor", "reviewer"])
@pytest.mark.parametrize("action", ["comment_approve", "comment_spam", "delete"])
def test_bulk_confirmation_reveals_nothing_to_non_moderators(client, article, request, who, action):
    """Bulk confirmation pages name no commenter to editors and reviewers."""
    comment = CommentFactory(article=article, name="Hidden Hana", body="A private worry.")
    client.force_login(request.getfixturevalue(who))
    response = client.get(bulk_url(action, comment))
    body = response.content.decode()
    assert "Hidden Hana" not in body and "A private worry." not in body


def test_bulk_confirmation_has_a_named_cancel_link(moderator_client, article):
    """The confirmation's Cancel link has text (axe link-name)."""
    comment = CommentFactory(article=article)
    for action in ("comment_approve", "delete"):
        page = soup(moderator_client.get(bulk_url(action, comment)))
        links = page.select("main a.button-secondary") or page.select("a.button-secondary")
        assert links and all(link.get_text(strip=True) for link in links)


# Open-ended input


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    status=st.text(max_size=40),
    next_url=st.text(max_size=200),
    action=st.from_regex(r"[-a-zA-Z0-9_]{1,20}", fullmatch=True),
)
def test_any_tab_action_or_next_never_fails(moderator_client, article, status, next_url, action):
    """Whatever tab, action or return address is sent, the moderator gets a page or a redirect, never a 500."""
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    assert moderator_client.get(reverse(QUEUE_URL), {"status": status}).status_code == 200
    response = moderator_client.post(reverse("articles_comment_action", args=[comment.pk, action]), {"next": next_url})
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response.url.startswith("/") and not response.url.startswith("//")
