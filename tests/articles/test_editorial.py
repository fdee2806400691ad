import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from articles.editorial import WORKFLOW_NAME, ensure_medical_review_workflow, set_up_editorial_workflow
from articles.models import ArticlePage
from tests.articles.factories import ArticleIndexPageFactory, ArticlePageFactory, PersonFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/reviews-due/"


@pytest.fixture
def section(article_index):
    """An articles section under medical review, with the roles applied to the site."""
    set_up_editorial_workflow()
    return article_index


def draft_article(section, **fields):
    return ArticlePageFactory(parent=section, live=False, first_published_at=None, **fields)


def post_edit_form(client, page, action, title="Muscle cramps, reviewed"):
    """Post the page's edit form as the editor sees it, with a new title and body, pressing `action`."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    data = querydict_from_html(form.text, form_id="page-edit-form").dict()
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Stretch the muscle.</p>"))])}))
    data.update({"title": title, action: "on"})
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return response


def test_an_editors_submission_goes_live_only_after_a_medical_reviewer_approves(client, section, editor, reviewer):
    """Submitting for review leaves the page off the site; the reviewer's approval publishes it."""
    article = draft_article(section)
    client.force_login(editor)
    post_edit_form(client, article, "action-submit")

    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress
    assert article.current_workflow_task.name == WORKFLOW_NAME
    assert client.get(article.url).status_code == 404

    client.force_login(reviewer)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[article.pk, "approve", article.current_workflow_task_state.pk]
    )
    assert client.post(approve_url).status_code == 302

    article.refresh_from_db()
    assert article.live
    assert article.title == "Muscle cramps, reviewed"
    client.logout()
    assert "Muscle cramps, reviewed" in client.get(article.url).text


def test_an_editor_cannot_publish_directly(client, section, editor):
    """Pressing publish as an editor only saves a draft."""
    article = draft_article(section)
    client.force_login(editor)
    post_edit_form(client, article, "action-publish")

    article.refresh_from_db()
    assert not article.live
    assert article.has_unpublished_changes
    assert not article.permissions_for_user(editor).can_publish()


def test_a_superuser_can_publish_directly(client, section, admin_user):
    """A superuser's publish needs no review."""
    article = draft_article(section)
    client.force_login(admin_user)
    post_edit_form(client, article, "action-publish")

    article.refresh_from_db()
    assert article.live
    assert article.title == "Muscle cramps, reviewed"


def test_a_moderator_cannot_edit_or_approve_articles(section, moderator, editor):
    """Moderators neither edit pages nor approve them in the medical review."""
    article = draft_article(section)
    article.save_revision(user=editor)
    Workflow.objects.get(name=WORKFLOW_NAME).start(article, editor)
    article.refresh_from_db()
    assert not article.permissions_for_user(moderator).can_edit()
    assert article.current_workflow_task.get_actions(article, moderator) == []


def test_workflow_setup_runs_again_without_duplicates(section):
    """Running the setup again (every `make run`) leaves one workflow, one task, one assignment per section."""
    second_section = ArticleIndexPageFactory(parent=section.get_parent(), title="Living well", slug="living-well")
    ensure_medical_review_workflow()
    ensure_medical_review_workflow()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Medical reviewers"]
    assert GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).count() == 1
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page", flat=True)) == {
        section.pk,
        second_section.pk,
    }
    assert not Workflow.objects.filter(active=True).exclude(pk=workflow.pk).exists()


def test_publish_scheduled_publishes_a_page_whose_go_live_time_has_passed(section):
    """`manage.py publish_scheduled` (run from cron) puts a due page live."""
    article = draft_article(section, go_live_at=timezone.now() + datetime.timedelta(hours=1))
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live

    # Move the schedule into the past, as if the hour had gone by.
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = a_minute_ago.isoformat()
    revision.approved_go_live_at = a_minute_ago
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")

    article.refresh_from_db()
    assert article.live


def due_in(section, days, **fields):
    return ArticlePageFactory(
        parent=section,
        next_review_due=timezone.localdate() + datetime.timedelta(days=days),
        last_reviewed=timezone.localdate() - datetime.timedelta(days=300),
        **fields,
    )


def test_review_due_lists_overdue_and_upcoming_reviews_most_overdue_first(section):
    """Overdue and due-within-30-days articles are listed, overdue first; later ones are not."""
    in_ten_days = due_in(section, 10)
    overdue = due_in(section, -5)
    due_in(section, 90)
    assert list(ArticlePage.objects.review_due(within_days=30)) == [overdue, in_ten_days]


def test_reviews_due_report_shows_what_each_review_needs(client, section, editor):
    """An editor sees each due article with its reviewer, dates and its status in words."""
    reviewer = PersonFactory(name="Dr Ada Okafor", credentials="MD")
    overdue = due_in(section, -5, title="Back pain", reviewer=reviewer)
    due_in(section, 10, title="Muscle spasm")
    due_in(section, 90, title="Scoliosis")
    client.force_login(editor)

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.text
    assert "Reviews due" in html
    assert "Back pain" in html and "Muscle spasm" in html
    assert "Scoliosis" not in html
    assert "Dr Ada Okafor, MD" in html
    assert "Overdue" in html and "Due in 10 days" in html
    assert html.index("Back pain") < html.index("Muscle spasm")
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html


def test_reviews_due_report_is_for_editors_and_reviewers_not_moderators(client, section, editor, reviewer, moderator):
    """Editors and medical reviewers may open the report and see it in the menu; moderators may not."""
    for user in (editor, reviewer):
        client.force_login(user)
        assert client.get(REPORT_URL).status_code == 200
        assert REPORT_URL in client.get("/admin/").text
    client.force_login(moderator)
    refused = client.get(REPORT_URL, follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in refused.text
    assert REPORT_URL not in refused.text


def test_reviews_due_report_takes_the_same_queries_for_2_or_20_rows(client, section, editor):
    """The report's query count does not grow with the number of articles listed."""
    client.force_login(editor)
    for days in range(2):
        due_in(section, days)
    client.get(REPORT_URL)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as two_rows:
        assert client.get(REPORT_URL).text.count("Due ") == 2
    for days in range(2, 20):
        due_in(section, days)
    with CaptureQueriesContext(connection) as twenty_rows:
        response = client.get(REPORT_URL)
    assert response.text.count("Due in") == 19  # and one "Due today"
    assert len(twenty_rows) == len(two_rows)


def test_demo_content_puts_its_articles_under_medical_review():
    """After `make run` loads the demo content, its articles go through medical review."""
    call_command("load_demo_content")
    article = ArticlePage.objects.first()
    assert article.get_workflow().name == WORKFLOW_NAME
    assert GroupPagePermission.objects.filter(group__name="Editors", page=article.get_site().root_page).exists()
