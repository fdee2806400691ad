import pytest
import wagtail_factories
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage, ArticlePage
from tests.triage.factories import build_checklist
from triage.models import ChecklistPage

pytestmark = pytest.mark.django_db


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Health A to Z"
    slug = "health-a-z"

    class Meta:
        model = ArticleIndexPage


def article_with_checklist(home_page, checklist, section="health-a-z"):
    index = ArticleIndexPageFactory(parent=home_page, slug=section)
    article = ArticlePage(
        title="Cramp",
        slug="cramp",
        summary="About cramp.",
        body=[
            {"type": "doctor_visit_checklist", "value": {"checklist": checklist.pk, "show": "warning_signs"}},
            {"type": "doctor_visit_checklist", "value": {"checklist": checklist.pk, "show": "questions"}},
        ],
    )
    index.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_article_block_shows_signs_by_urgency_and_questions(client, home_page, checklist):
    """The block renders the checklist's signs as care cards per urgency, its questions, and a start link."""
    article = article_with_checklist(home_page, checklist)
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Call your local emergency number now if your cramp:" in response.text
    assert "See a doctor today if your cramp:" in response.text
    assert "Make an appointment with a doctor if your cramp:" in response.text
    assert "<li>is an urgent sign 0</li>" in response.text
    assert "Questions your doctor may ask" in response.text
    assert "<li>The date question 0?</li>" in response.text
    assert response.text.count(f'href="{checklist.url}"') == 2


def test_article_block_hides_an_unpublished_checklist(client, home_page, checklist):
    """An article never links readers to a checklist that is not live."""
    article = article_with_checklist(home_page, checklist)
    checklist.unpublish()
    response = client.get(article.url)
    assert "is an urgent sign 0" not in response.text


def test_demo_article_takes_its_signs_and_questions_from_the_demo_checklist(client):
    """The demo muscle-spasm article and its checklist come from one source."""
    call_command("load_demo_content")
    checklist = ChecklistPage.objects.get(slug="muscle-spasm")
    article = client.get("/health-a-z/muscle-spasm/").text
    assert "See a doctor today if your muscle spasm:" in article
    assert "<li>comes with muscle weakness</li>" in article
    assert "<li>Do you use recreational drugs or performance-enhancing substances?</li>" in article
    assert "Call your local emergency number now if your muscle spasm:" in article
    assert checklist.warning_signs.count() == 7
    assert checklist.warning_signs.filter(urgency="emergency").exists()
    assert checklist.preparation_questions.get(prompt__contains="urine").warning_urgency == "urgent"
    assert checklist.preparation_questions.count() == 9
    assert checklist.questions_to_ask.count() == 5
    assert checklist.preparation_questions.get(prompt__contains="recreational drugs").sensitive
    assert {outcome.level for outcome in checklist.outcomes.all()} == {"emergency", "urgent", "routine", "none"}
    assert client.get(checklist.url).status_code == 200


def test_article_with_a_bigger_checklist_takes_no_more_queries(client, home_page, checklist_index):
    """The block fetches a checklist's signs and questions in bulk, whatever their number."""
    small = article_with_checklist(home_page, build_checklist(checklist_index, copies=1), section="small")
    large = article_with_checklist(home_page, build_checklist(checklist_index, copies=5), section="large")
    counts = []
    for article in (small, large):
        client.get(article.url)  # warm Wagtail's caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
