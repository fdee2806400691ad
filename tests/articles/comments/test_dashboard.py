"""The admin dashboard: moderators see what waits with row actions; editors and reviewers see reviews
due; the Medical review workflow covers new sections."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage

from articles.comments.models import Comment
from articles.editorial import WORKFLOW_NAME
from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory, CommentFactory

pytestmark = pytest.mark.django_db


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def approve_button(element):
    return next(button for button in element.find_all("button") if button.get_text().startswith("Approve"))


def test_moderators_see_the_five_oldest_pending_with_actions(moderator_client, article):
    """The panel lists the five oldest pending comments, urgent first, each with Approve, and the counts."""
    now = timezone.now()
    for days in range(7):
        CommentFactory(
            article=article,
            name=f"Waiting {days}",
            status=Comment.Status.PENDING,
            created_at=now - datetime.timedelta(days=days),
        )
    CommentFactory(article=article, name="In danger", status=Comment.Status.PENDING, urgent=True)
    CommentFactory(article=article, status=Comment.Status.SPAM)
    panel = dashboard(moderator_client).find("section", class_="comment-dashboard")
    names = [row.select_one("td.title a").get_text(strip=True) for row in panel.select("tbody tr")]
    assert names == ["In danger", "Waiting 6", "Waiting 5", "Waiting 4", "Waiting 3"]
    assert all(approve_button(row) for row in panel.select("tbody tr"))
    counts = panel.select_one(".comment-dashboard__counts").get_text(" ", strip=True)
    assert "Pending 8" in counts and "Urgent 1" in counts and "Spam 1" in counts


def test_approving_from_the_dashboard_returns_there(moderator_client, article):
    """A row action on the dashboard comes back to the dashboard."""
    comment = CommentFactory(article=article, name="Dash", status=Comment.Status.PENDING)
    form = approve_button(dashboard(moderator_client)).find_parent("form")
    response = moderator_client.post(form["action"], {"next": form.find("input", attrs={"name": "next"})["value"]})
    assert response.url == reverse("wagtailadmin_home")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_editors_and_reviewers_see_reviews_due_not_comments(client, request, article_index, who):
    """Editors and reviewers get the reviews due in 30 days, and nothing about comments."""
    soon = ArticlePageFactory(
        parent=article_index, title="Due soon", next_review_due=timezone.localdate() + datetime.timedelta(days=3)
    )
    ArticlePageFactory(parent=article_index, title="Due later")
    CommentFactory(article=soon, name="Private Pia", status=Comment.Status.PENDING)
    client.force_login(request.getfixturevalue(who))
    page = dashboard(client)
    panel = page.find(id="reviews-due-heading").find_parent("section")
    assert "Due soon" in panel.get_text() and "Due in 3 days" in panel.get_text()
    assert "Due later" not in panel.get_text()
    assert page.find("section", class_="comment-dashboard") is None
    assert "Private Pia" not in str(page)


def test_a_submitted_article_waits_on_both_dashboards(client, editor, reviewer, article_index):
    """Submitted for medical review, an article is in the editor's "in a workflow" panel and the
    reviewer's "Awaiting your review"."""
    article = ArticlePageFactory(parent=article_index, title="Needs review")
    article.save_revision(user=editor)
    Workflow.objects.get(name=WORKFLOW_NAME).start(article, editor)
    client.force_login(reviewer)
    assert "Needs review" in dashboard(client).find(id="awaiting-review-section").get_text()
    client.force_login(editor)
    assert "Needs review" in dashboard(client).find(id="objects-in-workflow-section").get_text()


def test_moderators_see_no_reviews_panel(moderator_client, article):
    """Moderators have no page rights, so no reviews panel."""
    assert dashboard(moderator_client).find(id="reviews-due-heading") is None


def test_a_new_section_is_covered_by_medical_review(home_page):
    """An articles section added after set-up gets the Medical review workflow."""
    first = ArticleIndexPageFactory(parent=home_page, slug="first")
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    second = ArticleIndexPageFactory(parent=home_page, slug="second", title="Second")
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page", flat=True)) == {first.pk, second.pk}
    assert second.get_workflow() == workflow
