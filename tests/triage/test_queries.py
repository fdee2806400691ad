import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.triage.conftest import Reader, question_answers, sign_answers
from tests.triage.factories import build_checklist

pytestmark = pytest.mark.django_db


def queries_per_step(page):
    """The number of queries each step of a complete pass takes, for a new reader."""
    reader = Reader(Client(), page)
    signs, questions = sign_answers(page, urgent="yes"), question_answers(page)
    steps = {
        "start": reader.start,
        "signs": lambda: reader.answer_signs(signs, follow=False),
        "result": reader.see_result,
        "prepare": lambda: reader.client.get(page.url + "prepare/"),
        "questions": lambda: reader.answer_questions(questions, follow=False),
        "summary": reader.see_summary,
        "pdf": reader.download_pdf,
    }
    counts = {}
    for name, step in steps.items():
        with CaptureQueriesContext(connection) as queries:
            response = step()
        assert response.status_code in (200, 303), name
        counts[name] = len(queries)
    return counts


def test_each_step_takes_the_same_queries_whatever_the_checklist_size(checklist_index):
    """A checklist with five times the questions takes no more queries on any step."""
    small, large = build_checklist(checklist_index, copies=1), build_checklist(checklist_index, copies=5)
    for page in (small, large):  # warm Wagtail's site cache and create today's outcome counts
        queries_per_step(page)
    small_counts, large_counts = queries_per_step(small), queries_per_step(large)
    assert small_counts == large_counts
    # Wagtail finds the page in about eight; the checklist adds four, the outcome count one or two.
    assert max(small_counts.values()) <= 15
